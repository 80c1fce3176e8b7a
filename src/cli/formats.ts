/**
 * The one table from a file extension to a profile exporter, shared by
 * `workbook profile --out`, `workbook convert` and their help texts.
 * (The longest matching extension wins, so `.speedscope.json` can join it.)
 */
import { renderCpuProfile, renderCsv, renderDot, renderFolded, renderSpeedscope } from '../sandbox/profile/index';
import { toPstats } from '../sandbox/profile/render/pstats';
import type { Profile } from '../sandbox/types';

export type Exporter = (profile: Profile) => string | Uint8Array;

export const EXPORTERS: Record<string, Exporter> = {
  '.pstats': toPstats,
  '.prof': toPstats,
  '.cpuprofile': renderCpuProfile,
  '.speedscope.json': renderSpeedscope,
  '.dot': (p) => renderDot(p),
  '.gv': (p) => renderDot(p),
  '.folded': (p) => renderFolded(p),
  '.txt': (p) => renderFolded(p),
  '.csv': (p) => renderCsv(p),
  '.json': (p) => JSON.stringify(p, null, 1),
};

export const EXPORT_HELP = `.pstats (Python's pstats, gprof2dot, SnakeViz), .cpuprofile (Chrome DevTools, speedscope),
                     .speedscope.json (speedscope, call order in ms), .dot (Graphviz),
                     .folded (flame graphs, microseconds), .csv, .json (the profile model)`;

/** The exporter for a path, by its longest known extension. */
export function exporterFor(path: string): Exporter | undefined {
  const lower = path.toLowerCase();
  const ext = Object.keys(EXPORTERS)
    .filter((e) => lower.endsWith(e))
    .sort((a, b) => b.length - a.length)[0];
  return ext ? EXPORTERS[ext] : undefined;
}

export function extensionList(): string {
  return Object.keys(EXPORTERS).join(', ');
}
