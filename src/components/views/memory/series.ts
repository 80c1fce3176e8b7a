/**
 * Chart-ready series from the memory and bench reports (units converted,
 * brackets placed): the charts draw these and nothing else.
 */
import type { MemoryTimeline } from '../../../sandbox/memory/types';
import type { GrowthRun } from '../../../sandbox/bench/types';

const MIB = 1024 * 1024;

export interface TimelinePoint {
  s: number; // seconds on the instrumented clock
  heap: number; // MB
  wasm: number; // MB
}

export interface Bracket {
  name: string;
  start: number; // s
  end: number; // s
  y: number; // MB: where the bracket is drawn
  label: string;
  open: boolean; // the call never returned
}

export interface TimelineSeries {
  points: TimelinePoint[];
  brackets: Bracket[];
  peak: TimelinePoint;
  endS: number;
  maxMB: number;
}

export function timelineSeries(timeline: MemoryTimeline): TimelineSeries {
  const points = timeline.samples.map((s) => ({ s: s.t / 1000, heap: s.heapBytes / MIB, wasm: s.wasmBytes / MIB }));
  const endS = Math.max(0, ...points.map((p) => p.s));
  const maxHeap = Math.max(timeline.peak.heapBytes / MIB, ...points.map((p) => p.heap));
  // mprof draws each call's bracket above the curve; nested calls one step higher.
  const step = Math.max(maxHeap * 0.06, 0.05);
  const brackets = timeline.spans.map((span) => {
    const end = span.end ?? timeline.samples[timeline.samples.length - 1]?.t ?? span.start;
    const inside = points.filter((p) => p.s >= span.start / 1000 && p.s <= end / 1000);
    const top = Math.max(0, ...inside.map((p) => p.heap));
    const seconds = (end - span.start) / 1000;
    return {
      name: span.name,
      start: span.start / 1000,
      end: end / 1000,
      y: top + step * (1 + span.depth),
      label: `${span.name} ${seconds.toFixed(3)} s${span.end === undefined ? ' (did not return)' : ''}`,
      open: span.end === undefined,
    };
  });
  const maxMB = Math.max(maxHeap, ...brackets.map((b) => b.y)) * 1.12;
  const peak = { s: timeline.peak.t / 1000, heap: timeline.peak.heapBytes / MIB, wasm: timeline.peak.wasmBytes / MIB };
  return { points, brackets, peak, endS, maxMB };
}

/** A time axis's one unit: values read as plain numbers ("800 µs", never "800m" ms). */
export interface TimeAxisUnit {
  label: 'µs' | 'ms' | 's';
  /** Axis values per millisecond. */
  perMs: number;
}

/** The unit in which the largest time on an axis lies between 1 and 1,000. */
export function timeAxisUnit(maxMs: number): TimeAxisUnit {
  if (maxMs < 1) return { label: 'µs', perMs: 1000 };
  if (maxMs >= 1000) return { label: 's', perMs: 0.001 };
  return { label: 'ms', perMs: 1 };
}

/** A tick label without SI prefixes: "0.8", "2,000", at most three significant digits. */
export function plainTick(value: number): string {
  return Number(value.toPrecision(3)).toLocaleString('en-US', { maximumFractionDigits: 12 });
}

/** Ticks at 1, 2 and 5 of each power of ten within [lo, hi] (at least the two ends' powers). */
export function logTicks(lo: number, hi: number): number[] {
  if (!(lo > 0) || !(hi >= lo)) return [];
  const ticks: number[] = [];
  for (let power = Math.floor(Math.log10(lo)); power <= Math.ceil(Math.log10(hi)); power++) {
    for (const step of [1, 2, 5]) {
      const tick = Number((step * 10 ** power).toPrecision(3));
      if (tick >= lo * 0.999 && tick <= hi * 1.001) ticks.push(tick);
    }
  }
  return ticks.length >= 2 ? ticks : [lo, hi].map((v) => Number(v.toPrecision(2)));
}

export interface GrowthSeries {
  /** Times in `unit` (the field names keep "ms" for the plot's channels). */
  points: Array<{ n: number; ms: number; min: number; max: number }>;
  fit: Array<{ n: number; ms: number }>;
  unit: TimeAxisUnit;
}

/** The measured points and the fitted line exp(intercept) · n^slope across the measured range, in one unit. */
export function growthSeries(run: GrowthRun): GrowthSeries {
  const unit = timeAxisUnit(Math.max(...run.points.map((p) => p.stats.maxMs)));
  const k = unit.perMs;
  const points = run.points.map((p) => ({ n: p.n, ms: p.stats.minMs * k, min: p.stats.minMs * k, max: p.stats.maxMs * k }));
  const ns = points.map((p) => p.n);
  const lo = Math.min(...ns);
  const hi = Math.max(...ns);
  const fit = Array.from({ length: 24 }, (_, i) => {
    const n = lo * Math.pow(hi / lo, i / 23);
    return { n, ms: Math.exp(run.intercept) * Math.pow(n, run.slope) * k };
  });
  return { points, fit, unit };
}
