/**
 * Processor: the change of every call path from one profile to the next, for a
 * differential flame graph (Brendan Gregg's: the boxes of the new run, each
 * coloured by how its time changed; speedscope #445 and Firefox Profiler #470
 * ask for one). Paths are matched by the functions along them (file and name),
 * not by position, so an edit that adds or reorders calls still lines up.
 */
import type { CallNode, Profile } from '../types';
import { frameKey } from './model';
import { childId, ROOT_ID, type NodeId } from './layout/node-path';
import type { PartitionCell } from './layout/partition';

export interface PathChange {
  /** Time on this path in the earlier run (0: the path is new). */
  beforeMs: number;
  afterMs: number;
}

/**
 * For each node of `after` (by node id; `<id>#self` for its own time), the same
 * path's time in `before` and in `after`. Paths only in `before` have no box to colour.
 */
export function pathChanges(before: Profile, after: Profile): Map<string, PathChange> {
  const changes = new Map<string, PathChange>();
  const keyOf = (profile: Profile, node: CallNode) => frameKey(profile.frames[node.frame]);
  // Iterative: a deep recursion in the learner's program makes a deep tree.
  const stack: Array<{ id: NodeId; now: CallNode; then: CallNode | undefined }> = [{ id: ROOT_ID, now: after.root, then: before.root }];
  while (stack.length) {
    const { id, now, then } = stack.pop()!;
    changes.set(id, { beforeMs: then?.totalMs ?? 0, afterMs: now.totalMs });
    changes.set(`${id}#self`, { beforeMs: then?.selfMs ?? 0, afterMs: now.selfMs });
    const earlier = new Map<string, CallNode>();
    for (const child of then?.children ?? []) {
      const key = keyOf(before, child);
      const seen = earlier.get(key);
      // One function called from one place is one child; should a tree hold two, merge their times.
      earlier.set(key, seen ? { ...seen, totalMs: seen.totalMs + child.totalMs, selfMs: seen.selfMs + child.selfMs, children: [...seen.children, ...child.children] } : child);
    }
    now.children.forEach((child, index) => stack.push({ id: childId(id, index), now: child, then: earlier.get(keyOf(after, child)) }));
  }
  return changes;
}

export type ChangeDirection = 'slower' | 'faster' | 'same' | 'new';

/**
 * How a path changed, with a dead band: a change under 5 % of the path's earlier time,
 * or under 0.5 % of the larger run, is "same" (timings never repeat exactly).
 */
export function changeDirection(change: PathChange, runMs: number): ChangeDirection {
  if (change.beforeMs === 0) return change.afterMs === 0 ? 'same' : 'new';
  const delta = change.afterMs - change.beforeMs;
  if (Math.abs(delta) < 0.05 * change.beforeMs || Math.abs(delta) < 0.005 * runMs) return 'same';
  return delta > 0 ? 'slower' : 'faster';
}

/** How one box of the differential flame graph changed since the previous run. */
export interface BoxChange {
  direction: ChangeDirection;
  /** |change| against the largest change among the boxes (0..1): the colour's depth. */
  strength: number;
  beforeMs: number;
  afterMs: number;
}

/** For each box of this run's icicle, how its call path's time changed since `before`. */
export function boxChanges(before: Profile, after: Profile, cells: PartitionCell[]): Map<string, BoxChange> {
  const paths = pathChanges(before, after);
  const runMs = Math.max(before.root.totalMs, after.root.totalMs);
  const found = cells.map((cell) => ({ cell, change: paths.get(cell.key) ?? { beforeMs: 0, afterMs: cell.totalMs } }));
  // A loop, not Math.max(...spread): a deep or wide tree can have more boxes than a call has arguments.
  let largest = 0;
  for (const { change } of found) largest = Math.max(largest, Math.abs(change.afterMs - change.beforeMs));
  const boxes = new Map<string, BoxChange>();
  for (const { cell, change } of found) {
    const direction = changeDirection(change, runMs);
    const strength = direction === 'same' || largest === 0 ? 0 : Math.min(1, Math.abs(change.afterMs - change.beforeMs) / largest);
    boxes.set(cell.key, { direction, strength, ...change });
  }
  return boxes;
}
