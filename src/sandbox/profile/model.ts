/**
 * Small helpers over the profile model (src/sandbox/types.ts) shared by every
 * processor and renderer: walking the call tree, naming frames the way the
 * Python tools do, and the totals that percentages are taken of.
 */
import type { CallNode, Frame, Profile } from '../types';

/** Visits every node depth-first (parents before children) with its ancestors' frames. */
export function walkTree(root: CallNode, visit: (node: CallNode, depth: number, parent: CallNode | undefined) => void): void {
  const stack: Array<[CallNode, number, CallNode | undefined]> = [[root, 0, undefined]];
  while (stack.length) {
    const [node, depth, parent] = stack.pop()!;
    visit(node, depth, parent);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i], depth + 1, node]);
  }
}

/** Every node, each before its children (walk it backwards to see children before parents). */
export function parentsFirst(root: CallNode): CallNode[] {
  const order: CallNode[] = [];
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    order.push(node);
    for (const child of node.children) stack.push(child);
  }
  return order;
}

/**
 * Visits every node with a count of how many times its own frame already
 * appears among its ancestors: 0 means a primitive (non-recursive) call path.
 */
export function walkWithRecursion(root: CallNode, visit: (node: CallNode, recursionDepth: number, parent: CallNode | undefined) => void): void {
  // Iterative: a deep recursion in learner code makes a deep tree.
  const onStack = new Map<number, number>();
  const stack: Array<{ node: CallNode; parent: CallNode | undefined; next: number }> = [];
  const open = (node: CallNode, parent: CallNode | undefined) => {
    const depth = onStack.get(node.frame) ?? 0;
    visit(node, depth, parent);
    onStack.set(node.frame, depth + 1);
    stack.push({ node, parent, next: 0 });
  };
  open(root, undefined);
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.next < top.node.children.length) open(top.node.children[top.next++], top.node);
    else {
      stack.pop();
      onStack.set(top.node.frame, (onStack.get(top.node.frame) ?? 1) - 1);
    }
  }
}

/** The time every percentage is a share of: the `<module>` node's total, or the sum of own times. */
export function profileTotalMs(profile: Profile): number {
  if (profile.root.totalMs > 0) return profile.root.totalMs;
  let sum = 0;
  walkTree(profile.root, (n) => (sum += n.selfMs));
  return sum;
}

/** Total number of nodes in the tree (call paths). */
export function countCallPaths(root: CallNode): number {
  let n = 0;
  walkTree(root, () => n++);
  return n;
}

/** The short name shown in trees and graphs: `main`, `Math.floor`. */
export function frameName(frame: Frame): string {
  return frame.name || '(anonymous)';
}

/** `sleeper.js:4` for learner code, '' for built-ins. */
export function frameLocation(frame: Frame): string {
  return frame.builtin ? '' : `${frame.file}:${frame.line}`;
}

/**
 * pstats' standard name (`func_std_string`): `file:line(function)` for code,
 * `{built-in method sleep}` or `{method 'map' of 'Array' objects}` for built-ins.
 */
export function pstatsName(frame: Frame): string {
  if (!frame.builtin) return `${frame.file}:${frame.line}(${frameName(frame)})`;
  // Names imported from pstats keep Python's own `<built-in method print>` form.
  if (frame.name.startsWith('<') && frame.name.endsWith('>')) return `{${frame.name.slice(1, -1)}}`;
  const proto = /^(\w+)\.prototype\.(.+)$/.exec(frame.name);
  if (proto) return `{method '${proto[2]}' of '${proto[1]}' objects}`;
  return `{built-in method ${frame.name}}`;
}

/** cProfile's (file, line, name) key, which pstats sorts by and prints as pstatsName(). */
export function pstatsKey(frame: Frame): [string, number, string] {
  if (frame.builtin) return ['~', 0, `<${pstatsName(frame).slice(1, -1)}>`];
  return [frame.file, frame.line, frameName(frame)];
}

/** Python's ordering of those keys (tuples compare field by field). */
export function comparePstatsKeys(a: [string, number, string], b: [string, number, string]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

/** A key that identifies a function across two runs of edited code (lines may move). */
export function frameKey(frame: Frame): string {
  return `${frame.builtin ? '~' : frame.file}\u0000${frame.name}`;
}

/** Deep copy of a tree (processors that reshape trees never touch the profile they were given). */
export function cloneTree(node: CallNode): CallNode {
  return { ...node, children: node.children.map(cloneTree) };
}

/** Seconds with pstats' precision, from milliseconds. */
export function seconds(ms: number, digits = 3): string {
  return (ms / 1000).toFixed(digits);
}
