/**
 * Renderer: Chrome DevTools' `Profiler.Profile` (.cpuprofile), which DevTools'
 * Performance panel and speedscope open. Times are integer microseconds.
 *
 * A deterministic profile has no samples, so each call path gets one
 * synthetic sample lasting its own time, in depth-first order: DevTools then
 * shows every path with exactly the recorded self and total times, and
 * startTime + Σ timeDeltas + the last sample's duration = endTime.
 */
import type { CallNode, Profile } from '../../types';
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

export function toCpuProfile(profile: Profile): CpuProfile {
  const nodes: CpuProfileNode[] = [
    { id: 1, callFrame: { functionName: '(root)', scriptId: '0', url: '', lineNumber: -1, columnNumber: -1 }, hitCount: 0, children: [] },
  ];
  const samples: number[] = [];
  const selfUs: number[] = [];
  let nextId = 2;
  const add = (node: CallNode, parent: CpuProfileNode) => {
    const frame = profile.frames[node.frame];
    const out: CpuProfileNode = {
      id: nextId++,
      callFrame: {
        functionName: frameName(frame),
        scriptId: frame.builtin ? '0' : '1',
        url: frame.builtin ? '' : frame.file,
        lineNumber: frame.builtin ? -1 : frame.line - 1,
        columnNumber: frame.builtin ? -1 : frame.column - 1,
      },
      hitCount: 0,
    };
    nodes.push(out);
    (parent.children ??= []).push(out.id);
    if (node.selfMs > 0) {
      samples.push(out.id);
      selfUs.push(node.selfMs * 1000);
      out.hitCount = 1;
    }
    for (const child of node.children) add(child, out);
  };
  add(profile.root, nodes[0]);
  // Round cumulative boundaries, not each duration, so rounding never drifts.
  const timeDeltas: number[] = [];
  let exact = 0;
  let previous = 0;
  for (let i = 0; i < samples.length; i++) {
    const boundary = Math.round(exact);
    timeDeltas.push(boundary - previous);
    previous = boundary;
    exact += selfUs[i];
  }
  const startTime = 0;
  const endTime = Math.round(exact);
  for (const n of nodes) if (n.children && !n.children.length) delete n.children;
  return { nodes, startTime, endTime, samples, timeDeltas };
}

export function renderCpuProfile(profile: Profile): string {
  return JSON.stringify(toCpuProfile(profile));
}
