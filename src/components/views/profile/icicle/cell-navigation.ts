/**
 * Arrow-key neighbours of each laid-out cell: up = the caller (parent cell),
 * down = the first cell beneath it, left/right = the adjacent cells on the same
 * row. Computed once per layout (a sort per row), not per key press.
 */
import type { PartitionCell } from '../../../../sandbox/profile/layout/partition';

export interface CellLinks {
  cell: PartitionCell;
  up?: string;
  down?: string;
  left?: string;
  right?: string;
}

export function cellNeighbours(cells: PartitionCell[]): Map<string, CellLinks> {
  const rows = new Map<number, PartitionCell[]>();
  for (const cell of cells) {
    const row = rows.get(cell.depth) ?? [];
    row.push(cell);
    rows.set(cell.depth, row);
  }
  for (const row of rows.values()) row.sort((a, b) => a.x0 - b.x0);
  const links = new Map<string, CellLinks>();
  for (const [depth, row] of rows) {
    const above = rows.get(depth - 1) ?? [];
    const below = rows.get(depth + 1) ?? [];
    row.forEach((cell, index) => {
      const middle = (cell.x0 + cell.x1) / 2;
      links.set(cell.key, {
        cell,
        left: row[index - 1]?.key,
        right: row[index + 1]?.key,
        up: above.find((other) => other.x0 <= middle && middle <= other.x1)?.key,
        down: below.find((other) => other.x0 >= cell.x0 - 1e-12 && other.x1 <= cell.x1 + 1e-12)?.key,
      });
    });
  }
  return links;
}
