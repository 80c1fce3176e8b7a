/**
 * The memory and bench results as the views read them. RunResult.memory and
 * RunResult.bench are `unknown` in the shared contract; the tools that fill
 * them own their types, so the casts live here, in one place.
 */
import type { RunRequest, RunResult } from '../../../sandbox/types';
import type { MemoryReport } from '../../../sandbox/memory/types';
import type { BenchReport } from '../../../sandbox/bench/types';
import type { CellOptions } from '../types';

export function memoryReport(result: RunResult): MemoryReport | undefined {
  const m = result.memory as MemoryReport | undefined;
  return m && m.figure === 'live-heap' ? m : undefined;
}

export function benchReport(result: RunResult): BenchReport | undefined {
  const b = result.bench as BenchReport | undefined;
  return b && Array.isArray(b.runs) ? b : undefined;
}

/** `lines=eatMemory,grow` in the fence names functions to profile besides the `// @profile` ones. */
function namedLines(options: CellOptions): string[] | undefined {
  const names = (options.lines ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return names.length ? names : undefined;
}

/** Turns on what a memory view needs, keeping what other views already asked for. */
export function prepareMemory(part: 'lines' | 'timeline' | 'heap') {
  return (request: RunRequest, options: CellOptions): RunRequest => {
    const memory = { ...(request.memory ?? {}) };
    // The timeline's brackets are the profiled functions' calls: it needs them instrumented too.
    if (part === 'lines' || part === 'timeline') memory.lines = namedLines(options) ?? (memory.lines || true);
    if (part === 'timeline') memory.timeline = true;
    if (part === 'heap') memory.heap = true;
    return { ...request, memory };
  };
}
