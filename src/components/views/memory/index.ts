/**
 * The memory views a cell can offer with `show=`: memory_profiler's line table
 * (`memory-lines`), mprof's chart (`memory-timeline`), the heap's make-up
 * (`heap`) and the benchmark helpers' results (`bench`). Each is its own chunk,
 * loaded when its tab first opens; `preloadMemoryViews()` fetches them all.
 * Cell option `lines=fnA,fnB` profiles functions by name besides `// @profile`.
 */
import type { RunResult } from '../../../sandbox/types';
import type { ViewDescriptor, ViewRegistry } from '../types';
import { lazyView, type LazyView } from '../profile/lazy-view';
import { benchReport, memoryReport } from './model';
import { preparerOf } from '../prepare';

const components: Record<string, LazyView> = {
  'memory-lines': lazyView('Memory by line', () => import('./MemoryLinesView').then((m) => m.MemoryLinesView)),
  'memory-timeline': lazyView('Memory over time', () => import('./MemoryTimelineView').then((m) => m.MemoryTimelineView)),
  heap: lazyView('Heap', () => import('./HeapView').then((m) => m.HeapView)),
  bench: lazyView('Benchmarks', () => import('./BenchView').then((m) => m.BenchView)),
};

const descriptors: ViewDescriptor[] = [
  {
    id: 'memory-lines',
    label: 'Memory by line',
    component: components['memory-lines'],
    prepare: preparerOf('memory-lines'),
    available: (r: RunResult) => memoryReport(r)?.lines !== undefined,
  },
  {
    id: 'memory-timeline',
    label: 'Memory over time',
    component: components['memory-timeline'],
    prepare: preparerOf('memory-timeline'),
    available: (r: RunResult) => (memoryReport(r)?.timeline?.samples.length ?? 0) > 0,
  },
  {
    id: 'heap',
    label: 'Heap',
    component: components.heap,
    prepare: preparerOf('heap'),
    available: (r: RunResult) => (memoryReport(r)?.heap?.snapshots.length ?? 0) > 0,
  },
  {
    id: 'bench',
    label: 'Benchmarks',
    component: components.bench,
    available: (r: RunResult) => (benchReport(r)?.runs.length ?? 0) > 0,
  },
];

export const views: ViewRegistry = Object.fromEntries(descriptors.map((d) => [d.id, d]));

/** Load every memory view's chunk, so the next render is synchronous (build-time rendering). */
export function preloadMemoryViews(): Promise<void> {
  return Promise.all(Object.values(components).map((view) => view.preload())).then(() => undefined);
}
