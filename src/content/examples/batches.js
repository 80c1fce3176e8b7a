// One function called three times. Each call builds a batch of 300,000
// numbers, waits half a second (simulated) and returns only their sum, so the
// batch is freed the moment the call ends.

// @profile
function sumBatch(batchNumber) {
  const values = new Array(300_000).fill(batchNumber);
  sleep(0.5);
  let total = 0;
  for (const value of values) total += value;
  return total;
}

for (let batch = 1; batch <= 3; batch++) {
  console.log(`batch ${batch}: sum ${sumBatch(batch)}`);
  sleep(0.5);
}
