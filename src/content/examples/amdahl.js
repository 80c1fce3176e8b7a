// Amdahl's law: speeding up one part of a program speeds up the whole only as
// much as that part's share of the time allows.
// sleep(seconds) stands in for work: the clock moves on at once, so every share
// and speed-up below is the sleeps' own, up to the few milliseconds of real work
// around them (on a busy machine the last digit can move).

function loadData() {
  sleep(1.0);
}

// The hot spot: 3 of the job's 5 seconds. `speedUp` stands in for making it faster.
function fitModel(speedUp) {
  sleep(3.0 / speedUp);
}

function writePlots() {
  sleep(1.0);
}

function job(fitSpeedUp) {
  loadData();
  fitModel(fitSpeedUp);
  writePlots();
}

function seconds(fn) {
  const start = performance.now();
  fn();
  return (performance.now() - start) / 1000;
}

// 1. Measure the job and the share of its time that fitModel takes.
const total = seconds(() => job(1));
const share = seconds(() => fitModel(1)) / total;
console.log(`job: ${total.toFixed(2)} s, of which fitModel ${(100 * share).toFixed(0)} %`);
console.log(`best possible speed-up, with fitModel taking no time at all: ${(1 / (1 - share)).toFixed(2)}×`);

// 2. Predict with Amdahl's law, then measure.
for (const k of [2, 4, 10, 100]) {
  const predicted = 1 / ((1 - share) + share / k);
  const measured = total / seconds(() => job(k));
  console.log(`fitModel ${k}× faster: predicted ${predicted.toFixed(2)}×, measured ${measured.toFixed(2)}×`);
}
