/**
 * What the line-time profiler returns in RunResult.lines (typed `unknown` in
 * the shared contract; views and the CLI cast it to LineProfile).
 */

/** One line_profiler row: a source line of a profiled function. */
export interface LineTimeRow {
  line: number; // 1-based, in the learner's code
  text: string; // the line as written
  /** Line events on this line (loop headers: one per iteration test). */
  hits: number;
  /** Time from this line's events to the next event in the same call, calls made on the line included, overhead subtracted, ms. */
  timeMs: number;
}

/** The table of one profiled function (all its calls merged, as line_profiler does). */
export interface LineTimeTable {
  name: string;
  file: string;
  /** The table's first line (the `// @profile` comment right above the header, like kernprof's decorator line, else the header) and the function's last line. */
  startLine: number;
  endLine: number;
  /** Sum of the rows' time, ms (line_profiler's "Total time"). */
  totalMs: number;
  rows: LineTimeRow[];
}

export interface LineProfile {
  functions: LineTimeTable[];
  /** Names asked for in request.lines that no function in the code has. */
  missing: string[];
  /** Calibrated cost of one line event, ns, subtracted from every line once per event it contains. */
  overheadPerEventNs: number;
  overheadCorrected: boolean;
  /** Simulated time (sleep, timers) of the run, ms: it counts on the line that waited. */
  simulatedMs: number;
  /** True when the run ended early (error, timeout, out of memory). */
  partial: boolean;
}
