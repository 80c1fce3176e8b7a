// How much fits under memory=32MB depends on the size of the blocks: fill the
// sandbox with blocks of one size until an allocation fails, let them all go,
// and do it again with the next size.
function fill(size) {
  let hoard = [];
  try {
    for (;;) hoard.push(new Array(size).fill(0));
  } catch (error) {
    const blocks = hoard.length;
    const live = memoryUsage().heapBytes;
    hoard = null; // let go before measuring the next size
    return { 'numbers per block': size, blocks, 'numbers held (MB)': +((blocks * size * 8) / 1048576).toFixed(1), 'live heap (MB)': +(live / 1048576).toFixed(1) };
  }
}
console.table([100_000, 25_000, 1_000, 100].map(fill));
