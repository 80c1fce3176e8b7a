// The same work written two ways, plus one quick, rare task.
// Profile it with the deterministic profiler and with the sampling profiler,
// and compare what each one reports.

// Many tiny calls: each call does almost nothing, so timing every call
// costs about as much as the call itself.
function square(value) {
  return value * value;
}

function sumOfSquaresWithCalls(count) {
  let total = 0;
  for (let i = 0; i < count; i++) {
    total += square(i % 1000);
  }
  return total;
}

// The same arithmetic without the calls: one long loop in one function.
function sumOfSquaresInline(count) {
  let total = 0;
  for (let i = 0; i < count; i++) {
    const value = i % 1000;
    total += value * value;
  }
  return total;
}

// Over in a few microseconds: a sampler that looks once a millisecond
// will most likely never catch it running.
function checksum(text) {
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    sum = (sum * 31 + text.charCodeAt(i)) % 65_521;
  }
  return sum;
}

/** The middle value of a list of timings: one slow run does not move it. */
function median(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const COUNT = 40_000;
const REPEATS = 5;

function main() {
  // One untimed round first: a freshly started engine runs slower for a moment,
  // and that would count against whichever version went first.
  sumOfSquaresInline(COUNT);

  // Each version runs 5 times, the two taking turns, and the medians are compared:
  // a single timing can be thrown off by anything else the machine is doing.
  const withCallsTimes = [];
  const inlineTimes = [];
  let withCalls = 0;
  let inline = 0;
  for (let round = 0; round < REPEATS; round++) {
    let start = performance.now();
    withCalls = sumOfSquaresWithCalls(COUNT);
    withCallsTimes.push(performance.now() - start);

    start = performance.now();
    inline = sumOfSquaresInline(COUNT);
    inlineTimes.push(performance.now() - start);
  }
  const withCallsMs = median(withCallsTimes);
  const inlineMs = median(inlineTimes);

  console.log('same total both ways:', withCalls === inline);
  console.log(`median of ${REPEATS} runs: with calls ${withCallsMs.toFixed(1)} ms, inline ${inlineMs.toFixed(1)} ms`);
  console.log(`the version with calls took ${(withCallsMs / inlineMs).toFixed(1)} times as long`);
  console.log('checksum:', checksum('profile me'));
}

main();
