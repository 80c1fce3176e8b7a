/**
 * An imported profile dressed as a run result, so the cells' own result views
 * render it unchanged; and which of those views the profile can feed.
 */
import type { Profile, RunResult } from '../../sandbox/types';

export function importedResult(profile: Profile): RunResult {
  return {
    status: 'ok',
    console: [],
    outputTruncated: false,
    timing: { wallMs: profile.meta.wallMs, cpuMs: profile.meta.cpuMs, simulatedMs: 0, resolutionMs: 0 },
    profile,
  };
}

/** The table, graph, icicle/sunburst and tree always; the timeline when the format keeps time order. */
export function viewsFor(profile: Profile): string[] {
  return ['profile', 'callgraph', 'icicle', 'tree', ...(profile.spans.length ? ['timeline'] : [])];
}
