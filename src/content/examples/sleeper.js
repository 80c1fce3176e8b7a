// A program that spends its time waiting, not computing.
// sleep(seconds) is the sandbox's clock-only pause: it returns at once but
// moves the instrumented clock forward, as time.sleep would take real time.

function sleepOneSecond() {
  sleep(1);
}

function function1(n) {
  for (let i = 0; i < n; i++) {
    sleepOneSecond();
  }
}

function function2() {
  sleepOneSecond();
}

function main() {
  function1(5);
  function2();
  console.log('Done: six one-second naps.');
}

main();
