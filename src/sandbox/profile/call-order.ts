/**
 * Processor: the run in call order, for the exports that keep time order
 * (.cpuprofile samples, speedscope's evented profiles).
 *
 * `Profile.spans` hold every call on the instrumented clock until a cap, then
 * only the long outer calls (`spansTruncated`); calls still open when a run
 * ended early have none. A call-tree node is *complete* when every one of its
 * calls has a span (and so has its parent): only complete nodes' spans are
 * used, nested back into calls. The time of incomplete nodes lies in their
 * complete ancestor's own stretches, which are filled from the call tree,
 * depth-first: every function keeps the table's time, in true order wherever
 * the order was recorded.
 *
 * Spans are raw clock readings; the tree's times have the profiler's overhead
 * subtracted. So each node's own stretches are scaled to the tree's own time of
 * the node (and of the incomplete descendants it holds), and the clock after
 * them moves accordingly: every export's totals are the table's, exactly.
 */
import type { CallNode, Profile, Span } from '../types';

/** One recorded call: its span (raw clock), its call-tree node and the calls it made. */
export interface SpanCall {
  span: Span;
  node: CallNode;
  children: SpanCall[];
}

/** A stretch of the run spent in one call-tree node (ms on the instrumented clock). */
export interface Stretch {
  node: CallNode;
  start: number;
  end: number;
}

export interface CallOrder {
  stretches: Stretch[];
  /** 'spans': all in recorded order; 'spans+tree': some stretches filled from the tree; 'tree': no spans used. */
  source: 'spans' | 'spans+tree' | 'tree';
}

interface Matched {
  span: Span;
  node: CallNode;
  parent: number; // index into the matched list, -1 for the root
}

/** Starts never decrease: the spans are in call order already, and sorting them by time could only break ties wrongly. */
function inCallOrder(spans: Span[]): boolean {
  for (let i = 1; i < spans.length; i++) if (spans[i].start < spans[i - 1].start) return false;
  return true;
}

/** Nests spans (a span of depth d sits in the last open one of depth d - 1) and finds each one's node. */
function matchSpans(profile: Profile): Matched[] {
  const spans = inCallOrder(profile.spans) ? profile.spans : [...profile.spans].sort((a, b) => a.start - b.start || a.depth - b.depth);
  const rootSpan = spans[0]?.depth === 0 ? spans[0] : { frame: profile.root.frame, depth: 0, start: 0, end: profile.root.totalMs };
  const out: Matched[] = [{ span: rootSpan, node: profile.root, parent: -1 }];
  const byFrame = new Map<CallNode, Map<number, CallNode>>();
  const childOf = (node: CallNode, frame: number) => {
    let map = byFrame.get(node);
    if (!map) {
      map = new Map();
      for (const c of node.children) if (!map.has(c.frame)) map.set(c.frame, c);
      byFrame.set(node, map);
    }
    return map.get(frame);
  };
  const open: Array<number | undefined> = [0]; // matched index per depth (undefined: unmatched)
  for (const span of spans) {
    if (span === rootSpan || span.depth < 1) continue;
    open.length = Math.min(open.length, span.depth);
    const parent = open[span.depth - 1];
    const node = parent === undefined ? undefined : childOf(out[parent].node, span.frame);
    if (parent !== undefined && node) {
      out.push({ span, node, parent });
      open[span.depth] = out.length - 1;
    } else open[span.depth] = undefined;
  }
  return out;
}

/**
 * Nodes whose every call has a matched span, and whose parent is complete too.
 * Without a call count (a sampler counts no calls), a node with spans counts
 * as complete unless the timeline was capped. A node with no time has nothing to lose.
 */
function completeNodes(profile: Profile, matched: Matched[]): Set<CallNode> {
  const count = new Map<CallNode, number>();
  for (const m of matched) count.set(m.node, (count.get(m.node) ?? 0) + 1);
  const isComplete = (node: CallNode) => {
    const spans = count.get(node) ?? 0;
    if (spans === 0 && node.totalMs === 0) return true;
    return node.calls > 0 ? spans === node.calls : spans > 0 && !profile.spansTruncated;
  };
  const complete = new Set<CallNode>([profile.root]);
  const stack = [...profile.root.children];
  while (stack.length) {
    const node = stack.pop()!;
    if (!isComplete(node)) continue;
    complete.add(node);
    stack.push(...node.children);
  }
  return complete;
}

/** The call tree of the complete nodes' spans; children clamped into their parents. */
function buildTree(profile: Profile): { root: SpanCall; complete: Set<CallNode> } {
  const matched = matchSpans(profile);
  const complete = completeNodes(profile, matched);
  const keep = matched.map((m) => complete.has(m.node));
  const calls: Array<SpanCall | undefined> = [];
  matched.forEach((m, i) => {
    if (!keep[i] || (m.parent >= 0 && !calls[m.parent])) return;
    const parent = m.parent >= 0 ? calls[m.parent]! : undefined;
    const lo = parent ? parent.span.start : -Infinity;
    const hi = parent ? parent.span.end : Infinity;
    const start = Math.min(Math.max(m.span.start, lo), hi);
    const end = Math.min(Math.max(m.span.end, start), hi);
    const call: SpanCall = { span: { ...m.span, start, end }, node: m.node, children: [] };
    calls[i] = call;
    parent?.children.push(call);
  });
  return { root: calls[0]!, complete };
}

/** Appends a stretch, merging it into the previous one when it continues the same node. */
function push(out: Stretch[], node: CallNode, start: number, end: number): void {
  if (end < start) return;
  const last = out[out.length - 1];
  if (last && last.node === node && last.end === start) last.end = end;
  else out.push({ node, start, end });
}

/** The run as a walk: a call opens, spends an own stretch (raw length), makes a call, ..., closes. */
type Step = { kind: 'open' | 'close'; call: SpanCall } | { kind: 'own'; call: SpanCall; ms: number };

function walk(root: SpanCall): Step[] {
  const steps: Step[] = [{ kind: 'open', call: root }];
  const stack: Array<{ call: SpanCall; next: number; at: number }> = [{ call: root, next: 0, at: root.span.start }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    const child = top.call.children[top.next++];
    const until = child ? child.span.start : top.call.span.end;
    steps.push({ kind: 'own', call: top.call, ms: Math.max(0, until - top.at) });
    if (child) {
      top.at = Math.max(top.at, child.span.end);
      steps.push({ kind: 'open', call: child });
      stack.push({ call: child, next: 0, at: child.span.start });
    } else {
      steps.push({ kind: 'close', call: top.call });
      stack.pop();
    }
  }
  return steps;
}

interface Fill {
  node: CallNode;
  ms: number;
}

/** What fills a complete node's own stretches: its own time, then each incomplete descendant's, depth-first. */
function fillOf(node: CallNode, complete: Set<CallNode>): Fill[] {
  const items: Fill[] = [{ node, ms: node.selfMs }];
  const stack = node.children.filter((c) => !complete.has(c)).reverse();
  while (stack.length) {
    const n = stack.pop()!;
    items.push({ node: n, ms: n.selfMs });
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return items;
}

/** How long each own stretch of a node lasts once its raw length is scaled to the tree's time. */
function stretchLength(steps: Step[], complete: Set<CallNode>): { length: (step: Step & { kind: 'own' }) => number; fills: Map<CallNode, Fill[]> } {
  const raw = new Map<CallNode, { ms: number; count: number }>();
  for (const s of steps) {
    if (s.kind !== 'own') continue;
    const r = raw.get(s.call.node) ?? { ms: 0, count: 0 };
    r.ms += s.ms;
    r.count++;
    raw.set(s.call.node, r);
  }
  const fills = new Map<CallNode, Fill[]>();
  const want = new Map<CallNode, number>();
  for (const node of raw.keys()) {
    const items = fillOf(node, complete);
    fills.set(node, items);
    want.set(node, items.reduce((sum, f) => sum + f.ms, 0));
  }
  return {
    fills,
    length: (step) => {
      const r = raw.get(step.call.node)!;
      const w = want.get(step.call.node)!;
      // No measurable raw time (a coarse clock): share the tree's time out evenly.
      return r.ms > 0 ? (step.ms * w) / r.ms : w / r.count;
    },
  };
}

/** Open and close events of the recorded calls on the tree's clock; undefined unless every call was recorded. */
export function callEvents(profile: Profile): Array<{ type: 'O' | 'C'; frame: number; at: number }> | undefined {
  if (profile.spans.length === 0 && profile.root.children.length > 0) return undefined;
  const { root, complete } = buildTree(profile);
  const stack = [profile.root];
  while (stack.length) {
    const node = stack.pop()!;
    if (!complete.has(node)) return undefined;
    stack.push(...node.children);
  }
  const steps = walk(root);
  const { length } = stretchLength(steps, complete);
  const events: Array<{ type: 'O' | 'C'; frame: number; at: number }> = [];
  let t = root.span.start;
  for (const s of steps) {
    if (s.kind === 'own') t += length(s);
    else events.push({ type: s.kind === 'open' ? 'O' : 'C', frame: s.call.span.frame, at: t });
  }
  return events;
}

/** A node's own samples: its samples minus those of its children. */
function ownSamples(node: CallNode): number {
  return Math.max(0, (node.samples ?? 0) - node.children.reduce((s, c) => s + (c.samples ?? 0), 0));
}

/**
 * Stretches from the call tree alone: each call path's own time, depth-first
 * (no order is known); for a sampling profile, one stretch per own sample.
 */
function treeStretches(profile: Profile): Stretch[] {
  const out: Stretch[] = [];
  let at = 0;
  const stack: CallNode[] = [profile.root];
  while (stack.length) {
    const node = stack.pop()!;
    const pieces = profile.meta.kind === 'sampling' ? Math.max(1, ownSamples(node)) : 1;
    if (node.selfMs > 0) {
      for (let i = 0; i < pieces; i++) out.push({ node, start: at + (node.selfMs * i) / pieces, end: at + (node.selfMs * (i + 1)) / pieces });
      at += node.selfMs;
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return out;
}

export function callOrderStretches(profile: Profile): CallOrder {
  if (profile.spans.length === 0 && profile.root.children.length > 0) return { stretches: treeStretches(profile), source: 'tree' };
  const { root, complete } = buildTree(profile);
  const steps = walk(root);
  const { length, fills } = stretchLength(steps, complete);
  const cursor = new Map<CallNode, { index: number; used: number }>();
  let filled = false;
  const out: Stretch[] = [];
  let t = root.span.start;
  for (const s of steps) {
    if (s.kind !== 'own') continue;
    const end = t + length(s);
    const items = fills.get(s.call.node)!;
    const c = cursor.get(s.call.node) ?? { index: 0, used: 0 };
    cursor.set(s.call.node, c);
    if (items.length > 1) filled = true;
    // A stretch with no time left after the overhead is taken off still separates two calls of one node.
    if (end === t) push(out, s.call.node, t, t);
    // The fill, in order, across the node's stretches: its own time, then its incomplete descendants'.
    while (c.index < items.length && t < end) {
      const item = items[c.index];
      const take = Math.min(item.ms - c.used, end - t);
      push(out, item.node, t, t + take);
      t += take;
      c.used += take;
      if (c.used >= item.ms * (1 - 1e-12)) {
        c.index++;
        c.used = 0;
      }
    }
    if (t < end) push(out, s.call.node, t, end); // rounding leftovers
    t = end;
  }
  return { stretches: out, source: filled ? 'spans+tree' : 'spans' };
}
