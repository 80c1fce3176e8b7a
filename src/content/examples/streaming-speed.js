// The price of streaming in time: the same mean over 200,000 readings, with an
// array at every stage and with a chain of generators, timed in turns, five
// times each, in the same run.
const COUNT = 200_000;
const reading = (i) => 15 + 10 * Math.sin(i / 3_600) + ((i * 7_919) % 13) / 10;

function materialised() {
  const raw = Array.from({ length: COUNT }, (_, i) => reading(i));
  const celsius = raw.filter((t) => t > -50 && t < 60);
  const kelvin = celsius.map((t) => t + 273.15);
  return kelvin.reduce((sum, k) => sum + k, 0) / kelvin.length;
}

function* readings() {
  for (let i = 0; i < COUNT; i++) yield reading(i);
}
function* plausible(values) {
  for (const t of values) if (t > -50 && t < 60) yield t;
}
function* toKelvin(values) {
  for (const t of values) yield t + 273.15;
}
function mean(values) {
  let sum = 0;
  let n = 0;
  for (const v of values) { sum += v; n++; }
  return sum / n;
}
const streamed = () => mean(toKelvin(plausible(readings())));

const times = { materialised: [], streamed: [] };
for (let round = 0; round < 5; round++) {
  for (const [name, run] of [['materialised', materialised], ['streamed', streamed]]) {
    const t0 = performance.now();
    run();
    times[name].push(performance.now() - t0);
  }
}
const median = (values) => values.slice().sort((a, b) => a - b)[values.length >> 1];
const arrays = median(times.materialised);
const generators = median(times.streamed);
console.log(`materialised: median ${arrays.toFixed(0)} ms of 5 runs`);
console.log(`streamed:     median ${generators.toFixed(0)} ms of 5 runs`);
console.log(`the generator pipeline takes ${(generators / arrays).toFixed(2)} times as long as the arrays`);
