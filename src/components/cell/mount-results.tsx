/**
 * Loaded on demand (first Run, or when the learner reaches for the toolbar):
 * puts a React root into a cell's results area and lets the vanilla cell
 * element push new props into it. This module is what pulls React into the
 * page, so nothing in the initial bundle imports it statically.
 */
import { startTransition } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { Results, type ResultsProps } from './Results';
import { VIEWS } from '../views/registry';

export interface ResultsHandle {
  /**
   * Renders the results. `background`: a render nobody is waiting for (recorded
   * results coming to life after load) runs as a transition, in slices that
   * leave the page free to answer input, with the static markup kept until it commits.
   */
  render(props: ResultsProps, options?: { background?: boolean }): void;
  unmount(): void;
}

export function mountResults(container: HTMLElement, options: { keepStatic?: boolean } = {}): ResultsHandle {
  // The recorded (build-time) markup is replaced, not hydrated. A run clears it at once;
  // recorded results coming to life keep it on screen until React's first commit replaces it.
  if (!options.keepStatic) container.replaceChildren();
  const root: Root = createRoot(container);
  return {
    render(props, renderOptions = {}) {
      if (renderOptions.background) startTransition(() => root.render(<Results {...props} />));
      else root.render(<Results {...props} />);
    },
    unmount() {
      root.unmount();
    },
  };
}

/**
 * Fetches the chunks the views of this cell will need, before the result arrives;
 * settles when they are in (or failed: the view then says so itself).
 */
export async function preloadViews(show: string[]): Promise<void> {
  await Promise.all(
    show.map((id) => (VIEWS[id]?.component as { preload?: () => Promise<void> } | undefined)?.preload?.().catch(() => undefined)),
  );
}
