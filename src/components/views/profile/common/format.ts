/**
 * Number formats shared by the profile views. Durations reuse the console's
 * formatter so every tab reads the same; the table keeps pstats' seconds with
 * three decimals (what the learner will see from the real cProfile), with a
 * millisecond mode for the sub-millisecond work QuickJS cells mostly do.
 */
export { formatDuration } from '../../console/format-time';

export type TimeUnit = 's' | 'ms';

/** pstats prints `%8.3f` seconds; in ms mode three significant decimals. Blank for undefined. */
export function formatTableTime(ms: number | undefined, unit: TimeUnit): string {
  if (ms === undefined || !Number.isFinite(ms)) return '';
  return unit === 's' ? (ms / 1000).toFixed(3) : ms.toFixed(3);
}

export function formatPercent(fraction: number, digits = 1): string {
  if (!Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toFixed(digits)} %`;
}

export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** "2.4×" with one decimal under 10, none above. */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return '∞×';
  return `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1)}×`;
}
