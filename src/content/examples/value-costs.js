// What 100,000 values of each kind add to QuickJS's live heap. Each result is
// stored in `kept` before the heap is read again, so nothing is freed early.
const COUNT = 100_000;
const kept = {};

function costOf(kind, make) {
  const before = memoryUsage().heapBytes;
  kept[kind] = make();
  const bytes = memoryUsage().heapBytes - before;
  return { kind, 'bytes each': Math.round((bytes / COUNT) * 10) / 10, total: `${(bytes / 1048576).toFixed(2)} MB` };
}

const indexes = (fill) => Array.from({ length: COUNT }, (_, i) => fill(i));

console.table([
  costOf('plain array of integers', () => indexes((i) => i)),
  costOf('plain array of fractions', () => indexes((i) => i / 7)),
  costOf('Float64Array', () => new Float64Array(COUNT)),
  costOf('Int32Array', () => new Int32Array(COUNT)),
  costOf('Uint8Array', () => new Uint8Array(COUNT)),
  costOf('objects {x, y}', () => indexes((i) => ({ x: i, y: -i }))),
  costOf('small arrays [x, y]', () => indexes((i) => [i, -i])),
  costOf('strings of 12 letters', () => indexes((i) => `sample-${String(i).padStart(5, '0')}`)),
  costOf('one 100,000-letter string', () => 'x'.repeat(COUNT)),
  costOf('one 100,000-letter string, "€"', () => '€'.repeat(COUNT)),
]);
