// A word report: how many different words a text has, and its three most frequent.
// Which line takes the time? Guess first, then look at the line profile.

function makeWords(count) {
  const words = [];
  for (let i = 0; i < count; i++) words.push('w' + ((i * 7919) % 2500));
  return words;
}

// @profile
function wordReport(words) {
  const counts = {};
  for (const word of words) {
    counts[word] = (counts[word] || 0) + 1;
  }
  const top = Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3);
  const distinct = words.filter((word, i) => words.indexOf(word) === i);
  return { words: words.length, distinct: distinct.length, top: top.map(([w, n]) => `${w} ×${n}`) };
}

const report = wordReport(makeWords(4000));
console.log(`${report.words} words, ${report.distinct} different; most frequent: ${report.top.join(', ')}`);
