/**
 * Processor: the difference of two runs (before -> after), matched by function
 * name and file (lines may move when code is edited).
 * Output: ProfileDiff { rows: DiffRow[] (biggest time change first), summary }.
 */
import type { Profile } from '../types';
import { flatRows, type FlatRow } from './flat';
import { frameKey, frameName, profileTotalMs, seconds } from './model';

export interface DiffSide {
  frame: number;
  calls: number;
  primitiveCalls: number;
  selfMs: number;
  totalMs: number;
}

export interface DiffRow {
  key: string;
  name: string;
  builtin: boolean;
  before?: DiffSide;
  after?: DiffSide;
  /** after - before (a missing side counts as 0). */
  deltaTotalMs: number;
  deltaSelfMs: number;
  deltaCalls: number;
  /** before.totalMs / after.totalMs, when both are above zero. */
  speedup?: number;
}

export interface DiffSummary {
  beforeMs: number;
  afterMs: number;
  deltaMs: number;
  /** beforeMs / afterMs. */
  speedup?: number;
  /** One sentence for the page and the terminal. */
  line: string;
}

export interface ProfileDiff {
  rows: DiffRow[];
  summary: DiffSummary;
}

function side(row: FlatRow): DiffSide {
  return { frame: row.frame, calls: row.calls, primitiveCalls: row.primitiveCalls, selfMs: row.selfMs, totalMs: row.totalMs };
}

function keyed(profile: Profile): Map<string, FlatRow> {
  const map = new Map<string, FlatRow>();
  const seen = new Map<string, number>();
  for (const row of flatRows(profile)) {
    const base = frameKey(profile.frames[row.frame]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    // Two functions with one name in one file: tell them apart by order of appearance.
    map.set(n ? `${base}#${n}` : base, row);
  }
  return map;
}

export function diffProfiles(before: Profile, after: Profile): ProfileDiff {
  const a = keyed(before);
  const b = keyed(after);
  const rows: DiffRow[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key);
    const y = b.get(key);
    const frame = y ? after.frames[y.frame] : before.frames[x!.frame];
    const row: DiffRow = {
      key,
      name: frameName(frame),
      builtin: frame.builtin,
      ...(x ? { before: side(x) } : {}),
      ...(y ? { after: side(y) } : {}),
      deltaTotalMs: (y?.totalMs ?? 0) - (x?.totalMs ?? 0),
      deltaSelfMs: (y?.selfMs ?? 0) - (x?.selfMs ?? 0),
      deltaCalls: (y?.calls ?? 0) - (x?.calls ?? 0),
    };
    if (x && y && x.totalMs > 0 && y.totalMs > 0) row.speedup = x.totalMs / y.totalMs;
    rows.push(row);
  }
  rows.sort((p, q) => Math.abs(q.deltaTotalMs) - Math.abs(p.deltaTotalMs) || Math.abs(q.deltaCalls) - Math.abs(p.deltaCalls));
  const beforeMs = profileTotalMs(before);
  const afterMs = profileTotalMs(after);
  return { rows, summary: summarise(beforeMs, afterMs) };
}

function summarise(beforeMs: number, afterMs: number): DiffSummary {
  const deltaMs = afterMs - beforeMs;
  const speedup = beforeMs > 0 && afterMs > 0 ? beforeMs / afterMs : undefined;
  const change = `${seconds(beforeMs)} s -> ${seconds(afterMs)} s (${deltaMs <= 0 ? '-' : '+'}${seconds(Math.abs(deltaMs))} s)`;
  let line: string;
  if (speedup === undefined) line = `Total time ${change}.`;
  else if (speedup >= 1.005) line = `${speedup.toFixed(2)}x faster: ${change}.`;
  else if (speedup <= 1 / 1.005) line = `${(1 / speedup).toFixed(2)}x slower: ${change}.`;
  else line = `About the same speed: ${change}.`;
  return { beforeMs, afterMs, deltaMs, ...(speedup !== undefined ? { speedup } : {}), line };
}
