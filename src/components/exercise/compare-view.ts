/**
 * "My code vs the solution": the learner's current code and the reference
 * solution side by side, each as a live cell (the <wb-cell> element, built
 * from the markup contract in src/markdown/cell-hast.ts) that runs exactly like
 * the starter cell: same views, same limits, same hidden setup.
 */
import { plainCode } from '../cell/code-view';

export interface CompareInput {
  exerciseId: string;
  chapter: string;
  title: string;
  mine: string;
  solution: string;
  /** The starter cell, whose options, views and setup both sides copy. */
  starter: HTMLElement | null;
  filename: string;
}

function codeBlock(code: string, label: string): HTMLElement {
  const wrapper = document.createElement('div');
  wrapper.className = 'wb-cell-code';
  wrapper.tabIndex = 0;
  wrapper.setAttribute('aria-label', `${label}, press Enter to edit`);
  const lines = Math.max(1, code.replace(/\n$/, '').split('\n').length);
  wrapper.dataset.lines = String(lines);
  wrapper.style.setProperty('--wb-lines', String(lines));
  wrapper.append(plainCode(code));
  return wrapper;
}

function liveCell(input: CompareInput, side: 'mine' | 'solution', code: string): HTMLElement {
  const cellId = `${input.exerciseId}-${side}`;
  const label = side === 'mine' ? 'My code' : 'The solution';
  const cell = document.createElement('wb-cell');
  cell.id = `cell-${cellId}`;
  cell.className = 'wb-cell not-content';
  cell.dataset.cellId = cellId;
  // A chapter of its own, so edits made here never mix with the chapter's cells.
  cell.dataset.chapter = `compare:${input.chapter}`;
  cell.dataset.show = input.starter?.dataset.show ?? 'console';
  cell.dataset.filename = input.filename;
  let options: Record<string, string> = {};
  try {
    options = JSON.parse(input.starter?.dataset.options ?? '{}') as Record<string, string>;
  } catch {
    options = {};
  }
  cell.dataset.options = JSON.stringify({ ...options, id: cellId });

  let setup: string | undefined;
  try {
    const source = JSON.parse(input.starter?.querySelector(':scope > script[data-cell-source]')?.textContent ?? '{}') as { setup?: string };
    setup = source.setup;
  } catch {
    setup = undefined;
  }
  const data = document.createElement('script');
  data.type = 'application/json';
  data.dataset.cellSource = '';
  // Set through the DOM, never parsed as HTML: plain JSON is safe here.
  data.textContent = JSON.stringify(setup ? { code, setup } : { code });
  const toolbar = document.createElement('div');
  toolbar.className = 'wb-cell-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', label);
  const results = document.createElement('div');
  results.className = 'wb-cell-results';
  results.setAttribute('aria-live', 'polite');
  cell.append(data, toolbar, codeBlock(code, label), results);
  return cell;
}

export function buildCompare(input: CompareInput): HTMLElement {
  const section = document.createElement('section');
  section.className = 'wb-exercise-compare';
  section.setAttribute('aria-label', `My code vs the solution: ${input.title}`);
  const heading = document.createElement('p');
  heading.className = 'wb-exercise-compare-title';
  heading.textContent = 'My code vs the solution';
  const columns = document.createElement('div');
  columns.className = 'wb-exercise-compare-columns';
  for (const [side, code, label] of [
    ['mine', input.mine, 'My code (as it is now in the exercise)'],
    ['solution', input.solution, 'The solution'],
  ] as const) {
    const column = document.createElement('div');
    column.className = `wb-exercise-compare-column wb-exercise-compare-${side}`;
    const title = document.createElement('p');
    title.className = 'wb-exercise-compare-label';
    title.textContent = label;
    column.append(title, liveCell(input, side, code));
    columns.append(column);
  }
  section.append(heading, columns);
  return section;
}
