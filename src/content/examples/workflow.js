// Sorting 10,000 readings into 250 bins of a histogram. Profile it, find the
// function that takes the time, change it, and compare the two runs.
const lo = 0;
const hi = 100;
const binCount = 250;
const edges = Array.from({ length: binCount + 1 }, (_, i) => lo + ((hi - lo) * i) / binCount);

function reading() {
  // Peaked at 50 and spread over 0 to 100: the sum of two uniform numbers.
  return 50 * (Math.random() + Math.random());
}

// Which bin holds v? Walks the edges from the left until it finds out.
function binOf(v) {
  for (let i = 0; i < binCount; i++) {
    if (v >= edges[i] && v < edges[i + 1]) return i;
  }
  return -1; // outside every bin
}

function histogram(values) {
  const counts = new Array(binCount).fill(0);
  for (const v of values) {
    const bin = binOf(v);
    if (bin >= 0) counts[bin]++;
  }
  return counts;
}

const readings = Array.from({ length: 10_000 }, reading);
const counts = histogram(readings);
const fullest = counts.indexOf(Math.max(...counts));
console.log(`fullest bin: [${edges[fullest]}, ${edges[fullest + 1]}) with ${counts[fullest]} readings`);
console.log('checksum:', counts.reduce((sum, c, i) => sum + c * (i + 1), 0));
