/**
 * Running a chapter the way a learner does, shared by the chapter specs: every
 * cell is run with its own Run button, must end the way its fence expects
 * (`expect=` option, default ok), and every result tab it offers must render a
 * view that is neither loading, failed nor empty.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { pressRun } from './press-run';

/** Views that need data from the run: after it, they must never say "nothing to show". */
const DATA_VIEWS = new Set(['profile', 'callgraph', 'icicle', 'tree', 'timeline', 'memory-lines', 'memory-timeline', 'heap', 'bench']);

export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  return errors;
}

/**
 * Presses Run and resolves with the status of that run, from the cell's
 * wb-cell-ran event (some cells finish too fast to catch a "running" state).
 */
export async function runAndWait(cell: Locator): Promise<string> {
  const ran = cell.evaluate(
    (element) =>
      new Promise<string>((resolve) =>
        element.addEventListener('wb-cell-ran', (event) => resolve((event as CustomEvent).detail.result.status), { once: true }),
      ),
  );
  await pressRun(cell);
  const status = await ran;
  await expect(cell).toHaveAttribute('data-state', 'idle', { timeout: 90_000 });
  return status;
}

/** Opens each live result tab of a cell in turn and checks that its view rendered. */
export async function checkEveryTab(cell: Locator, cellId: string): Promise<void> {
  const live = cell.locator('.wb-results:not([data-recorded])');
  const tabs = live.locator('[role="tab"]');
  const count = await tabs.count();
  if (count === 0) {
    // A cell with one view shows it without tabs.
    await expect(live.locator('.wb-view-failed'), `${cellId}: its view failed`).toHaveCount(0);
    await expect(live, `${cellId}: its result is empty`).not.toBeEmpty();
    return;
  }
  for (let index = 0; index < count; index++) {
    const tab = tabs.nth(index);
    const view = (await tab.getAttribute('data-view')) ?? '';
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    const panel = live.locator(`.wb-results-panel[data-view="${view}"]`);
    await expect(panel).toBeVisible();
    await expect(panel.locator('.wb-view-loading'), `${cellId}: the ${view} view keeps loading`).toHaveCount(0, { timeout: 30_000 });
    await expect(panel.locator('.wb-view-failed'), `${cellId}: the ${view} view failed`).toHaveCount(0);
    if (DATA_VIEWS.has(view)) {
      await expect(panel.locator('.wb-view-empty'), `${cellId}: the ${view} view has nothing to show`).toHaveCount(0);
    }
    await expect(panel, `${cellId}: the ${view} view is empty`).not.toBeEmpty();
  }
}

/**
 * Opens a chapter, runs every cell on it in page order and checks each result.
 * Returns the ids of the cells it ran and the errors the page logged.
 */
export async function runEveryCell(page: Page, chapter: string, minCells: number): Promise<{ ids: string[]; errors: string[] }> {
  const errors = collectPageErrors(page);
  await page.goto(chapter);
  const cells = page.locator('wb-cell');
  await expect(cells.first().locator('.wb-cell-run')).toBeVisible();
  const count = await cells.count();
  expect(count, `cells on ${chapter}`).toBeGreaterThanOrEqual(minCells);
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const cell = cells.nth(index);
    const id = (await cell.getAttribute('data-cell-id')) ?? `#${index}`;
    ids.push(id);
    await cell.scrollIntoViewIfNeeded();
    const status = await runAndWait(cell);
    const options = JSON.parse((await cell.getAttribute('data-options')) ?? '{}') as { expect?: string };
    const expected = options.expect ?? 'ok';
    expect(status, `${id} ended differently`).toBe(expected);
    await expect(cell).toHaveAttribute('data-status', expected);
    if (expected === 'ok') await expect(cell.locator('.wb-cell-results .wb-error-head'), `${id} shows an error`).toHaveCount(0);
    await checkEveryTab(cell, id);
  }
  return { ids, errors };
}
