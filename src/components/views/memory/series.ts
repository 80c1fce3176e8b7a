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

export interface GrowthSeries {
  points: Array<{ n: number; ms: number; min: number; max: number }>;
  fit: Array<{ n: number; ms: number }>;
}

/** The measured points and the fitted line exp(intercept) · n^slope across the measured range. */
export function growthSeries(run: GrowthRun): GrowthSeries {
  const points = run.points.map((p) => ({ n: p.n, ms: p.stats.minMs, min: p.stats.minMs, max: p.stats.maxMs }));
  const ns = points.map((p) => p.n);
  const lo = Math.min(...ns);
  const hi = Math.max(...ns);
  const fit = Array.from({ length: 24 }, (_, i) => {
    const n = lo * Math.pow(hi / lo, i / 23);
    return { n, ms: Math.exp(run.intercept) * Math.pow(n, run.slope) };
  });
  return { points, fit };
}
