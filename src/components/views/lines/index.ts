/**
 * The `line-profile` view (line_profiler's table). Its own chunk, loaded when
 * its tab first opens. Cell option `lines=fnA,fnB` times functions by name
 * besides `// @profile`.
 */
import type { RunResult } from '../../../sandbox/types';
import type { ViewRegistry } from '../types';
import { lazyView } from '../profile/lazy-view';
import { lineProfile } from './model';
import { preparerOf } from '../prepare';

const component = lazyView('Time by line', () => import('./LineProfileView').then((m) => m.LineProfileView));

export const views: ViewRegistry = {
  'line-profile': {
    id: 'line-profile',
    label: 'Time by line',
    component,
    prepare: preparerOf('line-profile'),
    available: (r: RunResult) => lineProfile(r) !== undefined,
  },
};

/** Load the view's chunk, so the next render is synchronous (build-time rendering). */
export function preloadLineViews(): Promise<void> {
  return component.preload();
}
