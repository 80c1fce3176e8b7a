// Reference counting frees a value the moment nothing refers to it. A cycle
// keeps its own counts above zero, so it waits for the cycle collector.
const start = memoryUsage().heapBytes;
const grown = () => `${((memoryUsage().heapBytes - start) / 1048576).toFixed(2)} MB`;

function makeRecord() {
  return { samples: new Array(200_000).fill(1) };
}

function makeLinkedPair() {
  const first = { samples: new Array(200_000).fill(1) };
  const second = { first };
  first.second = second; // first -> second -> first: a cycle
  return first;
}

let record = makeRecord();
console.log('record held:      ', grown());
record = null;
console.log('record dropped:   ', grown());

let pair = makeLinkedPair();
console.log('pair held:        ', grown());
pair = null;
console.log('pair dropped:     ', grown());
sleep(5);
console.log('5 s later:        ', grown());

// Allocate small objects until the collector runs and the pair disappears.
const scraps = [];
let before = memoryUsage().heapBytes;
for (let i = 1; i <= 200_000; i++) {
  scraps.push({ i });
  if (i % 500 !== 0) continue;
  const now = memoryUsage().heapBytes;
  if (now < before - 1_000_000) {
    console.log(`collected after ${i.toLocaleString('en-US')} small objects`);
    break;
  }
  before = now;
}
scraps.length = 0;
console.log('scraps dropped:   ', grown());
