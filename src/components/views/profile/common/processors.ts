/**
 * The one door through which profile views get processed data. Components call
 * these and render the result; they never walk the call tree themselves.
 *
 * Everything comes from the profiler's processors and renderers in
 * src/sandbox/profile/ (plus the view-only layouts in src/sandbox/profile/layout/).
 */
import type { Profile } from '../../../../sandbox/types';
import { flatRows, flatSummary, type FlatRow, type FlatSummary } from '../../../../sandbox/profile/flat';
import { sortRows, type SortKey as ProcessorSortKey } from '../../../../sandbox/profile/sort';
import { callEdges, callers, callees, type PartnerRow } from '../../../../sandbox/profile/partners';
import { diffProfiles as diff, type ProfileDiff } from '../../../../sandbox/profile/diff';
import { renderDot, type DotOptions } from '../../../../sandbox/profile/render/dot';
import { callGraph } from '../../../../sandbox/profile/callgraph';
import { frameLocation, frameName } from '../../../../sandbox/profile/model';
import { compareHeadline } from '../../../../sandbox/profile/layout/compare-summary';
export { boxChanges, type BoxChange } from '../../../../sandbox/profile/diff-tree';
export { callPathsNote, samplingSummary } from '../../../../sandbox/profile/render/notes';
export { applyTransforms, carryTransforms, describeTransform, type ProfileTransform } from '../../../../sandbox/profile/transform';

/** The columns a table header can sort by (pstats' six, and samples for sampled profiles). */
export type SortKey = Extract<ProcessorSortKey, 'calls' | 'tottime' | 'percall-self' | 'cumtime' | 'percall-total' | 'nfl' | 'samples'>;
export type StatsRow = FlatRow;
export type StatsSummary = FlatSummary;
export type { PartnerRow };
export type { DiffRow, ProfileDiff } from '../../../../sandbox/profile/diff';

export function statsRows(profile: Profile, key: SortKey, reverse: boolean): StatsRow[] {
  return sortRows(flatRows(profile), profile, key, reverse);
}

/** The functions a transform can name, heaviest (by cumulative time) first; `<module>` left out. */
export function transformChoices(profile: Profile): Array<{ frame: number; label: string }> {
  return statsRows(profile, 'cumtime', false)
    .filter((row) => row.frame !== profile.root.frame)
    .map((row) => {
      const frame = profile.frames[row.frame];
      return { frame: row.frame, label: `${frameName(frame)} (${frame.builtin ? 'built-in' : frameLocation(frame)})` };
    });
}

export function statsSummary(rows: StatsRow[]): StatsSummary {
  return flatSummary(rows);
}

export function callersAndCallees(profile: Profile, frame: number): { callers: PartnerRow[]; callees: PartnerRow[] } {
  const edges = callEdges(profile);
  return { callers: callers(profile, frame, edges), callees: callees(profile, frame, edges) };
}

/** Per-function difference between the previous run and this one. */
export function diffProfiles(before: Profile, after: Profile): ProfileDiff & { headline: string } {
  const result = diff(before, after);
  return { ...result, headline: compareHeadline(result) };
}

export interface BoundedGraph {
  dot: string;
  nodes: number;
  edges: number;
  /** The node threshold actually used (raised above the requested one when the graph was too big). */
  nodeThreshold: number;
  edgeThreshold: number;
  raised: boolean;
}

/**
 * The call graph as DOT, small enough for Graphviz to lay out at once: dot's
 * layout grows much faster than linearly (a 350-node, 1,700-edge graph takes
 * over a minute), so thresholds are raised step by step until the graph has at
 * most `maxNodes` nodes and `maxEdges` edges.
 */
export function boundedCallGraphDot(profile: Profile, options: DotOptions, maxNodes = 80, maxEdges = 160): BoundedGraph {
  let nodeThreshold = options.nodeThreshold ?? 0.005;
  let edgeThreshold = options.edgeThreshold ?? 0.001;
  let raised = false;
  for (let step = 0; step < 40; step++) {
    const graph = callGraph(profile, { ...options, nodeThreshold, edgeThreshold });
    if ((graph.nodes.length <= maxNodes && graph.edges.length <= maxEdges) || nodeThreshold >= 1) {
      return {
        dot: renderDot(profile, { ...options, nodeThreshold, edgeThreshold }),
        nodes: graph.nodes.length,
        edges: graph.edges.length,
        nodeThreshold,
        edgeThreshold,
        raised,
      };
    }
    raised = true;
    nodeThreshold = Math.min(1, Math.max(nodeThreshold * 1.5, 0.001));
    edgeThreshold = Math.max(edgeThreshold, nodeThreshold / 5);
  }
  throw new Error('the call graph could not be reduced');
}
