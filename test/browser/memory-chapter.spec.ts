/**
 * The memory chapter as a learner meets it, in real Chromium against the built
 * site: every cell on the page (exercise starters included) is run with its own
 * Run button, must end the way its fence expects, and every result tab it
 * offers must render. The memory views must show real figures, not an empty
 * state, and the page must log no error on the way.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';

const CHAPTER = '/memory/';

/** Memory views that must have data after a run that ended as expected. */
const MEMORY_VIEWS = new Set(['memory-lines', 'memory-timeline', 'heap', 'bench']);

function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  return errors;
}

/**
 * Runs a cell and waits for its live result. Some cells finish in a few
 * milliseconds, too fast to catch the "running" state, so the test waits for
 * the live result to replace the recorded one and for the cell to be idle.
 */
async function runAndWait(cell: Locator): Promise<void> {
  await cell.locator('.wb-cell-run').click();
  await expect(cell.locator('.wb-results:not([data-recorded])')).toHaveCount(1, { timeout: 90_000 });
  await expect(cell).toHaveAttribute('data-state', 'idle', { timeout: 90_000 });
}

/** Opens each live result tab of a cell and checks that its view rendered something. */
async function checkEveryTab(cell: Locator, cellId: string): Promise<void> {
  const tabs = cell.locator('.wb-results:not([data-recorded]) [role="tab"]');
  const count = await tabs.count();
  for (let index = 0; index < count; index++) {
    const tab = tabs.nth(index);
    const view = (await tab.getAttribute('data-view')) ?? '';
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    const panel = cell.locator(`.wb-results:not([data-recorded]) .wb-results-panel[data-view="${view}"]`);
    await expect(panel).toBeVisible();
    await expect(panel.locator('.wb-view-loading'), `${cellId}: the ${view} view keeps loading`).toHaveCount(0, { timeout: 30_000 });
    await expect(panel.locator('.wb-view-failed'), `${cellId}: the ${view} view failed`).toHaveCount(0);
    if (MEMORY_VIEWS.has(view)) {
      await expect(panel.locator('.wb-view-empty'), `${cellId}: the ${view} view has nothing to show`).toHaveCount(0);
    }
    await expect(panel, `${cellId}: the ${view} view is empty`).not.toBeEmpty();
  }
}

test.describe('the memory chapter', () => {
  test.describe.configure({ timeout: 900_000 });

  test('every cell runs without an error and every view it offers renders', async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.goto(CHAPTER);
    const cells = page.locator('wb-cell');
    await expect(cells.first().locator('.wb-cell-run')).toBeVisible();
    const count = await cells.count();
    expect(count, 'cells on the memory page').toBeGreaterThanOrEqual(15);

    const ids: string[] = [];
    for (let index = 0; index < count; index++) {
      const cell = cells.nth(index);
      const id = (await cell.getAttribute('data-cell-id')) ?? `#${index}`;
      ids.push(id);
      await cell.scrollIntoViewIfNeeded();
      await runAndWait(cell);
      const options = JSON.parse((await cell.getAttribute('data-options')) ?? '{}') as { expect?: string };
      const expected = options.expect ?? 'ok';
      await expect(cell, `${id} ended differently`).toHaveAttribute('data-status', expected);
      if (expected === 'ok') {
        await expect(cell.locator('.wb-cell-results .wb-error-head'), `${id} shows an error`).toHaveCount(0);
      }
      await checkEveryTab(cell, id);
    }

    expect(ids).toEqual(expect.arrayContaining(['memory-eater', 'views-and-copies', 'leaky-cache', 'streaming', 'out-of-memory']));
    expect(errors).toEqual([]);
  });

  test('the memory eater shows its line table, its timeline and the heap, with the drop back to the baseline', async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.goto(CHAPTER);
    const cell = page.locator('wb-cell[data-cell-id="memory-eater"]');
    await cell.scrollIntoViewIfNeeded();
    await runAndWait(cell);
    await expect(cell).toHaveAttribute('data-status', 'ok');
    const live = cell.locator('.wb-results:not([data-recorded])');

    await live.locator('[role="tab"][data-view="memory-lines"]').click();
    const lines = live.locator('.wb-results-panel[data-view="memory-lines"]');
    await expect(lines).toContainText('numbers = null');
    await expect(lines).toContainText('numbers.concat(numbers)');
    // The drop removes everything the list held: a negative increment of about 15.3 MB.
    await expect(lines).toContainText(/[-−]15\.[23]/);

    await live.locator('[role="tab"][data-view="memory-timeline"]').click();
    const timeline = live.locator('.wb-results-panel[data-view="memory-timeline"]');
    await expect(timeline.locator('svg').first()).toBeVisible();
    await expect(timeline).toContainText('eatMemory');

    await live.locator('[role="tab"][data-view="heap"]').click();
    await expect(live.locator('.wb-results-panel[data-view="heap"]')).not.toBeEmpty();
    expect(errors).toEqual([]);
  });
});
