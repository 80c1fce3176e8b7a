/**
 * Processor: pstats' print restrictions on an ordered FlatRow[]: an integer
 * keeps the first N rows, a number in [0, 1) keeps that fraction, a string is
 * a regular expression searched in the standard name `file:line(function)`.
 * Several restrictions apply in order, as `print_stats(0.5, 'foo', 10)` does.
 * Output: RestrictedRows (the rows kept and pstats' "List reduced" notes).
 */
import type { Profile } from '../types';
import type { FlatRow } from './flat';
import { pstatsName } from './model';

export type Restriction = number | string | RegExp;

export interface RestrictedRows {
  rows: FlatRow[];
  /** `List reduced from A to B due to restriction <r>` lines, one per restriction that cut. */
  notes: string[];
}

export function restrictRows(rows: FlatRow[], profile: Profile, restrictions: Restriction[]): RestrictedRows {
  let list = rows;
  const notes: string[] = [];
  for (const r of restrictions) {
    const before = list.length;
    let shown: string;
    if (typeof r === 'number') {
      if (r >= 0 && r < 1 && !Number.isInteger(r)) list = list.slice(0, Math.trunc(list.length * r + 0.5));
      else list = list.slice(0, Math.max(0, Math.trunc(r)));
      shown = String(r);
    } else {
      const re = typeof r === 'string' ? new RegExp(r) : r;
      list = list.filter((row) => re.test(pstatsName(profile.frames[row.frame])));
      shown = typeof r === 'string' ? `'${r}'` : String(r);
    }
    if (list.length < before) notes.push(`List reduced from ${before} to ${list.length} due to restriction <${shown}>`);
  }
  return { rows: list, notes };
}
