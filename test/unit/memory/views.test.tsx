// @vitest-environment jsdom
/**
 * The memory and bench views render what a REAL run produced (the memory
 * eater and a compare/growth cell), with the right figures in their tables.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { views, preloadMemoryViews } from '../../../src/components/views/memory/index';
import { MemoryLinesView } from '../../../src/components/views/memory/MemoryLinesView';
import { MemoryTimelineView } from '../../../src/components/views/memory/MemoryTimelineView';
import { HeapView } from '../../../src/components/views/memory/HeapView';
import { BenchView } from '../../../src/components/views/memory/BenchView';
import { growthSeries, logTicks, plainTick, timeAxisUnit } from '../../../src/components/views/memory/series';
import type { RunRequest } from '../../../src/sandbox/types';
import type { GrowthRun } from '../../../src/sandbox/bench/types';
import { example, run } from './helpers';

afterEach(cleanup);

describe('memory views registry', () => {
  it('offers the four views and turns on what each needs', async () => {
    expect(Object.keys(views)).toEqual(['memory-lines', 'memory-timeline', 'heap', 'bench']);
    let request: RunRequest = { code: '' };
    for (const id of ['memory-lines', 'memory-timeline', 'heap', 'bench']) request = views[id].prepare?.(request, {}) ?? request;
    expect(request.memory).toEqual({ lines: true, timeline: true, heap: true });
    const named = views['memory-lines'].prepare!({ code: '' }, { lines: 'grow, shrink' });
    expect(named.memory?.lines).toEqual(['grow', 'shrink']);
    const plain = await run('console.log(1)');
    for (const id of Object.keys(views)) expect(views[id].available!(plain)).toBe(false);
    await preloadMemoryViews();
  });
});

describe('memory views on the memory eater', async () => {
  const result = await run(example('memory-eater.js'), { filename: 'memory-eater.js', memory: { lines: true, timeline: true, heap: true } });

  it('memory-lines: memory_profiler columns, the growth and the drop', () => {
    expect(views['memory-lines'].available!(result)).toBe(true);
    render(<MemoryLinesView result={result} code="" cellId="eater" />);
    const table = screen.getByRole('table');
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Line #', 'Mem usage', 'Peak', 'Increment', 'Occurrences', 'Line Contents']);
    const row = (line: number) => table.querySelector(`tr[data-line="${line}"]`)!;
    const cells = (line: number) => Array.from(row(line).querySelectorAll('td')).map((c) => c.textContent);
    const mib = (text: string | null) => Number(text!.replace(' MB', ''));
    expect(cells(13)[2]).toBe('3.815 MB');
    expect(cells(13)[3]).toBe('1');
    expect(cells(17)[2]).toBe('7.629 MB');
    expect(cells(20)[2]).toBe('-15.259 MB');
    // The peak column: never below the usage after the line; `numbers = null` peaked before it freed.
    for (const line of [13, 15, 17, 20]) expect(mib(cells(line)[1])).toBeGreaterThanOrEqual(mib(cells(line)[0]));
    expect(mib(cells(20)[1]) - mib(cells(20)[0])).toBeGreaterThan(15);
    expect(cells(23)).toEqual(['', '', '', '', '}']); // never ran: blank
    expect(screen.getByText(/live heap/).textContent).toMatch(/wasm memory/);
  });

  it('memory-timeline: peak and the function span, with the samples as a table', () => {
    render(<MemoryTimelineView result={result} code="" cellId="eater" />);
    expect(document.querySelector('[data-fact="peak"]')!.textContent).toMatch(/^15\.\d MB at \d\.\d{3} s$/);
    const span = /\((\d+\.\d{3}) s\)$/.exec(document.querySelector('[data-fact="span"]')!.textContent!);
    expect(Number(span![1])).toBeGreaterThanOrEqual(4); // four simulated seconds, plus the real time
    const samples = screen.getByRole('table');
    expect(within(samples).getAllByRole('row').length).toBeGreaterThan(10);
    fireEvent.click(screen.getByLabelText(/wasm memory/));
    expect((screen.getByLabelText(/wasm memory/) as HTMLInputElement).checked).toBe(true);
  });

  it('heap: before and after the cell, back to nearly nothing', () => {
    render(<HeapView result={result} code="" cellId="eater" />);
    expect(screen.getByRole('table').querySelector('caption')!.textContent).toBe('before → after');
    expect(document.querySelector('[data-fact="heap-summary"]')!.textContent).toMatch(/[+−]\d/);
  });
});

describe('heap view on a marked region', async () => {
  const result = await run(`let kept;\nheapRegion('fill', () => { kept = new Array(1e6).fill(0); });`);
  it('shows "+1,000,000 array elements … +7.6 MB" and the category row', () => {
    render(<HeapView result={result} code="" cellId="region" />);
    expect(document.querySelector('[data-fact="heap-summary"]')!.textContent).toMatch(/^\+1,000,000 array elements, .*\+7\.6 MB$/);
    const row = document.querySelector('tr[data-kind="array-elements"]')!;
    const cells = Array.from(row.querySelectorAll('td')).map((c) => c.textContent);
    expect(cells[1]).toBe('+1,000,000');
    expect(cells[3]).toBe('+7.6 MB');
  });
});

describe('heap view on typed arrays (issue 16, item 8: they showed as 0 B)', async () => {
  const result = await run(`const samples = new Float64Array(2_000_000);\nconsole.log(samples.length);`, { memory: { heap: true } });
  it('files the 15.3 MB store under typed arrays, with "other" left small', () => {
    render(<HeapView result={result} code="" cellId="typed" />);
    const cells = (kind: string) => Array.from(document.querySelector(`tr[data-kind="${kind}"]`)!.querySelectorAll('td')).map((c) => c.textContent);
    expect(cells('binary')[0]).toBe('—'); // QuickJS gives no count for them
    expect(cells('binary')[2]).toBe('15.3 MB');
    expect(cells('binary')[3]).toBe('+15.3 MB');
    expect(cells('other')[2]).toMatch(/^\d+(\.\d)? (B|KB)$/);
    expect(document.querySelector('[data-fact="heap-peak"]')!.textContent).toContain('15.');
  });
});

describe('bench view', async () => {
  const result = await run(`function sumTo(n) { let s = 0; for (let i = 0; i < n; i++) s += i; return s; }
compare({ short: () => sumTo(200), long: () => sumTo(4000) }, { repeat: 3 });
growth(sumTo, [1000, 2000, 4000], { repeat: 2 });`);
  it('tables for compare (relative speed) and growth (slope)', () => {
    expect(views.bench.available!(result)).toBe(true);
    render(<BenchView result={result} code="" cellId="bench" />);
    const rel = Array.from(document.querySelectorAll('[data-fact="relative"]')).map((c) => c.textContent);
    expect(rel[0]).toBe('fastest');
    expect(rel[1]).toMatch(/^\d+(\.\d+)?× slower$/);
    expect(document.querySelector('[data-fact="slope"]')!.textContent).toMatch(/slope \d\.\d\d on log-log axes/);
    const growthRows = document.querySelectorAll('section[data-kind="growth"] tbody tr');
    expect(Array.from(growthRows).map((r) => r.querySelector('th')!.textContent)).toEqual(['1,000', '2,000', '4,000']);
  });
});

describe('growth plot axes (issue 16, item 8: "800m" for 0.8 ms, missing ticks)', () => {
  it('one time unit per plot, chosen so the largest time reads between 1 and 1,000', () => {
    expect(timeAxisUnit(0.8)).toEqual({ label: 'µs', perMs: 1000 });
    expect(timeAxisUnit(12)).toEqual({ label: 'ms', perMs: 1 });
    expect(timeAxisUnit(2500)).toEqual({ label: 's', perMs: 0.001 });
  });

  it('tick labels are plain numbers, never SI prefixes', () => {
    expect([0.8, 0.05, 2000, 1e6, 12.345].map(plainTick)).toEqual(['0.8', '0.05', '2,000', '1,000,000', '12.3']);
  });

  it('ticks at 1, 2 and 5 of every power of ten in the range', () => {
    expect(logTicks(1000, 16000)).toEqual([1000, 2000, 5000, 10000]);
    expect(logTicks(0.03, 0.9)).toEqual([0.05, 0.1, 0.2, 0.5]);
    // A range too narrow for two such ticks gets its two ends.
    expect(logTicks(3, 4)).toEqual([3, 4]);
  });

  it('a growth series is in the unit its axis names', async () => {
    const result = await run(`function sumTo(n) { let s = 0; for (let i = 0; i < n; i++) s += i; return s; }
growth(sumTo, [1000, 2000, 4000], { repeat: 2 });`);
    const growth = (result.bench as { runs: Array<{ kind: string }> }).runs.find((entry) => entry.kind === 'growth') as GrowthRun;
    const series = growthSeries(growth);
    const maxMs = Math.max(...growth.points.map((p) => p.stats.maxMs));
    expect(Math.max(...series.points.map((p) => p.max))).toBeCloseTo(maxMs * series.unit.perMs, 9);
    expect(Math.max(...series.points.map((p) => p.max))).toBeGreaterThanOrEqual(1);
  });
});
