/**
 * Stable addresses for call-tree nodes: the child indices from the root, joined
 * by "/". The root is "" . Views keep these ids (zoom root, selection, expanded
 * rows) instead of object references, so they survive re-renders and re-runs.
 */
import type { CallNode, Profile } from '../../types';

export type NodeId = string;

export const ROOT_ID: NodeId = '';

export function childId(parent: NodeId, index: number): NodeId {
  return parent === ROOT_ID ? String(index) : `${parent}/${index}`;
}

/** The node at `id`, or undefined when the id no longer fits this tree (e.g. after a re-run). */
export function nodeAt(root: CallNode, id: NodeId): CallNode | undefined {
  if (id === ROOT_ID) return root;
  let node: CallNode | undefined = root;
  for (const part of id.split('/')) {
    node = node?.children[Number(part)];
    if (!node) return undefined;
  }
  return node;
}

/** The chain from the root down to `id`, both ends included. */
export function pathTo(root: CallNode, id: NodeId): Array<{ id: NodeId; node: CallNode }> {
  const chain: Array<{ id: NodeId; node: CallNode }> = [{ id: ROOT_ID, node: root }];
  if (id === ROOT_ID) return chain;
  let current = ROOT_ID;
  let node = root;
  for (const part of id.split('/')) {
    const next = node.children[Number(part)];
    if (!next) break;
    current = childId(current, Number(part));
    node = next;
    chain.push({ id: current, node });
  }
  return chain;
}

export function parentId(id: NodeId): NodeId {
  const cut = id.lastIndexOf('/');
  return cut < 0 ? ROOT_ID : id.slice(0, cut);
}

/** How many nodes the call tree has (the root included). */
export function countNodes(profile: Profile): number {
  let count = 0;
  const stack: CallNode[] = [profile.root];
  while (stack.length) {
    const node = stack.pop()!;
    count += 1;
    for (const child of node.children) stack.push(child);
  }
  return count;
}
