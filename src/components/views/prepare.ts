/**
 * What each result view needs of a run (the profiler on, a memory tool, line
 * timing), by view id, with no React and no view code: a first Run builds and
 * sends its request with this while React and the views are still loading.
 * Each area's registry takes its views' functions from here (preparerOf), so
 * what a view asks of a run is written once.
 */
import type { RunRequest } from '../../sandbox/types';
import type { CellOptions } from './types';
import { prepareProfile } from './profile/prepare';
import { prepareMemory } from './memory/model';
import { prepareLines } from './lines/model';

export type PrepareRequest = (request: RunRequest, options: CellOptions) => RunRequest;

export const VIEW_PREPARE: Record<string, PrepareRequest | null> = {
  console: null,
  time: null,
  profile: prepareProfile,
  callgraph: prepareProfile,
  icicle: prepareProfile,
  tree: prepareProfile,
  timeline: prepareProfile,
  compare: prepareProfile,
  'memory-lines': prepareMemory('lines'),
  'memory-timeline': prepareMemory('timeline'),
  heap: prepareMemory('heap'),
  bench: null,
  'line-profile': prepareLines,
};

/** The function a registry descriptor gives as `prepare`: the table's, or none. */
export function preparerOf(id: string): PrepareRequest | undefined {
  if (!(id in VIEW_PREPARE)) throw new Error(`no entry for view "${id}" in VIEW_PREPARE`);
  return VIEW_PREPARE[id] ?? undefined;
}
