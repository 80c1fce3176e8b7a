/**
 * Subtracting the profiler's own cost from a deterministic call tree, as
 * Python's `profile` module does with its calibrated bias.
 *
 * Calibration (in the VM) times an empty instrumented function against an
 * empty plain one: per call the hooks cost `inner` inside the interval the
 * callee measures for itself and `outer` outside it (but inside its caller's).
 * So a node measured  self = true self + calls·inner + (calls of its children)·outer,
 * and totals are rebuilt bottom-up from corrected self times so that
 * total = self + Σ children still holds exactly. Built-ins are recorded by a
 * wrapper function, not inline code, so they have figures of their own.
 */
import type { CallNode } from '../types';

export interface Calibration {
  innerNs: number;
  outerNs: number;
  /** For built-in rows (the learner's functions' figures when absent). */
  builtinInnerNs?: number;
  builtinOuterNs?: number;
}

/** isBuiltin: whether a node is a built-in's row. */
export function subtractOverhead(root: CallNode, calibration: Calibration, isBuiltin: (node: CallNode) => boolean = () => false): void {
  const inner = calibration.innerNs / 1e6;
  const outer = calibration.outerNs / 1e6;
  const builtinInner = (calibration.builtinInnerNs ?? calibration.innerNs) / 1e6;
  const builtinOuter = (calibration.builtinOuterNs ?? calibration.outerNs) / 1e6;
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
    let childOverhead = 0;
    let childTotal = 0;
    for (const child of node.children) {
      childOverhead += child.calls * (isBuiltin(child) ? builtinOuter : outer);
      childTotal += child.totalMs;
    }
    const own = node === root ? 0 : node.calls * (isBuiltin(node) ? builtinInner : inner);
    node.selfMs = Math.max(0, node.selfMs - own - childOverhead);
    node.totalMs = node.selfMs + childTotal;
  }
}
