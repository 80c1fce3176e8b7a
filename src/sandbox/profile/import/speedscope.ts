/**
 * Importer: speedscope's JSON file format (https://www.speedscope.app/file-format-schema.json).
 * An "evented" profile (open/close events) keeps calls and time order, so it
 * becomes a deterministic profile with a timeline; a "sampled" profile (stacks
 * with weights) becomes a sampling one. A file may hold several profiles: the
 * active one (activeProfileIndex, else the first) is read, and the note says so.
 */
import type { CallNode, Profile, Span } from '../../types';
import { ImportError } from './errors';
import { FrameTable, TreeBuilder, importedMeta, newNode, sumTotals } from './common';
import { countCalls, mergeSpans } from './cpuprofile';

interface SpeedscopeFrame {
  name: string;
  file?: string;
  line?: number;
  col?: number;
}
interface EventedProfile {
  type: 'evented';
  name?: string;
  unit: string;
  startValue: number;
  endValue: number;
  events: Array<{ type: 'O' | 'C'; frame: number; at: number }>;
}
interface SampledProfile {
  type: 'sampled';
  name?: string;
  unit: string;
  startValue: number;
  endValue: number;
  samples: number[][];
  weights: number[];
}
export interface SpeedscopeFile {
  $schema?: string;
  shared: { frames: SpeedscopeFrame[] };
  profiles: Array<EventedProfile | SampledProfile>;
  activeProfileIndex?: number;
  name?: string;
}

const UNIT_MS: Record<string, number> = { nanoseconds: 1e-6, microseconds: 1e-3, milliseconds: 1, seconds: 1000, none: 1 };
const MAX_SPANS = 100_000;

export function looksLikeSpeedscope(json: unknown): json is SpeedscopeFile {
  const j = json as SpeedscopeFile;
  return typeof j === 'object' && j !== null && (String(j.$schema ?? '').includes('speedscope') || (Array.isArray(j.profiles) && typeof j.shared === 'object'));
}

function check(ok: unknown, problem: string): asserts ok {
  if (!ok) throw new ImportError(`not a valid speedscope file: ${problem}`);
}

export function importSpeedscope(file: SpeedscopeFile, filename: string): Profile {
  check(file.shared && Array.isArray(file.shared.frames), 'it has no "shared.frames" list');
  check(Array.isArray(file.profiles) && file.profiles.length > 0, 'it has no profiles');
  const index = Number.isInteger(file.activeProfileIndex) && file.profiles[file.activeProfileIndex!] ? file.activeProfileIndex! : 0;
  const chosen = file.profiles[index];
  check(chosen && typeof chosen === 'object', `profile ${index} is not an object`);
  const unit = UNIT_MS[chosen.unit];
  check(unit !== undefined, `unit "${String(chosen.unit)}" is not a unit of time (bytes profiles are not supported)`);
  const table = new FrameTable();
  const frameIndex = (i: unknown): number => {
    const f = file.shared.frames[i as number];
    check(Number.isInteger(i) && f && typeof f === 'object', `frame ${String(i)} does not exist`);
    const hasFile = typeof f.file === 'string' && f.file !== '';
    return table.get({ name: String(f.name ?? '(anonymous)'), file: hasFile ? f.file! : '', line: Number(f.line ?? 0) || 0, column: Number(f.col ?? 0) || 0, builtin: !hasFile });
  };
  const rootFrame = table.get({ name: '(root)', file: '', line: 0, column: 0, builtin: true });
  const several = file.profiles.length > 1 ? ` The file holds ${file.profiles.length} profiles; this is "${chosen.name ?? index}" (number ${index + 1}).` : '';
  if (chosen.type === 'evented') return evented(chosen, unit, frameIndex, rootFrame, table, filename, several);
  if (chosen.type === 'sampled') return sampled(chosen, unit, frameIndex, rootFrame, table, filename, several);
  throw new ImportError(`not a valid speedscope file: profile type "${String((chosen as { type: unknown }).type)}" is neither "evented" nor "sampled"`);
}

function evented(p: EventedProfile, unit: number, frameIndex: (i: unknown) => number, rootFrame: number, table: FrameTable, filename: string, several: string): Profile {
  check(Array.isArray(p.events), 'an evented profile has no "events" list');
  const root = newNode(rootFrame);
  root.calls = 1;
  const start = Number(p.startValue) || 0;
  const stack: Array<{ node: CallNode; span?: Span; frame: number }> = [{ node: root, frame: rootFrame }];
  const spans: Span[] = [];
  const tree = new TreeBuilder();
  let last = start;
  for (const [i, e] of p.events.entries()) {
    const at = Number(e?.at);
    check(Number.isFinite(at) && at >= last, `event ${i} is out of time order`);
    stack[stack.length - 1].node.selfMs += (at - last) * unit;
    last = at;
    const frame = frameIndex(e.frame);
    if (e.type === 'O') {
      const parent = stack[stack.length - 1].node;
      const child = tree.child(parent, frame);
      child.calls++;
      const span = spans.length < MAX_SPANS ? { frame, depth: stack.length - 1, start: (at - start) * unit, end: (at - start) * unit } : undefined;
      if (span) spans.push(span);
      stack.push({ node: child, span, frame });
    } else if (e.type === 'C') {
      const top = stack.pop();
      check(top && stack.length > 0 && top.frame === frame, `event ${i} closes frame ${e.frame}, which is not the one open`);
      if (top.span) top.span.end = (at - start) * unit;
    } else throw new ImportError(`not a valid speedscope file: event ${i} has type "${String(e.type)}"`);
  }
  check(stack.length === 1, `${stack.length - 1} frames are never closed (the file may be truncated)`);
  sumTotals(root);
  return {
    meta: importedMeta({ source: 'speedscope', filename, kind: 'deterministic', wallMs: root.totalMs, note: several.trim() || undefined }),
    frames: table.frames,
    root,
    spans,
    spansTruncated: spans.length >= MAX_SPANS,
  };
}

function sampled(p: SampledProfile, unit: number, frameIndex: (i: unknown) => number, rootFrame: number, table: FrameTable, filename: string, several: string): Profile {
  check(Array.isArray(p.samples) && Array.isArray(p.weights) && p.samples.length === p.weights.length, 'a sampled profile needs "samples" and "weights" of the same length');
  const root = newNode(rootFrame);
  const spans: Span[] = [];
  const tree = new TreeBuilder();
  let t = 0;
  for (const [i, stack] of p.samples.entries()) {
    check(Array.isArray(stack), `sample ${i} is not a list of frames`);
    const ms = Number(p.weights[i]) * unit;
    check(Number.isFinite(ms) && ms >= 0, `weight ${i} is not a number`);
    let node = root;
    node.samples = (node.samples ?? 0) + 1;
    for (const [depth, f] of stack.entries()) {
      const frame = frameIndex(f);
      node = tree.child(node, frame);
      node.samples = (node.samples ?? 0) + 1;
      if (spans.length < MAX_SPANS) spans.push({ frame, depth, start: t, end: t + ms });
    }
    node.selfMs += ms;
    t += ms;
  }
  sumTotals(root);
  countCalls(root);
  return {
    meta: importedMeta({
      source: 'speedscope',
      filename,
      kind: 'sampling',
      wallMs: root.totalMs,
      sampleCount: p.samples.length,
      note: `A sampled profile: call counts are not recorded, so each call path counts as one call.${several}`,
    }),
    frames: table.frames,
    root,
    spans: mergeSpans(spans),
    spansTruncated: spans.length >= MAX_SPANS,
  };
}
