/**
 * Colours that carry meaning, computed once here so every view agrees:
 * one stable hue per function (SnakeViz keys colour by function name), and
 * gprof2dot's blue-to-red heat scale for time fractions.
 */
import type { Frame } from '../../types';

/** A hue (0-360) that depends only on the function's identity, so it is stable across runs. */
export function functionHue(frame: Pick<Frame, 'name' | 'file'>): number {
  let hash = 2166136261;
  const key = `${frame.file}:${frame.name}`;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  // Spread over the wheel but skip the narrow band of pure reds reserved for "hot".
  return 20 + ((hash >>> 0) % 320);
}

export interface Hsl {
  h: number; // degrees
  s: number; // 0..1
  l: number; // 0..1
}

/**
 * gprof2dot's default colour map: weight 0 is dark blue (h 2/3, s 0.8, l 0.25),
 * weight 1 saturated red (h 0, s 1, l 0.5), linear in HSL in between.
 */
export function heatColour(weight: number): Hsl {
  const w = Math.min(1, Math.max(0, weight));
  return { h: (2 / 3) * (1 - w) * 360, s: 0.8 + 0.2 * w, l: 0.25 + 0.25 * w };
}

export function hslToCss({ h, s, l }: Hsl): string {
  return `hsl(${round(h)} ${round(s * 100)}% ${round(l * 100)}%)`;
}

/** pyinstrument's colour bands by share of the total: > 60 % red, > 20 % yellow, > 5 % green. */
export function shareBand(fraction: number): 'hot' | 'warm' | 'mild' | 'faint' {
  if (fraction > 0.6) return 'hot';
  if (fraction > 0.2) return 'warm';
  if (fraction > 0.05) return 'mild';
  return 'faint';
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
