/**
 * Subtracting the profiler's own cost from a deterministic call tree, as
 * Python's `profile` module does with its calibrated bias.
 *
 * Calibration (in the VM) times an empty instrumented function against an
 * empty plain one: per call the hooks cost `inner` inside the interval the
 * callee measures for itself and `outer` outside it (but inside its caller's).
 * So a node measured  self = true self + calls·inner + (calls of its children)·outer,
 * and totals are rebuilt bottom-up from corrected self times so that
 * total = self + Σ children still holds exactly.
 */
import type { CallNode } from '../types';

export interface Calibration {
  innerNs: number;
  outerNs: number;
}

export function subtractOverhead(root: CallNode, calibration: Calibration): void {
  const inner = calibration.innerNs / 1e6;
  const outer = calibration.outerNs / 1e6;
  // Post-order without recursion: deep recursion in learner code makes deep trees.
  const order: CallNode[] = [];
  const stack: CallNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    order.push(node);
    for (const child of node.children) stack.push(child);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    let childCalls = 0;
    let childTotal = 0;
    for (const child of node.children) {
      childCalls += child.calls;
      childTotal += child.totalMs;
    }
    const own = node === root ? 0 : node.calls * inner;
    node.selfMs = Math.max(0, node.selfMs - own - childCalls * outer);
    node.totalMs = node.selfMs + childTotal;
  }
}
