/** One byte unit per memory table (issue 16), with the chapter's binary MB and KB. */
import { describe, expect, test } from 'vitest';
import { byteScale, formatBytes, formatInByteScale } from '../../../src/sandbox/memory/format';

describe('byteScale', () => {
  test('MB with memory_profiler’s three decimals once the largest figure reaches 1 MB', () => {
    const scale = byteScale(15 * 1048576);
    expect(scale.unit).toBe('MB');
    expect([4_000_000, -16_000_000, 2048].map((n) => formatInByteScale(n, scale))).toEqual(['3.815 MB', '-15.259 MB', '0.002 MB']);
  });

  test('KB for a table whose figures all stay under a megabyte', () => {
    const scale = byteScale(700 * 1024);
    expect(scale.unit).toBe('KB');
    expect(formatInByteScale(412 * 1024, scale)).toBe('412.0 KB');
  });

  test('the same units, under the same names, as the other memory views', () => {
    expect(formatBytes(4_000_000)).toBe('3.8 MB');
    expect(formatInByteScale(4_000_000, byteScale(4_000_000))).toBe('3.815 MB');
  });
});
