/**
 * Renderers of a line-time profile: the text `kernprof -l -v` prints (same
 * header lines, columns, widths and number formats as Python's line_profiler),
 * and CSV with the same figures at full precision.
 */
import type { LineProfile, LineTimeRow, LineTimeTable } from '../../lines/types';
import { cell } from './csv';

/** line_profiler's timer unit: microseconds. */
export const TIMER_UNIT_S = 1e-6;
const MS_PER_UNIT = TIMER_UNIT_S * 1000;

/** Python's `%g`: six significant digits, exponent form below 1e-4 and from 1e6, no trailing zeros. */
export function formatG(x: number): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return String(x).toLowerCase();
  const [mantissa, exp] = x.toExponential(5).split('e');
  const e = Number(exp);
  const strip = (s: string) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  if (e < -4 || e >= 6) return `${strip(mantissa)}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  return strip(x.toFixed(5 - e));
}

/** `%6s %9s %12s %8s %8s  %-s`: line_profiler's row template. */
function row(line: string, hits: string, time: string, perHit: string, percent: string, text: string): string {
  return `${line.padStart(6)} ${hits.padStart(9)} ${time.padStart(12)} ${perHit.padStart(8)} ${percent.padStart(8)}  ${text}`;
}

const units = (ms: number) => ms / MS_PER_UNIT;

/** The figures of one row as line_profiler prints them; blanks for a line that never ran. */
export function rowFigures(r: LineTimeRow, totalMs: number): { hits: string; time: string; perHit: string; percent: string } {
  if (!r.hits) return { hits: '', time: '', perHit: '', percent: '' };
  return {
    hits: String(r.hits),
    time: units(r.timeMs).toFixed(1),
    perHit: units(r.timeMs / r.hits).toFixed(1),
    percent: totalMs > 0 ? ((100 * r.timeMs) / totalMs).toFixed(1) : '',
  };
}

export function renderFunctionText(t: LineTimeTable): string {
  const header = row('Line #', 'Hits', 'Time', 'Per Hit', '% Time', 'Line Contents');
  const out = [`Total time: ${formatG(t.totalMs / 1000)} s`, `File: ${t.file}`, `Function: ${t.name} at line ${t.startLine}`, '', header, '='.repeat(header.length)];
  for (const r of t.rows) {
    const f = rowFigures(r, t.totalMs);
    out.push(row(String(r.line), f.hits, f.time, f.perHit, f.percent, r.text));
  }
  return out.join('\n') + '\n\n';
}

/** The whole text of `kernprof -l -v` (after its "Wrote profile results" line). */
export function renderKernprofText(p: LineProfile): string {
  return `Timer unit: ${formatG(TIMER_UNIT_S)} s\n\n` + p.functions.map(renderFunctionText).join('');
}

/** One row per line of every profiled function; times in microseconds (line_profiler's unit). */
export function renderLineCsv(p: LineProfile): string {
  const out = ['function,file,function_line,line,hits,time_us,per_hit_us,percent_time,line_contents'];
  for (const t of p.functions) {
    for (const r of t.rows) {
      const time = r.hits ? units(r.timeMs) : undefined;
      out.push(
        [t.name, t.file, t.startLine, r.line, r.hits || undefined, time, time === undefined ? undefined : time / r.hits, r.hits && t.totalMs > 0 ? (100 * r.timeMs) / t.totalMs : undefined, r.text]
          .map(cell)
          .join(','),
      );
    }
  }
  return out.join('\n') + '\n';
}
