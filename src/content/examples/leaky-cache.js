// A cache that only ever grows. Each report is computed once and remembered,
// which is fast, but no entry is ever thrown away: after 1,000 different
// stations the cache holds 1,000 reports, and the heap climbs with it.
const cache = new Map();

function stationReport(stationId) {
  if (cache.has(stationId)) return cache.get(stationId);
  const hourly = new Float64Array(24 * 30); // a month of hourly readings
  for (let h = 0; h < hourly.length; h++) hourly[h] = 10 + Math.sin(stationId + h / 24) * 5;
  const report = { stationId, hourly, mean: hourly.reduce((a, b) => a + b, 0) / hourly.length };
  cache.set(stationId, report);
  return report;
}

const start = memoryUsage().heapBytes;
for (let i = 1; i <= 1_000; i++) {
  stationReport(i);
  if (i % 250 === 0) {
    const grown = (memoryUsage().heapBytes - start) / 1048576;
    console.log(`${i} stations: cache holds ${cache.size} reports, heap +${grown.toFixed(2)} MB`);
  }
  sleep(0.01); // one request every 10 ms (simulated)
}
