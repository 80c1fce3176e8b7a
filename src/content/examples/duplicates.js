// Which sample IDs occur more than once? Two answers to the same question:
// one compares every ID with every ID seen so far, one looks them up in a Set.
function sampleIds(count) {
  const ids = [];
  for (let i = 0; i < count; i++) ids.push('S' + Math.floor(Math.random() * count * 10));
  return ids;
}

// For each ID, a scan of the list of IDs seen so far: about n²/2 comparisons.
function duplicatesByScanning(ids) {
  const seen = [];
  const repeated = [];
  for (const id of ids) {
    if (seen.includes(id)) {
      if (!repeated.includes(id)) repeated.push(id);
    } else {
      seen.push(id);
    }
  }
  return repeated;
}

// For each ID, one lookup in a Set, whose cost does not grow with its size.
function duplicatesWithSet(ids) {
  const seen = new Set();
  const repeated = new Set();
  for (const id of ids) {
    if (seen.has(id)) repeated.add(id);
    else seen.add(id);
  }
  return [...repeated];
}

const ids = sampleIds(2_000);
const a = duplicatesByScanning(ids);
const b = duplicatesWithSet(ids);
console.log(`${a.length} repeated IDs among ${ids.length}; same answer: ${a.join() === b.join()}`);

// Time against input size: doubling n should double a linear time, and
// multiply a quadratic one by four.
growth(duplicatesByScanning, [200, 400, 800, 1_600], { setup: sampleIds });
growth(duplicatesWithSet, [1_000, 2_000, 4_000, 8_000], { setup: sampleIds });
