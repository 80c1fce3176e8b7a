/**
 * Builds the sandbox RunRequest for a cell from its spec and source.
 * Imported by the browser's cell element, by build-time recording and by tests,
 * so a cell runs with the same limits and tools wherever it runs.
 * No Node-only imports here.
 */
import type { MemoryOptions, ProfileOptions, RunRequest } from '../sandbox/types';
import type { CellSource, CellSpec } from './cell-info';

/** Views that need the CPU profiler to have recorded something. */
export const PROFILE_VIEWS = ['profile', 'callgraph', 'icicle', 'sunburst', 'tree', 'timeline', 'compare'];

/** Views that need a memory tool, and which part of MemoryOptions each turns on. */
const MEMORY_VIEWS: Record<string, keyof MemoryOptions> = {
  'memory-lines': 'lines',
  'memory-timeline': 'timeline',
  heap: 'heap',
};

/** The view of time per line (line_profiler): it turns on request.lines, with `lines=` names if any. */
export const LINE_TIME_VIEW = 'line-profile';

export function cellRequest(spec: CellSpec, source: CellSource): RunRequest {
  const request: RunRequest = { code: source.code, filename: spec.filename };
  if (source.setup !== undefined && source.setup !== '') request.setup = source.setup;
  if (spec.seed !== undefined) request.seed = spec.seed;

  const limits: NonNullable<RunRequest['limits']> = {};
  if (spec.timeoutMs !== undefined) limits.timeoutMs = spec.timeoutMs;
  if (spec.memoryBytes !== undefined) limits.memoryBytes = spec.memoryBytes;
  if (spec.stackBytes !== undefined) limits.stackBytes = spec.stackBytes;
  if (Object.keys(limits).length > 0) request.limits = limits;

  const profile = profileOptions(spec);
  if (profile) request.profile = profile;

  const memory = memoryOptions(spec);
  if (memory) request.memory = memory;
  if (spec.show.includes(LINE_TIME_VIEW)) request.lines = spec.lines?.length ? spec.lines : true;
  return request;
}

/**
 * An explicit `profiler=` wins; otherwise a profile view in `show=` turns the
 * deterministic profiler on (cProfile is what most chapters start from).
 */
function profileOptions(spec: CellSpec): ProfileOptions | undefined {
  if (spec.profiler === 'off') return undefined;
  const wanted = spec.profiler !== undefined || spec.show.some((view) => PROFILE_VIEWS.includes(view));
  if (!wanted) return undefined;
  const profile: ProfileOptions = { kind: spec.profiler ?? 'deterministic' };
  if (spec.builtins !== undefined) profile.builtins = spec.builtins;
  if (spec.intervalMs !== undefined) profile.intervalMs = spec.intervalMs;
  if (spec.sampler !== undefined) profile.sampler = spec.sampler;
  return profile;
}

function memoryOptions(spec: CellSpec): MemoryOptions | undefined {
  const memory: MemoryOptions = {};
  for (const view of spec.show) {
    const part = MEMORY_VIEWS[view];
    if (part) memory[part] = true;
  }
  // lines= names the functions of whichever line view the cell shows; the memory one only
  // when it is shown (or no time one is), since heap walks on every line would distort the times.
  const memoryLineView = memory.lines || memory.timeline || !spec.show.includes(LINE_TIME_VIEW);
  if (spec.lines && spec.lines.length > 0 && memoryLineView) memory.lines = spec.lines;
  return Object.keys(memory).length > 0 ? memory : undefined;
}
