/**
 * Byte figures as the memory chapter writes them. "MB" means 2^20 bytes here,
 * as in the engine's limit messages and memory_profiler's MiB: 1e6 numbers in an
 * array take 8,000,000 bytes, which reads "7.6 MB".
 */
const MIB = 1024 * 1024;

/** "7.6 MB", "312 KB", "96 B". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '—';
  const abs = Math.abs(bytes);
  const sign = bytes < 0 ? '−' : '';
  if (abs >= MIB) return `${sign}${(abs / MIB).toFixed(abs >= 100 * MIB ? 0 : 1)} MB`;
  if (abs >= 1024) return `${sign}${(abs / 1024).toFixed(abs >= 100 * 1024 ? 0 : 1)} KB`;
  return `${sign}${abs} B`;
}

/** A signed change: "+7.6 MB", "−30.5 MB", "±0 B". */
export function formatBytesDelta(bytes: number): string {
  if (bytes === 0) return '±0 B';
  return (bytes > 0 ? '+' : '') + formatBytes(bytes);
}

/** memory_profiler's figure: MiB with three decimals ("38.816"). */
export function formatMiB(bytes: number): string {
  return (bytes / MIB).toFixed(3);
}

/** "1,000,000" (en-US grouping, the same on every machine). */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** "+1,000,000" / "−12". */
export function formatCountDelta(n: number): string {
  if (n === 0) return '±0';
  return (n > 0 ? '+' : '−') + formatCount(Math.abs(n));
}

/**
 * One byte unit for a whole table (issue 16: "MiB in one view, MB in the next"):
 * MB when its largest figure reaches a megabyte, else KB, with memory_profiler's
 * three decimals for MB. The same binary units as formatBytes, under the same names.
 */
export interface ByteScale {
  unit: 'MB' | 'KB';
  bytesPerUnit: number;
  decimals: number;
}

export function byteScale(largestBytes: number): ByteScale {
  return Math.abs(largestBytes) >= MIB ? { unit: 'MB', bytesPerUnit: MIB, decimals: 3 } : { unit: 'KB', bytesPerUnit: 1024, decimals: 1 };
}

/** "3.815 MB", "-15.259 MB" (memory_profiler's sign), "412.0 KB". */
export function formatInByteScale(bytes: number, scale: ByteScale): string {
  if (!Number.isFinite(bytes)) return '—';
  return `${(bytes / scale.bytesPerUnit).toFixed(scale.decimals)} ${scale.unit}`;
}
