// Naive recursive Fibonacci: every call for n > 1 makes two more calls,
// so a profile shows many calls of one function but only one "primitive"
// (non-recursive) call, written total/primitive, e.g. 177/1.

function fibonacci(n) {
  if (n < 2) {
    return n;
  }
  return fibonacci(n - 1) + fibonacci(n - 2);
}

function main() {
  const n = 10;
  console.log(`fibonacci(${n}) = ${fibonacci(n)}`);
}

main();
