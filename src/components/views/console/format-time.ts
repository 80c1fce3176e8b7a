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

/** Signed difference for comparisons with the previous run ("+1.20 ms", "−3.000 s"). */
export function formatDelta(ms: number): string {
  if (ms === 0) return '±0';
  const sign = ms > 0 ? '+' : '−';
  return sign + formatDuration(Math.abs(ms));
}
