/**
 * Host side of the sampling profiler: turns the distinct stacks the VM
 * sampled (with counts) into the Profile model, mapping each stack frame's
 * position back to the learner's function that contains it.
 */
import type { CallNode, Profile } from '../types';
import { FrameTable } from './frames';
import { originalColumn, type FunctionSite, type Insertion } from './transform';
import type { BuildContext } from './build-deterministic';
import { LANGUAGE_BUILTINS } from './vm/builtins';

/** The tool id, which is also the name of its prelude's file (`wb:profiler`). */
const PROFILER_FILE = 'profiler';

export interface SamplingRaw {
  kind: 'sampling';
  intervalMs: number;
  stacks: Array<[string, number]>;
  samples: number;
  checks: number;
  costPerSampleNs?: number;
  wallMs: number;
}

export interface SamplingContext extends BuildContext {
  code: string;
  insertions: Insertion[];
  builtins: boolean;
}

/** Native frames only carry a short name ("floor"): qualify it when only one known built-in has it. */
const QUALIFIED = (() => {
  const byShort = new Map<string, string[]>();
  for (const [owner, key] of LANGUAGE_BUILTINS) {
    const list = byShort.get(key) ?? [];
    list.push(owner ? `${owner}.${key}` : key);
    byShort.set(key, list);
  }
  return new Map([...byShort].filter(([, v]) => v.length === 1).map(([k, v]) => [k, v[0]]));
})();

interface StackFrame {
  name: string;
  file: string;
  line: number;
  column: number;
  native: boolean;
  /** QuickJS had no position for the frame (`at f (missing)`): an interrupted frame that saved none yet. */
  missing?: boolean;
}

/** QuickJS's `    at name (file:line:col)` / `    at name (native)` lines, outermost first. */
export function parseStackText(text: string): StackFrame[] {
  const frames: StackFrame[] = [];
  for (const raw of text.split('\n')) {
    const m = /^\s*at (?:(.*?) \()?(.*?)\)?\s*$/.exec(raw);
    if (!m || !raw.trim()) continue;
    const name = m[1] ?? '';
    const where = m[2];
    if (where === 'native') {
      frames.push({ name, file: '', line: 0, column: 0, native: true });
      continue;
    }
    const pos = /^(.*):(\d+):(\d+)$/.exec(where);
    if (pos) frames.push({ name, file: pos[1], line: Number(pos[2]), column: Number(pos[3]), native: false });
    else if (where === 'missing' && name) frames.push({ name, file: '', line: 0, column: 0, native: false, missing: true });
    else frames.push({ name: name || where, file: '', line: 0, column: 0, native: false });
  }
  return frames.reverse();
}

function lineStarts(code: string): number[] {
  const starts = [0];
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

export function buildSampling(raw: SamplingRaw, ctx: SamplingContext): Profile {
  const table = new FrameTable(ctx.filename);
  const starts = lineStarts(ctx.code);
  // Innermost site containing an offset: sites sorted by start, smallest enclosing range wins.
  const siteAt = (offset: number): FunctionSite | undefined => {
    let best: FunctionSite | undefined;
    for (const s of ctx.sites) if (s.start <= offset && offset < s.end && (!best || s.end - s.start < best.end - best.start)) best = s;
    return best;
  };
  const positionCache = new Map<string, number | undefined>();
  const learnerFrame = (line: number, column: number, name: string): number | undefined => {
    const key = `${line}:${column}`;
    if (positionCache.has(key)) return positionCache.get(key);
    const col = originalColumn(ctx.code, ctx.insertions, line, column);
    const offset = (starts[line - 1] ?? 0) + col - 1;
    const site = siteAt(offset);
    const frame = site ? table.site(site) : name === '<eval>' ? undefined : table.add({ name, file: ctx.filename, line, column: col, builtin: false });
    positionCache.set(key, frame);
    return frame;
  };

  // A frame without a position is found by its name: methods print their short name ("prepY" for "Child.prepY").
  const nameCache = new Map<string, number>();
  const frameByName = (name: string): number => {
    let frame = nameCache.get(name);
    if (frame === undefined) {
      const matches = ctx.sites.filter((s) => s.name === name || s.name.endsWith(`.${name}`));
      frame = matches.length === 1 ? table.site(matches[0]) : table.add({ name, file: ctx.filename, line: 0, column: 0, builtin: false });
      nameCache.set(name, frame);
    }
    return frame;
  };

  const root: CallNode = { frame: 0, calls: 1, selfMs: 0, totalMs: 0, samples: 0, children: [] };
  const childIndex = new Map<CallNode, Map<number, CallNode>>();
  const childOf = (parent: CallNode, frame: number): CallNode => {
    let index = childIndex.get(parent);
    if (!index) childIndex.set(parent, (index = new Map()));
    let node = index.get(frame);
    if (!node) {
      node = { frame, calls: 0, selfMs: 0, totalMs: 0, samples: 0, children: [] };
      index.set(frame, node);
      parent.children.push(node);
    }
    return node;
  };
  const selfSamples = new Map<CallNode, number>();

  for (const [key, count] of raw.stacks) {
    const [stackText, ...running] = key.split('\u0001');
    const path: number[] = [];
    // Built-ins the sandbox's own code calls (the wrappers' helpers ...) are not the learner's.
    let insideSandbox = false;
    for (const frame of parseStackText(stackText)) {
      const { file, line: lineNo, column: colNo, name, native } = frame;
      if (frame.missing) {
        if (!insideSandbox) path.push(frameByName(name));
        continue;
      }
      if (native) {
        if (ctx.builtins && !insideSandbox) path.push(table.builtin(QUALIFIED.get(name) ?? name));
        continue;
      }
      if (file.startsWith('wb:')) {
        // The sandbox's own JavaScript built-ins (the seeded Math.random, memory helpers ...)
        // show as one built-in frame where learner code called them; what they call is theirs.
        if (!insideSandbox && ctx.builtins && name && file !== `wb:${PROFILER_FILE}` && name !== '<eval>') path.push(table.builtin(QUALIFIED.get(name) ?? name));
        insideSandbox = true;
        continue;
      }
      insideSandbox = false;
      if (file === ctx.filename) {
        if (name === '<eval>') continue;
        const f = learnerFrame(lineNo, colNo, name || '(anonymous)');
        if (f !== undefined) path.push(f);
        continue;
      }
      if (name === '<eval>' || !file) continue;
      path.push(table.add({ name: name || '(anonymous)', file, line: lineNo, column: 1, builtin: false }));
    }
    if (ctx.builtins) for (const name of running) path.push(table.builtin(name));
    let node = root;
    root.samples! += count;
    for (const f of path) {
      node = childOf(node, f);
      node.samples! += count;
    }
    selfSamples.set(node, (selfSamples.get(node) ?? 0) + count);
  }

  const interval = raw.intervalMs;
  const finish = (node: CallNode) => {
    node.totalMs = node.samples! * interval;
    node.selfMs = (selfSamples.get(node) ?? 0) * interval;
    node.children.forEach(finish);
  };
  finish(root);

  return {
    meta: {
      kind: 'sampling',
      filename: ctx.filename,
      ...ctx.meta,
      sampler: 'poll',
      intervalMs: interval,
      sampleCount: raw.samples,
      // Not subtracted: a sample's cost delays the program, it does not land in one function's time.
      overheadPerEventNs: raw.costPerSampleNs ?? 0,
      overheadCorrected: false,
    },
    frames: table.frames,
    root,
    spans: [],
    spansTruncated: false,
  };
}
