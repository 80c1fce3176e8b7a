/**
 * Renderer: cProfile's `.pstats` file (the marshal of
 * `{(file, line, name): (cc, nc, tt, ct, {caller: (nc, cc, tt, ct)})}`), which
 * Python's `pstats.Stats(path)`, gprof2dot -f pstats and SnakeViz read.
 * Built-ins use cProfile's own keys: ('~', 0, '<built-in method sleep>').
 */
import type { Profile } from '../../types';
import { flatRows } from '../flat';
import { pstatsKey } from '../model';
import { callEdges } from '../partners';
import { PyDict, PyTuple, writeMarshal, type PyValue } from '../import/marshal';

/** One key per frame; two frames that would share a key get their column added to the name. */
function uniqueKeys(profile: Profile, frames: number[]): Map<number, PyTuple> {
  const keys = new Map<number, PyTuple>();
  const seen = new Set<string>();
  for (const index of frames) {
    const frame = profile.frames[index];
    let [file, line, name] = pstatsKey(frame);
    if (seen.has(`${file}\u0000${line}\u0000${name}`)) name = `${name}:${frame.column}`;
    seen.add(`${file}\u0000${line}\u0000${name}`);
    keys.set(index, new PyTuple([file, line, name]));
  }
  return keys;
}

export function toPstats(profile: Profile): Uint8Array {
  const rows = flatRows(profile);
  const keys = uniqueKeys(profile, rows.map((r) => r.frame));
  const callersOf = new Map<number, Array<[PyValue, PyValue]>>();
  for (const e of callEdges(profile)) {
    const callerKey = keys.get(e.caller);
    if (!callerKey || !keys.has(e.callee)) continue;
    if (!callersOf.has(e.callee)) callersOf.set(e.callee, []);
    callersOf.get(e.callee)!.push([callerKey, new PyTuple([e.calls, e.primitiveCalls, e.selfMs / 1000, e.totalMs / 1000])]);
  }
  const entries: Array<[PyValue, PyValue]> = rows.map((row) => [
    keys.get(row.frame)!,
    new PyTuple([row.primitiveCalls, row.calls, row.selfMs / 1000, row.totalMs / 1000, new PyDict(callersOf.get(row.frame) ?? [])]),
  ]);
  return writeMarshal(new PyDict(entries));
}
