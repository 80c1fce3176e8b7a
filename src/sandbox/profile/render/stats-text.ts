/**
 * Renderer: the cProfile/pstats text table for the terminal
 * (`python -m cProfile -s calls` prints the same layout), plus pstats'
 * print_callers / print_callees listings.
 */
import type { Profile } from '../../types';
import { flatRows, flatSummary, type FlatRow } from '../flat';
import { comparePstatsKeys, pstatsKey, pstatsName } from '../model';
import { callEdges, callers, callees, type PartnerRow } from '../partners';
import { restrictRows, type Restriction } from '../restrict';
import { sortDescription, sortRows, type SortKey } from '../sort';
import { callPathsNote, samplingSummary } from './notes';

export interface StatsTextOptions {
  /** pstats sort keys, major first. None: pstats' "Random listing order was used" (first-seen order). */
  sort?: SortKey[];
  restrictions?: Restriction[];
}

const f8 = (ms: number) => (ms / 1000).toFixed(3).padStart(8);
const blank8 = ' '.repeat(8);

function ncalls(row: { calls: number; primitiveCalls: number }): string {
  return row.calls !== row.primitiveCalls ? `${row.calls}/${row.primitiveCalls}` : String(row.calls);
}

function line(row: FlatRow, profile: Profile): string {
  return [
    ncalls(row).padStart(9),
    f8(row.selfMs),
    row.calls ? f8(row.selfMs / row.calls) : blank8,
    f8(row.totalMs),
    row.primitiveCalls ? f8(row.totalMs / row.primitiveCalls) : blank8,
    pstatsName(profile.frames[row.frame]),
  ].join(' ');
}

/** Rows as pstats would list them for these options (sorted, then restricted). */
export function listedRows(profile: Profile, options: StatsTextOptions = {}): { all: FlatRow[]; rows: FlatRow[]; notes: string[] } {
  const all = flatRows(profile);
  const ordered = options.sort?.length ? sortRows(all, profile, options.sort) : all;
  const { rows, notes } = restrictRows(ordered, profile, options.restrictions ?? []);
  return { all, rows, notes };
}

function header(profile: Profile, all: FlatRow[]): string[] {
  const s = flatSummary(all);
  const prim = s.calls !== s.primitiveCalls ? ` (${s.primitiveCalls} primitive calls)` : '';
  const first = sampled(profile)
    ? samplingSummary(profile.meta, profile.root.samples, s.totalMs)
    : `${s.calls} function calls${prim} in ${(s.totalMs / 1000).toFixed(3)} seconds`;
  const out = [`         ${first}`, ''];
  if (profile.meta.partial) out.splice(1, 0, '         (partial profile: the run ended early)');
  if (profile.meta.callPathsCapped) out.splice(1, 0, `         (${callPathsNote(profile.meta.callPathsCapped)})`);
  return out;
}

/** A sampler counts samples, not calls: its rows are samples, own and total time, as pyinstrument's are. */
function sampled(profile: Profile): boolean {
  return profile.meta.kind === 'sampling';
}

function sampledLine(row: FlatRow, profile: Profile): string {
  return [String(row.samples ?? 0).padStart(9), f8(row.selfMs), f8(row.totalMs), pstatsName(profile.frames[row.frame])].join(' ');
}

export function renderStatsText(profile: Profile, options: StatsTextOptions = {}): string {
  const { all, rows, notes } = listedRows(profile, options);
  const out = header(profile, all);
  out.push(options.sort?.length ? `   Ordered by: ${sortDescription(options.sort)}` : '   Random listing order was used');
  for (const note of notes) out.push(`   ${note}`);
  out.push('');
  if (rows.length && sampled(profile)) {
    out.push('  samples      own    total filename:lineno(function)');
    for (const row of rows) out.push(sampledLine(row, profile));
  } else if (rows.length) {
    out.push('   ncalls  tottime  percall  cumtime  percall filename:lineno(function)');
    for (const row of rows) out.push(line(row, profile));
  }
  out.push('', '', '');
  return out.join('\n');
}

/**
 * pstats' print_callers ("was called by...") or print_callees ("called...") for
 * the listed rows, in its exact layout: names padded to the longest listed name
 * (the longest of all when nothing was left out) plus two, partners in the order
 * of their (file, line, name) keys.
 */
export function renderPartnersText(profile: Profile, direction: 'callers' | 'callees', options: StatsTextOptions = {}): string {
  const { all, rows, notes } = listedRows(profile, options);
  const edges = callEdges(profile);
  const nameOf = (frame: number) => pstatsName(profile.frames[frame]);
  const widthOf = rows.length < all.length ? rows : all;
  const width = Math.max(0, ...widthOf.map((r) => nameOf(r.frame).length)) + 2;
  const out: string[] = [];
  out.push(options.sort?.length ? `   Ordered by: ${sortDescription(options.sort)}` : '   Random listing order was used');
  for (const note of notes) out.push(`   ${note}`);
  out.push('');
  out.push(`${'Function '.padEnd(width)}${direction === 'callers' ? 'was called by...' : 'called...'}`);
  out.push(`${' '.repeat(width)}    ncalls  tottime  cumtime`);
  const arrow = direction === 'callers' ? '<-' : '->';
  const byKey = (a: PartnerRow, b: PartnerRow) => comparePstatsKeys(pstatsKey(profile.frames[a.frame]), pstatsKey(profile.frames[b.frame]));
  for (const row of rows) {
    const partners = (direction === 'callers' ? callers(profile, row.frame, edges) : callees(profile, row.frame, edges)).sort(byKey);
    const head = `${nameOf(row.frame).padEnd(width)}${arrow} `;
    if (!partners.length) out.push(head);
    partners.forEach((p, k) => {
      const counts = ncalls(p).padStart(k === 0 ? 7 : 9);
      out.push(`${k === 0 ? head : ' '.repeat(width + 1)}${counts} ${f8(p.selfMs)} ${f8(p.totalMs)}  ${nameOf(p.frame)}`);
    });
  }
  out.push('', '', '');
  return out.join('\n');
}
