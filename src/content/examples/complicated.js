// A program whose time hides in many small calls and built-in helpers.
// The element-wise helpers below stand in for numpy's array operations.

/** Element-wise square of an array. */
function squareEach(values) {
  return values.map((v) => v * v);
}

/** Element-wise sum of two arrays of the same length. */
function addEach(a, b) {
  return a.map((v, i) => v + b[i]);
}

/** Adds a number to every element. */
function addScalar(values, k) {
  return values.map((v) => v + k);
}

/** A whole number from low to high inclusive, like Python's random.randint. */
function randomInt(low, high) {
  return low + Math.floor(Math.random() * (high - low + 1));
}

class Parent {
  constructor() {
    this.x = Array.from({ length: 100 }, () => Math.random());
  }
}

class Child extends Parent {
  constructor(y) {
    super();
    this.y = y;
  }

  prepY() {
    this.y += randomInt(0, 8);
  }

  myMethod() {
    for (let i = 0; i < 1_000_000; i++) {
      this.prepY();
    }
    return addScalar(squareEach(this.x), this.y);
  }
}

function prepChild(y) {
  return new Child(y);
}

function getSum(a, b) {
  return Math.round(addEach(a, b).reduce((sum, v) => sum + v, 0));
}

function myFunc() {
  const first = prepChild(10);
  const second = prepChild(20);
  const z1 = first.myMethod();
  const z2 = second.myMethod();
  console.log(`Sum of both results: ${getSum(z1, z2)}`);
}

function main() {
  myFunc();
}

main();
