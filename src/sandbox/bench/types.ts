/**
 * What the benchmark helpers (bench, compare, growth) put in RunResult.bench
 * (typed `unknown` in the shared contract; views cast it to BenchReport).
 * Every time is real time measured inside the VM: sleep() and simulated time
 * are left out, because a benchmark measures work, not waiting.
 */

export interface BenchStats {
  /** Timed repeats, and calls per repeat (timeit's `repeat` and `number`). */
  repeat: number;
  number: number;
  /** Time per call of each repeat, ms (each repeat's total divided by `number`). */
  timesMs: number[];
  minMs: number;
  medianMs: number;
  maxMs: number;
  meanMs: number;
  stdDevMs: number;
  /** (max − min) / median, in percent: how noisy the repeats were. */
  spreadPct: number;
  /** Calls per second at the best (minimum) time. */
  opsPerSec: number;
}

export interface BenchRun {
  kind: 'bench';
  /** The rounds left out the time the thread waited for a processor (Node on Linux). */
  waitingExcluded?: boolean;
  label: string;
  stats: BenchStats;
}

export interface CompareCandidate {
  name: string;
  stats: BenchStats;
  /** Best time divided by the fastest candidate's best time (1 for the fastest). */
  relative: number;
}

export interface CompareRun {
  kind: 'compare';
  /** The rounds left out the time the thread waited for a processor (Node on Linux). */
  waitingExcluded?: boolean;
  label: string;
  /** In the order given. */
  candidates: CompareCandidate[];
  fastest: string;
}

export interface GrowthPoint {
  n: number;
  stats: BenchStats;
}

export interface GrowthRun {
  kind: 'growth';
  /** The rounds left out the time the thread waited for a processor (Node on Linux). */
  waitingExcluded?: boolean;
  label: string;
  points: GrowthPoint[];
  /** Least-squares fit of ln(time) = slope · ln(n) + intercept, over the best times. */
  slope: number;
  intercept: number;
  /** Coefficient of determination of the fit (1 = a straight line on log-log axes). */
  r2: number;
  /** "linear", "quadratic" ... what the slope suggests, in words. */
  verdict: string;
}

export type BenchEntry = BenchRun | CompareRun | GrowthRun;

export interface BenchReport {
  /** In the order the cell ran them. */
  runs: BenchEntry[];
  /** Resolution of the VM's real clock, ms (5 µs cross-origin isolated, 100 µs otherwise in Chromium). */
  resolutionMs: number;
}
