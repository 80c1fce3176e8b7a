import type { Timing } from '../../../sandbox/types';

/**
 * Durations as a learner reads them: "0.42 ms", "12.3 ms", "6.003 s".
 * Shared by the console's time line and the `time` view so both agree.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const abs = Math.abs(ms);
  if (abs >= 1000) return `${(ms / 1000).toFixed(3)} s`;
  if (abs >= 100) return `${ms.toFixed(0)} ms`;
  if (abs >= 10) return `${ms.toFixed(1)} ms`;
  if (abs >= 0.01 || abs === 0) return `${ms.toFixed(2)} ms`;
  return `${(ms * 1000).toFixed(1)} µs`;
}

/** Timer resolution reads best in microseconds (5 µs isolated, 100 µs otherwise). */
export function formatResolution(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return 'unknown';
  if (ms < 1) return `${Number((ms * 1000).toPrecision(3))} µs`;
  return `${Number(ms.toPrecision(3))} ms`;
}

/**
 * One unit for a whole view (issue 16: "1000 ms" beside "1.000 s" read as two
 * different things). A view picks its scale once from its largest figure, and
 * from its smallest step where figures must tell steps apart (an axis); every
 * figure in it is then written in that unit with the same decimals.
 */
export interface TimeScale {
  unit: 's' | 'ms' | 'µs';
  /** Milliseconds per unit: 1000 for s, 1 for ms, 0.001 for µs. */
  msPerUnit: number;
  decimals: number;
  /** For captions and headings: "seconds", "milliseconds", "microseconds". */
  name: string;
}

const SCALES = {
  s: { msPerUnit: 1000, name: 'seconds', maxDecimals: 3 },
  ms: { msPerUnit: 1, name: 'milliseconds', maxDecimals: 3 },
  'µs': { msPerUnit: 0.001, name: 'microseconds', maxDecimals: 1 },
} as const;

/** Decimals that give the largest figure about four significant digits, or show one step. */
function decimalsFor(largest: number, step: number | undefined, maxDecimals: number): number {
  const digitsBeforePoint = largest >= 1 ? Math.floor(Math.log10(largest)) + 1 : 1;
  let decimals = Math.max(0, 4 - digitsBeforePoint);
  if (step !== undefined && step > 0) decimals = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
  return Math.min(maxDecimals, decimals);
}

/** The scale for figures up to `largestMs` (and, for an axis, ticks `stepMs` apart). */
export function timeScale(largestMs: number, stepMs?: number): TimeScale {
  const largest = Number.isFinite(largestMs) ? Math.abs(largestMs) : 0;
  const unit: TimeScale['unit'] = largest >= 1000 ? 's' : largest >= 1 || largest === 0 ? 'ms' : 'µs';
  const { msPerUnit, name, maxDecimals } = SCALES[unit];
  const decimals = decimalsFor(largest / msPerUnit, stepMs === undefined ? undefined : stepMs / msPerUnit, maxDecimals);
  return { unit, msPerUnit, decimals, name };
}

/** A figure in the view's unit: "0.250 s"; a non-zero figure too small to show reads "< 0.001 s". */
export function formatInScale(ms: number, scale: TimeScale, options: { unit?: boolean } = {}): string {
  if (!Number.isFinite(ms)) return '—';
  const suffix = options.unit === false ? '' : ` ${scale.unit}`;
  const value = ms / scale.msPerUnit;
  const text = Math.abs(value).toFixed(scale.decimals);
  const smallest = 10 ** -scale.decimals;
  if (value !== 0 && Math.abs(value) < smallest / 2) return `< ${smallest.toFixed(scale.decimals)}${suffix}`;
  return `${value < 0 ? '−' : ''}${text}${suffix}`;
}

/** A signed change in the view's unit ("+0.120 s", "−3.000 s", "±0"). */
export function formatDeltaInScale(ms: number, scale: TimeScale): string {
  if (ms === 0) return '±0';
  return (ms > 0 ? '+' : '−') + formatInScale(Math.abs(ms), scale);
}

/** One unit for a run's durations (real, CPU, simulated), from the largest figure of the runs shown; the clock's resolution keeps its own. */
export function timingScale(...timings: Array<Timing | undefined>): TimeScale {
  const figures = timings.flatMap((t) => (t ? [t.wallMs, t.cpuMs, t.simulatedMs] : []));
  return timeScale(Math.max(0, ...figures.filter(Number.isFinite)));
}
