// How many ways can a path of n steps be made from strides of 1, 2 or 3?
// The recursion is short to write, and it solves the same small problems
// over and over. A cache remembers each answer the first time it is found.
let plainCalls = 0;
function ways(n) {
  plainCalls++;
  if (n < 0) return 0;
  if (n === 0) return 1;
  return ways(n - 1) + ways(n - 2) + ways(n - 3);
}

let cachedCalls = 0;
const known = new Map(); // n -> ways(n), filled as answers are found
function waysCached(n) {
  cachedCalls++;
  if (n < 0) return 0;
  if (n === 0) return 1;
  if (known.has(n)) return known.get(n);
  const answer = waysCached(n - 1) + waysCached(n - 2) + waysCached(n - 3);
  known.set(n, answer);
  return answer;
}

const n = 18;
console.log(`ways(${n}) = ${ways(n)} after ${plainCalls} calls`);
console.log(`waysCached(${n}) = ${waysCached(n)} after ${cachedCalls} calls`);

// A second question reuses what the cache already knows.
cachedCalls = 0;
console.log(`waysCached(${n + 5}) = ${waysCached(n + 5)} after ${cachedCalls} more calls`);
