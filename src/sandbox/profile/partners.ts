/**
 * Processor: callers and callees of one function (pstats' print_callers /
 * print_callees). Output: PartnerRow[], one row per partner function with the
 * calls along that edge and the callee's own and cumulative time spent on
 * behalf of that caller.
 */
import type { CallNode, Profile } from '../types';

export interface PartnerRow {
  /** The other function (caller for callers(), callee for callees()). */
  frame: number;
  /** Calls along the edge. */
  calls: number;
  /** Of those, calls where the callee was not already running. */
  primitiveCalls: number;
  /** The callee's own time spent in calls along this edge, ms. */
  selfMs: number;
  /** The callee's cumulative time for those calls (outermost calls only), ms. */
  totalMs: number;
}

export interface Edge {
  caller: number;
  callee: number;
  calls: number;
  primitiveCalls: number;
  selfMs: number;
  totalMs: number;
}

/**
 * Every caller -> callee edge of the profile, aggregated over call paths.
 * Like cProfile's sub-entries, recursion is judged per edge: an edge's
 * cumulative time counts only calls made while that same edge was not
 * already active, so `fib -> fib` shows the time of its outermost use.
 */
export function callEdges(profile: Profile): Edge[] {
  if (profile.stats) return profile.stats.edges.map((edge) => ({ ...edge }));
  const edges = new Map<string, Edge>();
  const active = new Map<string, number>();
  const stack: Array<{ node: CallNode; key: string | undefined; next: number }> = [{ node: profile.root, key: undefined, next: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.next >= top.node.children.length) {
      stack.pop();
      if (top.key !== undefined) active.set(top.key, (active.get(top.key) ?? 1) - 1);
      continue;
    }
    const parent = top.node;
    const node = parent.children[top.next++];
    const key = `${parent.frame}>${node.frame}`;
    let edge = edges.get(key);
    if (!edge) edges.set(key, (edge = { caller: parent.frame, callee: node.frame, calls: 0, primitiveCalls: 0, selfMs: 0, totalMs: 0 }));
    const level = active.get(key) ?? 0;
    edge.calls += node.calls;
    edge.selfMs += node.selfMs;
    if (level === 0) {
      edge.primitiveCalls += node.calls;
      edge.totalMs += node.totalMs;
    }
    active.set(key, level + 1);
    stack.push({ node, key, next: 0 });
  }
  return [...edges.values()];
}

const byTotal = (a: PartnerRow, b: PartnerRow) => b.totalMs - a.totalMs || b.calls - a.calls;

/** Functions that called `frame` ("was called by..."), heaviest first. */
export function callers(profile: Profile, frame: number, edges = callEdges(profile)): PartnerRow[] {
  return edges
    .filter((e) => e.callee === frame)
    .map((e) => ({ frame: e.caller, calls: e.calls, primitiveCalls: e.primitiveCalls, selfMs: e.selfMs, totalMs: e.totalMs }))
    .sort(byTotal);
}

/** Functions that `frame` called ("called..."), heaviest first. */
export function callees(profile: Profile, frame: number, edges = callEdges(profile)): PartnerRow[] {
  return edges
    .filter((e) => e.caller === frame)
    .map((e) => ({ frame: e.callee, calls: e.calls, primitiveCalls: e.primitiveCalls, selfMs: e.selfMs, totalMs: e.totalMs }))
    .sort(byTotal);
}
