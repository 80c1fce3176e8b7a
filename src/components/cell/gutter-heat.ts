/**
 * Heat marks in the code's gutter after a run that timed lines or functions
 * (or measured memory per line): each `span.line` of the static code view gets
 * `data-heat` (1..5) and a tooltip with its share. The editor gets the same
 * marks through EditorHandle.setLineHeat. Clicking a marked line tells the
 * views (LINE_EVENT), so the line table marks its row.
 */
import type { LineHeat } from '../../sandbox/lines/heat';
import { LINE_EVENT } from '../views/source-link';
import './gutter-heat.css';

/** 1..5, so CSS and Monaco class names can colour a few steps. */
export function heatLevel(share: number): number {
  return Math.max(1, Math.min(5, Math.ceil(share * 5)));
}

export function applyGutterHeat(root: HTMLElement, heat: LineHeat[]): void {
  clearGutterHeat(root);
  const lines = root.querySelectorAll<HTMLElement>('.line');
  for (const h of heat) {
    const target = lines[h.line - 1];
    if (!target || h.share <= 0) continue;
    target.dataset.heat = String(heatLevel(h.share));
    target.dataset.heatLabel = h.label;
    target.title = h.label;
  }
}

export function clearGutterHeat(root: HTMLElement): void {
  for (const marked of root.querySelectorAll<HTMLElement>('.line[data-heat]')) {
    delete marked.dataset.heat;
    delete marked.dataset.heatLabel;
    marked.removeAttribute('title');
  }
}

/** Marks a line as the one a view pointed at, and scrolls it into view. */
export function highlightSourceLine(root: HTMLElement, line: number): boolean {
  for (const old of root.querySelectorAll('.wb-line-target')) old.classList.remove('wb-line-target');
  const target = root.querySelectorAll<HTMLElement>('.line')[line - 1];
  if (!target) return false;
  target.classList.add('wb-line-target');
  target.scrollIntoView?.({ block: 'nearest' });
  return true;
}

/** A click on a heat-marked line tells the cell's views which line it was. */
export function forwardLineClicks(root: HTMLElement, cell: HTMLElement, cellId: () => string): void {
  root.addEventListener('click', (event) => {
    const line = (event.target as Element | null)?.closest?.('.line');
    if (!line || !(line as HTMLElement).dataset.heat) return;
    const index = [...root.querySelectorAll('.line')].indexOf(line);
    cell.dispatchEvent(new CustomEvent(LINE_EVENT, { detail: { cellId: cellId(), line: index + 1 }, bubbles: true }));
  });
}
