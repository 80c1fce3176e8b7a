/** Small formatters shared by the memory and bench views. */
export { byteScale, formatBytes, formatBytesDelta, formatCount, formatCountDelta, formatInByteScale, formatMiB } from '../../../sandbox/memory/format';

/** Seconds on the instrumented clock: "2.481 s". */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}

/** A benchmark time per call: "1.234 ms", "12.5 µs", "85.0 ns". */
export function formatBenchTime(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 1000) return `${(ms / 1000).toFixed(3)} s`;
  if (ms >= 1) return `${ms.toFixed(3)} ms`;
  if (ms >= 0.001) return `${(ms * 1000).toFixed(2)} µs`;
  return `${(ms * 1e6).toFixed(1)} ns`;
}

export function formatOps(ops: number): string {
  if (!Number.isFinite(ops)) return '∞';
  return ops >= 100 ? Math.round(ops).toLocaleString('en-US') : ops.toPrecision(3);
}
