/**
 * Renderer: pyinstrument's console tree, e.g.
 *   6.000 <module>  sleeper.js:1
 *   └─ 6.000 main  sleeper.js:16
 *      ├─ 5.000 function1  sleeper.js:7
 * from the filtered tree processor (tree.ts).
 */
import type { Profile } from '../../types';
import { filteredTree, type TreeOptions, type TreeRow } from '../tree';
import { frameLocation } from '../model';
import { cpuLabel } from '../../cpu-label';
import { callPathsNote } from './notes';

export interface TreeTextOptions extends TreeOptions {
  /** Prefix each line with a colour band marker for terminals (ANSI). Default false. */
  color?: boolean;
}

const ANSI: Record<string, string> = { hot: '\x1b[31m', warm: '\x1b[33m', mild: '\x1b[32m', faint: '\x1b[2m' };

function band(fraction: number): string {
  return fraction > 0.6 ? 'hot' : fraction > 0.2 ? 'warm' : fraction > 0.05 ? 'mild' : 'faint';
}

export function renderTreeText(profile: Profile, options: TreeTextOptions = {}): string {
  const m = profile.meta;
  const out: string[] = [];
  const samples = m.kind === 'sampling' ? `  Samples: ${m.sampleCount ?? 0}` : `  Profiler: deterministic`;
  out.push(`Program: ${m.filename}${samples}`);
  const cpuName = (m.cpuKind ?? 'busy') === 'busy' ? 'Busy time (wall minus simulated)' : `${cpuLabel(m.cpuKind).short} time`;
  out.push(`Duration: ${(m.wallMs / 1000).toFixed(3)}  ${cpuName}: ${(m.cpuMs / 1000).toFixed(3)}  (simulated: ${(m.simulatedMs / 1000).toFixed(3)})`);
  if (m.callPathsCapped) out.push(`(${callPathsNote(m.callPathsCapped)})`);
  out.push('');
  const root = filteredTree(profile, options);
  const paint = (row: TreeRow, text: string) => (options.color ? `${ANSI[band(row.fraction)]}${text}\x1b[0m` : text);
  const describe = (row: TreeRow): string => {
    const time = (row.timeMs / 1000).toFixed(3);
    if (row.kind === 'hidden') return `${paint(row, time)} ${row.label}  ${(row.hiddenNames ?? []).join(', ')}`;
    if (row.kind === 'self') return `${paint(row, time)} [self]`;
    const frame = profile.frames[row.frame!];
    const where = frameLocation(frame);
    return `${paint(row, time)} ${row.label}${where ? `  ${where}` : ''}`;
  };
  const walk = (row: TreeRow, prefix: string, childPrefix: string) => {
    out.push(prefix + describe(row));
    row.children.forEach((child, i) => {
      const last = i === row.children.length - 1;
      walk(child, childPrefix + (last ? '└─ ' : '├─ '), childPrefix + (last ? '   ' : '│  '));
    });
  };
  walk(root, '', '');
  out.push('');
  return out.join('\n');
}
