/**
 * The benchmark tool: bench(), compare() and growth() in every cell (timeit's
 * job). Results are pushed to the host as each helper finishes, so a later
 * error in the cell does not lose them.
 */
import type { HostEnv, SandboxTool } from '../engine/tool';
import type { BenchEntry, BenchReport } from './types';
import { BENCH_SOURCE } from './prelude';
import { waitingClock } from '../engine/cpu-clock';

const entries = new WeakMap<HostEnv, BenchEntry[]>();

/** Keeps only well-formed entries: the JSON comes from the VM, which learner code shares. */
export function parseEntry(json: string): BenchEntry | undefined {
  try {
    const e = JSON.parse(json) as BenchEntry;
    if (e && (e.kind === 'bench' || e.kind === 'compare' || e.kind === 'growth') && typeof e.label === 'string') return e;
  } catch {
    /* ignore */
  }
  return undefined;
}

/** All of a run's benchmark results together, as JSON text the VM hands over. */
const BENCH_MAX_CHARS = 4 * 1024 * 1024;

export const benchTool: SandboxTool = {
  id: 'bench',
  wants: () => true,
  prelude: () => BENCH_SOURCE,
  hostFunctions(env) {
    const list: BenchEntry[] = [];
    let used = 0;
    entries.set(env, list);
    const waited = waitingClock();
    return {
      // Ms this thread has waited for a processor so far; -1 where the platform cannot say.
      bench_waited: () => (waited ? waited() : -1),
      bench_push: (json) => {
        // Bounded before parsing: at most 200 entries and BENCH_MAX_CHARS of JSON in all.
        if (typeof json !== 'string' || list.length >= 200 || (used += json.length) > BENCH_MAX_CHARS) return undefined;
        const e = parseEntry(json);
        if (e) list.push(e);
        return undefined;
      },
    };
  },
  finish(_raw, result, env) {
    const list = entries.get(env);
    if (!list?.length) return {};
    const bench: BenchReport = { runs: list, resolutionMs: result.timing.resolutionMs };
    return { bench };
  },
};
