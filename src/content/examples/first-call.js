// A small numeric kernel, timed call by call. This file uses nothing but
// performance.now() and console.log(), so the same file also runs outside the
// sandbox: `node src/content/examples/first-call.js` runs it in V8, a compiler.
function kernel(n) {
  let total = 0;
  for (let i = 1; i <= n; i++) total += Math.sqrt(i) / (i + 1);
  return total;
}

const N = 100_000;
const times = [];
let result = 0;
for (let call = 1; call <= 30; call++) {
  const start = performance.now();
  result = kernel(N);
  times.push(performance.now() - start);
}

// Calls 11 to 30 stand for the steady state: their median.
const settled = times.slice(10).sort((a, b) => a - b);
const steady = (settled[9] + settled[10]) / 2;
console.log('result:', result.toFixed(6));
for (const call of [1, 2, 3]) console.log(`call ${call}: ${times[call - 1].toFixed(3)} ms`);
console.log(`steady state (median of calls 11-30): ${steady.toFixed(3)} ms`);
console.log(`first call / steady state: ${(times[0] / steady).toFixed(1)}`);
