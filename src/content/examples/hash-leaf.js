// A program built so that we know where its time goes before we profile it.
// mix is a leaf: no loop, no branch and no call, only arithmetic on whole
// numbers. hashAll's own work is one addition per number. So almost all of
// the time is mix's. The program checks that by timing hashAll with and
// without mix.

/** Scrambles the bits of a whole number, in six identical rounds. */
function mix(value) {
  let h = value | 0;
  h = ((h ^ 61) ^ (h >>> 16)) * 9 | 0; h ^= h >>> 4; h = (h * 668265261) | 0; h ^= h >>> 15;
  h = ((h ^ 61) ^ (h >>> 16)) * 9 | 0; h ^= h >>> 4; h = (h * 668265261) | 0; h ^= h >>> 15;
  h = ((h ^ 61) ^ (h >>> 16)) * 9 | 0; h ^= h >>> 4; h = (h * 668265261) | 0; h ^= h >>> 15;
  h = ((h ^ 61) ^ (h >>> 16)) * 9 | 0; h ^= h >>> 4; h = (h * 668265261) | 0; h ^= h >>> 15;
  h = ((h ^ 61) ^ (h >>> 16)) * 9 | 0; h ^= h >>> 4; h = (h * 668265261) | 0; h ^= h >>> 15;
  h = ((h ^ 61) ^ (h >>> 16)) * 9 | 0; h ^= h >>> 4; h = (h * 668265261) | 0; h ^= h >>> 15;
  return h;
}

function hashAll(count) {
  let total = 0;
  for (let i = 0; i < count; i++) total = (total + mix(i)) | 0;
  return total;
}

// The same loop with the piece we suspect taken out: mix(i) becomes i.
function hashAllWithoutMix(count) {
  let total = 0;
  for (let i = 0; i < count; i++) total = (total + i) | 0;
  return total;
}

function median(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const COUNT = 40_000;
const withTimes = [];
const withoutTimes = [];
for (let round = 0; round < 5; round++) {
  let start = performance.now();
  hashAll(COUNT);
  withTimes.push(performance.now() - start);
  start = performance.now();
  hashAllWithoutMix(COUNT);
  withoutTimes.push(performance.now() - start);
}
const withMs = median(withTimes);
const withoutMs = median(withoutTimes);
console.log(`hashAll: ${withMs.toFixed(1)} ms, without mix: ${withoutMs.toFixed(1)} ms (medians of 5 runs)`);
console.log(`mix's share of hashAll: ${(100 * (1 - withoutMs / withMs)).toFixed(0)} %`);
