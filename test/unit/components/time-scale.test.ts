/**
 * One unit per view (issue 16): a view picks its scale from its largest figure
 * and writes every figure in it, so "1000 ms" never sits beside "1.000 s".
 */
import { describe, expect, test } from 'vitest';
import { formatDeltaInScale, formatInScale, timeScale, timingScale } from '../../../src/components/views/console/format-time';

describe('timeScale', () => {
  test('picks seconds, milliseconds or microseconds from the largest figure', () => {
    expect(timeScale(6003).unit).toBe('s');
    expect(timeScale(1000).unit).toBe('s');
    expect(timeScale(999.9).unit).toBe('ms');
    expect(timeScale(1).unit).toBe('ms');
    expect(timeScale(0.8).unit).toBe('µs');
    expect(timeScale(0).unit).toBe('ms');
  });

  test('gives the largest figure about four significant digits', () => {
    expect(formatInScale(6003.2, timeScale(6003.2))).toBe('6.003 s');
    expect(formatInScale(12_500, timeScale(12_500))).toBe('12.50 s');
    expect(formatInScale(250, timeScale(250))).toBe('250.0 ms');
    expect(formatInScale(1.5, timeScale(1.5))).toBe('1.500 ms');
    expect(formatInScale(0.8, timeScale(0.8))).toBe('800.0 µs');
  });

  test('writes every figure of a view in the view’s unit, small ones included', () => {
    const scale = timeScale(6000);
    expect([6000, 1000, 250, 0].map((ms) => formatInScale(ms, scale))).toEqual(['6.000 s', '1.000 s', '0.250 s', '0.000 s']);
    // A real but tiny figure is not rounded to nothing.
    expect(formatInScale(0.2, scale)).toBe('< 0.001 s');
    expect(formatInScale(0.2, scale, { unit: false })).toBe('< 0.001');
  });

  test('an axis gets the decimals its step needs', () => {
    expect(formatInScale(1500, timeScale(6000, 500))).toBe('1.5 s');
    expect(formatInScale(2000, timeScale(6000, 1000))).toBe('2 s');
    expect(formatInScale(0.25, timeScale(1, 0.05))).toBe('0.25 ms');
  });

  test('signed changes keep the unit', () => {
    const scale = timeScale(3000);
    expect(formatDeltaInScale(2000, scale)).toBe('+2.000 s');
    expect(formatDeltaInScale(-250, scale)).toBe('−0.250 s');
    expect(formatDeltaInScale(0, scale)).toBe('±0');
  });

  test('a run’s durations share the unit of its largest, across both runs compared', () => {
    const quick = { wallMs: 250.3, cpuMs: 0.4, simulatedMs: 250, resolutionMs: 0.005 };
    const slow = { wallMs: 3000.2, cpuMs: 0.3, simulatedMs: 3000, resolutionMs: 0.005 };
    expect(timingScale(quick).unit).toBe('ms');
    expect(timingScale(quick, slow).unit).toBe('s');
    expect(formatInScale(quick.cpuMs, timingScale(quick, slow))).toBe('< 0.001 s');
  });
});
