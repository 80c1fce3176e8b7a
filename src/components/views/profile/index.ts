/**
 * The profile views a cell can offer with `show=`: the cProfile table, the call
 * graph, the icicle/sunburst, the call tree, the timeline and the comparison of
 * two runs. Each is loaded on demand; `preloadProfileViews()` fetches them all
 * (build-time rendering calls it before rendering recorded results).
 */
import type { RunResult } from '../../../sandbox/types';
import type { ViewDescriptor, ViewRegistry } from '../types';
import { lazyView, type LazyView } from './lazy-view';
import { prepareProfile } from './prepare';
import { preparerOf } from '../prepare';

export { prepareProfile };

export function hasProfile(result: RunResult): boolean {
  return result.profile !== undefined;
}

const components: Record<string, LazyView> = {
  profile: lazyView('Profile table', () => import('./table/ProfileTableView').then((m) => m.ProfileTableView)),
  callgraph: lazyView('Call graph', () => import('./callgraph/CallGraphView').then((m) => m.CallGraphView)),
  icicle: lazyView('Icicle', () => import('./icicle/IcicleView').then((m) => m.IcicleView)),
  tree: lazyView('Call tree', () => import('./tree/CallTreeView').then((m) => m.CallTreeView)),
  timeline: lazyView('Timeline', () => import('./timeline/TimelineView').then((m) => m.TimelineView)),
  compare: lazyView('Compare runs', () => import('./compare/CompareView').then((m) => m.CompareView)),
};

const labels: Record<string, string> = {
  profile: 'Profile table',
  callgraph: 'Call graph',
  icicle: 'Icicle / sunburst',
  tree: 'Call tree',
  timeline: 'Timeline',
  compare: 'Compare runs',
};

function descriptor(id: string): ViewDescriptor {
  return {
    id,
    label: labels[id],
    component: components[id],
    prepare: preparerOf(id),
    available: hasProfile,
  };
}

export const views: ViewRegistry = Object.fromEntries(Object.keys(components).map((id) => [id, descriptor(id)]));

/** Load every profile view's chunk, so the next render is synchronous. */
export function preloadProfileViews(): Promise<void> {
  return Promise.all(Object.values(components).map((view) => view.preload())).then(() => undefined);
}
