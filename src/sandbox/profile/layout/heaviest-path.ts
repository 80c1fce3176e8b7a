/**
 * Where a function "lives" in the call tree when a view needs one place for it:
 * the call path through which it spent the most time. The icicle re-roots there
 * when a row of its stats table is clicked (SnakeViz re-roots on a row click).
 */
import type { CallNode } from '../../types';
import { childId, ROOT_ID, type NodeId } from './node-path';

export function heaviestPathTo(root: CallNode, frame: number): NodeId | undefined {
  let best: { id: NodeId; totalMs: number } | undefined;
  const stack: Array<{ node: CallNode; id: NodeId }> = [{ node: root, id: ROOT_ID }];
  while (stack.length) {
    const { node, id } = stack.pop()!;
    if (node.frame === frame && (!best || node.totalMs > best.totalMs)) best = { id, totalMs: node.totalMs };
    node.children.forEach((child, index) => stack.push({ node: child, id: childId(id, index) }));
  }
  return best?.id;
}
