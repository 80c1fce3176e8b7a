// One part of this program waits and the other part works.
// Wall time counts both; CPU time counts only the work.

function waitForData() {
  // Stands in for waiting on a disk, a network or an instrument:
  // the program is idle, but the clock on the wall keeps going.
  sleep(2);
}

function countPrimesBelow(limit) {
  let count = 0;
  for (let candidate = 2; candidate < limit; candidate++) {
    let isPrime = true;
    for (let divisor = 2; divisor * divisor <= candidate; divisor++) {
      if (candidate % divisor === 0) {
        isPrime = false;
        break;
      }
    }
    if (isPrime) count++;
  }
  return count;
}

waitForData();
console.log('primes below 30,000:', countPrimesBelow(30_000));
