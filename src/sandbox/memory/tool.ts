/**
 * The memory tool: memory_profiler's line table, mprof's timeline, a
 * tracemalloc-like heap composition, and the out-of-memory report.
 *
 * Always active, because memoryUsage()/heapSnapshot()/heapRegion() are
 * globals of every cell and an out-of-memory run deserves its report whatever
 * the cell shows. The transform and the sampling only happen when the request
 * asks for them (request.memory), so a plain run pays for a short prelude only.
 */
import type { HostEnv, Primitive, SandboxTool } from '../engine/tool';
import type { RunRequest, RunResult } from '../types';
import { DEFAULT_LIMITS } from '../types';
import { instrumentForMemory, planMemoryProfile, startsInCode, type MemoryPlan, type TransformOptions } from './transform';
import { memoryPrelude } from './prelude';
import { MemoryRecorder, type SnapshotKind } from './recorder';
import { buildReport } from './report';

/** What the request turns on. */
export function memoryOptions(request: RunRequest): TransformOptions & { heap: boolean } {
  const m = request.memory ?? {};
  const lines = Array.isArray(m.lines) ? true : !!m.lines;
  const timeline = !!m.timeline;
  const heap = !!m.heap;
  return { lines, names: Array.isArray(m.lines) ? m.lines : undefined, timeline, heap, start: lines || timeline || heap };
}

// Per-run state. The engine passes the same env to hostFunctions() and finish(),
// and the same request to transform(); weak maps let runs overlap safely.
const recorders = new WeakMap<HostEnv, MemoryRecorder>();
const plans = new WeakMap<RunRequest, MemoryPlan>();

const num = (v: Primitive, fallback = 0): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

export const memoryTool: SandboxTool = {
  id: 'memory',
  wants: () => true,

  prelude(request) {
    const options = memoryOptions(request);
    return memoryPrelude({ sampleSleep: options.timeline, startNow: options.start && !startsInCode(request.code) });
  },

  transform(code, request, names) {
    const options = memoryOptions(request);
    if (!options.start) return code;
    // Planned on the code as this tool receives it, so the function indexes match the markers.
    plans.set(request, planMemoryProfile(code, options));
    return instrumentForMemory(code, options, names);
  },

  hostFunctions(env) {
    const options = memoryOptions(env.request);
    // The plan is made in transform(), which runs after this: read it lazily.
    const recorder = new MemoryRecorder(env, {
      get plan() {
        return plans.get(env.request) ?? { functions: [], missing: [] };
      },
      timeline: options.timeline,
      heap: options.heap,
      sampleAtInterrupts: options.start,
    });
    recorders.set(env, recorder);
    return {
      mem_start: (t) => (recorder.start(num(t)), undefined),
      mem_enter: (fn, t) => recorder.enter(num(fn, -1), num(t)),
      mem_line: (frame, line, t) => (recorder.line(num(frame), num(line), num(t)), undefined),
      mem_exit: (frame, t) => (recorder.exit(num(frame), num(t)), undefined),
      mem_sample: (t, force) => (recorder.measure(num(t), force === 1), undefined),
      mem_usage: (which, t) => recorder.usage(num(which), num(t)),
      // Labels are the learner's text: bounded before the recorder keeps them.
      mem_snapshot: (label, t, kind) => recorder.snapshot(String(label).slice(0, 200), num(t), num(kind) as SnapshotKind),
      mem_finish: (t) => (recorder.finish(num(t)), undefined),
    };
  },

  // Only when the cell records memory: a walk in the middle of a plain cell's
  // benchmark (compare, growth) would be timed as part of the code it measures.
  onInterrupt(env) {
    const recorder = recorders.get(env);
    if (recorder?.options.sampleAtInterrupts) recorder.sampleAtInterrupt();
  },

  finish(_raw, result: RunResult, env) {
    const recorder = recorders.get(env);
    if (!recorder) return {};
    const options = memoryOptions(env.request);
    const limitBytes = env.request.limits?.memoryBytes ?? DEFAULT_LIMITS.memoryBytes;
    const report = buildReport(recorder, { ...options, code: env.request.code, filename: env.request.filename ?? 'cell.js', limitBytes, result });
    return report ? { memory: report } : {};
  },
};
