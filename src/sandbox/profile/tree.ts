/**
 * Processor: call tree -> the filtered tree pyinstrument prints.
 * Output: TreeRow (a new tree; the profile is not modified) where
 *  - children are ordered by time, heaviest first;
 *  - a frame's own time appears as a `[self]` child (only when it has other children);
 *  - built-in subtrees that call no learner code are collapsed, per parent,
 *    into one `[N frames hidden]  name, name` row;
 *  - rows under `minFraction` (default 1 %) of the total are removed.
 * Works on deterministic profiles (times) and sampling ones (times + samples).
 */
import type { CallNode, Profile } from '../types';
import { frameName, profileTotalMs } from './model';

export type TreeRowKind = 'frame' | 'self' | 'hidden';

export interface TreeRow {
  /** Stable id within this tree (path of child indexes), for keys and focus. */
  id: string;
  kind: TreeRowKind;
  /** Frame index for 'frame' rows (and the owner's frame for 'self'). */
  frame?: number;
  /** `main`, `[self]` or `[3 frames hidden]`. */
  label: string;
  timeMs: number;
  /** timeMs / profile total (pyinstrument colours by it). */
  fraction: number;
  samples?: number;
  calls?: number;
  /** 'hidden' rows: how many frames, and the distinct names hidden. */
  hiddenCount?: number;
  hiddenNames?: string[];
  children: TreeRow[];
}

export interface TreeOptions {
  /** Remove rows under this fraction of the total. Default 0.01 (pyinstrument). */
  minFraction?: number;
  /** Collapse built-in frames into `[N frames hidden]`. Default true. */
  hideBuiltins?: boolean;
  /** Show own time as `[self]` rows. Default true. */
  showSelf?: boolean;
  /** Start at this node instead of the root (e.g. a focused subtree). */
  root?: CallNode;
}

export function filteredTree(profile: Profile, options: TreeOptions = {}): TreeRow {
  const minFraction = options.minFraction ?? 0.01;
  const hideBuiltins = options.hideBuiltins ?? true;
  const showSelf = options.showSelf ?? true;
  const total = profileTotalMs(profile);
  const frac = (ms: number) => (total > 0 ? ms / total : 0);
  const keep = (ms: number) => total <= 0 || frac(ms) >= minFraction;
  const isBuiltin = (n: CallNode) => profile.frames[n.frame]?.builtin ?? false;
  const callsLearnerCode = new Map<CallNode, boolean>();
  const reachesLearner = (n: CallNode): boolean => {
    const known = callsLearnerCode.get(n);
    if (known !== undefined) return known;
    const value = n.children.some((c) => !isBuiltin(c) || reachesLearner(c));
    callsLearnerCode.set(n, value);
    return value;
  };
  const countNodes = (n: CallNode): number => 1 + n.children.reduce((s, c) => s + countNodes(c), 0);

  const build = (node: CallNode, id: string): TreeRow => {
    const row: TreeRow = {
      id,
      kind: 'frame',
      frame: node.frame,
      label: frameName(profile.frames[node.frame]),
      timeMs: node.totalMs,
      fraction: frac(node.totalMs),
      calls: node.calls,
      ...(node.samples !== undefined ? { samples: node.samples } : {}),
      children: [],
    };
    const shown: CallNode[] = [];
    const hidden: CallNode[] = [];
    for (const child of node.children) {
      if (hideBuiltins && isBuiltin(child) && !reachesLearner(child)) hidden.push(child);
      else shown.push(child);
    }
    const children: TreeRow[] = [];
    shown.forEach((child, i) => {
      if (keep(child.totalMs)) children.push(build(child, `${id}/${i}`));
    });
    if (hidden.length) {
      const timeMs = hidden.reduce((s, c) => s + c.totalMs, 0);
      if (keep(timeMs)) {
        const names = [...new Set(hidden.map((c) => frameName(profile.frames[c.frame])))];
        const count = hidden.reduce((s, c) => s + countNodes(c), 0);
        const samples = hidden.some((c) => c.samples !== undefined) ? hidden.reduce((s, c) => s + (c.samples ?? 0), 0) : undefined;
        children.push({
          id: `${id}/h`,
          kind: 'hidden',
          label: `[${count} frame${count === 1 ? '' : 's'} hidden]`,
          timeMs,
          fraction: frac(timeMs),
          hiddenCount: count,
          hiddenNames: names,
          ...(samples !== undefined ? { samples } : {}),
          children: [],
        });
      }
    }
    if (showSelf && children.length && node.selfMs > 0 && keep(node.selfMs)) {
      children.push({ id: `${id}/s`, kind: 'self', frame: node.frame, label: '[self]', timeMs: node.selfMs, fraction: frac(node.selfMs), children: [] });
    }
    children.sort((a, b) => b.timeMs - a.timeMs);
    row.children = children;
    return row;
  };
  return build(options.root ?? profile.root, 'r');
}
