/**
 * Number formats shared by the profile views. Durations reuse the console's
 * formatter so every tab reads the same; the table keeps pstats' seconds with
 * three decimals (what the learner will see from the real cProfile), with a
 * millisecond mode for the sub-millisecond work QuickJS cells mostly do.
 */
import type { Profile } from '../../../../sandbox/types';
import { timeScale, type TimeScale } from '../../console/format-time';

export { formatInScale, formatDeltaInScale, timeScale, type TimeScale } from '../../console/format-time';

export type TimeUnit = 's' | 'ms';

/**
 * The unit every view of one profile writes its times in: chosen from the
 * larger of the run's wall time and the root's total, so the notes above a view
 * and the figures in it agree.
 */
export function profileTimeScale(profile: Profile): TimeScale {
  return timeScale(Math.max(profile.root.totalMs, profile.meta.wallMs || 0));
}

/** The table's default unit: seconds as cProfile prints them, milliseconds for runs under a second. */
export function defaultTableUnit(profile: Profile): TimeUnit {
  return profileTimeScale(profile).unit === 's' ? 's' : 'ms';
}

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
