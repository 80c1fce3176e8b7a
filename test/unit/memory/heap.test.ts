import { describe, expect, it } from 'vitest';
import { memoryOf, out, run } from './helpers';
import { formatBytes } from '../../../src/sandbox/memory/format';

describe('heap composition', () => {
  it('a marked region reports "+1,000,000 array elements, +7.6 MB"', async () => {
    const r = await run(`let kept;\nheapRegion('fill', () => { kept = new Array(1e6).fill(0); });\nconsole.log(kept.length);`);
    expect(r.status).toBe('ok');
    expect(out(r)).toEqual(['1000000']);
    const heap = memoryOf(r).heap!;
    expect(heap.snapshots.map((s) => s.label)).toEqual(['fill: start', 'fill: end']);
    const [diff] = heap.diffs;
    const elements = diff.categories.find((c) => c.key === 'array-elements')!;
    expect(elements.count).toBe(1_000_000);
    expect(elements.bytes).toBe(8_000_000);
    expect(diff.summary.startsWith('+1,000,000 array elements')).toBe(true);
    expect(diff.summary.endsWith('+7.6 MB')).toBe(true);
    expect(diff.categories[0].key).toBe('array-elements'); // the biggest change first
  });

  it('counts strings, objects, functions and typed arrays, with "other" closing the sum', async () => {
    const r = await run(
      `const before = heapSnapshot('start');
const words = Array.from({ length: 1000 }, (_, i) => 'word number ' + i);
const points = Array.from({ length: 2000 }, (_, i) => ({ x: i, y: i }));
const fns = Array.from({ length: 50 }, (_, i) => new Function('return ' + i));
const bytes = new Float64Array(100000);
heapSnapshot('end');
console.log(typeof before);`,
    );
    expect(out(r)).toEqual(['number']);
    const heap = memoryOf(r).heap!;
    const [start, end] = heap.snapshots;
    const diff = heap.diffs.find((d) => d.from === 'start' && d.to === 'end')!;
    const by = Object.fromEntries(diff.categories.map((c) => [c.key, c]));
    expect(by.strings.count).toBeGreaterThanOrEqual(1000);
    expect(by.objects.count).toBeGreaterThanOrEqual(2000);
    expect(by.functions.count).toBeGreaterThanOrEqual(50);
    expect(by['array-elements'].count).toBeGreaterThanOrEqual(3050);
    // The Float64Array's 800 KB store is in the total only; it is filed under typed arrays
    // (what the unlisted part grew by), not under "other" (issue 16, item 8).
    expect(diff.heapBytes).toBeGreaterThan(800_000);
    expect(by.binary.bytes!).toBeGreaterThanOrEqual(800_000);
    expect(by.binary.bytes!).toBeLessThan(800_000 + 4096);
    expect(by.other?.bytes ?? 0).toBeLessThan(4096);
    expect(end.categories.find((c) => c.key === 'binary')!.estimated).toBe(true);
    for (const shot of [start, end]) {
      const sum = shot.categories.reduce((s, c) => s + (c.bytes ?? 0), 0);
      expect(sum).toBe(shot.heapBytes);
    }
  });

  it('heap: true records before and after the whole cell', async () => {
    const r = await run(`// a cell\nconst big = 'x'.repeat(3 * 1024 * 1024);`, { memory: { heap: true } });
    const heap = memoryOf(r).heap!;
    expect(heap.snapshots.map((s) => s.label)).toEqual(['before', 'after']);
    // The 3 MiB string is in the diff; a few hundred bytes of the run's start-up garbage may be freed by then.
    expect(heap.diffs[0].heapBytes).toBeGreaterThan(3 * 1024 * 1024 - 4096);
    expect(heap.diffs[0].summary).toContain(formatBytes(heap.diffs[0].heapBytes).slice(0, 3));
  });

  it('memoryUsage() gives the live heap and the wasm memory to the cell', async () => {
    const r = await run(`const a = memoryUsage().heapBytes;\nconst keep = new Array(250000).fill(1);\nconst u = memoryUsage();\nconsole.log(u.heapBytes - a, u.wasmBytes > u.heapBytes);`);
    const [delta, bigger] = out(r)[0].split(' ');
    expect(Number(delta)).toBeGreaterThanOrEqual(2_000_000);
    expect(Number(delta)).toBeLessThan(2_000_000 + 4096);
    expect(bigger).toBe('true');
  });
});
