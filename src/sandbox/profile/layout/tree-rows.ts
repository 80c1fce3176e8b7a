/**
 * The call tree widget's rows: the profiler's filtered tree (tree.ts, pyinstrument's
 * rules: heaviest first, `[self]` rows, built-ins folded into `[N frames hidden]`,
 * rows under the threshold removed) flattened into the rows that are visible given
 * which nodes the learner collapsed, with what the ARIA tree pattern needs.
 */
import type { Profile } from '../../types';
import { filteredTree, type TreeOptions, type TreeRow as FilteredRow } from '../tree';

export interface TreeRow {
  /** Stable id from the filtered tree (`r/0/1`, `r/0/s`, `r/0/h`). */
  key: string;
  kind: FilteredRow['kind'];
  /** The function ('frame' and 'self' rows); -1 for a hidden-frames row. */
  frame: number;
  label: string;
  /** 1 = the root row (aria-level). */
  level: number;
  parentKey?: string;
  totalMs: number;
  /** Own time of a 'frame' row (its `[self]` child, or all of it for a leaf). */
  selfMs: number;
  fraction: number;
  calls?: number;
  hiddenNames: string[];
  expandable: boolean;
  expanded: boolean;
  /** Position among siblings, for aria-posinset / aria-setsize. */
  position: number;
  siblings: number;
}

export interface TreeRowOptions extends TreeOptions {
  /** Keys of rows the learner collapsed. */
  collapsed?: ReadonlySet<string>;
}

export function treeRows(profile: Profile, options: TreeRowOptions = {}): TreeRow[] {
  const collapsed = options.collapsed ?? new Set<string>();
  const rows: TreeRow[] = [];
  const visit = (row: FilteredRow, level: number, parentKey: string | undefined, position: number, siblings: number) => {
    const expandable = row.children.length > 0;
    const expanded = expandable && !collapsed.has(row.id);
    const selfChild = row.children.find((child) => child.kind === 'self');
    rows.push({
      key: row.id,
      kind: row.kind,
      frame: row.frame ?? -1,
      label: row.kind === 'hidden' ? `${row.label}  ${(row.hiddenNames ?? []).join(', ')}` : row.label,
      level,
      parentKey,
      totalMs: row.timeMs,
      selfMs: row.kind === 'frame' ? (selfChild ? selfChild.timeMs : expandable ? 0 : row.timeMs) : row.timeMs,
      fraction: row.fraction,
      calls: row.calls,
      hiddenNames: row.hiddenNames ?? [],
      expandable,
      expanded,
      position,
      siblings,
    });
    if (expanded) row.children.forEach((child, index) => visit(child, level + 1, row.id, index + 1, row.children.length));
  };
  visit(filteredTree(profile, options), 1, undefined, 1, 1);
  return rows;
}

/** Keys of every expandable row (for "collapse all" below the top level). */
export function expandableKeys(profile: Profile, options: TreeOptions = {}): string[] {
  return treeRows(profile, options)
    .filter((row) => row.expandable && row.level >= 2)
    .map((row) => row.key);
}
