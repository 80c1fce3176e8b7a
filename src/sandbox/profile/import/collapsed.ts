/**
 * Importer: collapsed ("folded") stacks, Brendan Gregg's `a;b;c 42`: one line
 * per distinct stack, root first, with its sample count. py-spy and others
 * write frames as `name (file:line)`, which is kept as the frame's location.
 * Only counts survive: one sample is taken as one millisecond, and there is no
 * time order. Lines starting with `#` are comments (flamegraph.pl and speedscope
 * skip them too); the workbook's own export names its unit in one, and counts of
 * "microseconds" are read as such.
 */
import type { Profile } from '../../types';
import { ImportError } from './errors';
import { FrameTable, TreeBuilder, importedMeta, newNode, sumTotals } from './common';
import { countCalls } from './cpuprofile';

const LINE = /^(.*\S)\s+(\d+(?:\.\d+)?)\s*$/;
const LOCATED = /^(.*) \((.+):(\d+)\)$/;

export const COLLAPSED_NOTE = 'Collapsed stacks keep only sample counts: each sample is shown as 1 ms, call counts are not recorded (each call path counts once), and there is no time order.';

const isComment = (line: string) => line.trimStart().startsWith('#');

export function looksLikeCollapsed(text: string): boolean {
  const first = text.split('\n', 20).find((l) => l.trim() !== '' && !isComment(l));
  return first !== undefined && LINE.test(first);
}

/** Milliseconds per count: the workbook's header says when counts are microseconds. */
function msPerCount(lines: string[]): number {
  const header = lines.find((l) => l.trim() !== '');
  return header !== undefined && isComment(header) && /\bmicroseconds\b/.test(header) ? 0.001 : 1;
}

export function importCollapsed(text: string, filename: string): Profile {
  const table = new FrameTable();
  const root = newNode(table.get({ name: '(root)', file: '', line: 0, column: 0, builtin: true }));
  const lines = text.split('\n');
  const unitMs = msPerCount(lines);
  let samples = 0;
  const tree = new TreeBuilder();
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || isComment(line)) continue;
    const m = LINE.exec(line);
    if (!m) throw new ImportError(`not a collapsed-stacks file: line ${i + 1} is not "frame;frame;... count"${i === lines.length - 1 ? ' (the file may be truncated)' : ''}`);
    const count = Number(m[2]);
    let node = root;
    node.samples = (node.samples ?? 0) + count;
    for (const part of m[1].split(';')) {
      const located = LOCATED.exec(part);
      const frame = table.get(
        located
          ? { name: located[1], file: located[2], line: Number(located[3]), column: 1, builtin: false }
          : { name: part, file: '', line: 0, column: 0, builtin: false },
      );
      node = tree.child(node, frame);
      node.samples = (node.samples ?? 0) + count;
    }
    node.selfMs += count * unitMs;
    samples += count;
  }
  if (samples === 0 && root.children.length === 0) throw new ImportError('empty: the file holds no stacks');
  sumTotals(root);
  countCalls(root);
  return {
    meta: importedMeta({
      source: 'collapsed',
      filename,
      kind: 'sampling',
      wallMs: root.totalMs,
      intervalMs: unitMs,
      sampleCount: samples,
      note: unitMs === 1 ? COLLAPSED_NOTE : COLLAPSED_NOTE.replace('each sample is shown as 1 ms', 'counts are microseconds (as the file says)'),
    }),
    frames: table.frames,
    root,
    spans: [],
    spansTruncated: false,
  };
}
