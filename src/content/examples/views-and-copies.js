// A recording of 1,000,000 samples, cut into 1,000 frames of 1,000 samples.
// slice() copies each frame into a new buffer; subarray() makes a view that
// reads the recording's own buffer. Same numbers, very different memory.
const SAMPLES = 1_000_000;
const FRAME = 1_000;
const mb = (bytes) => `${(bytes / 1048576).toFixed(2)} MB`;

const recording = new Float64Array(SAMPLES);
for (let i = 0; i < SAMPLES; i++) recording[i] = Math.sin(i / 50);

function cutFrames(cut) {
  const frames = [];
  for (let start = 0; start < SAMPLES; start += FRAME) frames.push(cut(start, start + FRAME));
  return frames;
}

// heapRegion() also records the heap's make-up on both sides for the Heap tab.
function heldBy(label, makeFrames) {
  const before = memoryUsage().heapBytes;
  const frames = heapRegion(label, makeFrames);
  return { frames, bytes: memoryUsage().heapBytes - before };
}

const copies = heldBy('slice copies', () => cutFrames((a, b) => recording.slice(a, b)));
const views = heldBy('subarray views', () => cutFrames((a, b) => recording.subarray(a, b)));
console.log(`recording:           ${mb(recording.byteLength)}`);
console.log(`1,000 slice() copies: +${mb(copies.bytes)}`);
console.log(`1,000 subarray views: +${mb(views.bytes)}`);

// A view shares its buffer: writing through it changes the recording too.
views.frames[3][0] = 42;
copies.frames[5][0] = 42;
console.log('recording[3000] after writing to view 3: ', recording[3000]);
console.log('recording[5000] after writing to copy 5: ', recording[5000]);
console.log('same buffer?', views.frames[3].buffer === recording.buffer, copies.frames[5].buffer === recording.buffer);
