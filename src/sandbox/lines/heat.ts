/**
 * Processor: each line's share of a run's time (or memory growth), for the
 * heat marks in the code's gutter. Line timings win; else the deterministic or
 * sampling profile's functions (each marked on its definition line with its
 * share of the run, callees included); else the memory line profile's
 * increments (as a share of the largest one).
 */
import type { RunResult } from '../types';
import type { LineProfile } from './types';
import type { MemoryReport } from '../memory/types';
import { flatRows } from '../profile/flat';

export interface LineHeat {
  line: number;
  /** 0..1 */
  share: number;
  /** What the mark says, e.g. "42.0% of wordReport's time". */
  label: string;
}

const percent = (share: number) => `${(100 * share).toFixed(1)}%`;

function fromLines(p: LineProfile): LineHeat[] {
  return p.functions.flatMap((t) =>
    t.rows.filter((r) => r.hits && t.totalMs > 0).map((r) => ({ line: r.line, share: r.timeMs / t.totalMs, label: `${percent(r.timeMs / t.totalMs)} of ${t.name}'s time` })),
  );
}

function fromProfile(result: RunResult, filename: string): LineHeat[] {
  const profile = result.profile!;
  const rows = flatRows(profile);
  const root = rows.find((r) => profile.frames[r.frame].name === '<module>');
  const total = root?.totalMs || profile.meta.wallMs;
  if (!(total > 0)) return [];
  return rows
    .filter((r) => {
      const f = profile.frames[r.frame];
      return !f.builtin && f.file === filename && f.name !== '<module>' && f.line > 0;
    })
    .map((r) => ({ line: profile.frames[r.frame].line, share: Math.min(1, r.totalMs / total), label: `${profile.frames[r.frame].name}: ${percent(Math.min(1, r.totalMs / total))} of the run` }));
}

function fromMemory(report: MemoryReport): LineHeat[] {
  const rows = (report.lines ?? []).flatMap((t) => t.rows).filter((r) => r.incrementBytes);
  const largest = Math.max(0, ...rows.map((r) => Math.abs(r.incrementBytes!)));
  if (!largest) return [];
  return rows.map((r) => ({ line: r.line, share: Math.abs(r.incrementBytes!) / largest, label: `memory ${r.incrementBytes! > 0 ? '+' : '−'}${(Math.abs(r.incrementBytes!) / 1048576).toFixed(3)} MB` }));
}

/** The heat of each line of the cell's own file, or none when the run timed nothing. */
export function codeHeat(result: RunResult, filename: string): LineHeat[] {
  const lines = result.lines as LineProfile | undefined;
  if (lines?.functions?.length) return fromLines(lines);
  if (result.profile) return fromProfile(result, filename);
  const memory = result.memory as MemoryReport | undefined;
  if (memory?.lines?.length) return fromMemory(memory);
  return [];
}
