// Two figures for "how much memory": the live heap (what QuickJS's objects
// hold right now) and the wasm memory (everything the engine has taken from
// the browser so far, free space included).
const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
const moments = [];

function note(moment) {
  const { heapBytes, wasmBytes } = memoryUsage();
  moments.push({ moment, 'live heap': mb(heapBytes), 'wasm memory': mb(wasmBytes) });
}

note('start');
let readings = new Array(2_000_000).fill(20.5);
note('2,000,000 readings held');
readings = null;
note('readings dropped');

console.table(moments);
