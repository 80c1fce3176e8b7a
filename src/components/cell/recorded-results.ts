/**
 * Build-time results brought to life without a Run. The build records each
 * cell and puts the result twice in the page: as static HTML (readable with
 * no JavaScript, and in print) and as data (`<script data-cell-recorded>`,
 * or a file it names when the data is large).
 * Shortly after load (one cell per idle moment), or at once when the pointer
 * or focus reaches a cell's results, the data is handed to the live results
 * views, so sorting, hover, zoom, search and the call graph all work on what
 * the build recorded.
 */
import type { RunResult } from '../../sandbox/types';
import { afterLoadWhenIdle, whenIdle } from './idle';

/**
 * The recorded result in a cell's markup, or undefined (none, or unreadable).
 * A large one is in a file of its own (`data-src`, written by the build's
 * record/recorded-files.ts) and fetched here.
 */
export async function loadRecordedResult(cell: HTMLElement): Promise<RunResult | undefined> {
  const block = cell.querySelector<HTMLElement>('script[data-cell-recorded]');
  if (!block) return undefined;
  try {
    const href = block.dataset.src;
    const data = href ? await fetchText(href) : block.textContent;
    if (!data) return undefined;
    const result = JSON.parse(data) as RunResult;
    return result && typeof result === 'object' && typeof result.status === 'string' ? result : undefined;
  } catch {
    return undefined; // damaged markup, or the file did not come: the static results still read
  }
}

async function fetchText(href: string): Promise<string | undefined> {
  const response = await fetch(href);
  return response.ok ? response.text() : undefined;
}

/** The tab selected in the static results, so the live ones open on the same. */
export function staticSelectedTab(area: HTMLElement): string | undefined {
  return area.querySelector<HTMLElement>('.wb-results[data-snapshot] [role="tab"][aria-selected="true"]')?.dataset.view;
}

/** Cells waiting to have their recorded results brought to life, in page order. */
const waiting: Array<() => void> = [];
let draining = false;

/** Each cell waits at most this long for an idle moment (idle.ts: never while a run is on its way). */
const DRAIN_STEP_TIMEOUT_MS = 2000;

/** One cell per idle moment, so the page never does all of them in one long task. */
function drain(): void {
  const next = waiting.shift();
  if (!next) {
    draining = false;
    return;
  }
  next();
  whenIdle(drain, DRAIN_STEP_TIMEOUT_MS);
}

/**
 * Calls `bringToLife` once: as soon as the learner reaches for the results
 * (pointer or focus), or else in its turn once the page has loaded and the
 * browser is idle (one cell per idle moment, in page order, and none while a
 * learner's run is on its way), so every recorded result is live shortly after
 * load without a long task.
 */
export function whenResultsWanted(area: HTMLElement, bringToLife: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    area.removeEventListener('pointerenter', once);
    area.removeEventListener('focusin', once);
    bringToLife();
  };
  area.addEventListener('pointerenter', once);
  area.addEventListener('focusin', once);
  waiting.push(once);
  if (draining) return;
  draining = true;
  afterLoadWhenIdle(drain, 3000);
}
