/**
 * Host side of the memory tool: everything it measures is kept here, outside
 * the VM, so the bookkeeping never shows up in the heap it measures, and a run
 * that dies of out-of-memory still has its line table and timeline up to the end.
 *
 * The VM calls in with primitives only: a function index, a frame id, a line
 * number and the instrumented clock (`__wb.now()`).
 */
import type { HostEnv } from '../engine/tool';
import type { MemoryUsageSnapshot } from '../types';
import type { HeapDiff, HeapSnapshot, MemorySample, MemorySpan } from './types';
import type { MemoryPlan } from './transform';
import { diffSnapshots, makeSnapshot, unlistedBytes } from './composition';
import { SampleSchedule } from './schedule';

/**
 * Real time the line profiler may spend walking the heap before it stops
 * measuring lines (a walk costs ~50 µs on a small heap, ~1 ms with 1e5 live
 * objects), so a hot loop in a profiled function cannot eat the run's deadline.
 */
export const LINE_MEASURE_BUDGET_MS = 3_000;
/** Samples kept for the timeline; past this the series is halved (the peak is kept apart). */
export const MAX_SAMPLES = 4_000;
/** A new sample is kept when this much instrumented time passed or the heap moved this much. */
const SAMPLE_GAP_MS = 1;
const SAMPLE_STEP_BYTES = 64 * 1024;

/** Interrupt sampling may spend at most this share of the program's time walking the heap (schedule.ts). */
export const SAMPLE_DUTY = 0.02;

export interface LineStat {
  mem: number;
  inc: number;
  occ: number;
  /** High-water mark of the heap while the line ran (its start, samples inside it, its end). */
  peak: number;
}

interface Frame {
  fn: number;
  line: number;
  mem: number;
  /** Highest heap seen since the current line started. */
  peak: number;
  span: MemorySpan;
}

export interface RecorderOptions {
  plan: MemoryPlan;
  timeline: boolean;
  heap: boolean;
  /** Walk the heap from the interrupt handler too (when the cell records memory). */
  sampleAtInterrupts: boolean;
}

export class MemoryRecorder {
  /** Per profiled function (by plan index): line -> figures. Sized when the run starts. */
  lineStats: Array<Map<number, LineStat>> = [];
  calls: number[] = [];
  readonly samples: MemorySample[] = [];
  readonly spans: MemorySpan[] = [];
  readonly snapshots: HeapSnapshot[] = [];
  private readonly kinds: SnapshotKind[] = [];
  private beforeIndex = -1;
  baseline: MemoryUsageSnapshot | undefined;
  peak: MemorySample | undefined;
  thinned = false;
  budgetExhausted = false;
  private measuringMs = 0;
  private gapMs = SAMPLE_GAP_MS;
  private frames = new Map<number, Frame>();
  private open: number[] = [];
  private nextFrame = 1;
  private lastKnown: MemoryUsageSnapshot = { heapBytes: 0, wasmBytes: 0 };
  /** The instrumented clock at the VM's last call in, and the real time then (to date interrupt samples). */
  private clockSync = { t: 0, real: 0 };
  private readonly schedule: SampleSchedule;
  /** Heap walks made from the interrupt handler, and the real time they took. */
  interruptSamples = 0;
  interruptSampleMs = 0;

  constructor(
    private readonly env: HostEnv,
    readonly options: RecorderOptions,
  ) {
    this.warmUp();
    this.schedule = new SampleSchedule(env.realNow(), SAMPLE_DUTY);
  }

  /**
   * One heap walk before the code runs, uncounted: the engine compiles the wasm's
   * walk on first use (measured: 12 to 70 ms under load), and that one-off cost
   * must not set the sampling interval (cost / SAMPLE_DUTY) for the whole run.
   */
  private warmUp(): void {
    try {
      this.engineBytes = unlistedBytes(this.env.memoryDetails());
    } catch {
      /* measured again later */
    }
  }
  /** The heap's unlisted part (the engine's own tables) before any code ran; see composition.ts. */
  private engineBytes: number | undefined;

  /** The plan exists once the code is transformed, which is after the host functions are made. */
  private ensurePlan(): void {
    const count = this.options.plan.functions.length;
    while (this.lineStats.length < count) {
      this.lineStats.push(new Map());
      this.calls.push(0);
    }
  }

  /** Reads the live heap; near out-of-memory the walk itself can fail, then the last figure stands. */
  measure(t: number, force = false): MemoryUsageSnapshot {
    let usage = this.lastKnown;
    const t0 = this.env.realNow();
    this.clockSync = { t, real: t0 };
    try {
      usage = this.env.memoryUsage();
      this.lastKnown = usage;
    } catch {
      /* keep the last figure */
    }
    const cost = this.env.realNow() - t0;
    this.measuringMs += cost;
    // The line markers' walks count towards the sampling's share too.
    this.schedule.walked(t0, cost);
    this.note(t, usage, force);
    return usage;
  }

  /**
   * Called from QuickJS's interrupt handler: a heap sample in the middle of
   * whatever line is running, at most SAMPLE_DUTY of the program's time. It is dated
   * on the instrumented clock from the VM's last call in (no sleep can happen
   * between, since sleep is a call in), and raises the peak of every open line.
   */
  sampleAtInterrupt(): void {
    const t0 = this.env.realNow();
    if (!this.schedule.due(t0)) return;
    let usage: MemoryUsageSnapshot;
    try {
      usage = this.env.memoryUsage();
    } catch {
      this.schedule.walked(t0, this.env.realNow() - t0);
      return;
    }
    this.lastKnown = usage;
    const cost = this.env.realNow() - t0;
    this.interruptSamples++;
    this.interruptSampleMs += cost;
    this.schedule.walked(t0, cost);
    if (!this.baseline) return; // before the learner's code: no line, no timeline yet
    const t = this.clockSync.t + (t0 - this.clockSync.real);
    this.note(t, usage, false);
    for (const id of this.open) {
      const frame = this.frames.get(id);
      if (frame && usage.heapBytes > frame.peak) frame.peak = usage.heapBytes;
    }
  }

  /** Peak and timeline bookkeeping for one measurement. */
  private note(t: number, u: MemoryUsageSnapshot, force: boolean): void {
    const sample = { t, heapBytes: u.heapBytes, wasmBytes: u.wasmBytes };
    const isPeak = !this.peak || u.heapBytes > this.peak.heapBytes;
    if (isPeak) this.peak = sample;
    const last = this.samples[this.samples.length - 1];
    // A new high-water mark is always drawn, so the chart's line reaches the dashed peak.
    if (!force && !isPeak && last && t - last.t < this.gapMs && Math.abs(u.heapBytes - last.heapBytes) < SAMPLE_STEP_BYTES) return;
    if (last && last.t === t && last.heapBytes === u.heapBytes) return;
    this.samples.push(sample);
    if (this.samples.length > MAX_SAMPLES) this.thin();
  }

  /** Halves the series, keeping the first, the last and every other sample between. */
  private thin(): void {
    const kept = this.samples.filter((_, i) => i % 2 === 0 || i === this.samples.length - 1);
    this.samples.length = 0;
    this.samples.push(...kept);
    this.gapMs *= 2;
    this.thinned = true;
  }

  /** Start of the learner's code: the baseline, and the "before" snapshot when heap composition is on. */
  start(t: number): void {
    this.ensurePlan();
    const u = this.measure(t, true);
    this.baseline ??= u;
    if (this.options.heap && this.beforeIndex < 0) {
      this.beforeIndex = this.snapshots.length;
      this.snapshot('before', t);
    }
  }

  /** A profiled function was entered; returns the frame id its markers pass back. */
  enter(fn: number, t: number): number {
    if (!this.baseline) this.start(t);
    this.ensurePlan();
    if (!this.lineStats[fn]) return 0;
    this.calls[fn]++;
    const info = this.options.plan.functions[fn];
    const u = this.measure(t, true);
    const span: MemorySpan = { name: info.name, line: info.startLine, start: t, depth: this.open.length };
    this.spans.push(span);
    const id = this.nextFrame++;
    this.frames.set(id, { fn, line: info.startLine, mem: u.heapBytes, peak: u.heapBytes, span });
    this.open.push(id);
    return id;
  }

  /** A line marker: closes the line that ran before it and opens `line`. */
  line(frameId: number, line: number, t: number): void {
    const frame = this.frames.get(frameId);
    if (!frame) return;
    if (this.budgetExhausted) {
      // Past the budget only occurrences are counted; the line before gets no memory figure.
      this.bump(frame.fn, frame.line, undefined, 0, undefined);
      frame.line = line;
      return;
    }
    this.close(frame, t);
    frame.line = line;
    if (this.measuringMs >= LINE_MEASURE_BUDGET_MS) this.budgetExhausted = true;
  }

  /** The function returned or threw: its last line is closed and its span ends. */
  exit(frameId: number, t: number): void {
    const frame = this.frames.get(frameId);
    if (!frame) return;
    this.close(frame, t, true);
    frame.span.end = t;
    this.frames.delete(frameId);
    const at = this.open.lastIndexOf(frameId);
    if (at >= 0) this.open.splice(at, 1);
  }

  private close(frame: Frame, t: number, force = false): void {
    const u = this.measure(t, force);
    this.bump(frame.fn, frame.line, u.heapBytes, u.heapBytes - frame.mem, Math.max(frame.peak, u.heapBytes));
    frame.mem = u.heapBytes;
    frame.peak = u.heapBytes;
  }

  private bump(fn: number, line: number, mem: number | undefined, inc: number, peak: number | undefined): void {
    const stats = this.lineStats[fn];
    const s = stats.get(line) ?? { mem: Number.NEGATIVE_INFINITY, inc: 0, occ: 0, peak: Number.NEGATIVE_INFINITY };
    if (mem !== undefined && mem > s.mem) s.mem = mem;
    if (peak !== undefined && peak > s.peak) s.peak = peak;
    s.inc += inc;
    s.occ++;
    stats.set(line, s);
  }

  /**
   * A composition snapshot. `kind`: 0 a plain heapSnapshot(), 1 and 2 the two ends
   * of a heapRegion(), 3 the end of the run. Returns the live heap in bytes.
   */
  snapshot(label: string, t: number, kind: SnapshotKind = 0): number {
    let raw: Record<string, number> | undefined;
    try {
      raw = this.env.memoryDetails();
    } catch {
      return this.lastKnown.heapBytes;
    }
    const u = this.measure(t, true);
    const shot = makeSnapshot(kind === 1 ? `${label}: start` : kind === 2 ? `${label}: end` : label, t, raw, u.wasmBytes, this.engineBytes);
    this.snapshots.push(shot);
    this.kinds.push(kind);
    return shot.heapBytes;
  }

  /** What the VM's memoryUsage() reports: the heap (walked now) or the wasm memory. */
  usage(which: number, t: number): number {
    if (which === 1) return this.lastKnown.wasmBytes;
    return this.measure(t).heapBytes;
  }

  /** The end of the run (collection): last sample, and the "after" snapshot when composition is on. */
  finish(t: number): void {
    this.measure(t, true);
    if (this.options.heap && this.baseline) this.snapshot('after', t, 3);
  }

  /** before -> after first, then each region's own start -> end, then plain snapshots in turn. */
  diffs(): HeapDiff[] {
    const out: HeapDiff[] = [];
    const shots = this.snapshots;
    const before = this.beforeIndex;
    const after = this.kinds.lastIndexOf(3);
    if (before >= 0 && after >= 0) out.push(diffSnapshots(shots[before], shots[after]));
    const openRegions: number[] = [];
    let previousPlain = before;
    shots.forEach((s, i) => {
      const kind = this.kinds[i];
      if (kind === 1) openRegions.push(i);
      else if (kind === 2) {
        const start = openRegions.pop();
        if (start !== undefined) out.push(diffSnapshots(shots[start], s));
      } else if (kind === 0 && i !== before) {
        if (previousPlain >= 0) out.push(diffSnapshots(shots[previousPlain], s));
        previousPlain = i;
      }
    });
    return out;
  }
}

/** 0 plain snapshot, 1 region start, 2 region end, 3 end of the run. */
export type SnapshotKind = 0 | 1 | 2 | 3;
