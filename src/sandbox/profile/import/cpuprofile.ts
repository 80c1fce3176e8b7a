/**
 * Importer: Chrome DevTools / Node `.cpuprofile` (`Profiler.Profile`: a node
 * table with parent -> children ids, plus samples and timeDeltas in µs), and the
 * Trace Event files DevTools' Performance panel saves, whose `ProfileChunk`
 * events carry the same data in pieces. A sampling profile: each sample's
 * duration is the delta to the next sample, so totals equal the file's own
 * sample times (endTime - startTime, less the gap before the first sample).
 */
import type { CallNode, Profile, Span } from '../../types';
import { ImportError } from './errors';
import { FrameTable, importedMeta, newNode, sumTotals, MAX_IMPORT_NODES } from './common';

interface CpuNode {
  id: number;
  callFrame: { functionName?: string; url?: string; lineNumber?: number; columnNumber?: number };
  children?: number[];
  parent?: number;
}

export interface RawCpuProfile {
  nodes: CpuNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

const MAX_SPANS = 100_000;
const BUILTIN_NAMES = new Set(['(root)', '(program)', '(idle)', '(garbage collector)']);

export function looksLikeCpuProfile(json: unknown): json is RawCpuProfile {
  return typeof json === 'object' && json !== null && Array.isArray((json as RawCpuProfile).nodes);
}

function check(ok: unknown, problem: string): asserts ok {
  if (!ok) throw new ImportError(`not a valid .cpuprofile: ${problem}`);
}

export function importCpuProfile(raw: RawCpuProfile, filename: string): Profile {
  check(Array.isArray(raw.nodes) && raw.nodes.length > 0, 'it has no "nodes"');
  check(raw.nodes.length <= MAX_IMPORT_NODES, `${raw.nodes.length} nodes, more than ${MAX_IMPORT_NODES}`);
  const samples = raw.samples ?? [];
  const deltas = raw.timeDeltas ?? [];
  check(Array.isArray(samples) && Array.isArray(deltas), '"samples" or "timeDeltas" is not a list');
  check(deltas.length === samples.length, `${samples.length} samples but ${deltas.length} time deltas`);
  const table = new FrameTable();
  const byId = new Map<number, { raw: CpuNode; node: CallNode }>();
  for (const n of raw.nodes) {
    check(n && typeof n.id === 'number' && n.callFrame && typeof n.callFrame === 'object', 'a node lacks its id or callFrame');
    check(!byId.has(n.id), `node id ${n.id} appears twice`);
    const cf = n.callFrame;
    const name = String(cf.functionName || (cf.url ? '(anonymous)' : '(anonymous)'));
    const builtin = !cf.url || BUILTIN_NAMES.has(name);
    const frame = table.get({
      name: BUILTIN_NAMES.has(String(cf.functionName)) ? String(cf.functionName) : name,
      file: builtin ? '' : String(cf.url),
      line: builtin ? 0 : Number(cf.lineNumber ?? -1) + 1,
      column: builtin ? 0 : Number(cf.columnNumber ?? -1) + 1,
      builtin,
    });
    byId.set(n.id, { raw: n, node: newNode(frame) });
  }
  // Children lists (Chrome, Node) or parent links (older DevTools traces).
  const hasParent = new Set<number>();
  for (const { raw: n, node } of byId.values()) {
    for (const childId of n.children ?? []) {
      const child = byId.get(childId);
      check(child, `node ${n.id} lists a child ${childId} that does not exist`);
      check(!hasParent.has(childId) && childId !== n.id, `node ${childId} has two parents`);
      hasParent.add(childId);
      node.children.push(child.node);
    }
  }
  for (const { raw: n, node } of byId.values()) {
    if (n.parent === undefined || hasParent.has(n.id)) continue;
    const parent = byId.get(n.parent);
    check(parent && n.parent !== n.id, `node ${n.id} names a parent ${n.parent} that does not exist`);
    hasParent.add(n.id);
    parent.node.children.push(node);
  }
  const roots = raw.nodes.filter((n) => !hasParent.has(n.id));
  check(roots.length === 1, roots.length ? `${roots.length} root nodes` : 'its nodes form a cycle');
  const root = byId.get(roots[0].id)!.node;

  // Each sample lasts until the next one; the last lasts until endTime.
  const times: number[] = [];
  let t = Number(raw.startTime);
  check(Number.isFinite(t), '"startTime" is not a number');
  for (let i = 0; i < samples.length; i++) {
    t += Number(deltas[i]);
    check(Number.isFinite(t), `time delta ${i} is not a number`);
    times.push(t);
  }
  const endTime = Number.isFinite(Number(raw.endTime)) ? Math.max(Number(raw.endTime), t) : t;
  const spans: Span[] = [];
  const parentOf = new Map<CallNode, CallNode>();
  for (const { node } of byId.values()) for (const c of node.children) parentOf.set(c, node);
  for (let i = 0; i < samples.length; i++) {
    const entry = byId.get(samples[i]);
    check(entry, `sample ${i} names node ${samples[i]}, which does not exist`);
    const durationUs = Math.max(0, (i + 1 < times.length ? times[i + 1] : endTime) - times[i]);
    entry.node.selfMs += durationUs / 1000;
    for (let n: CallNode | undefined = entry.node; n; n = parentOf.get(n)) n.samples = (n.samples ?? 0) + 1;
    if (spans.length < MAX_SPANS) addSampleSpans(spans, entry.node, parentOf, root, (times[i] - Number(raw.startTime)) / 1000, durationUs / 1000);
  }
  sumTotals(root);
  countCalls(root);
  const sampleCount = samples.length;
  return {
    meta: importedMeta({
      source: 'cpuprofile',
      filename,
      kind: 'sampling',
      wallMs: root.totalMs,
      sampleCount,
      intervalMs: sampleCount ? root.totalMs / sampleCount : undefined,
      note: 'A sampling profile: call counts are not recorded, so each call path counts as one call, and times are estimated from samples.',
    }),
    frames: table.frames,
    root,
    spans: mergeSpans(spans),
    spansTruncated: spans.length >= MAX_SPANS,
  };
}

/** A sampling profile counts no calls: each call path that was sampled counts once. */
export function countCalls(root: CallNode): void {
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    node.calls = node.totalMs > 0 || node.samples ? 1 : 0;
    for (const c of node.children) stack.push(c);
  }
  root.calls = 1;
}

/** One span per frame of the sample's stack (the root excluded), on the file's clock. */
function addSampleSpans(spans: Span[], leaf: CallNode, parentOf: Map<CallNode, CallNode>, root: CallNode, start: number, duration: number): void {
  const stack: CallNode[] = [];
  for (let n: CallNode | undefined = leaf; n && n !== root; n = parentOf.get(n)) stack.push(n);
  stack.reverse().forEach((n, depth) => spans.push({ frame: n.frame, depth, start, end: start + duration }));
}

/** Consecutive samples of the same frame at the same depth become one span. */
export function mergeSpans(spans: Span[]): Span[] {
  const open = new Map<number, Span>();
  const out: Span[] = [];
  for (const s of spans) {
    const last = open.get(s.depth);
    if (last && last.frame === s.frame && Math.abs(last.end - s.start) < 1e-9) {
      last.end = s.end;
      continue;
    }
    const copy = { ...s };
    out.push(copy);
    open.set(s.depth, copy);
    for (const d of [...open.keys()]) if (d > s.depth) open.delete(d);
  }
  return out.sort((a, b) => a.start - b.start || a.depth - b.depth);
}
