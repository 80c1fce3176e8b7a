/**
 * Loaded on demand (first Run, or when the learner reaches for the toolbar):
 * puts a React root into a cell's results area and lets the vanilla cell
 * element push new props into it. This module is what pulls React into the
 * page, so nothing in the initial bundle imports it statically.
 */
import { createRoot, type Root } from 'react-dom/client';
import { Results, type ResultsProps } from './Results';

export interface ResultsHandle {
  render(props: ResultsProps): void;
  unmount(): void;
}

export function mountResults(container: HTMLElement): ResultsHandle {
  // The recorded (build-time) results are replaced, not hydrated: the first
  // live run always renders fresh content.
  container.replaceChildren();
  const root: Root = createRoot(container);
  return {
    render(props) {
      root.render(<Results {...props} />);
    },
    unmount() {
      root.unmount();
    },
  };
}
