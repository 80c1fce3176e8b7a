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

  it('peaks at about 15.5 MB on the timeline (the figure the prose gives), inside one eatMemory bracket, and leaves the heap as it found it', async () => {
    const report = memoryOf(await resultOf('memory-eater'));
    const stated = Number(/Dashed lines mark the highest sample, about ([\d.]+) MB/.exec(prose)![1]);
    expect(stated).toBe(15.5);
    expect(Math.abs(report.timeline!.peak.heapBytes / MB - stated)).toBeLessThan(0.08);
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

  it('runs with memory=40MB but not with memory=36MB; in a fresh sandbox the wasm memory goes 16 -> 25 -> 55 MB, jumping on line 17: about 39 MB over the start, 2.5 times the sampled peak', async () => {
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
    const report = memoryOf(enough);
    const sampledPeak = report.timeline!.peak.heapBytes / MB;
    expect(wasm / sampledPeak).toBeGreaterThan(3);
    expect(prose).toMatch(/memory eater\ncell runs with `memory=40MB` but runs out of memory with `memory=36MB`/);
    // The prose's figures for the wasm memory, against what the timeline of this fresh run holds.
    const figures = /In a fresh\npage it starts at (\d+) MB, stays near (\d+) MB after the first `concat`, and jumps to about (\d+) MB on\nline (\d+)\. So at its true peak, inside that line, the program needed about (\d+) MB more than at the\nstart/.exec(prose);
    expect(figures, 'the true-peak paragraph').not.toBeNull();
    const [start, afterFirst, top, line, needed] = figures!.slice(1).map(Number);
    const t = table(enough, 'eatMemory');
    const second = t.rows.filter((row) => row.text.includes('numbers.concat'))[1];
    expect(second.line).toBe(line);
    expect(report.baseline.wasmBytes / MB).toBeCloseTo(start, 0);
    const samples = report.timeline!.samples;
    const firstTop = samples.findIndex((sample) => sample.wasmBytes / MB > 50);
    expect(firstTop).toBeGreaterThan(0);
    // Just before the jump the wasm memory held what the first concat left: about 25 MB.
    expect(Math.abs(samples[firstTop - 1].wasmBytes / MB - afterFirst)).toBeLessThan(1.5);
    expect(samples[firstTop - 1].heapBytes / MB).toBeLessThan(8);
    expect(Math.abs(wasm - top)).toBeLessThan(1.5);
    expect(Math.abs(wasm - report.baseline.wasmBytes / MB - needed)).toBeLessThan(1.5);
    expect(prose).toMatch(new RegExp(`two\\nand a half times the ${sampledPeak.toFixed(1).replace('.', '\\.')} MB that the samples show`));
    expect(needed / sampledPeak).toBeGreaterThan(2.3);
    expect(needed / sampledPeak).toBeLessThan(2.7);
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

  it('batches: the line table shows the batch arriving (about 6.9 MB over three runs) and no line giving it back: it goes on return', async () => {
    const t = table(await resultOf('batches'), 'sumBatch');
    const arrive = rowWith(t, 'new Array(300_000)');
    expect(arrive.occurrences).toBe(3);
    expect(Math.abs(arrive.incrementBytes! - 3 * 300_000 * 8)).toBeLessThan(3 * SLACK);
    expect(prose).toMatch(/`const values = …` adds about 6\.9 MB over\nits three runs, 2\.3 MB each/);
    expect((3 * 300_000 * 8) / MB).toBeCloseTo(6.9, 1);
    for (const row of t.rows) if (row !== arrive && row.incrementBytes !== null) expect(Math.abs(row.incrementBytes)).toBeLessThan(SLACK);
    // The caller's loop is not profiled, yet the heap is back at the baseline after each call.
    expect(memoryOf(await resultOf('batches')).timeline!.samples.at(-1)!.heapBytes - memoryOf(await resultOf('batches')).baseline.heapBytes).toBeLessThan(SLACK);
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
  it('a record is freed on the line that drops it; a dropped cycle stays, even after sleep, until allocations run the collector (about 15,000 small objects, as the prose says)', async () => {
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
    const stated = Number(/Here it ran after about\n {2}([\d,]+) small objects/.exec(prose)![1].replace(/,/g, ''));
    expect(Math.abs(objects - stated)).toBeLessThanOrEqual(1_000);
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
    expect(prose).toContain('https://blog.meteor.com/an-interesting-kind-of-javascript-memory-leak-8b47d2e7f156');
    expect(prose).toMatch(/let \*\*no\*\* closure in that scope\nmention the big value/);
  });

  it('a Map keeps 500 notes (about 3.95 MB) after their keys are gone; a WeakMap keeps almost nothing', async () => {
    const lines = printed(await resultOf('weakmap-notes'));
    expect(megabytes(lines, 'Map:')).toBeCloseTo(3.95, 1);
    expect(megabytes(lines, 'WeakMap:')).toBeLessThan(0.05);
  });

  it('in QuickJS a WeakRef reads undefined on the line after the last reference goes; the prose says this is the engine, not the standard, with sources', async () => {
    const lines = printed(await resultOf('weakmap-notes'));
    expect(lines.find((line) => line.includes('target still held'))).toMatch(/deref\(\) gives object$/);
    expect(lines.find((line) => line.includes('right after target = null'))).toMatch(/deref\(\) gives undefined$/);
    expect(prose).toMatch(/here `deref\(\)` returns `undefined` on\nthe very next line/);
    expect(prose).toContain('https://tc39.es/ecma262/#sec-addtokeptobjects');
    expect(prose).toContain('WeakRef#notes_on_weakrefs');
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

  it('streaming-speed: medians of five interleaved runs each; the generator pipeline costs little or no time on this engine', async () => {
    const lines = printed(await resultOf('streaming-speed'));
    const median = (label: string) => Number(new RegExp(`^${label}: +median (\\d+) ms of 5 runs$`).exec(lines.find((line) => line.startsWith(label)) ?? '')?.[1]);
    const arrays = median('materialised');
    const generators = median('streamed');
    expect(arrays).toBeGreaterThan(0);
    expect(generators).toBeGreaterThan(0);
    const ratio = Number(/takes ([\d.]+) times as long as the arrays$/.exec(lines.at(-1)!)![1]);
    // "little or nothing", "usually below 1", "can come out above 1 (1.4 was the highest)":
    // measured 0.45-0.91 on a quiet machine and up to 1.39 with the other core busy. The bound
    // is the claim that the pipeline costs little, with room for a busy machine.
    expect(ratio).toBeGreaterThan(0.2);
    expect(ratio).toBeLessThan(2);
    expect(prose).toMatch(/the pipeline costs little or nothing in time/);
    expect(prose).toMatch(/1\.4 was the highest we saw/);
  });

  it('memory=32MB caps the wasm memory at 48 MB, as the prose and the out-of-memory message (quoted word for word) say', async () => {
    const stopped = await resultOf('out-of-memory');
    expect(stopped.peakMemory!.wasmBytes).toBeLessThanOrEqual(48 * MB);
    expect(stopped.peakMemory!.wasmBytes).toBeGreaterThan(44 * MB);
    expect(stopped.limitHit!.message).toMatch(/caps the sandbox's whole memory at 48 MB \(the limit plus 16 MB for the engine itself\)/);
    expect(prose).toMatch(/It caps the \*\*wasm memory\*\* that QuickJS runs in at 48 MB/);
    const quoted = /The out-of-memory message says both in the learner's words: "([^"]+)"/.exec(prose);
    expect(quoted).not.toBeNull();
    expect(stopped.limitHit!.message).toContain(quoted![1].replace(/\s+/g, ' '));
  });

  it('blocks of different sizes fit different totals under memory=32MB: 25,000-number blocks over five times as many as 100,000-number ones', async () => {
    const rows = tableRows(await resultOf('block-sizes'));
    const row = (size: number) => {
      const found = rows.find((candidate) => Number(candidate[1]) === size);
      if (!found) throw new Error(`no row for ${size} in ${JSON.stringify(rows)}`);
      return { blocks: Number(found[2]), numbers: Number(found[3]), live: Number(found[4]) };
    };
    const [big, quarter, small, tiny] = [100_000, 25_000, 1_000, 100].map(row);
    expect(quarter.blocks).toBeGreaterThan(5 * big.blocks);
    expect(Math.abs(big.numbers - 30)).toBeLessThan(1.5);
    expect(Math.abs(quarter.numbers - 39)).toBeLessThan(1.5);
    expect(Math.abs(small.numbers - quarter.numbers)).toBeLessThan(2);
    expect(Math.abs(tiny.numbers - 28)).toBeLessThan(1.5);
    expect(tiny.live - tiny.numbers).toBeGreaterThan(1); // the array objects around small blocks
    for (const r of [big, quarter, small, tiny]) expect(r.live).toBeLessThan(48);
    expect(prose).toMatch(/Blocks of 25,000 numbers fit about 39 MB of numbers, more than five times as many blocks as\nblocks of 100,000, which stop near 30 MB/);
    expect(prose).toMatch(/about 28 MB\./);
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

describe('what the prose says keeps memory alive', () => {
  it('three snapshots grow by the same 1.26 MB a step; a thumbnail has a shallow size of 72 bytes and a retained size of 257.5 KB; cutting .source frees 3.5 MB for 14', async () => {
    const result = await resultOf('retainers');
    const lines = printed(result);
    const steps = /between snapshots 1 and 2: \+([\d.]+) KB; between 2 and 3: \+([\d.]+) KB/.exec(lines[0])!.slice(1).map(Number);
    for (const step of steps) expect(Math.abs(step / 1024 - 1.26)).toBeLessThan(0.01);
    expect(prose).toMatch(/about 1\.26 MB\n {2}for five images here/);
    const shallow = Number(/shallow size of a thumbnail: (\d+) bytes/.exec(lines[1])![1]);
    expect(Math.abs(shallow - 72)).toBeLessThanOrEqual(8);
    expect(prose).toMatch(/a thumbnail object takes 72 bytes/);
    const retained = Number(/retained size of a thumbnail: ([\d.]+) KB/.exec(lines[2])![1]);
    expect(Math.abs(retained - 257.5)).toBeLessThan(1);
    expect(prose).toMatch(/frees about 257\.5 KB/);
    const cut = /cutting \.source freed ([\d.]+) KB; (\d+) thumbnails are still there/.exec(lines[3])!;
    expect(Number(cut[2])).toBe(14);
    expect(Math.abs(Number(cut[1]) / 1024 - 3.5)).toBeLessThan(0.1);
    expect(prose).toMatch(/frees about 3\.5 MB for 14 thumbnails/);
    // The Heap tab has the three snapshots and the growth between them, almost all typed-array storage.
    const heap = memoryOf(result).heap!;
    expect(heap.snapshots.map((snapshot) => snapshot.label)).toEqual(expect.arrayContaining(['1: warmed up', '2: 5 more images', '3: 5 more again']));
  });

  it('names what to use outside the sandbox, with sources', () => {
    for (const text of ['process.memoryUsage()', 'v8.getHeapSnapshot()', '--heapsnapshot-signal', 'performance.measureUserAgentSpecificMemory()', 'tracemalloc', 'compare_to', 'show_backrefs', 'https://developer.chrome.com/docs/devtools/memory-problems/heap-snapshots', 'https://mg.pov.lt/objgraph/', 'three-snapshot technique']) {
      expect(prose).toContain(text);
    }
    expect(prose).toMatch(/`memoryUsage\(\)`, `heapSnapshot\(\)` and `heapRegion\(\)` are the workbook's own helpers/);
  });

  it('says the 8 bytes a number belong to this 32-bit build (NaN-boxing), 16 in native 64-bit QuickJS, and that heapBytes is an estimate', () => {
    expect(prose).toMatch(/In this sandbox's 32-bit wasm build a\n {2}`JSValue` is 8 bytes/);
    expect(prose).toMatch(/uses 16 bytes per `JSValue`/);
    expect(prose).toContain('https://github.com/quickjs-ng/quickjs/blob/master/quickjs.h');
    expect(prose).toMatch(/It is QuickJS's own \*\*estimate\*\*/);
    expect(prose).toMatch(/An RSS can shrink/);
  });
});

describe('the exercises are judged by measurement', () => {
  const exercises = exercisesOfFile(CHAPTER);

  it('there are at least four', () => {
    expect(exercises.map((exercise) => exercise.spec.id)).toEqual(['stream-the-log', 'bound-the-tile-cache', 'frames-as-views', 'small-summaries']);
  });

  it('small-summaries: the starter cell keeps about 52 KB a summary, an 8.5 KB text and about 44 KB of split words, as the solution says', async () => {
    const starter = await resultOf('small-summaries-code');
    const each = Number(/, ([\d.]+) KB each$/.exec(printed(starter)[0])![1]);
    const exercise = exercises.find((candidate) => candidate.spec.id === 'small-summaries')!;
    const makeDocument = new Function(`${exercise.spec.starter.split('function summarise')[0]}; return makeDocument;`)() as (id: number) => { text: string };
    const textKB = makeDocument(7).text.length / 1024;
    expect(Math.abs(textKB - 8.5)).toBeLessThan(0.1);
    expect(Math.abs(each - textKB - 44)).toBeLessThan(1.5);
    expect(prose).toMatch(/a text of about 8\.5 KB/);
    expect(prose).toMatch(/\(about\n44 KB\)/);
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
      if (exercise.spec.id === 'small-summaries') expect(starter.check.message).toMatch(/100 summaries still hold [\d.]+ MB/);
    });
  });
});
