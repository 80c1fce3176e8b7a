/** Runs code with the line-time profiler only, and reads its result. */
import { runInSandbox } from '../../../src/sandbox/engine/run';
import { lineTool } from '../../../src/sandbox/lines/tool';
import type { LineProfile, LineTimeTable } from '../../../src/sandbox/lines/types';
import type { RunRequest, RunResult } from '../../../src/sandbox/types';

export function run(code: string, extra: Partial<RunRequest> = {}): Promise<RunResult> {
  return runInSandbox({ code, filename: 'prog.js', lines: true, limits: { timeoutMs: 60_000 }, ...extra }, [lineTool]);
}

export function linesOf(r: RunResult): LineProfile {
  if (!r.lines) throw new Error(`no line profile (status ${r.status}: ${r.error?.message ?? ''})`);
  return r.lines as LineProfile;
}

export function table(p: LineProfile, name: string): LineTimeTable {
  const t = p.functions.find((f) => f.name === name);
  if (!t) throw new Error(`no table for ${name}`);
  return t;
}

/** The row of a table whose code contains `fragment`. */
export function rowWith(t: LineTimeTable, fragment: string) {
  const row = t.rows.find((r) => r.text.includes(fragment));
  if (!row) throw new Error(`no line containing ${fragment}`);
  return row;
}
