/**
 * Processor: orders FlatRow[] by pstats' sort keys (several keys combine, major
 * to minor, as `Stats.sort_stats('calls', 'cumulative')` does).
 * Output: a new FlatRow[] plus the `Ordered by:` description.
 */
import type { Frame, Profile } from '../types';
import type { FlatRow } from './flat';
import { pstatsName } from './model';

/** pstats' keys (with their aliases) plus the two per-call columns a table can sort by. */
export type SortKey =
  | 'calls'
  | 'ncalls'
  | 'pcalls'
  | 'cumulative'
  | 'cumtime'
  | 'time'
  | 'tottime'
  | 'file'
  | 'filename'
  | 'module'
  | 'line'
  | 'name'
  | 'nfl'
  | 'stdname'
  | 'percall-self'
  | 'percall-total'
  | 'samples';

interface KeySpec {
  /** Words used in `Ordered by:`. */
  description: string;
  /** Field comparisons, each descending (-1) or ascending (+1). */
  fields: Array<[Field, 1 | -1]>;
}

type Field = 'calls' | 'pcalls' | 'self' | 'total' | 'file' | 'line' | 'name' | 'stdname' | 'selfPerCall' | 'totalPerCall' | 'samples';

const SPECS: Record<SortKey, KeySpec> = {
  calls: { description: 'call count', fields: [['calls', -1]] },
  ncalls: { description: 'call count', fields: [['calls', -1]] },
  pcalls: { description: 'primitive call count', fields: [['pcalls', -1]] },
  cumulative: { description: 'cumulative time', fields: [['total', -1]] },
  cumtime: { description: 'cumulative time', fields: [['total', -1]] },
  time: { description: 'internal time', fields: [['self', -1]] },
  tottime: { description: 'internal time', fields: [['self', -1]] },
  file: { description: 'file name', fields: [['file', 1]] },
  filename: { description: 'file name', fields: [['file', 1]] },
  module: { description: 'file name', fields: [['file', 1]] },
  line: { description: 'line number', fields: [['line', 1]] },
  name: { description: 'function name', fields: [['name', 1]] },
  nfl: { description: 'name/file/line', fields: [['name', 1], ['file', 1], ['line', 1]] },
  stdname: { description: 'standard name', fields: [['stdname', 1]] },
  'percall-self': { description: 'internal time per call', fields: [['selfPerCall', -1]] },
  'percall-total': { description: 'cumulative time per call', fields: [['totalPerCall', -1]] },
  samples: { description: 'sample count', fields: [['samples', -1]] },
};

/** Every accepted key, for CLIs and menus. */
export const SORT_KEYS = Object.keys(SPECS) as SortKey[];

export function isSortKey(value: string): value is SortKey {
  return Object.prototype.hasOwnProperty.call(SPECS, value);
}

export function sortDescription(keys: SortKey[]): string {
  return keys.map((k) => SPECS[k].description).join(', ');
}

function fieldValue(row: FlatRow, frame: Frame, field: Field): number | string {
  switch (field) {
    case 'calls':
      return row.calls;
    case 'pcalls':
      return row.primitiveCalls;
    case 'self':
      return row.selfMs;
    case 'total':
      return row.totalMs;
    case 'file':
      return frame.builtin ? '~' : frame.file;
    case 'line':
      return frame.line;
    case 'name':
      return frame.name;
    case 'stdname':
      return pstatsName(frame);
    case 'selfPerCall':
      return row.selfPerCall ?? -1;
    case 'totalPerCall':
      return row.totalPerCall ?? -1;
    case 'samples':
      return row.samples ?? 0;
  }
}

/**
 * Sorts rows by one or more keys. `reverse` flips the whole order (pstats'
 * `reverse_order()`). Ties keep the original (first-seen) order.
 */
export function sortRows(rows: FlatRow[], profile: Profile, keys: SortKey | SortKey[], reverse = false): FlatRow[] {
  const list = Array.isArray(keys) ? keys : [keys];
  const fields = list.flatMap((k) => SPECS[k].fields);
  const indexed = rows.map((row, index) => ({ row, index }));
  indexed.sort((a, b) => {
    for (const [field, direction] of fields) {
      const va = fieldValue(a.row, profile.frames[a.row.frame], field);
      const vb = fieldValue(b.row, profile.frames[b.row.frame], field);
      if (va < vb) return -direction;
      if (va > vb) return direction;
    }
    return a.index - b.index;
  });
  const sorted = indexed.map((x) => x.row);
  return reverse ? sorted.reverse() : sorted;
}
