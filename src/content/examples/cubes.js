// The cubes of 0, 1, 2 … n − 1, built five ways. Every way gives the same
// numbers; which one is fastest depends on the engine that runs it.
const n = 10_000;

function pushLoop(n) {
  const cubes = [];
  for (let i = 0; i < n; i++) cubes.push(i * i * i);
  return cubes;
}

function preSized(n) {
  const cubes = new Array(n);
  for (let i = 0; i < n; i++) cubes[i] = i * i * i;
  return cubes;
}

function arrayFrom(n) {
  return Array.from({ length: n }, (_, i) => i * i * i);
}

function keysThenMap(n) {
  return [...Array(n).keys()].map((i) => i * i * i);
}

function typedArray(n) {
  const cubes = new Float64Array(n);
  for (let i = 0; i < n; i++) cubes[i] = i * i * i;
  return cubes;
}

// First make sure they agree: a fast wrong answer is worth nothing.
const reference = pushLoop(n);
const ways = { pushLoop, preSized, arrayFrom, keysThenMap, typedArray };
for (const [name, build] of Object.entries(ways)) {
  const cubes = build(n);
  const same = cubes.length === n && reference.every((c, i) => c === cubes[i]);
  console.log(`${name.padEnd(12)} same cubes: ${same}`);
}

compare({
  pushLoop: () => pushLoop(n),
  preSized: () => preSized(n),
  arrayFrom: () => arrayFrom(n),
  keysThenMap: () => keysThenMap(n),
  typedArray: () => typedArray(n),
});
