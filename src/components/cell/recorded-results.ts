/**
 * Build-time results brought to life without a Run. The build records each
 * cell and puts the result twice in the page: as static HTML (readable with
 * no JavaScript, and in print) and as data (`<script data-cell-recorded>`).
 * When the learner comes near a cell's results (it scrolls close to the
 * viewport once the page is idle, or the pointer or focus reaches it), the
 * data is handed to the live results views, so sorting, hover, zoom, search
 * and the call graph all work on what the build recorded.
 */
import type { RunResult } from '../../sandbox/types';
import { afterLoadWhenIdle } from './idle';

/** The recorded result in a cell's markup, or undefined (none, or unreadable). */
export function readRecordedResult(cell: HTMLElement): RunResult | undefined {
  const data = cell.querySelector('script[data-cell-recorded]')?.textContent;
  if (!data) return undefined;
  try {
    const result = JSON.parse(data) as RunResult;
    return result && typeof result === 'object' && typeof result.status === 'string' ? result : undefined;
  } catch {
    return undefined; // damaged markup: the static results still read
  }
}

/** The tab selected in the static results, so the live ones open on the same. */
export function staticSelectedTab(area: HTMLElement): string | undefined {
  return area.querySelector<HTMLElement>('.wb-results[data-snapshot] [role="tab"][aria-selected="true"]')?.dataset.view;
}

/** How far below or above the viewport a cell's recorded results are made live. */
const NEAR_VIEWPORT = '400px 0px';

/**
 * Calls `bringToLife` once: when the results area is about to be seen (after
 * the page has loaded and the browser is idle) or as soon as the learner
 * reaches for it, whichever comes first.
 */
export function whenResultsWanted(area: HTMLElement, bringToLife: () => void): void {
  let done = false;
  let observer: IntersectionObserver | undefined;
  const once = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    area.removeEventListener('pointerenter', once);
    area.removeEventListener('focusin', once);
    bringToLife();
  };
  area.addEventListener('pointerenter', once);
  area.addEventListener('focusin', once);
  afterLoadWhenIdle(() => {
    if (done || typeof IntersectionObserver !== 'function') return;
    observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && once(), { rootMargin: NEAR_VIEWPORT });
    observer.observe(area);
  }, 3000);
}
