/**
 * Renderer: speedscope's own file format
 * (https://www.speedscope.app/file-format-schema.json), in milliseconds on the
 * instrumented clock, unrounded.
 *
 * With the whole run in `Profile.spans`, an evented profile: every call opens
 * and closes at its recorded time, so Time Order shows the calls as they ran.
 * When some calls have no span (the timeline is capped in a long run, the run
 * ended with calls open, or no spans were recorded), a sampled profile weighted by the call tree's own times instead, and
 * the profile's name says that its order is not the run's.
 */
import type { CallNode, Profile } from '../../types';
import { callEvents } from '../call-order';
import { frameName } from '../model';

export const SPEEDSCOPE_SCHEMA = 'https://www.speedscope.app/file-format-schema.json';

export interface SpeedscopeFrame {
  name: string;
  file?: string;
  line?: number;
  col?: number;
}

export interface SpeedscopeEvent {
  type: 'O' | 'C';
  frame: number;
  at: number;
}

export interface SpeedscopeEvented {
  type: 'evented';
  name: string;
  unit: 'milliseconds';
  startValue: number;
  endValue: number;
  events: SpeedscopeEvent[];
}

export interface SpeedscopeSampled {
  type: 'sampled';
  name: string;
  unit: 'milliseconds';
  startValue: number;
  endValue: number;
  samples: number[][];
  weights: number[];
}

export interface SpeedscopeFile {
  $schema: typeof SPEEDSCOPE_SCHEMA;
  shared: { frames: SpeedscopeFrame[] };
  profiles: Array<SpeedscopeEvented | SpeedscopeSampled>;
  name: string;
  activeProfileIndex: number;
  exporter: string;
}

function frames(profile: Profile): SpeedscopeFrame[] {
  return profile.frames.map((f) => (f.builtin ? { name: frameName(f) } : { name: frameName(f), file: f.file, line: f.line, col: f.column }));
}

/** Why the order is lost, for the profile's name. */
function orderLost(profile: Profile): string {
  if (profile.spansTruncated) return 'the timeline keeps only the first calls of a long run';
  if (profile.meta.partial) return 'the run ended with calls still open';
  return 'no call order recorded';
}

/** One sample per call path, weighted by its own time: totals are the tree's, order is depth-first. */
function sampled(profile: Profile, why: string): SpeedscopeSampled {
  const samples: number[][] = [];
  const weights: number[] = [];
  const stack: Array<{ node: CallNode; path: number[] }> = [{ node: profile.root, path: [profile.root.frame] }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (node.selfMs > 0) {
      samples.push(path);
      weights.push(node.selfMs);
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], path: [...path, node.children[i].frame] });
  }
  const name = `${profile.meta.filename} (call tree, not in call order: ${why})`;
  return { type: 'sampled', name, unit: 'milliseconds', startValue: 0, endValue: weights.reduce((s, w) => s + w, 0), samples, weights };
}

function evented(profile: Profile, events: SpeedscopeEvent[]): SpeedscopeEvented {
  const startValue = events[0]?.at ?? 0;
  const endValue = events.at(-1)?.at ?? startValue;
  return { type: 'evented', name: profile.meta.filename, unit: 'milliseconds', startValue, endValue, events };
}

export function toSpeedscope(profile: Profile): SpeedscopeFile {
  const events = callEvents(profile);
  return {
    $schema: SPEEDSCOPE_SCHEMA,
    shared: { frames: frames(profile) },
    profiles: [events ? evented(profile, events) : sampled(profile, orderLost(profile))],
    name: `${profile.meta.filename} (${profile.meta.kind} profile)`,
    activeProfileIndex: 0,
    exporter: 'workbook',
  };
}

export function renderSpeedscope(profile: Profile): string {
  return JSON.stringify(toSpeedscope(profile));
}
