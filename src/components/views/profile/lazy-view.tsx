/**
 * Each profile view is its own chunk, fetched when its tab first opens, so the
 * results bundle stays small. A plain React.lazy cannot render synchronously
 * (renderToStaticMarkup at build time), so the chunk can also be preloaded:
 * once loaded, the view renders at once with no Suspense round trip.
 */
import { createElement, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import type { ViewProps } from '../types';

export type LazyView = ((props: ViewProps) => ReactNode) & { preload(): Promise<void>; displayName?: string };

export function lazyView(label: string, load: () => Promise<ComponentType<ViewProps>>): LazyView {
  let loaded: ComponentType<ViewProps> | undefined;
  let pending: Promise<void> | undefined;
  const preload = () =>
    (pending ??= load().then((component) => {
      loaded = component;
    }));
  const Deferred = lazy(() => preload().then(() => ({ default: loaded! })));
  function View(props: ViewProps) {
    if (loaded) return createElement(loaded, props);
    return (
      <Suspense fallback={<p className="wb-view-loading" role="status">Loading the {label.toLowerCase()}…</p>}>
        <Deferred {...props} />
      </Suspense>
    );
  }
  View.displayName = `LazyView(${label})`;
  View.preload = preload;
  return View as LazyView;
}
