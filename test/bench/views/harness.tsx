/**
 * Browser entry for the views benchmark: renders one profile view for a given
 * profile and reports the time from render() to the first frame painted after
 * React committed (requestAnimationFrame, then a message that runs after that frame's paint), and, for the call graph, to the
 * Graphviz SVG being on screen.
 */
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import type { ComponentType } from 'react';
import type { RunResult } from '../../../src/sandbox/types';
import type { ViewProps } from '../../../src/components/views/types';
import { ProfileTableView } from '../../../src/components/views/profile/table/ProfileTableView';
import { CallGraphView } from '../../../src/components/views/profile/callgraph/CallGraphView';
import { IcicleView } from '../../../src/components/views/profile/icicle/IcicleView';
import { CallTreeView } from '../../../src/components/views/profile/tree/CallTreeView';
import { TimelineView } from '../../../src/components/views/profile/timeline/TimelineView';
import { CompareView } from '../../../src/components/views/profile/compare/CompareView';

// The page's Graphviz worker is a separate chunk that this one-file bundle cannot load, so the
// call graph lays out on this thread, as it does where there are no workers (layOutDot). That
// delays "settled", not the first paint, which the target is about.
(globalThis as { Worker?: unknown }).Worker = undefined;

/** An empty view: what a paint costs in this browser with nothing to draw. */
const Empty: ComponentType<ViewProps> = () => <p>empty</p>;

const VIEWS: Record<string, ComponentType<ViewProps>> = {
  baseline: Empty,
  profile: ProfileTableView,
  callgraph: CallGraphView,
  icicle: IcicleView,
  tree: CallTreeView,
  timeline: TimelineView,
  compare: CompareView,
};

declare global {
  interface Window {
    renderView(id: string, result: RunResult, previous?: RunResult, expanded?: boolean): Promise<{ firstPaintMs: number; settledMs: number; elements: number; renderMs: number }>;
  }
}

/** Resolves just after the next frame is painted: rAF runs before the paint, a message posted from it runs after. */
const nextPaint = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );

window.renderView = async (id, result, previous, expanded) => {
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  const View = VIEWS[id];
  const start = performance.now();
  const root = createRoot(host);
  flushSync(() => root.render(<View result={result} previous={previous} code="" cellId="bench" expanded={expanded} />));
  const renderMs = performance.now() - start;
  await nextPaint();
  const firstPaintMs = performance.now() - start;
  if (id === 'callgraph') {
    // Bounded: a graph that never draws fails the benchmark instead of hanging it.
    const giveUp = performance.now() + 60_000;
    while (!host.querySelector('.wb-callgraph-canvas svg')) {
      if (performance.now() > giveUp) throw new Error(`the call graph did not draw within 60 s: ${host.textContent?.slice(0, 200)}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    await nextPaint();
  }
  const settledMs = performance.now() - start;
  const elements = host.querySelectorAll('*').length;
  root.unmount();
  return { firstPaintMs, settledMs, elements, renderMs };
};
