/**
 * What Chrome DevTools does with a .cpuprofile, reproduced for the tests (read
 * from devtools-frontend: front_end/models/cpu_profile/CPUProfileDataModel.ts,
 * and SamplesIntegrator.createFakeTraceFromCpuProfile for the Performance panel):
 *
 * - the Performance panel wraps the profile in trace events: a `JSRoot` event
 *   at ts = startTime lasting endTime - startTime, and the profile at ts =
 *   endTime. Trace bounds ignore ts 0 (metadata events carry 0), so a zero
 *   startTime leaves the chart empty with a negative total;
 * - timestamps are startTime + the running sum of timeDeltas (µs, then ms); as
 *   many timestamps as samples means one more is appended, a mean interval
 *   after the last, to end the last sample; a first timestamp of 0 counts as
 *   none (`timestamps.at(0) || profileStartTime`);
 * - samples are sorted by timestamp, and the flame chart is built by walking
 *   them: when the sampled node changes, the calls below the lowest common
 *   ancestor of the previous and the new node close, and the new node's path
 *   down from it opens, at the new sample's time. Consecutive samples of one
 *   node are one call.
 */
import type { CpuProfile } from '../../../src/sandbox/profile/index';

export interface DevToolsFrame {
  name: string;
  depth: number;
  start: number; // ms
  end: number;
}

export interface LoadedCpuProfile {
  /** The Performance panel's trace: its JSRoot event (µs). */
  jsRoot: { ts: number; dur: number };
  startMs: number;
  endMs: number;
  frames: DevToolsFrame[];
}

export function loadLikeDevTools(profile: CpuProfile): LoadedCpuProfile {
  if (!profile.nodes?.length || !profile.samples || !profile.timeDeltas) throw new Error('not a Profiler.Profile');
  if (profile.samples.length !== profile.timeDeltas.length) throw new Error('samples and timeDeltas differ in length');
  if (!(profile.startTime > 0)) throw new Error('startTime 0: the Performance panel takes it for a metadata timestamp');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) {
    if (!byId.has(c)) throw new Error(`child ${c} of ${n.id} is not a node`);
    parent.set(c, n.id);
  }
  const rootId = profile.nodes[0].id;
  if (parent.has(rootId)) throw new Error('the first node must be the root');
  const depth = (id: number) => {
    let d = 0;
    for (let p = parent.get(id); p !== undefined; p = parent.get(p)) d++;
    return d;
  };
  let at = profile.startTime;
  const order = profile.timeDeltas.map((d, i) => ({ t: (at += d) / 1000, id: profile.samples[i] }));
  for (const s of order) if (!byId.has(s.id)) throw new Error(`sample of unknown node ${s.id}`);
  order.sort((a, b) => a.t - b.t); // stable, like DevTools' index sort
  const mean = order.length > 1 ? (order[order.length - 1].t - order[0].t) / (order.length - 1) : 0;
  const endMs = order.length ? order[order.length - 1].t + mean : profile.endTime / 1000;
  const startMs = order[0]?.t || profile.startTime / 1000;

  const frames: DevToolsFrame[] = [];
  const open: Array<{ id: number; start: number }> = []; // the open calls, root excluded
  const pathOf = (id: number) => {
    const path: number[] = [];
    for (let n: number | undefined = id; n !== undefined && n !== rootId; n = parent.get(n)) path.unshift(n);
    return path;
  };
  let previous = rootId;
  for (const s of order) {
    if (s.id === previous) continue;
    const path = pathOf(s.id);
    let common = 0;
    while (common < open.length && common < path.length && open[common].id === path[common]) common++;
    while (open.length > common) {
      const call = open.pop()!;
      frames.push({ name: byId.get(call.id)!.callFrame.functionName, depth: depth(call.id), start: call.start, end: s.t });
    }
    for (let i = common; i < path.length; i++) open.push({ id: path[i], start: s.t });
    previous = s.id;
  }
  while (open.length) {
    const call = open.pop()!;
    frames.push({ name: byId.get(call.id)!.callFrame.functionName, depth: depth(call.id), start: call.start, end: endMs });
  }
  frames.sort((a, b) => a.start - b.start || a.depth - b.depth);
  return { jsRoot: { ts: profile.startTime, dur: profile.endTime - profile.startTime }, startMs, endMs, frames };
}
