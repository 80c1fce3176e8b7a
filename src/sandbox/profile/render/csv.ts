/**
 * Renderer: the flat table as CSV (RFC 4180 quoting), times in seconds as
 * pstats prints them but at full precision: the shortest decimal that reads
 * back as the same double (exponent form for tiny per-call times, which
 * spreadsheets and every CSV reader parse), never rounded to 0.
 */
import type { Profile } from '../../types';
import { flatRows } from '../flat';
import { sortRows, type SortKey } from '../sort';

/** Milliseconds as seconds, every digit kept. */
function seconds(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : ms / 1000;
}

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
        seconds(r.selfMs),
        seconds(r.selfPerCall),
        seconds(r.totalMs),
        seconds(r.totalPerCall),
      ]
        .map(cell)
        .join(','),
    );
  }
  return out.join('\n') + '\n';
}
