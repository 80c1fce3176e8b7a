/**
 * The optimisation chapter as a learner meets it, in real Chromium against the
 * built site: every cell on the page (exercise starters included) is run with
 * its own Run button and must finish without an error, and every result tab it
 * offers must render. The page itself must log no error on the way.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';

const CHAPTER = '/optimisation/';

/** Views that need a profile: after a successful run they must never say "nothing to show". */
const PROFILE_VIEWS = new Set(['profile', 'callgraph', 'icicle', 'tree', 'timeline']);

function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  return errors;
}

/**
 * Runs a cell once and waits for its live result. Some cells finish in a few
 * milliseconds, too fast to see the "running" state, so the test waits for
 * what every finished run leaves behind: live (not build-time) results and an
 * idle cell.
 */
async function runAndWait(cell: Locator): Promise<void> {
  await expect(cell.locator('.wb-results:not([data-recorded])'), 'the cell already has a live result').toHaveCount(0);
  await cell.locator('.wb-cell-run').click();
  await expect(cell.locator('.wb-results:not([data-recorded])')).toHaveCount(1, { timeout: 90_000 });
  await expect(cell).toHaveAttribute('data-state', 'idle', { timeout: 90_000 });
}

/** Opens each live result tab of a cell in turn and checks that its view rendered. */
async function checkEveryTab(cell: Locator, cellId: string): Promise<void> {
  const tabs = cell.locator('.wb-results:not([data-recorded]) [role="tab"]');
  const count = await tabs.count();
  if (count === 0) {
    // A cell with one view shows it without tabs.
    const results = cell.locator('.wb-results:not([data-recorded])');
    await expect(results.locator('.wb-view-failed'), `${cellId}: its view failed`).toHaveCount(0);
    await expect(results, `${cellId}: its result is empty`).not.toBeEmpty();
    return;
  }
  for (let index = 0; index < count; index++) {
    const tab = tabs.nth(index);
    const view = (await tab.getAttribute('data-view')) ?? '';
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    const panel = cell.locator(`.wb-results:not([data-recorded]) .wb-results-panel[data-view="${view}"]`);
    await expect(panel).toBeVisible();
    await expect(panel.locator('.wb-view-loading'), `${cellId}: the ${view} view keeps loading`).toHaveCount(0, { timeout: 30_000 });
    await expect(panel.locator('.wb-view-failed'), `${cellId}: the ${view} view failed`).toHaveCount(0);
    if (PROFILE_VIEWS.has(view)) {
      await expect(panel.locator('.wb-view-empty'), `${cellId}: the ${view} view has no profile`).toHaveCount(0);
    }
    await expect(panel, `${cellId}: the ${view} view is empty`).not.toBeEmpty();
  }
}

test.describe('the optimisation chapter', () => {
  test.describe.configure({ timeout: 900_000 });

  test('every cell runs without an error and every view it offers renders', async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.goto(CHAPTER);
    const cells = page.locator('wb-cell');
    await expect(cells.first().locator('.wb-cell-run')).toBeVisible();
    const count = await cells.count();
    expect(count, 'cells on the optimisation page').toBeGreaterThanOrEqual(14);

    const ids: string[] = [];
    for (let index = 0; index < count; index++) {
      const cell = cells.nth(index);
      const id = (await cell.getAttribute('data-cell-id')) ?? `#${index}`;
      ids.push(id);
      await cell.scrollIntoViewIfNeeded();
      await runAndWait(cell);
      await expect(cell, `${id} did not end normally`).toHaveAttribute('data-status', 'ok');
      await expect(cell.locator('.wb-cell-results .wb-error-head'), `${id} shows an error`).toHaveCount(0);
      await checkEveryTab(cell, id);
    }

    expect(ids).toEqual(
      expect.arrayContaining(['measuring', 'efficient', 'efficient-timed', 'cubes', 'duplicates', 'memo', 'first-call', 'workflow']),
    );
    expect(errors).toEqual([]);
  });

  test('the efficient cell says the two versions agree, and its profile counts 20,001 calls of Math.sqrt', async ({ page }) => {
    await page.goto(CHAPTER);
    const cell = page.locator('wb-cell#cell-efficient');
    await cell.scrollIntoViewIfNeeded();
    await runAndWait(cell);
    await expect(cell).toHaveAttribute('data-status', 'ok');
    await cell.locator('.wb-results:not([data-recorded]) [role="tab"][data-view="console"]').click();
    await expect(cell.locator('.wb-results:not([data-recorded]) .wb-results-panel[data-view="console"]')).toContainText('same results: true');
    await cell.locator('.wb-results:not([data-recorded]) [role="tab"][data-view="profile"]').click();
    const sqrtRow = cell.locator('.wb-results-panel[data-view="profile"] tbody tr', { hasText: 'Math.sqrt' });
    await expect(sqrtRow).toHaveCount(1);
    const figures = (await sqrtRow.locator('td').allInnerTexts()).map((text) => text.trim().replace(/,/g, ''));
    expect(figures[0]).toBe('20001');
  });
});
