/**
 * Renderer: Chrome DevTools' `Profiler.Profile` (.cpuprofile), which DevTools'
 * Performance panel and speedscope open. Times are integer microseconds.
 *
 * Samples follow the run in call order (processor: call-order.ts): one sample
 * at the start of every stretch spent in one call path, so a sample lasts until
 * the next one, as DevTools and speedscope read them; a last sample of
 * `(root)` at endTime closes every open call there. `hitCount` is the number
 * of samples that hit a node, and startTime is an epoch timestamp: DevTools'
 * Performance panel treats a zero timestamp as "none" and shows an empty chart.
 */
import type { CallNode, Profile } from '../../types';
import { callOrderStretches } from '../call-order';
import { frameName } from '../model';

export interface CpuProfileCallFrame {
  functionName: string;
  scriptId: string;
  url: string;
  /** 0-based, as in the DevTools protocol; -1 for built-ins. */
  lineNumber: number;
  columnNumber: number;
}

export interface CpuProfileNode {
  id: number;
  callFrame: CpuProfileCallFrame;
  hitCount: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface CpuProfileOptions {
  /** When the run started, ms since the Unix epoch. Default: now minus the run's length. */
  startedAtMs?: number;
}

function callFrame(profile: Profile, node: CallNode): CpuProfileCallFrame {
  const frame = profile.frames[node.frame];
  return {
    functionName: frameName(frame),
    scriptId: frame.builtin ? '0' : '1',
    url: frame.builtin ? '' : frame.file,
    lineNumber: frame.builtin ? -1 : frame.line - 1,
    columnNumber: frame.builtin ? -1 : frame.column - 1,
  };
}

/** The call tree as DevTools nodes under a `(root)` node of id 1; returns each call path's id. */
function profileNodes(profile: Profile): { nodes: CpuProfileNode[]; idOf: Map<CallNode, number> } {
  const root: CpuProfileNode = { id: 1, callFrame: { functionName: '(root)', scriptId: '0', url: '', lineNumber: -1, columnNumber: -1 }, hitCount: 0, children: [] };
  const nodes = [root];
  const idOf = new Map<CallNode, number>();
  const stack: Array<[CallNode, CpuProfileNode]> = [[profile.root, root]];
  while (stack.length) {
    const [node, parent] = stack.pop()!;
    const out: CpuProfileNode = { id: nodes.length + 1, callFrame: callFrame(profile, node), hitCount: 0 };
    nodes.push(out);
    idOf.set(node, out.id);
    (parent.children ??= []).push(out.id);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i], out]);
  }
  return { nodes, idOf };
}

export function toCpuProfile(profile: Profile, options: CpuProfileOptions = {}): CpuProfile {
  const { nodes, idOf } = profileNodes(profile);
  const { stretches } = callOrderStretches(profile);
  const runMs = Math.max(profile.root.totalMs, stretches.at(-1)?.end ?? 0);
  const startTime = Math.round((options.startedAtMs ?? Date.now() - runMs) * 1000);
  const samples: number[] = [];
  const timeDeltas: number[] = [];
  // Round each boundary on the run's clock, not each duration, so rounding never drifts.
  let previous = 0;
  const sampleAt = (id: number, ms: number) => {
    const at = Math.round(ms * 1000);
    samples.push(id);
    timeDeltas.push(at - previous);
    previous = at;
  };
  for (const s of stretches) sampleAt(idOf.get(s.node)!, s.start);
  sampleAt(1, runMs);
  const hits = new Map<number, number>();
  for (const id of samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  for (const n of nodes) {
    n.hitCount = hits.get(n.id) ?? 0;
    if (n.children && !n.children.length) delete n.children;
  }
  return { nodes, startTime, endTime: startTime + previous, samples, timeDeltas };
}

export function renderCpuProfile(profile: Profile, options: CpuProfileOptions = {}): string {
  return JSON.stringify(toCpuProfile(profile, options));
}
