/**
 * Importer: cProfile/profile `.pstats` files (Python's marshal of
 * `{(file, line, name): (cc, nc, tt, ct, callers)}`, callers holding
 * `{(file, line, name): (nc, cc, tt, ct)}` per edge, or a bare count from the
 * pure-Python `profile` module). The table and the edges are kept exactly
 * (Profile.stats); the call tree is rebuilt from the edges the way gprof2dot
 * and SnakeViz do, so tree views of a pstats file are approximations.
 */
import type { CallNode, FlatStatsEdge, FlatStatsRow, Frame, Profile } from '../../types';
import { ImportError } from './errors';
import { FrameTable, checkSize, importedMeta, newNode } from './common';
import { PyDict, PyTuple, readMarshal, type PyValue } from './marshal';

export const PSTATS_NOTE =
  'pstats keeps one row per function and per caller -> callee edge, not the full call tree: the table, callers/callees and call graph are exact, while the call tree, icicle and sunburst are approximations rebuilt from the edges (as gprof2dot\'s and SnakeViz\'s are), with recursion folded into the outermost call. No time order: no timeline.';

const MAX_TREE_DEPTH = 128;
const MAX_TREE_NODES = 200_000;

const num = (v: PyValue, what: string): number => {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw new ImportError(`not a pstats file: ${what} is not a number`);
};

/** (file, line, name) -> a Frame: pstats marks built-ins with file "~" and line 0. */
function keyFrame(key: PyValue): Frame {
  if (!(key instanceof PyTuple) || key.items.length !== 3) throw new ImportError('not a pstats file: a function key is not a (file, line, name) tuple');
  const [file, line, name] = key.items;
  if (typeof file !== 'string' || typeof name !== 'string') throw new ImportError('not a pstats file: a function key lacks its file or name');
  const lineNo = num(line, 'a line number');
  const builtin = file === '~' && lineNo === 0;
  return { name, file, line: lineNo, column: builtin ? 0 : 1, builtin };
}

export function looksLikePstats(bytes: Uint8Array): boolean {
  // A marshalled dict ('{', with or without the reference flag) whose first key is a tuple.
  return bytes.length > 2 && (bytes[0] & 0x7f) === 0x7b && [0x28, 0x29].includes(bytes[1] & 0x7f);
}

export function importPstats(bytes: Uint8Array, filename: string): Profile {
  checkSize(bytes.length);
  const top = readMarshal(bytes);
  if (!(top instanceof PyDict)) throw new ImportError('not a pstats file: the data is not a dictionary of functions');
  const table = new FrameTable();
  const functions: FlatStatsRow[] = [];
  const rawCallers: Array<[number, PyDict]> = [];
  for (const [key, value] of top.entries) {
    const frame = table.get(keyFrame(key));
    if (!(value instanceof PyTuple) || value.items.length !== 5 || !(value.items[4] instanceof PyDict)) {
      throw new ImportError(`not a pstats file: the entry for ${String((key as PyTuple).items?.[2])} is not (cc, nc, tt, ct, callers)`);
    }
    const [cc, nc, tt, ct, callers] = value.items;
    functions.push({ frame, primitiveCalls: num(cc, 'cc'), calls: num(nc, 'nc'), selfMs: num(tt, 'tt') * 1000, totalMs: num(ct, 'ct') * 1000 });
    rawCallers.push([frame, callers as PyDict]);
  }
  const edges: FlatStatsEdge[] = [];
  for (const [callee, callers] of rawCallers) {
    for (const [key, value] of callers.entries) {
      const caller = table.get(keyFrame(key));
      if (value instanceof PyTuple && value.items.length === 4) {
        const [nc, cc, tt, ct] = value.items.map((v) => num(v, 'an edge figure'));
        edges.push({ caller, callee, calls: nc, primitiveCalls: cc, selfMs: tt * 1000, totalMs: ct * 1000 });
      } else {
        const n = num(value, 'an edge count'); // the `profile` module keeps only a count
        edges.push({ caller, callee, calls: n, primitiveCalls: n, selfMs: 0, totalMs: 0 });
      }
    }
  }
  const wallMs = functions.reduce((sum, f) => sum + f.selfMs, 0);
  const rootFrame = table.get({ name: '(root)', file: '', line: 0, column: 0, builtin: true });
  const root = rebuildTree(rootFrame, functions, edges, wallMs);
  return {
    meta: importedMeta({ source: 'pstats', filename, kind: 'deterministic', wallMs, note: PSTATS_NOTE }),
    frames: table.frames,
    root,
    spans: [],
    spansTruncated: false,
    stats: { functions, edges },
  };
}

/**
 * gprof2dot's approximation: start from functions nobody called, and give each
 * callee along an edge that edge's figures, scaled by the share of its caller's
 * cumulative time the path carries. A function already on the path is not
 * entered again: its recursive time stays in the outermost call's own time.
 */
function rebuildTree(rootFrame: number, functions: FlatStatsRow[], edges: FlatStatsEdge[], totalMs: number): CallNode {
  const byFrame = new Map(functions.map((f) => [f.frame, f]));
  const calleesOf = new Map<number, FlatStatsEdge[]>();
  const called = new Set<number>();
  for (const e of edges) {
    if (e.caller === e.callee) continue;
    if (!calleesOf.has(e.caller)) calleesOf.set(e.caller, []);
    calleesOf.get(e.caller)!.push(e);
    if (byFrame.has(e.caller)) called.add(e.callee);
  }
  const minMs = totalMs * 1e-5;
  let budget = MAX_TREE_NODES;
  const onPath = new Set<number>();

  const expand = (node: CallNode, depth: number) => {
    const row = byFrame.get(node.frame);
    const scale = row && row.totalMs > 0 ? node.totalMs / row.totalMs : 0;
    onPath.add(node.frame);
    if (depth < MAX_TREE_DEPTH) {
      for (const e of calleesOf.get(node.frame) ?? []) {
        if (onPath.has(e.callee) || budget <= 0) continue;
        const totalMs = e.totalMs * scale;
        if (totalMs < minMs && e.totalMs > 0) continue;
        budget--;
        const child: CallNode = { frame: e.callee, calls: Math.max(1, Math.round(e.calls * (scale || 1))), selfMs: 0, totalMs, children: [] };
        node.children.push(child);
        expand(child, depth + 1);
      }
    }
    onPath.delete(node.frame);
    const inChildren = node.children.reduce((sum, c) => sum + c.totalMs, 0);
    node.totalMs = Math.max(node.totalMs, inChildren);
    node.selfMs = node.totalMs - inChildren;
  };

  const root = newNode(rootFrame);
  root.calls = 1;
  for (const f of functions) {
    if (called.has(f.frame)) continue;
    const child: CallNode = { frame: f.frame, calls: f.calls, selfMs: 0, totalMs: f.totalMs, children: [] };
    root.children.push(child);
    expand(child, 1);
  }
  root.totalMs = root.children.reduce((sum, c) => sum + c.totalMs, 0);
  return root;
}
