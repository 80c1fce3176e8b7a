/**
 * Renderer: folded (collapsed) stacks, one line per call path,
 * `<module>;main;function1 5000000`: the path's own time in microseconds
 * (or its own sample count for sampling profiles with `unit: 'samples'`).
 * Flame-graph tools and speedscope read it.
 *
 * The format has no units, so the first line is a `#` comment naming it:
 * flamegraph.pl and speedscope's folded importer skip every line that does not
 * end in ` <count>` (flamegraph.pl counts it as "ignored"), so the comment ends
 * in a word, never a number.
 */
import type { Profile } from '../../types';
import { frameLocation, frameName } from '../model';
import type { CallNode } from '../../types';

export interface FoldedOptions {
  /** 'us' (default): own time in whole microseconds; 'samples': own samples (sampling profiles). */
  unit?: 'us' | 'samples';
  /** Start with the `# ...` line naming the unit (default true). */
  header?: boolean;
}

const UNIT_WORDS = { us: 'microseconds of own time', samples: 'own samples' } as const;

/** The header line; it must not end in a digit, or readers would take it for a stack. */
export function foldedHeader(unit: 'us' | 'samples', profile: Profile): string {
  return `# folded stacks of ${profile.meta.filename.replace(/\s+/g, ' ')} (${profile.meta.kind} profile): each count is ${UNIT_WORDS[unit]}`;
}

function frameText(profile: Profile, node: CallNode): string {
  const frame = profile.frames[node.frame];
  const where = frameLocation(frame);
  // ';' separates frames and the last space separates the count: keep both out of names.
  return `${frameName(frame)}${where ? ` (${where})` : ''}`.replace(/;/g, ',').replace(/\s+/g, ' ');
}

export function renderFolded(profile: Profile, options: FoldedOptions = {}): string {
  const unit = options.unit ?? 'us';
  const lines: string[] = [];
  const header = options.header === false ? '' : foldedHeader(unit, profile) + '\n';
  const stack: string[] = [];
  const visit = (node: CallNode) => {
    stack.push(frameText(profile, node));
    const own = unit === 'samples' ? (node.samples ?? 0) - node.children.reduce((s, c) => s + (c.samples ?? 0), 0) : Math.round(node.selfMs * 1000);
    if (own > 0) lines.push(`${stack.join(';')} ${own}`);
    node.children.forEach(visit);
    stack.pop();
  };
  visit(profile.root);
  return header + lines.join('\n') + (lines.length ? '\n' : '');
}
