/**
 * Contracts shared by every layer: what a run is asked to do, what it returns,
 * and the profile model that every view and export is derived from.
 * Pure types: no runtime code here, so the worker, the CLI, tests and the
 * page can all import this file without pulling anything else in.
 */

/* ------------------------------------------------------------------ limits */

export interface Limits {
  /** Real (not simulated) milliseconds before the run is interrupted. */
  timeoutMs: number;
  /** Hard cap on the QuickJS heap, in bytes (also bounds the wasm memory). */
  memoryBytes: number;
  /** Maximum native stack the VM may use, in bytes. */
  stackBytes: number;
  /** Console output cap: lines, then a visible "output truncated" line. */
  maxOutputLines: number;
  /** Console output cap in bytes (UTF-16 code units, close enough). */
  maxOutputBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  timeoutMs: 10_000,
  memoryBytes: 64 * 1024 * 1024,
  stackBytes: 256 * 1024, // deeper and the host (V8) stack overflows first: measured 1,635 frames
  maxOutputLines: 2_000,
  maxOutputBytes: 1024 * 1024,
};

/* ----------------------------------------------------------------- request */

export type ProfilerKind = 'deterministic' | 'sampling';

export interface ProfileOptions {
  kind: ProfilerKind;
  /** Record built-in rows (sleep, console.*, Math.*, Array.prototype.* ...). Default true. */
  builtins?: boolean;
  /** Sampling interval on the instrumented clock, ms. Default 1. */
  intervalMs?: number;
  /**
   * Which sampler (sampling only). 'events' (default): the clock is read at every call
   * and return, and each sample goes to the stack that was running when it fell due
   * (time-accurate). 'poll': samples only where QuickJS polls for interrupts, so
   * functions with no branch, loop or call never show and time splits by poll density
   * (safepoint bias); kept to show that bias.
   */
  sampler?: 'events' | 'poll';
}

export interface MemoryOptions {
  /** Line-by-line profile of functions marked `// @profile` (or these names). */
  lines?: boolean | string[];
  /** Heap samples against the instrumented clock (mprof). */
  timeline?: boolean;
  /** Heap composition before/after the run (tracemalloc in spirit). */
  heap?: boolean;
}

export interface RunRequest {
  /** The learner's code, exactly as shown in the editor. Line 1 is line 1. */
  code: string;
  /** Hidden setup code, evaluated first as its own script (its own line numbers). */
  setup?: string;
  /** Name shown in errors, stacks and profiles, e.g. "sleeper.js". */
  filename?: string;
  limits?: Partial<Limits>;
  /** Seed for Math.random; same seed, same numbers. Default 1. */
  seed?: number;
  profile?: ProfileOptions;
  memory?: MemoryOptions;
  /** Time per line (line_profiler) of functions marked `// @profile`, or of these names too. */
  lines?: boolean | string[];
  /** VM-side source evaluated after the user code (exercise checks): it evaluates to a function, which the engine calls with the sandbox object. */
  after?: { filename: string; source: string };
}

/* ------------------------------------------------------------------ result */

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'table' | 'system';

export interface ConsoleEntry {
  level: ConsoleLevel;
  /** Already formatted like a browser console would show it. */
  text: string;
  /** Instrumented clock (ms since the run started) when it was printed. */
  at: number;
}

export interface SourceLocation {
  file: string;
  line: number; // 1-based
  column: number; // 1-based
  /** The engine gave a wrong position; this one was found in the source (engine/error-position.ts). */
  recovered?: boolean;
}

export interface RunError {
  name: string; // "SyntaxError", "TypeError", "InternalError" ...
  message: string;
  /** Where the error points in the learner's code, when it does. */
  location?: SourceLocation;
  /** Stack frames in the learner's terms (wrapper frames removed). */
  stack: Array<{ functionName: string } & Partial<SourceLocation>>;
  /** An uncaught promise rejection rather than a thrown error. */
  unhandledRejection?: boolean;
}

export type RunStatus =
  | 'ok'
  | 'error' // uncaught exception or rejection
  | 'timeout' // deadline reached
  | 'out-of-memory'
  | 'stack-overflow'
  | 'output-limit' // console output cap reached: the run is ended
  | 'stopped' // learner pressed Stop (set by the client)
  | 'crashed'; // the worker/module died (set by the client)

/**
 * What `cpuMs` measures: this thread's CPU time (Node on Linux), the whole
 * process's CPU time (Node elsewhere), or busy time, real elapsed minus
 * simulated (the browser, which has no CPU clock). Absent means 'busy'.
 */
export type CpuTimeKind = 'thread' | 'process' | 'busy';

export interface Timing {
  /** Instrumented clock at the end: real elapsed + simulated. */
  wallMs: number;
  /** Processor time of the run, or busy time where there is no CPU clock: see cpuKind. */
  cpuMs: number;
  cpuKind?: CpuTimeKind;
  /** Time added by sleep() and by timers jumping ahead. */
  simulatedMs: number;
  /** Measured resolution of the real clock inside the VM, ms. */
  resolutionMs: number;
}

export interface LimitHit {
  /** Which limit ended the run, and how to raise it, in a learner's words. */
  limit: keyof Limits;
  value: number;
  message: string;
}

export interface MemoryUsageSnapshot {
  /** QuickJS live heap (malloc'd bytes in use), the figure we teach with. */
  heapBytes: number;
  /** Size of the wasm module's linear memory (what an OS would call RSS). */
  wasmBytes: number;
}

export interface RunResult {
  status: RunStatus;
  console: ConsoleEntry[];
  outputTruncated: boolean;
  error?: RunError;
  limitHit?: LimitHit;
  timing: Timing;
  /** Peak memory seen during the run. */
  peakMemory?: MemoryUsageSnapshot;
  /** Results of the tools asked for in the request (each owned by its module). */
  profile?: Profile;
  memory?: unknown; // typed in src/sandbox/memory/types.ts
  lines?: unknown; // typed in src/sandbox/lines/types.ts
  bench?: unknown; // typed in src/sandbox/bench/types.ts
  check?: unknown; // typed in src/sandbox/exercises/types.ts
}

/* --------------------------------------------------------- profile model */

/** One function identity: what cProfile calls file:line(function). */
export interface Frame {
  name: string;
  file: string;
  line: number; // 1-based, 0 for built-ins
  column: number; // 1-based, 0 for built-ins
  builtin: boolean;
}

/** A node of the call tree: one distinct call path. */
export interface CallNode {
  /** Index into Profile.frames. */
  frame: number;
  /** How many times this call path was entered. */
  calls: number;
  /** Time in this node excluding children, ms (overhead-corrected when meta says so). */
  selfMs: number;
  /** Time in this node including children, ms. */
  totalMs: number;
  /** Sampling profiles: samples whose stack passed through this node. */
  samples?: number;
  /** Children in first-call order. */
  children: CallNode[];
}

/** One entry of the timeline (call order on the instrumented clock). */
export interface Span {
  frame: number;
  depth: number;
  start: number; // ms on the instrumented clock
  end: number;
}

export interface ProfileMeta {
  kind: ProfilerKind;
  filename: string;
  wallMs: number;
  cpuMs: number;
  /** What cpuMs measures (see Timing). */
  cpuKind?: CpuTimeKind;
  simulatedMs: number;
  resolutionMs: number;
  /** Estimated profiler cost per recorded event, ns, and whether it was subtracted. */
  overheadPerEventNs: number;
  overheadCorrected: boolean;
  /**
   * Deterministic: what each call costs its caller beyond the callee's own interval
   * (ns), subtracted from the caller's self time as Python's `profile` calibration does.
   */
  overheadPerChildCallNs?: number;
  /** Sampling only: which sampler ('events' time-accurate, 'poll' safepoint-biased). */
  sampler?: 'events' | 'poll';
  /** Sampling only. */
  intervalMs?: number;
  sampleCount?: number;
  /** True when the run ended early (error, timeout, OOM): the profile is partial. */
  partial: boolean;
  /**
   * Set (to the cap) when the run had more distinct call paths than the recorder
   * keeps: calls on the paths past it are counted in their callers' own time.
   */
  callPathsCapped?: number;
  /** Imported profiles: the format it was read from (e.g. "pstats", "cpuprofile"). */
  source?: string;
  /** Imported profiles: what the format lacks, in a learner's words; the views show it. */
  note?: string;
}

/** One function's figures as a format keeps them, when it keeps no call tree (pstats). */
export interface FlatStatsRow {
  frame: number;
  calls: number;
  primitiveCalls: number;
  selfMs: number;
  totalMs: number;
}

/** One caller -> callee edge as such a format keeps it. */
export interface FlatStatsEdge {
  caller: number;
  callee: number;
  calls: number;
  primitiveCalls: number;
  selfMs: number;
  totalMs: number;
}

/**
 * The file's own flat table and edges, for formats that keep these rather than a
 * call tree: the table, callers/callees and call graph use them as they are,
 * while `root` is only an approximation rebuilt from the edges (meta.note says so).
 */
export interface FlatStats {
  functions: FlatStatsRow[];
  edges: FlatStatsEdge[];
}

export interface Profile {
  meta: ProfileMeta;
  frames: Frame[];
  /**
   * The top-level script, like cProfile's `<module>` row: a real node whose frame
   * is named "<module>" (file = meta.filename, line 1). Its children are the calls
   * made from top-level code (and from timers/promise jobs, which also start there).
   */
  root: CallNode;
  /**
   * Spans for the timeline and the ordered exports, capped (see spansTruncated), in call
   * order: a call before the calls it made, calls in the order they were made, starts never
   * decreasing. Readers rely on the order, not on comparing times (see profiler/span-order.ts).
   */
  spans: Span[];
  spansTruncated: boolean;
  /** Imported from a flat format (pstats): the exact figures; see FlatStats. */
  stats?: FlatStats;
}
