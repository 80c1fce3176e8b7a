/**
 * Host side of the event sampler: the recorder's call-path nodes, each with the
 * samples taken while it was the innermost call, become the Profile model
 * (times = samples x interval); its tick records become time-ordered spans.
 */
import type { CallNode, Profile, Span } from '../types';
import { FrameTable } from './frames';
import { vmFrameMapper, type BuildContext } from './build-deterministic';
import { subtractOverhead, type Calibration } from './overhead';

export interface EventSamplingRaw {
  kind: 'events';
  /** [frame, parent, calls, self samples] per node; node 0 is <module>. */
  nodes: number[];
  builtinNames: string[];
  intervalMs: number;
  samples: number;
  rootMs: number;
  openFrames: number;
  /** [node, break depth, samples] per tick, in time order. */
  ticks: number[];
  ticksTruncated: boolean;
  /** The node cap, when calls went past it (0 or absent otherwise). */
  pathsCapped?: number;
  /** What the sampler's clock reads cost per call, measured at the end of the run. */
  calibration?: Calibration;
}

export interface EventSamplingContext extends BuildContext {
  /** Spans kept for the timeline. */
  maxSpans: number;
}

export function buildEventSampling(raw: EventSamplingRaw, ctx: EventSamplingContext): Profile {
  const table = new FrameTable(ctx.filename);
  const mapFrame = vmFrameMapper(table, ctx.sites, raw.builtinNames);
  const interval = raw.intervalMs;
  const n = raw.nodes.length / 4;
  const nodes: CallNode[] = [];
  const parents: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = i * 4;
    const selfSamples = raw.nodes[k + 3];
    nodes.push({ frame: mapFrame(raw.nodes[k]), calls: raw.nodes[k + 2], selfMs: selfSamples * interval, totalMs: 0, samples: selfSamples, children: [] });
    const parent = raw.nodes[k + 1];
    parents.push(i > 0 && parent >= 0 && parent < i ? parent : -1);
    if (parents[i] >= 0) nodes[parents[i]].children.push(nodes[i]);
  }
  const root = nodes[0] ?? { frame: 0, calls: 1, selfMs: 0, totalMs: 0, samples: 0, children: [] };
  root.calls = 1;
  // Children come after their parents: inclusive counts in one backward pass.
  for (let i = n - 1; i > 0; i--) if (parents[i] >= 0) nodes[parents[i]].samples! += nodes[i].samples!;
  for (const node of nodes) node.totalMs = node.samples! * interval;
  if (!nodes.length) root.samples = 0;
  // The sampler reads the clock at every call and return: that time is real, it fell in
  // samples of the callee (inner) and of its caller (outer). As with the deterministic
  // profiler, the calibrated cost comes off the times; the sample counts stay as taken.
  const calibration = raw.calibration ?? { innerNs: 0, outerNs: 0 };
  subtractOverhead(root, calibration, (node) => table.frames[node.frame].builtin);
  // The calls were counted for that correction only: a sampling profile shows samples,
  // as pyinstrument's does (the chapter's lesson: only a deterministic profiler counts).
  for (const node of nodes) node.calls = 0;
  root.calls = 1;

  const { spans, truncated } = spansFromTicks(raw, nodes, parents, ctx.maxSpans);
  return {
    meta: {
      kind: 'sampling',
      filename: ctx.filename,
      ...ctx.meta,
      partial: ctx.meta.partial || raw.openFrames > 0,
      ...(raw.pathsCapped ? { callPathsCapped: raw.pathsCapped } : {}),
      sampler: 'events',
      intervalMs: interval,
      sampleCount: raw.samples,
      overheadPerEventNs: (calibration.innerNs + calibration.outerNs) / 2,
      overheadPerChildCallNs: calibration.outerNs,
      overheadCorrected: !!raw.calibration,
    },
    frames: table.frames,
    root,
    spans,
    spansTruncated: truncated,
  };
}

/**
 * Spans in time order on the sample clock (sample k covers [k, k+1) x interval):
 * consecutive samples of the same call merge; a call entered again starts a new span.
 */
function spansFromTicks(raw: EventSamplingRaw, nodes: CallNode[], parents: number[], maxSpans: number): { spans: Span[]; truncated: boolean } {
  const interval = raw.intervalMs;
  const depthOf: number[] = parents.map(() => 0);
  for (let i = 1; i < parents.length; i++) depthOf[i] = parents[i] >= 0 ? depthOf[parents[i]] + 1 : 0;
  const spans: Span[] = [{ frame: 0, depth: 0, start: 0, end: raw.samples * interval }];
  /** Open spans by depth (1 ..), with the node each belongs to. */
  const open: Array<{ node: number; span: Span }> = [];
  let truncated = raw.ticksTruncated;
  let t = 0;
  const cap = maxSpans * 2;
  for (let k = 0; k + 2 < raw.ticks.length; k += 3) {
    const id = raw.ticks[k];
    const brk = raw.ticks[k + 1];
    const count = raw.ticks[k + 2];
    if (id >= nodes.length) break;
    const path: number[] = [];
    for (let x = id; x > 0; x = parents[x]) path.push(x);
    path.reverse(); // path[d - 1] is the node at depth d
    let d = 1;
    while (d <= path.length && d < brk && open[d - 1]?.node === path[d - 1]) d++;
    for (let j = open.length; j >= d; j--) if (open[j - 1]) open[j - 1].span.end = t;
    open.length = d - 1;
    if (spans.length + path.length - d + 1 > cap) {
      truncated = true;
      break;
    }
    for (let j = d; j <= path.length; j++) {
      const span: Span = { frame: nodes[path[j - 1]].frame, depth: depthOf[path[j - 1]], start: t, end: t };
      spans.push(span);
      open.push({ node: path[j - 1], span });
    }
    t += count * interval;
  }
  for (const o of open) o.span.end = t;
  // Over the cap: the deepest levels go first, so what is left still spans the whole run.
  if (spans.length > maxSpans) {
    truncated = true;
    const perDepth = new Map<number, number>();
    for (const s of spans) perDepth.set(s.depth, (perDepth.get(s.depth) ?? 0) + 1);
    let kept = 0;
    let maxDepth = -1;
    for (const depth of [...perDepth.keys()].sort((a, b) => a - b)) {
      if (kept + perDepth.get(depth)! > maxSpans) break;
      kept += perDepth.get(depth)!;
      maxDepth = depth;
    }
    return { spans: spans.filter((s) => s.depth <= maxDepth).sort(byTime), truncated };
  }
  return { spans: spans.sort(byTime), truncated };
}

const byTime = (a: Span, b: Span) => a.start - b.start || a.depth - b.depth;
