/**
 * The table options `workbook profile` and `workbook view` share: --sort (pstats
 * keys, comma-separated), --limit (repeatable restrictions), and printing the
 * table with --callers / --callees listings.
 */
import { SORT_KEYS, isSortKey, renderPartnersText, renderStatsText, type Restriction, type SortKey, type StatsTextOptions } from '../sandbox/profile/index';
import type { Profile } from '../sandbox/types';
import { writeOut } from './terminal';

export const SORT_HELP = SORT_KEYS.filter((k) => !k.includes('-') && k !== 'samples').join(', ');

function collectRepeated(argv: string[], name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}` && i + 1 < argv.length) values.push(argv[i + 1]);
    else if (argv[i].startsWith(`--${name}=`)) values.push(argv[i].slice(name.length + 3));
  }
  return values;
}

function restriction(text: string): Restriction {
  if (/^\d+$/.test(text)) return Number(text);
  if (/^0?\.\d+$/.test(text)) return Number(text);
  return text;
}

/** The table options from the command line, or an error message for an unknown sort key. */
export function statsTextOptions(argv: string[], options: Record<string, string | true>): StatsTextOptions | { error: string } {
  const sortText = typeof options.sort === 'string' ? options.sort : typeof options.s === 'string' ? options.s : undefined;
  const sort = (sortText ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  const badKey = sort.find((k) => !isSortKey(k));
  if (badKey) return { error: `Unknown sort key "${badKey}". Use one of: ${SORT_KEYS.join(', ')}` };
  return { sort: sort as SortKey[], restrictions: collectRepeated(argv, 'limit').map(restriction) };
}

/** The table (unless `table` is false), then the callers and callees listings asked for. */
export function printTables(profile: Profile, textOptions: StatsTextOptions, flags: { table: boolean; callers: boolean; callees: boolean }): void {
  // Function names come from the learner's code (or a file): never let them drive the terminal.
  if (flags.table) writeOut(renderStatsText(profile, textOptions));
  if (flags.callers) writeOut(renderPartnersText(profile, 'callers', textOptions));
  if (flags.callees) writeOut(renderPartnersText(profile, 'callees', textOptions));
}
