/**
 * Processor: profile transforms, as speedscope and the Firefox Profiler offer
 * them: focus on a function, merge a function into its callers, collapse a
 * function's recursion, and the inverted ("who calls this") tree.
 * Output: a new Profile (the one given is never modified) that every tree or
 * table view can draw as it draws a recorded one.
 *
 * What every transformed profile keeps and drops:
 *  - `frames` is the same array, so a transform names its function by its index
 *    into the original profile's frames and stays valid after other transforms;
 *  - `meta` is kept (only `invert` may add a note, see there);
 *  - `stats` (a pstats import's exact flat figures) is dropped: it no longer
 *    describes the tree;
 *  - `spans` is emptied: the timeline shows the untransformed run.
 *
 * Every output tree keeps totalMs = selfMs + Σ children.totalMs on every node
 * when the input did. Sampling profiles: `samples` adds up wherever times do.
 * All walks are iterative: a deep recursion in learner code makes a deep tree.
 */
import type { CallNode, Profile } from '../types';
import { frameKey, frameName, parentsFirst } from './model';

export type ProfileTransform = { kind: 'focus' | 'merge' | 'collapse-recursion'; frame: number } | { kind: 'invert' };

/** Applies the transforms in order; no transform returns the profile itself (spans and stats intact). */
export function applyTransforms(profile: Profile, transforms: readonly ProfileTransform[]): Profile {
  let out = profile;
  for (const t of transforms) {
    if (t.kind === 'focus') out = focusOn(out, t.frame);
    else if (t.kind === 'merge') out = mergeIntoCallers(out, t.frame);
    else if (t.kind === 'collapse-recursion') out = collapseRecursion(out, t.frame);
    else out = invert(out);
  }
  return out;
}

/** How a transform is named on screen: `focus on prepY`, `merge randomInt`. */
export function describeTransform(profile: Profile, t: ProfileTransform): string {
  if (t.kind === 'invert') return 'invert';
  const name = profile.frames[t.frame] ? frameName(profile.frames[t.frame]) : '?';
  if (t.kind === 'focus') return `focus on ${name}`;
  if (t.kind === 'merge') return `merge ${name}`;
  return `collapse recursion of ${name}`;
}

/**
 * The transforms of one run carried to the next: each function is found again
 * by file and name (lines move when code is edited); a transform whose function
 * the new run does not have is dropped.
 */
export function carryTransforms(transforms: readonly ProfileTransform[], before: Profile, after: Profile): ProfileTransform[] {
  const index = new Map<string, number>();
  after.frames.forEach((frame, i) => {
    if (!index.has(frameKey(frame))) index.set(frameKey(frame), i);
  });
  const carried: ProfileTransform[] = [];
  for (const t of transforms) {
    if (t.kind === 'invert') carried.push(t);
    else {
      const frame = before.frames[t.frame] && index.get(frameKey(before.frames[t.frame]));
      if (frame !== undefined) carried.push({ kind: t.kind, frame });
    }
  }
  return carried;
}

/* ------------------------------------------------------------- the four */

/**
 * A `<module>` root whose children are every subtree rooted at a call of `frame`,
 * merged by path. A call of `frame` inside such a subtree stays where it is (it is
 * not a second root, so no time is counted twice). Root self time is 0.
 */
export function focusOn(profile: Profile, frame: number): Profile {
  if (frame === profile.root.frame) return transformed(profile, cloneDeep(profile.root));
  const tree = new TreeBuilder(profile.root, { selfMs: 0, totalMs: 0 });
  const stack = [profile.root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.frame === frame) tree.addSubtree(tree.root, node);
    else for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  for (const child of tree.root.children) {
    tree.root.totalMs += child.totalMs;
    if (child.samples !== undefined) tree.root.samples = (tree.root.samples ?? 0) + child.samples;
  }
  if (tree.root.samples === undefined) delete tree.root.samples;
  return transformed(profile, tree.root);
}

/**
 * Every call of `frame` disappears: its own time goes to its caller, its callees
 * become the caller's (adding up with callees the caller already had). The root
 * is never merged. The whole profile's time is unchanged.
 */
export function mergeIntoCallers(profile: Profile, frame: number): Profile {
  const tree = new TreeBuilder(profile.root);
  const stack: Array<{ node: CallNode; into: CallNode }> = [];
  const pushChildren = (node: CallNode, into: CallNode) => {
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], into });
  };
  pushChildren(profile.root, tree.root);
  while (stack.length) {
    const { node, into } = stack.pop()!;
    if (node.frame === frame) {
      // The caller's samples already count this node's stacks: only time moves.
      into.selfMs += node.selfMs;
      pushChildren(node, into);
    } else pushChildren(node, tree.add(into, node));
  }
  return transformed(profile, tree.root);
}

/**
 * A call of `frame` made while `frame` is already running is folded into the
 * outermost such call: its own time and its callees join that call's. The outer
 * node keeps its own `calls` (cProfile's primitive count: the recursive calls are
 * not added), its total and its samples (both already count the inner calls); the
 * nodes between the two lose the inner call's total and samples. Total unchanged.
 */
export function collapseRecursion(profile: Profile, frame: number): Profile {
  const tree = new TreeBuilder(profile.root);
  const adjust = new Adjustments();
  const stack: Array<{ node: CallNode; into: CallNode; outer: CallNode | undefined }> = [];
  const pushChildren = (node: CallNode, into: CallNode, outer: CallNode | undefined) => {
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], into, outer });
  };
  pushChildren(profile.root, tree.root, undefined);
  while (stack.length) {
    const { node, into, outer } = stack.pop()!;
    if (node.frame === frame && outer) {
      outer.selfMs += node.selfMs;
      // Its time leaves the path from the outer call down to where it was...
      adjust.remove(into, node.totalMs, node.samples);
      // ...but not the outer call, which keeps counting it.
      adjust.remove(outer, -node.totalMs, node.samples === undefined ? undefined : -node.samples);
      pushChildren(node, outer, outer);
    } else {
      const out = tree.add(into, node);
      pushChildren(node, out, node.frame === frame ? out : outer);
    }
  }
  adjust.apply(tree.root);
  return transformed(profile, tree.root);
}

/** So that inverting stays quick, the caller chains followed cost at most this many steps in all... */
const INVERT_WORK_BUDGET = 4_000_000;
/** ...but each chain is followed at least this far. */
const INVERT_MIN_CALLERS = 200;

/**
 * The inverted tree (speedscope's Sandwich callers, "who calls this"): the root's
 * children are the functions with own time, each with totalMs = its own time over
 * the whole profile; below each its callers, then theirs, up to `<module>`. Along
 * a path, totalMs = the own time of the function at the top that reached it
 * through those callers. selfMs is 0 except at the end of a chain (a `<module>`
 * node, or the last caller followed when a chain is cut), so
 * totalMs = selfMs + Σ children.totalMs holds everywhere and the root's total is
 * the profile's own time. `calls` counts the top function's calls by that path;
 * `samples` its own samples (samples taken while it was running itself).
 *
 * When many functions have own time in a very deep tree, every chain is followed
 * only up to a limit (at least INVERT_MIN_CALLERS callers) and meta.note says so.
 */
export function invert(profile: Profile): Profile {
  const parents = new Map<CallNode, CallNode>();
  const contributors: CallNode[] = [];
  const stack = [profile.root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.selfMs > 0 || ownSamples(node) > 0) contributors.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) {
      parents.set(node.children[i], node);
      stack.push(node.children[i]);
    }
  }
  const limit = Math.max(INVERT_MIN_CALLERS, Math.floor(INVERT_WORK_BUDGET / Math.max(1, contributors.length)));
  const sampled = profile.root.samples !== undefined;
  const tree = new TreeBuilder(profile.root, { selfMs: 0, totalMs: 0, ...(sampled ? { samples: 0 } : {}) });
  let cut = false;
  for (const leaf of contributors) {
    const ms = leaf.selfMs;
    const samples = sampled ? ownSamples(leaf) : undefined;
    const addTo = (node: CallNode) => {
      node.totalMs += ms;
      if (samples !== undefined) node.samples = (node.samples ?? 0) + samples;
    };
    addTo(tree.root);
    let at = tree.root;
    let caller: CallNode | undefined = leaf;
    for (let steps = 0; caller && steps <= limit; steps++, caller = parents.get(caller)) {
      at = tree.child(at, caller.frame, { calls: 0, selfMs: 0, totalMs: 0, ...(sampled ? { samples: 0 } : {}) });
      at.calls += leaf.calls;
      addTo(at);
    }
    if (caller) cut = true;
    at.selfMs += ms;
  }
  const note = cut ? `Inverted: caller chains are shown up to ${limit} callers up; the time of longer chains stays at the last caller shown.` : undefined;
  return transformed(profile, tree.root, note);
}

/* ------------------------------------------------------------- helpers */

/** Samples taken while this node itself was running (not one of its callees). */
function ownSamples(node: CallNode): number {
  if (node.samples === undefined) return 0;
  let children = 0;
  for (const child of node.children) children += child.samples ?? 0;
  return Math.max(0, node.samples - children);
}

function transformed(profile: Profile, root: CallNode, note?: string): Profile {
  const meta = note ? { ...profile.meta, note: profile.meta.note ? `${profile.meta.note} ${note}` : note } : profile.meta;
  return { meta, frames: profile.frames, root, spans: [], spansTruncated: false };
}

/**
 * Builds a new tree in which children are merged by frame: adding a node under a
 * parent that already has a child of that function adds the figures to it.
 */
class TreeBuilder {
  readonly root: CallNode;
  private readonly index = new Map<CallNode, Map<number, CallNode>>();

  constructor(source: CallNode, override: Partial<CallNode> = {}) {
    this.root = { ...copyFigures(source), ...override, children: [] };
  }

  /** The child of `parent` for `frame`, created with `fresh` figures when missing. */
  child(parent: CallNode, frame: number, fresh: Omit<CallNode, 'frame' | 'children'>): CallNode {
    let byFrame = this.index.get(parent);
    if (!byFrame) this.index.set(parent, (byFrame = new Map()));
    let node = byFrame.get(frame);
    if (!node) {
      node = { frame, ...fresh, children: [] };
      byFrame.set(frame, node);
      parent.children.push(node);
    }
    return node;
  }

  /** Adds `source`'s own figures (not its children) to the child of `parent` for its function. */
  add(parent: CallNode, source: CallNode): CallNode {
    const empty = { calls: 0, selfMs: 0, totalMs: 0, ...(source.samples !== undefined ? { samples: 0 } : {}) };
    const node = this.child(parent, source.frame, empty);
    node.calls += source.calls;
    node.selfMs += source.selfMs;
    node.totalMs += source.totalMs;
    if (source.samples !== undefined) node.samples = (node.samples ?? 0) + source.samples;
    return node;
  }

  /** Adds a whole subtree under `parent`, merging by path. */
  addSubtree(parent: CallNode, source: CallNode): void {
    const stack: Array<{ node: CallNode; into: CallNode }> = [{ node: source, into: parent }];
    while (stack.length) {
      const { node, into } = stack.pop()!;
      const out = this.add(into, node);
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], into: out });
    }
  }
}

function copyFigures(node: CallNode): Omit<CallNode, 'children'> {
  const { children: _children, ...figures } = node;
  return { ...figures };
}

/** A deep copy without recursion. */
function cloneDeep(root: CallNode): CallNode {
  const tree = new TreeBuilder(root);
  for (const child of root.children) tree.addSubtree(tree.root, child);
  return tree.root;
}

/**
 * Time (and samples) taken out of a node and everything above it, up to a node
 * where it is put back: recorded per node, then summed up the tree in one pass.
 */
class Adjustments {
  private readonly ms = new Map<CallNode, number>();
  private readonly samples = new Map<CallNode, number>();

  remove(node: CallNode, ms: number, samples: number | undefined): void {
    this.ms.set(node, (this.ms.get(node) ?? 0) + ms);
    if (samples !== undefined) this.samples.set(node, (this.samples.get(node) ?? 0) + samples);
  }

  apply(root: CallNode): void {
    if (this.ms.size === 0) return;
    // Walked backwards, children come before their parents.
    const order = parentsFirst(root);
    const below = new Map<CallNode, { ms: number; samples: number }>();
    for (let i = order.length - 1; i >= 0; i--) {
      const node = order[i];
      let ms = this.ms.get(node) ?? 0;
      let samples = this.samples.get(node) ?? 0;
      for (const child of node.children) {
        const sum = below.get(child)!;
        ms += sum.ms;
        samples += sum.samples;
      }
      below.set(node, { ms, samples });
      node.totalMs -= ms;
      if (node.samples !== undefined) node.samples -= samples;
    }
  }
}
