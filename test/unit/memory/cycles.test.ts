/**
 * What QuickJS really does with garbage, so the memory chapter can rely on it
 * (written down in src/sandbox/memory/README.md):
 * - an object nobody refers to is freed at once (reference counting);
 * - a dropped reference cycle stays until the cycle collector runs, which
 *   QuickJS does on allocation pressure, not on a timer and not when a cell ends.
 */
import { describe, expect, it } from 'vitest';
import { out, run } from './helpers';

const ARRAY_BYTES = 100_000 * 8;

describe('reference counting and the cycle collector', () => {
  it('frees an object without cycles the moment its last reference goes', async () => {
    const r = await run(`const base = memoryUsage().heapBytes;
let holder = { data: new Array(100000).fill(1) };
const held = memoryUsage().heapBytes - base;
holder = null;
const after = memoryUsage().heapBytes - base;
console.log(held, after);`);
    const [held, after] = out(r)[0].split(' ').map(Number);
    expect(held).toBeGreaterThanOrEqual(ARRAY_BYTES);
    expect(after).toBeLessThan(4096);
  });

  it('keeps a dropped cycle until allocation pressure runs the cycle collector', async () => {
    const r = await run(`const base = memoryUsage().heapBytes;
function makeCycle() {
  const a = { data: new Array(100000).fill(1) };
  const b = { a };
  a.b = b; // a -> b -> a
  return a;
}
let cycle = makeCycle();
const held = memoryUsage().heapBytes - base;
cycle = null;
const dropped = memoryUsage().heapBytes - base;
// Nothing else happens: sleeping does not collect it either.
sleep(5);
const slept = memoryUsage().heapBytes - base;
// Allocate small objects, watching for the moment the cycle is freed.
const junk = [];
let freedAfter = -1;
for (let i = 1; i <= 200000 && freedAfter < 0; i++) {
  junk.push({ i });
  if (i % 500 === 0 && memoryUsage().heapBytes - base < junk.length * 100) freedAfter = i;
}
console.log(held, dropped, slept, freedAfter);`);
    expect(r.status).toBe('ok');
    const [held, dropped, slept, freedAfter] = out(r)[0].split(' ').map(Number);
    expect(held).toBeGreaterThanOrEqual(ARRAY_BYTES);
    // Dropped, but still there: reference counts inside the cycle never reach zero.
    expect(dropped).toBeGreaterThanOrEqual(ARRAY_BYTES);
    expect(slept).toBe(dropped);
    // Freed once enough new allocations triggered the collector.
    expect(freedAfter).toBeGreaterThan(0);
  });

  it('a dropped cycle is still there when the cell ends (no collection at the end)', async () => {
    const r = await run(`let a = { data: new Array(100000).fill(1) };\na.self = a;\na = null;`, { memory: { heap: true } });
    const heap = (r.memory as { heap: { diffs: Array<{ heapBytes: number }> } }).heap;
    expect(heap.diffs[0].heapBytes).toBeGreaterThanOrEqual(ARRAY_BYTES);
  });

  it('WeakRef does not keep its target alive, but the target lives until its last strong reference goes', async () => {
    const r = await run(`let target = { data: new Array(100000).fill(1) };
const ref = new WeakRef(target);
const alive = ref.deref() === target;
target = null;
console.log(alive, ref.deref() === undefined);`);
    expect(out(r)).toEqual(['true true']);
  });
});
