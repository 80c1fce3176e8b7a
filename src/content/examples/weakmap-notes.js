// Extra data about objects you do not own: a Map keeps every key alive,
// a WeakMap lets an entry go when its key object goes.
const mb = (bytes) => `${(bytes / 1048576).toFixed(2)} MB`;

function annotateSamples(notes) {
  const start = memoryUsage().heapBytes;
  for (let i = 0; i < 500; i++) {
    const sample = { id: i }; // used for one iteration, then dropped
    notes.set(sample, { checkedAt: i, histogram: new Float64Array(1_000) });
  }
  return memoryUsage().heapBytes - start;
}

console.log(`Map:     +${mb(annotateSamples(new Map()))} still held after the loop`);
console.log(`WeakMap: +${mb(annotateSamples(new WeakMap()))} still held after the loop`);

// A WeakRef does not keep its target alive either. How soon deref() notices depends on the engine.
let target = { histogram: new Float64Array(1_000) };
const ref = new WeakRef(target);
console.log(`WeakRef, target still held:  deref() gives ${typeof ref.deref()}`);
target = null; // the last ordinary reference goes
console.log(`WeakRef, right after target = null: deref() gives ${ref.deref()}`);
