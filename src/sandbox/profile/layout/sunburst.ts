/**
 * Sunburst geometry: the same partition as the icicle, bent into rings. The zoom
 * root is the centre disc; each depth is one ring. Produces SVG path data so the
 * component only has to draw it.
 */
import type { PartitionCell, PartitionLayout } from './partition';

export interface SunburstArc {
  cell: PartitionCell;
  /** SVG path data, centred on (0, 0). */
  d: string;
  /** A point inside the arc for a label or a focus ring. */
  labelX: number;
  labelY: number;
  /** Angular span in radians, for deciding whether a label fits. */
  sweep: number;
}

const TAU = Math.PI * 2;

export function sunburstArcs(layout: PartitionLayout, radius: number): SunburstArc[] {
  const rings = layout.depth + 1;
  const ring = radius / rings;
  return layout.cells.map((cell) => {
    const a0 = cell.x0 * TAU;
    const a1 = Math.max(a0, cell.x1 * TAU);
    const r0 = cell.depth * ring;
    const r1 = r0 + ring;
    const mid = (a0 + a1) / 2;
    const rm = cell.depth === 0 ? 0 : (r0 + r1) / 2;
    return {
      cell,
      d: cell.depth === 0 ? disc(r1) : arc(a0, a1, r0, r1),
      labelX: round(Math.sin(mid) * rm),
      labelY: round(-Math.cos(mid) * rm),
      sweep: a1 - a0,
    };
  });
}

function disc(r: number): string {
  return `M0,${-r}A${r},${r} 0 1 1 0,${r}A${r},${r} 0 1 1 0,${-r}Z`;
}

/** An annular sector from angle a0 to a1 (clockwise from 12 o'clock). */
function arc(a0: number, a1: number, r0: number, r1: number): string {
  if (a1 - a0 >= TAU - 1e-9) {
    // A full ring: two half arcs on each radius.
    return `${disc(r1)}M0,${-r0}A${r0},${r0} 0 1 0 0,${r0}A${r0},${r0} 0 1 0 0,${-r0}Z`;
  }
  const large = a1 - a0 > Math.PI ? 1 : 0;
  const p = (r: number, a: number) => `${round(Math.sin(a) * r)},${round(-Math.cos(a) * r)}`;
  return `M${p(r1, a0)}A${r1},${r1} 0 ${large} 1 ${p(r1, a1)}L${p(r0, a1)}A${r0},${r0} 0 ${large} 0 ${p(r0, a0)}Z`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
