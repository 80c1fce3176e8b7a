// The memory eater: a list that starts with one number, grows to half a
// million, doubles twice and is finally let go. The sleeps spread the steps
// out on the memory timeline, so each one shows as a stair.
//
// QuickJS keeps a number in 8 bytes, so every 500,000 numbers cost 3.8 MB:
// expect +3.8 MB, +3.8 MB, +7.6 MB, then a drop back to where it started.

const COUNT = 500_000;

// @profile
function eatMemory() {
  let numbers = [1];
  for (let i = 1; i < COUNT; i++) numbers.push(i);
  sleep(1);
  numbers = numbers.concat(numbers);
  sleep(1);
  numbers = numbers.concat(numbers);
  sleep(1);
  const kept = numbers.length;
  numbers = null;
  sleep(1);
  return kept;
}

console.log(`The list reached ${eatMemory()} numbers before it was dropped.`);
