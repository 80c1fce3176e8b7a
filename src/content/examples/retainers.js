// What keeps memory alive: a gallery keeps a small thumbnail of every image the
// user opened, and each thumbnail keeps a link back to its full image. The
// three-snapshot technique finds the growth; shallow and retained size explain it.
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function loadImage(id) {
  return { id, pixels: new Uint8Array(256 * 1024) }; // 256 KB of pixels
}

function makeThumbnail(image) {
  const small = new Uint8Array(32 * 32); // 1 KB
  return { id: image.id, small, source: image }; // source: "in case we need it later"
}

const gallery = [];
function openImages(count) {
  for (let i = 0; i < count; i++) gallery.push(makeThumbnail(loadImage(gallery.length)));
}

// Three snapshots: after a warm-up, then after the same action twice more.
openImages(5);
const first = heapSnapshot('1: warmed up');
openImages(5);
const second = heapSnapshot('2: 5 more images');
openImages(5);
const third = heapSnapshot('3: 5 more again');
console.log(`between snapshots 1 and 2: +${kb(second - first)}; between 2 and 3: +${kb(third - second)}`);

// Shallow size: the thumbnail object itself, without what its properties point to.
let before = memoryUsage().heapBytes;
const shell = { id: 0, small: null, source: null };
console.log(`shallow size of a thumbnail: ${memoryUsage().heapBytes - before} bytes`);

// Retained size: what is freed when the last reference to one thumbnail goes.
before = memoryUsage().heapBytes;
gallery.length -= 1; // the gallery lets go of its last thumbnail, and nothing else holds it
console.log(`retained size of a thumbnail: ${kb(before - memoryUsage().heapBytes)}`);

// Cut one link of the chain gallery -> thumbnail -> source -> image -> pixels.
before = memoryUsage().heapBytes;
for (const thumbnail of gallery) thumbnail.source = null;
console.log(`cutting .source freed ${kb(before - memoryUsage().heapBytes)}; ${gallery.length} thumbnails are still there`);
