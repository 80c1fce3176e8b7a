/**
 * The per-function figures a check reads through check.profile(): the
 * cProfile-style flat table (profile/flat.ts) with each row's function named,
 * as plain data that can travel into the VM as JSON.
 */
import type { Profile } from '../types';
import { flatRows } from '../profile/flat';

export interface FunctionSummary {
  name: string;
  file: string;
  line: number;
  builtin: boolean;
  /** Every call, recursive ones included (ncalls). */
  calls: number;
  /** Own time, ms (tottime). */
  selfMs: number;
  /** Time including callees, each outermost call counted once, ms (cumtime). */
  totalMs: number;
}

export interface ProfileSummary {
  wallMs: number;
  functions: FunctionSummary[];
}

export function summariseProfile(profile: Profile): ProfileSummary {
  const functions = flatRows(profile)
    .map((row): FunctionSummary => {
      const frame = profile.frames[row.frame];
      return { name: frame.name, file: frame.file, line: frame.line, builtin: frame.builtin, calls: row.calls, selfMs: row.selfMs, totalMs: row.totalMs };
    })
    .sort((a, b) => b.totalMs - a.totalMs || b.calls - a.calls);
  return { wallMs: profile.meta.wallMs, functions };
}
