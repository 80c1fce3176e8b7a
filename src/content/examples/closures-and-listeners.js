// Two leaks that no cache is to blame for: a listener that is never removed,
// and a closure that keeps more than it uses. Then the same code fixed.
const mb = (bytes) => `${(bytes / 1048576).toFixed(2)} MB`;

// A tiny event source, like a sensor that tells its subscribers about new data.
const sensor = {
  listeners: [],
  subscribe(listener) {
    this.listeners.push(listener);
    return () => { this.listeners = this.listeners.filter((l) => l !== listener); };
  },
};

// Each chart keeps a buffer for the points it draws and listens to the sensor.
function openChart(unsubscribeOnClose) {
  const points = new Float64Array(50_000);
  const unsubscribe = sensor.subscribe((value) => { points[0] = value; });
  return { close: () => { if (unsubscribeOnClose) unsubscribe(); } };
}

let start = memoryUsage().heapBytes;
for (let i = 0; i < 20; i++) openChart(false).close();
console.log(`20 charts closed, never unsubscribed: +${mb(memoryUsage().heapBytes - start)}, ${sensor.listeners.length} listeners`);

sensor.listeners = [];
start = memoryUsage().heapBytes;
for (let i = 0; i < 20; i++) openChart(true).close();
console.log(`20 charts closed, unsubscribed:       +${mb(memoryUsage().heapBytes - start)}, ${sensor.listeners.length} listeners`);

// In QuickJS a closure keeps only the variables it mentions; in V8 it keeps every variable
// that any closure made by the same call mentions.
function summaryOf(rows, keepRows) {
  const count = rows.length;
  return keepRows ? () => `${count} rows (of ${rows.length})` : () => `${count} rows`;
}
const rows = () => Array.from({ length: 100_000 }, (_, i) => i);
start = memoryUsage().heapBytes;
const heavy = summaryOf(rows(), true);
console.log(`closure that mentions rows:           +${mb(memoryUsage().heapBytes - start)}`);
start = memoryUsage().heapBytes;
const light = summaryOf(rows(), false);
console.log(`closure that keeps only the count:    +${mb(memoryUsage().heapBytes - start)}`);
console.log(heavy(), '/', light());
