/** Running code (or an example file) under the profilers for the tests. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInSandbox } from '../../../src/sandbox/engine/run';
import { profilerTool } from '../../../src/sandbox/profiler/tool';
import { flatRows, type FlatRow } from '../../../src/sandbox/profile/index';
import type { CallNode, Profile, ProfileOptions, RunRequest, RunResult } from '../../../src/sandbox/types';

export function example(name: string): string {
  return readFileSync(resolve(__dirname, '../../../src/content/examples', name), 'utf8');
}

export async function profileCode(code: string, profile: ProfileOptions = { kind: 'deterministic' }, extra: Partial<RunRequest> = {}): Promise<RunResult & { profile: Profile }> {
  const result = await runInSandbox({ code, filename: 'test.js', profile, ...extra }, [profilerTool]);
  if (!result.profile) throw new Error(`no profile (status ${result.status}: ${result.error?.message})`);
  return result as RunResult & { profile: Profile };
}

/** The flat row of the function with this name (exactly one must exist). */
export function row(profile: Profile, name: string): FlatRow {
  const rows = flatRows(profile).filter((r) => profile.frames[r.frame].name === name);
  if (rows.length !== 1) throw new Error(`expected one row named ${name}, found ${rows.length}: ${profile.frames.map((f) => f.name).join(', ')}`);
  return rows[0];
}

export function findNodes(profile: Profile, name: string): CallNode[] {
  const out: CallNode[] = [];
  const visit = (n: CallNode) => {
    if (profile.frames[n.frame].name === name) out.push(n);
    n.children.forEach(visit);
  };
  visit(profile.root);
  return out;
}

/** total = self + Σ children, for every node (the tree's own arithmetic). */
export function checkTreeArithmetic(node: CallNode, tolerance = 1e-6): void {
  const children = node.children.reduce((s, c) => s + c.totalMs, 0);
  if (Math.abs(node.totalMs - node.selfMs - children) > tolerance + Math.abs(node.totalMs) * 1e-9) {
    throw new Error(`node total ${node.totalMs} != self ${node.selfMs} + children ${children}`);
  }
  if (node.selfMs < 0) throw new Error(`negative self time ${node.selfMs}`);
  node.children.forEach((c) => checkTreeArithmetic(c, tolerance));
}

/**
 * A measured time is the simulated time the code slept plus some of the real
 * time the run took: it can never be below the first (less `slack`, for
 * sampling's granularity or subtracted overhead) nor above their sum. No
 * assumption about the machine's speed. The real time is the run's wall time
 * less its simulated time, not its CPU time: the profilers read the real clock,
 * which goes on while a busy machine has the thread waiting (a loaded CI run
 * measured 1,019 ms for 1,000 ms of sleep with 10 ms of CPU time).
 */
export function expectSleptTime(measuredMs: number, simulatedMs: number, profile: Profile, slack = 1): void {
  const realMs = profile.meta.wallMs - profile.meta.simulatedMs;
  if (measuredMs < simulatedMs - slack || measuredMs > simulatedMs + realMs + slack) {
    throw new Error(`measured ${measuredMs} ms, expected ${simulatedMs} ms of sleep plus at most ${realMs.toFixed(1)} ms of real time`);
  }
}
