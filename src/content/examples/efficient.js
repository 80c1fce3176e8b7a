// Two versions of one computation. For every value v we want a signal
// sin(v) × √1001 and its magnitude, and we want the squares of the first n
// values. Both versions return exactly the same numbers; one does far less work.

// Squaring lives in its own function so that the profile can count its calls.
function square(v) {
  return v * v;
}

function slowVersion(values, n) {
  const signals = [];
  for (const v of values) {
    // The same product is worked out twice, √1001 included, for every value.
    signals.push({ signal: Math.sin(v) * Math.sqrt(1001), magnitude: Math.abs(Math.sin(v) * Math.sqrt(1001)) });
  }
  // Every value is squared, although only the first n squares are kept.
  const squares = values.map(square);
  return { signals, squares: squares.slice(0, n) };
}

function fastVersion(values, n) {
  const root = Math.sqrt(1001); // a constant: computed once, outside the loop
  const signals = [];
  for (const v of values) {
    const signal = Math.sin(v) * root; // computed once, used twice
    signals.push({ signal, magnitude: Math.abs(signal) });
  }
  // Only the squares that are returned are computed.
  const squares = [];
  for (let i = 0; i < n; i++) squares.push(square(values[i]));
  return { signals, squares };
}

function sameResults(a, b) {
  if (a.signals.length !== b.signals.length || a.squares.length !== b.squares.length) return false;
  const signalsMatch = a.signals.every((s, i) => s.signal === b.signals[i].signal && s.magnitude === b.signals[i].magnitude);
  return signalsMatch && a.squares.every((x, i) => x === b.squares[i]);
}

const values = Array.from({ length: 10000 }, (_, i) => i / 100);
const n = 100;

const slow = slowVersion(values, n);
const fast = fastVersion(values, n);
console.log(`${values.length} values, the squares of the first ${n}`);
console.log('same results:', sameResults(slow, fast));
