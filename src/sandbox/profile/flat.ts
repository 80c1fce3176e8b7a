/**
 * Processor: call tree -> the flat cProfile/pstats table.
 * Output: FlatRow[] (one row per function) and a FlatSummary (the header line).
 *
 * pstats' rules: `calls` counts every call, `primitiveCalls` only those not
 * made while the same function was already running (recursion shows as
 * `calls/primitiveCalls`, e.g. 3/1); `totalMs` (cumtime) counts each outermost
 * call once, so recursion is not counted twice; the first per-call column is
 * tottime / calls, the second cumtime / primitive calls, blank when the divisor is 0.
 */
import type { Profile } from '../types';
import { walkWithRecursion } from './model';

export interface FlatRow {
  /** Index into Profile.frames. */
  frame: number;
  /** ncalls: every call, recursive ones included. */
  calls: number;
  /** Calls not made from inside another call of the same function. */
  primitiveCalls: number;
  /** tottime: own time, ms. */
  selfMs: number;
  /** cumtime: time including callees, each outermost call counted once, ms. */
  totalMs: number;
  /** tottime / calls (undefined when calls is 0). */
  selfPerCall?: number;
  /** cumtime / primitive calls (undefined when that is 0). */
  totalPerCall?: number;
  /** Sampling profiles: samples whose stack passed through the function (counted once per stack). */
  samples?: number;
}

export interface FlatSummary {
  /** `N function calls` */
  calls: number;
  /** `(M primitive calls)` */
  primitiveCalls: number;
  /** `in X seconds`: pstats prints the sum of tottime over all rows. */
  totalMs: number;
  /** Number of rows (functions). */
  functions: number;
}

/** Every function of the profile as a pstats row, in first-seen order. */
export function flatRows(profile: Profile): FlatRow[] {
  // A pstats import keeps the file's exact table; its tree is only an approximation.
  if (profile.stats) return profile.stats.functions.map((row) => withPerCall({ ...row }));
  const rows = new Map<number, FlatRow>();
  walkWithRecursion(profile.root, (node, recursion) => {
    let row = rows.get(node.frame);
    if (!row) rows.set(node.frame, (row = { frame: node.frame, calls: 0, primitiveCalls: 0, selfMs: 0, totalMs: 0 }));
    row.calls += node.calls;
    row.selfMs += node.selfMs;
    if (recursion === 0) {
      row.primitiveCalls += node.calls;
      row.totalMs += node.totalMs;
      if (node.samples !== undefined) row.samples = (row.samples ?? 0) + node.samples;
    }
  });
  return [...rows.values()].map(withPerCall);
}

export function withPerCall(row: FlatRow): FlatRow {
  return {
    ...row,
    selfPerCall: row.calls > 0 ? row.selfMs / row.calls : undefined,
    totalPerCall: row.primitiveCalls > 0 ? row.totalMs / row.primitiveCalls : undefined,
  };
}

/** The figures of pstats' header line, over the rows given (all rows, before any restriction). */
export function flatSummary(rows: FlatRow[]): FlatSummary {
  let calls = 0;
  let primitiveCalls = 0;
  let totalMs = 0;
  for (const row of rows) {
    calls += row.calls;
    primitiveCalls += row.primitiveCalls;
    totalMs += row.selfMs;
  }
  return { calls, primitiveCalls, totalMs, functions: rows.length };
}
