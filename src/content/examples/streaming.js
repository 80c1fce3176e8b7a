// The same statistics over 1,000,000 simulated temperature readings, twice:
// first with every stage materialised as an array, then as a chain of
// generators that hands one reading at a time down the pipeline.
const COUNT = 1_000_000;
const reading = (i) => 15 + 10 * Math.sin(i / 3_600) + ((i * 7_919) % 13) / 10;

// @profile
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
// @profile
function streamed() {
  return mean(toKelvin(plausible(readings())));
}

for (const [name, run] of [['materialised', materialised], ['streamed', streamed]]) {
  const t0 = performance.now();
  const meanKelvin = run();
  console.log(`${name}: mean ${meanKelvin.toFixed(4)} K in ${(performance.now() - t0).toFixed(0)} ms`);
}
