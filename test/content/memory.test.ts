/**
 * The memory chapter, run the way the page runs it: every cell with the
 * request the cell element builds (cellRequest + each view's prepare()), on the
 * real QuickJS engine and memory tools. Then the figures the prose states are
 * checked against what the cells print and what the memory report holds, so
 * the text cannot drift from the engine.
 *
 * Byte figures are QuickJS's own accounting and deterministic for a given
 * engine build; they are compared with the sizes the code asks for (8 bytes a
 * number, ...) within a small slack, never with a timing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exercisesOfFile } from '../../src/markdown/remark-exercises';
import { chapterCells, requestOf } from './support/chapter-cells';
import { checkAttemptInNode } from '../../src/sandbox/exercises/node';
import { runCode } from '../../src/sandbox/node';
import type { RunResult } from '../../src/sandbox/types';
import type { MemoryLineTable, MemoryReport } from '../../src/sandbox/memory/types';
import type { BenchReport } from '../../src/sandbox/bench/types';

const { file: CHAPTER, cells, cellById, resultOf } = chapterCells('memory');
const prose = readFileSync(CHAPTER, 'utf8');
const MB = 1024 * 1024;
/** Room for the array object itself, a shape, the loop's own values. */
const SLACK = 16 * 1024;




const printed = (r: RunResult): string[] => r.console.filter((entry) => entry.level !== 'system').map((entry) => entry.text);

function memoryOf(r: RunResult): MemoryReport {
  expect(r.memory, `no memory report (status ${r.status})`).toBeDefined();
  return r.memory as MemoryReport;
}

function table(r: RunResult, name: string): MemoryLineTable {
  const found = memoryOf(r).lines?.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no line table for ${name}`);
  return found;
}

function rowWith(t: MemoryLineTable, fragment: string) {
  const row = t.rows.find((candidate) => candidate.text.includes(fragment));
  if (!row) throw new Error(`no line containing "${fragment}" in ${t.name}`);
  return row;
}

/** The number (in MB) printed after `label` on the line that contains it. */
function megabytes(lines: string[], label: string | RegExp): number {
  const line = lines.find((text) => (typeof label === 'string' ? text.includes(label) : label.test(text)));
  if (!line) throw new Error(`no printed line with ${String(label)} in:\n${lines.join('\n')}`);
  const after = typeof label === 'string' ? line.slice(line.indexOf(label) + label.length) : line;
  const match = /(-?\d+(?:\.\d+)?) MB/.exec(after);
  if (!match) throw new Error(`no MB figure on "${line}"`);
  return Number(match[1]);
}

/** console.table rows as cells, split on the box-drawing bars (quotes removed). */
function tableRows(r: RunResult): string[][] {
  const text = r.console.find((entry) => entry.level === 'table')?.text ?? printed(r).join('\n');
  return text
    .split('\n')
    .filter((line) => line.startsWith('│'))
    .map((line) => line.split('│').slice(1, -1).map((cellText) => cellText.trim().replace(/^'|'$/g, '')))
    .slice(1);
}

describe('the memory chapter', () => {
  it('has the cells other parts of the site rely on', () => {
    const eater = cellById('memory-eater').spec;
    expect(eater.src).toBe('memory-eater.js');
    expect(eater.show).toEqual(expect.arrayContaining(['console', 'memory-lines', 'memory-timeline', 'heap']));
    expect(cells.some((cell) => cell.spec.show.includes('bench'))).toBe(true);
  });

  it('gives the "In Python" boxes the commands a Python user would type', () => {
    for (const command of ['python -m memory_profiler', 'mprof run', 'mprof plot', 'tracemalloc', 'gc.collect()', 'mmap_mode']) {
      expect(prose).toContain(command);
    }
  });

  it('ends every section with a "Try it" prompt', () => {
    const sections = prose.split(/\n## /).slice(1).filter((s) => !/^(Exercises|Summary|Further reading)/.test(s));
    expect(sections.length).toBeGreaterThanOrEqual(9);
    for (const section of sections) expect(section, section.split('\n')[0]).toContain(':::tip[Try it]');
  });

  describe.each(cells.map((cell) => [cell.spec.id, cell] as const))('cell %s', (id, cell) => {
    it('runs to the end it expects, with data for every memory view it shows', async () => {
      const result = await resultOf(id);
      expect(result.status, result.error && `${result.error.name}: ${result.error.message}`).toBe(cell.spec.expect);
      if (cell.spec.expect === 'ok') expect(result.error).toBeUndefined();
      const show = cell.spec.show;
      if (show.includes('memory-lines')) expect(memoryOf(result).lines?.length).toBeGreaterThan(0);
      if (show.includes('memory-timeline')) expect(memoryOf(result).timeline?.samples.length).toBeGreaterThan(1);
      if (show.includes('heap')) expect(memoryOf(result).heap?.snapshots.length).toBeGreaterThanOrEqual(2);
      if (show.includes('bench')) expect((result.bench as BenchReport | undefined)?.runs.length).toBeGreaterThan(0);
    });
  });
});

describe('what the prose says about measuring', () => {
  it('holding 2,000,000 numbers adds about 15.3 MB of live heap, and dropping them gives it all back; the wasm memory does not shrink', async () => {
    const rows = tableRows(await resultOf('heap-and-wasm'));
    const [start, held, dropped] = ['start', '2,000,000 readings held', 'readings dropped'].map((moment) => {
      const row = rows.find((candidate) => candidate.includes(moment));
      if (!row) throw new Error(`no row "${moment}"`);
      return { heap: parseFloat(row[2]), wasm: parseFloat(row[3]) };
    });
    expect(held.heap - start.heap).toBeCloseTo(15.3, 0);
    expect(Math.abs(held.heap - start.heap - 15.26)).toBeLessThan(0.15);
    expect(dropped.heap).toBeCloseTo(start.heap, 1);
    expect(held.wasm).toBeGreaterThanOrEqual(start.wasm);
    expect(dropped.wasm).toBe(held.wasm);
  });
});

describe('what the prose says about the memory eater', () => {
  const COUNT = 500_000;

  it('adds about 3.8 MB, 3.8 MB and 7.6 MB (8 bytes a number) and returns to a baseline a little under 0.2 MB', async () => {
    const t = table(await resultOf('memory-eater'), 'eatMemory');
    const grow = rowWith(t, 'numbers.push(i)');
    const [first, second] = t.rows.filter((row) => row.text.includes('numbers.concat'));
    expect(Math.abs(grow.incrementBytes! - COUNT * 8)).toBeLessThan(SLACK);
    expect(Math.abs(first.incrementBytes! - COUNT * 8)).toBeLessThan(SLACK);
    expect(Math.abs(second.incrementBytes! - 2 * COUNT * 8)).toBeLessThan(SLACK);
    const drop = rowWith(t, 'numbers = null');
    expect(Math.abs(drop.incrementBytes! + 4 * COUNT * 8)).toBeLessThan(SLACK);
    const baseline = t.rows[0].memBytes!;
    expect(Math.abs(drop.memBytes! - baseline)).toBeLessThan(SLACK);
    expect(baseline / MB).toBeGreaterThan(0.1);
    expect(baseline / MB).toBeLessThan(0.2);
    for (const row of t.rows.filter((candidate) => candidate.text.includes('sleep('))) expect(row.incrementBytes).toBe(0);
  });

  it('peaks at about 15.4 MB on the timeline, inside one eatMemory bracket, and leaves the heap as it found it', async () => {
    const report = memoryOf(await resultOf('memory-eater'));
    expect(report.timeline!.peak.heapBytes / MB).toBeCloseTo(15.4, 0);
    expect(Math.abs(report.timeline!.peak.heapBytes / MB - 15.4)).toBeLessThan(0.1);
    expect(report.timeline!.spans.map((span) => span.name)).toEqual(['eatMemory']);
    const overall = report.heap!.diffs[0];
    expect(Math.abs(overall.heapBytes)).toBeLessThan(SLACK);
  });

  it('gives every line a Peak no lower than its Mem usage; the line that drops the list peaked at the full 15.3 MB before it', async () => {
    const t = table(await resultOf('memory-eater'), 'eatMemory');
    for (const row of t.rows) if (row.memBytes !== null) expect(row.peakBytes!).toBeGreaterThanOrEqual(row.memBytes);
    const drop = rowWith(t, 'numbers = null');
    expect(drop.peakBytes! - drop.memBytes!).toBeGreaterThan(4 * COUNT * 8 - SLACK);
    expect(prose).toMatch(/\| `Peak` \| The highest live heap while the line ran/);
  });

  it('runs with memory=40MB but not with memory=36MB; the wasm memory reaches about 55 MB, more than three times the sampled 15.4 MB', async () => {
    // The cell as the page runs it (with its memory views' profiling), under two limits.
    const withLimit = (mb: number) => runCode({ ...requestOf(cellById('memory-eater')), limits: { memoryBytes: mb * MB } });
    const short = await withLimit(36);
    expect(short.status).toBe('out-of-memory');
    const enough = await withLimit(40);
    expect(enough.status).toBe('ok');
    // The wasm memory keeps its high-water mark: this run's true peak, the engine included.
    const wasm = enough.peakMemory!.wasmBytes / MB;
    expect(wasm).toBeGreaterThan(52);
    expect(wasm).toBeLessThanOrEqual(56);
    expect(wasm / (memoryOf(enough).timeline!.peak.heapBytes / MB)).toBeGreaterThan(3);
    expect(prose).toMatch(/cell runs with `memory=40MB` but runs out of memory with `memory=36MB`/);
    expect(prose).toMatch(/reaches about 55 MB, more than three times the 15\.4 MB/);
  });

  it('matches the Python figures scaled by 20: 10 million 8-byte slots are about 76 MiB', () => {
    expect((10_000_000 * 8) / MB).toBeCloseTo(76.3, 1);
    expect(prose).toMatch(/76 MiB, 76 MiB and 153 MiB/);
  });
});

describe('what the prose says about memory over time', () => {
  it('batches: three calls, three hills of about 2.3 MB, back to the baseline between them', async () => {
    const report = memoryOf(await resultOf('batches'));
    const timeline = report.timeline!;
    expect(timeline.spans.filter((span) => span.name === 'sumBatch')).toHaveLength(3);
    const base = report.baseline.heapBytes;
    for (const span of timeline.spans) {
      const inside = timeline.samples.filter((sample) => sample.t >= span.start && sample.t <= span.end!);
      const hill = Math.max(...inside.map((sample) => sample.heapBytes)) - base;
      expect(Math.abs(hill / MB - 2.29)).toBeLessThan(0.05);
      const after = timeline.samples.find((sample) => sample.t > span.end!);
      expect(after && after.heapBytes - base).toBeLessThan(SLACK);
    }
  });
});

describe('what the prose says values cost', () => {
  it('8 bytes a number in plain arrays and Float64Array, 4 in Int32Array, 1 in Uint8Array; objects, small arrays and strings far more', async () => {
    const rows = tableRows(await resultOf('value-costs'));
    const each = (kind: string) => {
      const row = rows.find((candidate) => candidate[1] === kind);
      if (!row) throw new Error(`no row "${kind}" in ${JSON.stringify(rows)}`);
      return Number(row[2]);
    };
    expect(each('plain array of integers')).toBe(8);
    expect(each('plain array of fractions')).toBe(8);
    expect(each('Float64Array')).toBe(8);
    expect(each('Int32Array')).toBe(4);
    expect(each('Uint8Array')).toBe(1);
    expect(Math.abs(each('objects {x, y}') - 72)).toBeLessThanOrEqual(2);
    expect(Math.abs(each('small arrays [x, y]') - 80)).toBeLessThanOrEqual(2);
    expect(Math.abs(each('strings of 12 letters') - 49)).toBeLessThanOrEqual(3);
    expect(each('one 100,000-letter string')).toBe(1);
    expect(each('one 100,000-letter string, "€"')).toBe(2);
  });

  it('compare() timed both sums', async () => {
    const bench = (await resultOf('typed-speed')).bench as BenchReport;
    const run = bench.runs.find((candidate) => candidate.kind === 'compare');
    expect(run && run.kind === 'compare' && run.candidates.map((c) => c.name)).toEqual(['plain array', 'Float64Array']);
  });
});

describe('what the prose says about freeing', () => {
  it('a record is freed on the line that drops it; a dropped cycle stays, even after sleep, until allocations run the collector (about 15,500 small objects)', async () => {
    const lines = printed(await resultOf('refcount-and-cycles'));
    expect(megabytes(lines, 'record held:')).toBeCloseTo(1.53, 2);
    expect(megabytes(lines, 'record dropped:')).toBe(0);
    expect(megabytes(lines, 'pair held:')).toBeCloseTo(1.53, 2);
    expect(megabytes(lines, 'pair dropped:')).toBeCloseTo(1.53, 2);
    expect(megabytes(lines, '5 s later:')).toBeCloseTo(1.53, 2);
    const collected = lines.find((line) => line.startsWith('collected after'));
    expect(collected, lines.join('\n')).toBeDefined();
    const objects = Number(/after ([\d,]+)/.exec(collected!)![1].replace(/,/g, ''));
    expect(objects).toBeGreaterThan(12_000);
    expect(objects).toBeLessThan(19_000);
    expect(megabytes(lines, 'scraps dropped:')).toBe(0);
  });
});

describe('what the prose says about leaks', () => {
  it('the unbounded cache grows about 1.43 MB every 250 stations, to 5.72 MB at 1,000', async () => {
    const lines = printed(await resultOf('leaky-cache'));
    const at = (n: number) => megabytes(lines, new RegExp(`^${n} stations`));
    expect(at(250)).toBeCloseTo(1.43, 1);
    expect(at(1000)).toBeCloseTo(5.72, 1);
    expect(at(500) - at(250)).toBeCloseTo(at(250), 1);
    expect(lines.at(-1)).toContain('cache holds 1000 reports');
  });

  it('forgotten listeners keep 7.6 MB, unsubscribed ones nothing; a closure keeps only what it mentions', async () => {
    const lines = printed(await resultOf('closures-and-listeners'));
    expect(megabytes(lines, 'never unsubscribed:')).toBeCloseTo(7.63, 1);
    expect(lines.find((line) => line.includes('never unsubscribed'))).toContain('20 listeners');
    expect(megabytes(lines, 'closed, unsubscribed:')).toBe(0);
    expect(megabytes(lines, 'closure that mentions rows:')).toBeCloseTo(0.76, 2);
    expect(megabytes(lines, 'keeps only the count:')).toBe(0);
  });

  it('a Map keeps 500 notes (about 3.95 MB) after their keys are gone; a WeakMap keeps almost nothing', async () => {
    const lines = printed(await resultOf('weakmap-notes'));
    expect(megabytes(lines, 'Map:')).toBeCloseTo(3.95, 1);
    expect(megabytes(lines, 'WeakMap:')).toBeLessThan(0.05);
  });
});

describe('what the prose says about views, streams and running out', () => {
  it('1,000 slice copies take about 7.8 MB, 1,000 subarray views about 0.07 MB; a view writes through, a copy does not', async () => {
    const result = await resultOf('views-and-copies');
    const lines = printed(result);
    expect(megabytes(lines, 'recording:')).toBeCloseTo(7.63, 2);
    expect(Math.abs(megabytes(lines, 'slice() copies:') - 7.8)).toBeLessThan(0.05);
    expect(Math.abs(megabytes(lines, 'subarray views:') - 0.07)).toBeLessThan(0.02);
    expect(lines.find((line) => line.includes('view 3'))).toMatch(/ 42$/);
    expect(lines.find((line) => line.includes('copy 5'))).not.toMatch(/ 42$/);
    expect(lines.at(-1)).toMatch(/true false$/);
    const regions = memoryOf(result).heap!.diffs.map((diff) => diff.from);
    expect(regions).toEqual(expect.arrayContaining(['slice copies: start', 'subarray views: start']));
  });

  it('materialised holds about 7.6 MB per stage (23 MB at the peak); streamed adds nothing; both give the same mean', async () => {
    const result = await resultOf('streaming');
    const materialised = table(result, 'materialised');
    for (const fragment of ['Array.from', 'raw.filter', 'celsius.map']) {
      expect(Math.abs(rowWith(materialised, fragment).incrementBytes! - 8_000_000)).toBeLessThan(SLACK);
    }
    expect(Math.max(...materialised.rows.map((row) => row.memBytes ?? 0)) / MB).toBeCloseTo(23, 0);
    const streamed = table(result, 'streamed');
    expect(Math.abs(rowWith(streamed, 'return mean').incrementBytes!)).toBeLessThan(SLACK);
    const means = printed(result).map((line) => /mean ([\d.]+) K/.exec(line)?.[1]);
    expect(means).toHaveLength(2);
    expect(means[0]).toBe(means[1]);
  });

  it('memory=32MB caps the wasm memory at 48 MB, as the prose and the out-of-memory message say', async () => {
    const stopped = await resultOf('out-of-memory');
    expect(stopped.peakMemory!.wasmBytes).toBeLessThanOrEqual(48 * MB);
    expect(stopped.peakMemory!.wasmBytes).toBeGreaterThan(44 * MB);
    expect(stopped.limitHit!.message).toMatch(/caps the sandbox's whole memory at 48 MB \(the limit plus 16 MB for the engine itself\)/);
    expect(prose).toMatch(/`memory=32MB` caps the wasm memory that QuickJS runs in at 48 MB/);
  });

  it('the hoard stops a few MB short of its 32 MB limit, with an out-of-memory report; the caught one carries on', async () => {
    const stopped = await resultOf('out-of-memory');
    const last = megabytes([printed(stopped).at(-1)!], /blocks: /);
    expect(last).toBeLessThan(32);
    expect(last).toBeGreaterThan(24);
    expect(memoryOf(stopped).oom?.limitBytes).toBe(32 * MB);
    const caught = printed(await resultOf('out-of-memory-caught'));
    expect(caught[0]).toMatch(/^InternalError: out of memory after \d+ blocks$/);
    expect(megabytes(caught, 'still running,')).toBeLessThan(1);
  });
});

describe('the exercises are judged by measurement', () => {
  const exercises = exercisesOfFile(CHAPTER);

  it('there are at least three', () => {
    expect(exercises.map((exercise) => exercise.spec.id)).toEqual(['stream-the-log', 'bound-the-tile-cache', 'frames-as-views']);
  });

  describe.each(exercises.map((exercise) => [exercise.spec.id, exercise] as const))('%s', (_id, exercise) => {
    it('passes with the reference solution and fails with the starter code, for a memory reason', async () => {
      const solved = await checkAttemptInNode({ exercise: exercise.spec, code: exercise.reference.code });
      expect(solved.check.message).toMatch(/^Solved/);
      expect(solved.check.passed).toBe(true);
      const starter = await checkAttemptInNode({ exercise: exercise.spec, code: exercise.spec.starter });
      expect(starter.check.passed).toBe(false);
      if (exercise.spec.id === 'stream-the-log') expect(starter.result.status).toBe('out-of-memory');
      if (exercise.spec.id === 'bound-the-tile-cache') expect(starter.check.message).toMatch(/heap still grew by [\d.]+ MB/);
      if (exercise.spec.id === 'frames-as-views') expect(starter.check.message).toMatch(/take 100 % of the original/);
    });
  });
});
