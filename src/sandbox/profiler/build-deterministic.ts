/**
 * Host side of the deterministic profiler: turns what the VM recorder
 * collected (flat node arrays, spans, calibration) into the Profile model.
 */
import type { CallNode, Profile, ProfileMeta, Span } from '../types';
import { FrameTable } from './frames';
import { subtractOverhead, type Calibration } from './overhead';
import { spansInCallOrder } from './span-order';
import type { FunctionSite } from './transform';
import { FIRST_BUILTIN } from './vm/deterministic';

export interface DeterministicRaw {
  kind: 'deterministic';
  /** [frame, parent, calls, totalMs] per node; node 0 is <module>. Own time = total − children's totals. */
  nodes: number[];
  builtinNames: string[];
  rootMs: number;
  openFrames: number;
  spans: number[];
  spansTruncated: boolean;
  /** The node cap, when calls went past it (0 or absent otherwise). */
  pathsCapped?: number;
  calibration: Calibration;
  startOffsetMs: number;
}

export interface BuildContext {
  filename: string;
  sites: FunctionSite[];
  meta: Omit<ProfileMeta, 'kind' | 'filename' | 'overheadPerEventNs' | 'overheadCorrected'>;
}

/** The recorder's frame ids (learner sites 1..n, built-ins from FIRST_BUILTIN) as frames of the table. */
export function vmFrameMapper(table: FrameTable, sites: FunctionSite[], builtinNames: string[]): (vmFrame: number) => number {
  const frameOf = new Map<number, number>();
  return (vmFrame: number): number => {
    let f = frameOf.get(vmFrame);
    if (f !== undefined) return f;
    if (vmFrame === 0) f = 0;
    else if (vmFrame >= FIRST_BUILTIN) f = table.builtin(builtinNames[vmFrame - FIRST_BUILTIN] ?? 'built-in');
    else {
      const site = sites[vmFrame - 1];
      f = site ? table.site(site) : table.add({ name: `function#${vmFrame}`, file: table.filename, line: 0, column: 0, builtin: false });
    }
    frameOf.set(vmFrame, f);
    return f;
  };
}

export function buildDeterministic(raw: DeterministicRaw, ctx: BuildContext): Profile {
  const table = new FrameTable(ctx.filename);
  const mapFrame = vmFrameMapper(table, ctx.sites, raw.builtinNames);

  const nodes: CallNode[] = [];
  const n = raw.nodes.length / 4;
  for (let i = 0; i < n; i++) {
    const k = i * 4;
    const node: CallNode = { frame: mapFrame(raw.nodes[k]), calls: raw.nodes[k + 2], selfMs: 0, totalMs: raw.nodes[k + 3], children: [] };
    nodes.push(node);
    const parent = raw.nodes[k + 1];
    if (i > 0 && parent >= 0 && parent < i) nodes[parent].children.push(node);
  }
  const root = nodes[0] ?? { frame: 0, calls: 1, selfMs: 0, totalMs: 0, children: [] };
  root.calls = 1;
  root.totalMs = Math.max(raw.rootMs, root.children.reduce((s, c) => s + c.totalMs, 0));
  for (const node of nodes) node.selfMs = Math.max(0, node.totalMs - node.children.reduce((s, c) => s + c.totalMs, 0));
  if (!nodes.length) root.selfMs = root.totalMs;
  subtractOverhead(root, raw.calibration, (node) => table.frames[node.frame].builtin);

  const exitOrder: Span[] = [];
  for (let k = 0; k + 3 < raw.spans.length; k += 4) {
    exitOrder.push({
      frame: mapFrame(raw.spans[k]),
      depth: raw.spans[k + 1],
      start: raw.spans[k + 2] - raw.startOffsetMs,
      end: raw.spans[k + 3] - raw.startOffsetMs,
    });
  }
  // <module> ends last, around every recorded call.
  exitOrder.push({ frame: 0, depth: 0, start: 0, end: raw.rootMs });
  const spans = spansInCallOrder(exitOrder);

  const perCallNs = raw.calibration.innerNs + raw.calibration.outerNs;
  return {
    meta: {
      kind: 'deterministic',
      filename: ctx.filename,
      ...ctx.meta,
      partial: ctx.meta.partial || raw.openFrames > 0,
      ...(raw.pathsCapped ? { callPathsCapped: raw.pathsCapped } : {}),
      // A call is two events (enter and exit).
      overheadPerEventNs: perCallNs / 2,
      // The part of each call's hooks that lands in its caller, subtracted there.
      overheadPerChildCallNs: raw.calibration.outerNs,
      overheadCorrected: true,
    },
    frames: table.frames,
    root,
    spans,
    spansTruncated: raw.spansTruncated,
  };
}
