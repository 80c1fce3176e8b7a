// One function, timed three ways: once, ten times by hand, and with bench().
function sumOfRoots(count) {
  let total = 0;
  for (let i = 0; i < count; i++) total += Math.sqrt(i);
  return total;
}

// 1. A single measurement.
const start = performance.now();
sumOfRoots(50_000);
console.log(`one call: ${(performance.now() - start).toFixed(3)} ms`);

// 2. Ten measurements in a row. They do not agree with each other.
const times = [];
for (let i = 0; i < 10; i++) {
  const t0 = performance.now();
  sumOfRoots(50_000);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const median = (times[4] + times[5]) / 2;
console.log(`ten calls: min ${times[0].toFixed(3)} ms, median ${median.toFixed(3)} ms, max ${times[9].toFixed(3)} ms`);

// 3. The benchmark helper: a warm-up, then 7 timed rounds of many calls each.
bench(() => sumOfRoots(50_000), { label: 'sumOfRoots(50_000)' });
