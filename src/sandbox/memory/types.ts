/**
 * What the memory tool returns in RunResult.memory (typed `unknown` in the
 * shared contract; views and the CLI cast it to MemoryReport).
 *
 * Every byte figure is QuickJS's own accounting (`memory_used_size` of
 * JS_ComputeMemoryUsage): the live heap. `wasmBytes` is the size of the
 * module's linear memory, the sandbox's equivalent of a process's RSS: it only
 * grows, and holds the live heap plus the allocator's free space.
 */

/** One memory_profiler row: a source line of a profiled function. */
export interface MemoryLineRow {
  line: number; // 1-based, in the learner's code
  text: string; // the line as written
  /** Highest live heap seen right after this line ran; null when it never ran. */
  memBytes: number | null;
  /**
   * High-water mark of the live heap while the line ran: the highest of its start,
   * its end and the heap samples taken inside it (at interrupt points, as mprof
   * samples); null when it never ran. A peak inside one native call that runs no
   * JavaScript (one `concat`) has no interrupt point and is not seen.
   */
  peakBytes: number | null;
  /** Heap after the line minus heap before it, summed over every time it ran; null when it never ran. */
  incrementBytes: number | null;
  occurrences: number;
}

/** The line table of one profiled function (all its calls merged, as memory_profiler does). */
export interface MemoryLineTable {
  name: string;
  file: string;
  /** The function's first line (its header) and last line. */
  startLine: number;
  endLine: number;
  calls: number;
  rows: MemoryLineRow[];
}

export interface MemorySample {
  /** Instrumented clock, ms since the run started (sleep moves it). */
  t: number;
  heapBytes: number;
  wasmBytes: number;
}

/** One call of a profiled function, drawn as a bracket on the timeline. */
export interface MemorySpan {
  name: string;
  line: number;
  start: number;
  /** Missing when the run ended inside the call (error, timeout, out of memory). */
  end?: number;
  depth: number;
}

export interface MemoryTimeline {
  samples: MemorySample[];
  spans: MemorySpan[];
  /** The highest sample (the dashed line of mprof's plot). */
  peak: MemorySample;
  /** True when samples were thinned out to stay under the cap. */
  thinned: boolean;
}

/** A heap category as the heap view lists it. */
export type HeapCategoryKey =
  | 'objects'
  | 'properties'
  | 'shapes'
  | 'arrays'
  | 'array-elements'
  | 'strings'
  | 'atoms'
  | 'functions'
  | 'native-functions'
  | 'binary'
  | 'other';

export interface HeapCategory {
  key: HeapCategoryKey;
  label: string;
  count: number;
  /** Bytes, or null where QuickJS reports only a count (arrays, native functions). */
  bytes: number | null;
  /** Bytes inferred rather than reported, count unknown (typed-array stores in quickjs-ng). */
  estimated?: boolean;
}

/** The heap's make-up at one moment (tracemalloc's snapshot, in spirit). */
export interface HeapSnapshot {
  label: string;
  /** Instrumented clock, ms. */
  at: number;
  heapBytes: number;
  wasmBytes: number;
  categories: HeapCategory[];
  /** The JS_ComputeMemoryUsage fields as QuickJS reported them. */
  raw: Record<string, number>;
}

export interface HeapCategoryDelta {
  key: HeapCategoryKey;
  label: string;
  count: number;
  bytes: number | null;
}

/** The difference between two snapshots ("+1,000,000 array elements, +7.6 MB"). */
export interface HeapDiff {
  from: string;
  to: string;
  heapBytes: number;
  categories: HeapCategoryDelta[];
  /** One line a learner can read, largest changes first. */
  summary: string;
}

export interface HeapReport {
  /** "before" (ahead of the learner's code), any regions, "after" (when the run finished). */
  snapshots: HeapSnapshot[];
  /** before -> after, then each marked region's own before -> after. */
  diffs: HeapDiff[];
}

export interface OutOfMemoryReport {
  limitBytes: number;
  /** The highest live heap measured before the run was stopped. */
  peakBytes: number;
  peakWasmBytes: number;
  /** Instrumented clock when the peak was measured, ms. */
  peakAt: number;
  message: string;
}

export interface MemoryReport {
  /** Which figure the tables show, spelled out for the views. */
  figure: 'live-heap';
  /** Live heap and wasm memory just before the learner's code ran. */
  baseline: { heapBytes: number; wasmBytes: number };
  /** Highest live heap among all measurements of the run, the samples inside lines included. */
  peak: MemorySample;
  /** Heap samples taken from the interrupt handler, and the real time they cost (ms). */
  sampling?: { interruptSamples: number; costMs: number };
  limitBytes: number;
  /** Line tables, one per profiled function, in source order. */
  lines?: MemoryLineTable[];
  /** Functions asked for by name that the code does not define. */
  missing?: string[];
  /** True when the line profiler stopped measuring to keep within its budget. */
  linesBudgetExhausted?: boolean;
  timeline?: MemoryTimeline;
  heap?: HeapReport;
  oom?: OutOfMemoryReport;
  /** The run ended early (error, timeout, out of memory): figures cover what ran. */
  partial: boolean;
}
