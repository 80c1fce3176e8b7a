/**
 * gprof2dot's default "temperature" colour map: weight 0 is dark blue
 * (h 2/3, s 0.80, l 0.25), weight 1 saturated red (h 0, s 1.0, l 0.5),
 * interpolated linearly in HSL (its gamma for this map is 1.0).
 */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

const MIN = { h: 2 / 3, s: 0.8, l: 0.25 };
const MAX = { h: 0, s: 1.0, l: 0.5 };
const GAMMA = 1.0;

export function heatHsl(weight: number): { h: number; s: number; l: number } {
  const w = Math.min(1, Math.max(0, weight));
  return { h: MIN.h + w * (MAX.h - MIN.h), s: MIN.s + w * (MAX.s - MIN.s), l: MIN.l + w * (MAX.l - MIN.l) };
}

function hueToRgb(m1: number, m2: number, h: number): number {
  if (h < 0) h += 1;
  else if (h > 1) h -= 1;
  if (h * 6 < 1) return m1 + (m2 - m1) * h * 6;
  if (h * 2 < 1) return m2;
  if (h * 3 < 2) return m1 + (m2 - m1) * (2 / 3 - h) * 6;
  return m1;
}

/** The RGB gprof2dot would use for a weight in [0, 1] (components in [0, 1]). */
export function heatRgb(weight: number): Rgb {
  const { h, s, l } = heatHsl(weight);
  const m2 = l <= 0.5 ? l * (s + 1) : l + s - l * s;
  const m1 = l * 2 - m2;
  return {
    r: hueToRgb(m1, m2, h + 1 / 3) ** GAMMA,
    g: hueToRgb(m1, m2, h) ** GAMMA,
    b: hueToRgb(m1, m2, h - 1 / 3) ** GAMMA,
  };
}

export function heatHex(weight: number): string {
  const { r, g, b } = heatRgb(weight);
  const hex = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 255).toString(16).padStart(2, '0');
  return `#${hex(r)}${hex(g)}${hex(b)}`;
}
