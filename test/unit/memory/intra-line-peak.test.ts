/**
 * Peaks inside a line. The spike program's profiled line `const total = spike();`
 * builds ~40 MB, sums it and lets it go: the heap is back at its baseline when
 * the line ends, so a profiler that reads the heap only between lines sees no peak.
 *
 * The truth comes from the sandbox's own limit, found by bisecting `memory=`: the
 * smallest limit under which the spike program runs. What that limit counts is not
 * the live heap (it is a cap on the module's wasm memory, see docs/AUTHORING.md), so
 * the fixed part (the module's own data, the runtime, the allocator's overhead per
 * block) is cancelled with a reference program: it builds the same chunks the same
 * way and measures, by construction, the live heap at the moment it holds them all.
 * Both need the same memory, so the spike's true peak is the reference's measured
 * peak plus the difference of the two smallest limits (within one bisection step).
 */
import { describe, expect, it } from 'vitest';
import { memoryOf, rowWith, run } from './helpers';

const MB = 1024 * 1024;
const STEP = MB / 4;
const CHUNKS = 640;
const CHUNK_ELEMENTS = 8192;
/**
 * How long (real ms) the spike holds its peak. A heap walk here costs ~0.3 ms, and
 * the sampler waits walk-cost / SAMPLE_DUTY (2 %) of the program's progress between
 * walks: ~15 ms, so a peak held this long is sampled even when a loaded machine gives
 * the program a fifth of a core. A shorter one may fall between two samples, as
 * between two of mprof's.
 */
const HOLD_MS = 300;

const build = `
function build() {
  const chunks = [];
  for (let i = 0; i < ${CHUNKS}; i++) chunks.push(new Array(${CHUNK_ELEMENTS}).fill(i));
  return chunks;
}
function total(chunks) {
  let sum = 0;
  for (const c of chunks) sum += c[0] + c[c.length - 1];
  return sum;
}`;

const SPIKE = `${build}
function spike() {
  const chunks = build();
  const until = performance.now() + ${HOLD_MS};
  let turns = 0;
  while (performance.now() < until) turns++;
  return total(chunks) + (turns > 0 ? 0 : 1);
}
// @profile
function main() {
  let kept = [1, 2, 3];
  const sum = spike();
  kept = null;
  return sum;
}
console.log(main());
`;

const REFERENCE = `${build}
const chunks = build();
const held = memoryUsage().heapBytes;
console.log(total(chunks), held);
`;

/** The smallest memory limit (to STEP) under which `code` runs to the end. */
async function smallestLimit(code: string, lo: number, hi: number): Promise<number> {
  expect((await run(code, { limits: { memoryBytes: hi } })).status).toBe('ok');
  expect((await run(code, { limits: { memoryBytes: lo } })).status).toBe('out-of-memory');
  while (hi - lo > STEP) {
    const mid = Math.round((lo + hi) / 2 / STEP) * STEP;
    const r = await run(code, { limits: { memoryBytes: mid } });
    if (r.status === 'ok') hi = mid;
    else {
      expect(r.status).toBe('out-of-memory');
      lo = mid;
    }
  }
  return hi;
}

describe('a peak inside one line', async () => {
  const ref = await run(REFERENCE, { limits: { memoryBytes: 128 * MB } });
  const heldByReference = Number(ref.console[0].text.split(' ')[1]);
  const spikeLimit = await smallestLimit(SPIKE, 20 * MB, 52 * MB);
  const referenceLimit = await smallestLimit(REFERENCE, 20 * MB, 52 * MB);
  const truePeak = heldByReference + (spikeLimit - referenceLimit) - STEP;
  const r = await run(SPIKE, { limits: { memoryBytes: 128 * MB }, memory: { lines: true, timeline: true } });
  const report = memoryOf(r);
  const table = report.lines![0];
  const line = rowWith(table, 'const sum = spike();');

  it('sets up a real intra-line peak (the heap is back at its baseline after the line)', () => {
    expect(ref.status).toBe('ok');
    expect(heldByReference).toBeGreaterThan(CHUNKS * CHUNK_ELEMENTS * 8);
    expect(r.status).toBe('ok');
    expect(line.memBytes! - table.rows[0].memBytes!).toBeLessThan(64 * 1024);
    console.info(`true peak ${(truePeak / MB).toFixed(2)} MB (limits: spike ${spikeLimit / MB} MB, reference ${referenceLimit / MB} MB); reported line peak ${(line.peakBytes! / MB).toFixed(2)} MB, run peak ${(report.peak.heapBytes / MB).toFixed(2)} MB`);
  });

  it("reports the line's peak at least as high as the true one", () => {
    expect(line.peakBytes!).toBeGreaterThanOrEqual(truePeak);
    expect(line.peakBytes!).toBeGreaterThanOrEqual(line.memBytes!);
  });

  it('gives every line a peak no lower than its usage after it', () => {
    for (const row of table.rows) if (row.memBytes !== null) expect(row.peakBytes!).toBeGreaterThanOrEqual(row.memBytes);
  });

  it("shows the true high-water mark in the timeline and the run's peak", () => {
    const tl = report.timeline!;
    expect(Math.max(...tl.samples.map((s) => s.heapBytes))).toBeGreaterThanOrEqual(truePeak);
    expect(tl.peak.heapBytes).toBeGreaterThanOrEqual(truePeak);
    expect(report.peak.heapBytes).toBeGreaterThanOrEqual(truePeak);
    expect(r.peakMemory!.heapBytes).toBeGreaterThanOrEqual(truePeak);
  });
});
