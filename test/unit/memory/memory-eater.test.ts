import { describe, expect, it } from 'vitest';
import { example, memoryOf, out, rowWith, run } from './helpers';

/** QuickJS (wasm32, NaN boxing) keeps an array element in 8 bytes. */
const PER_ELEMENT = 8;
const COUNT = 500_000;
/** Room for the array object itself, a shape, the loop's own values. */
const SLACK = 4 * 1024;

describe('the memory-eater example', async () => {
  const r = await run(example('memory-eater.js'), { filename: 'memory-eater.js', memory: { lines: true, timeline: true, heap: true } });
  const report = memoryOf(r);
  const table = report.lines![0];

  it('runs and profiles the marked function', () => {
    expect(r.status).toBe('ok');
    expect(out(r)).toEqual(['The list reached 2000000 numbers before it was dropped.']);
    expect(table.name).toBe('eatMemory');
    expect(table.calls).toBe(1);
    expect(report.figure).toBe('live-heap');
  });

  it('shows increments that match the growth: 8 bytes per number', () => {
    const grow = rowWith(table, 'numbers.push(i)');
    const first = table.rows.filter((row) => row.text.includes('numbers.concat'));
    expect(first).toHaveLength(2);
    expect(grow.incrementBytes! - COUNT * PER_ELEMENT).toBeGreaterThanOrEqual(-SLACK);
    expect(grow.incrementBytes! - COUNT * PER_ELEMENT).toBeLessThanOrEqual(SLACK);
    expect(Math.abs(first[0].incrementBytes! - COUNT * PER_ELEMENT)).toBeLessThanOrEqual(SLACK);
    expect(Math.abs(first[1].incrementBytes! - 2 * COUNT * PER_ELEMENT)).toBeLessThanOrEqual(SLACK);
    // Mem usage is the running figure: each step sits on the one before.
    expect(first[1].memBytes! - grow.memBytes!).toBeGreaterThan(3 * COUNT * PER_ELEMENT - SLACK);
  });

  it('returns to the baseline when the list is dropped', () => {
    const drop = rowWith(table, 'numbers = null');
    const header = table.rows[0];
    expect(drop.incrementBytes!).toBeLessThan(-4 * COUNT * PER_ELEMENT + SLACK);
    expect(Math.abs(drop.memBytes! - header.memBytes!)).toBeLessThanOrEqual(SLACK);
  });

  it('leaves the lines that never ran (the closing brace, comments) blank', () => {
    const closing = table.rows[table.rows.length - 1];
    expect(closing.text.trim()).toBe('}');
    expect(closing.memBytes).toBeNull();
    expect(closing.occurrences).toBe(0);
  });

  it('draws the steps on the instrumented clock: sleep spreads them a second apart', () => {
    const tl = report.timeline!;
    expect(tl.spans).toHaveLength(1);
    const span = tl.spans[0];
    expect(span.name).toBe('eatMemory');
    expect(span.end! - span.start).toBeGreaterThanOrEqual(4000); // four simulated seconds
    const base = table.rows[0].memBytes!;
    // A sleep shows as two samples a simulated second apart at the same level: the flat steps.
    const plateaus: number[] = [];
    for (let i = 1; i < tl.samples.length; i++) {
      const [a, b] = [tl.samples[i - 1], tl.samples[i]];
      if (b.t - a.t >= 999 && a.heapBytes === b.heapBytes) plateaus.push(a.heapBytes - base);
    }
    expect(plateaus).toHaveLength(4);
    const expected = [1, 2, 4, 0].map((k) => k * COUNT * PER_ELEMENT);
    plateaus.forEach((level, i) => expect(Math.abs(level - expected[i])).toBeLessThanOrEqual(SLACK));
    expect(tl.peak.heapBytes - base).toBeGreaterThanOrEqual(4 * COUNT * PER_ELEMENT - SLACK);
    expect(tl.peak.t).toBeGreaterThan(span.start + 2000);
    // The samples are in clock order.
    for (let i = 1; i < tl.samples.length; i++) expect(tl.samples[i].t).toBeGreaterThanOrEqual(tl.samples[i - 1].t);
  });

  it('shows the wasm memory beside the live heap: it only grows, and stays above it', () => {
    const tl = report.timeline!;
    for (const s of tl.samples) expect(s.wasmBytes).toBeGreaterThan(s.heapBytes);
    for (let i = 1; i < tl.samples.length; i++) expect(tl.samples[i].wasmBytes).toBeGreaterThanOrEqual(tl.samples[i - 1].wasmBytes);
  });

  it('heap composition: before and after are alike once the list is gone', () => {
    const heap = report.heap!;
    expect(heap.snapshots.map((s) => s.label)).toEqual(['before', 'after']);
    const diff = heap.diffs[0];
    expect(Math.abs(diff.heapBytes)).toBeLessThan(64 * 1024);
    expect(diff.categories.find((c) => c.key === 'array-elements')?.count ?? 0).toBeLessThan(100);
  });
});
