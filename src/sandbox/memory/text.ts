/**
 * Text renderers for the terminal (CLI) and plain output: memory_profiler's
 * line table, and the timeline as CSV (what `mprof run` writes, in columns).
 */
import type { MemoryLineTable, MemoryReport, MemoryTimeline } from './types';
import { formatBytes, formatMiB } from './format';

const pad = (s: string, width: number) => s.padStart(width);

/** One function's table, laid out like memory_profiler's (values in MiB, unrun lines blank). */
export function renderLineTable(table: MemoryLineTable): string {
  const header = `${pad('Line #', 6)} ${pad('Mem usage', 12)} ${pad('Peak', 12)} ${pad('Increment', 12)}  ${pad('Occurrences', 11)}   Line Contents`;
  const out = [`Filename: ${table.file}`, `Function: ${table.name} (called ${table.calls}×)`, '', header, '='.repeat(header.length)];
  for (const row of table.rows) {
    if (row.occurrences === 0 || row.memBytes === null || row.incrementBytes === null) {
      const occ = row.occurrences ? pad(String(row.occurrences), 11) : pad('', 11);
      out.push(`${pad(String(row.line), 6)} ${pad('', 12)} ${pad('', 12)} ${pad('', 12)}  ${occ}   ${row.text}`);
      continue;
    }
    const mem = `${formatMiB(row.memBytes)} MiB`;
    const peak = row.peakBytes === null ? '' : `${formatMiB(row.peakBytes)} MiB`;
    const inc = `${formatMiB(row.incrementBytes)} MiB`;
    out.push(`${pad(String(row.line), 6)} ${pad(mem, 12)} ${pad(peak, 12)} ${pad(inc, 12)}  ${pad(String(row.occurrences), 11)}   ${row.text}`);
  }
  return out.join('\n');
}

/** Every table of a report, with the figure explained once underneath. */
export function renderLineTables(report: MemoryReport): string {
  const parts: string[] = [];
  for (const t of report.lines ?? []) parts.push(renderLineTable(t));
  if (report.missing?.length) parts.push(`No function named ${report.missing.join(', ')} in the code.`);
  if (!report.lines?.length) parts.push('No function is profiled: put a `// @profile` comment on the line above one.');
  parts.push(
    `Mem usage is QuickJS's live heap (bytes its objects hold), ${formatBytes(report.baseline.heapBytes)} before the code ran; ` +
      `the wasm memory around it (the sandbox's RSS) was ${formatBytes(report.peak.wasmBytes || report.baseline.wasmBytes)} at the peak.`,
  );
  parts.push(
    'Peak is the highest live heap while the line ran, sampled inside it (at interrupt points, as mprof samples); ' +
      'a peak inside a single built-in call such as one concat() runs no JavaScript and is not seen.',
  );
  if (report.linesBudgetExhausted) parts.push('The line profiler stopped measuring after its budget of heap walks; later lines count occurrences only.');
  return parts.join('\n\n');
}

/** The timeline as CSV: one row per sample on the instrumented clock. */
export function renderTimelineCsv(timeline: MemoryTimeline): string {
  const rows = ['time_s,heap_bytes,heap_mib,wasm_bytes'];
  for (const s of timeline.samples) rows.push(`${(s.t / 1000).toFixed(6)},${s.heapBytes},${formatMiB(s.heapBytes)},${s.wasmBytes}`);
  return rows.join('\n') + '\n';
}

/** Each profiled call's span, mprof's brackets in words. */
export function renderSpans(timeline: MemoryTimeline): string {
  return timeline.spans
    .map((s) => `${'  '.repeat(s.depth)}${s.name} (line ${s.line}): ${(s.start / 1000).toFixed(3)} s → ${s.end === undefined ? 'did not return' : `${(s.end / 1000).toFixed(3)} s (${((s.end - s.start) / 1000).toFixed(3)} s)`}`)
    .join('\n');
}
