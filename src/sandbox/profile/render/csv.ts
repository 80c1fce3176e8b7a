/**
 * Renderer: the flat table as CSV (RFC 4180 quoting), times in seconds as
 * pstats prints them but with full precision, for spreadsheets.
 */
import type { Profile } from '../../types';
import { flatRows } from '../flat';
import { sortRows, type SortKey } from '../sort';

export function cell(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(profile: Profile, sort: SortKey[] = ['cumulative']): string {
  const rows = sortRows(flatRows(profile), profile, sort);
  const out = ['function,file,line,column,builtin,ncalls,primitive_calls,tottime_s,tottime_percall_s,cumtime_s,cumtime_percall_s'];
  for (const r of rows) {
    const f = profile.frames[r.frame];
    out.push(
      [
        f.name,
        f.builtin ? '' : f.file,
        f.builtin ? '' : f.line,
        f.builtin ? '' : f.column,
        f.builtin,
        r.calls,
        r.primitiveCalls,
        (r.selfMs / 1000).toFixed(6),
        r.selfPerCall === undefined ? undefined : (r.selfPerCall / 1000).toFixed(6),
        (r.totalMs / 1000).toFixed(6),
        r.totalPerCall === undefined ? undefined : (r.totalPerCall / 1000).toFixed(6),
      ]
        .map(cell)
        .join(','),
    );
  }
  return out.join('\n') + '\n';
}
