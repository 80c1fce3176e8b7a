/**
 * The profiling chapter as a learner meets it, in real Chromium against the
 * built site: every cell on the page is run with its own Run button, must end
 * the way its fence expects, and every result tab it offers must render
 * without a broken view. The page itself must log no error on the way.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';

const CHAPTER = '/profiling/';

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

/** Presses Run and resolves with the status of that run (the cell's wb-cell-ran event). */
async function runAndWait(cell: Locator): Promise<string> {
  const ran = cell.evaluate(
    (element) =>
      new Promise<string>((resolve) =>
        element.addEventListener('wb-cell-ran', (event) => resolve((event as CustomEvent).detail.result.status), { once: true }),
      ),
  );
  await cell.locator('.wb-cell-run').click();
  const status = await ran;
  await expect(cell).toHaveAttribute('data-state', 'idle');
  return status;
}

/** Opens each result tab of a cell in turn and checks that its view rendered. */
async function checkEveryTab(cell: Locator, cellId: string): Promise<void> {
  const tabs = cell.locator('.wb-results:not([data-recorded]) [role="tab"]');
  const count = await tabs.count();
  expect(count, `${cellId}: result tabs`).toBeGreaterThan(1);
  for (let index = 0; index < count; index++) {
    const tab = tabs.nth(index);
    const view = (await tab.getAttribute('data-view')) ?? '';
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    const panel = cell.locator(`.wb-results:not([data-recorded]) .wb-results-panel[data-view="${view}"]`);
    await expect(panel).toBeVisible();
    await expect(panel.locator('.wb-view-loading'), `${cellId}: the ${view} view keeps loading`).toHaveCount(0, {
      timeout: 30_000,
    });
    await expect(panel.locator('.wb-view-failed'), `${cellId}: the ${view} view failed`).toHaveCount(0);
    if (PROFILE_VIEWS.has(view)) {
      await expect(panel.locator('.wb-view-empty'), `${cellId}: the ${view} view has no profile`).toHaveCount(0);
    }
    await expect(panel, `${cellId}: the ${view} view is empty`).not.toBeEmpty();
  }
}

test.describe('the profiling chapter', () => {
  test.describe.configure({ timeout: 600_000 });

  test('every cell runs without an error and every view it offers renders', async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.goto(CHAPTER);
    const cells = page.locator('wb-cell');
    await expect(cells.first().locator('.wb-cell-run')).toBeVisible();
    const count = await cells.count();
    expect(count, 'cells on the profiling page').toBeGreaterThanOrEqual(8);

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
      if (expected === 'ok') {
        await expect(cell.locator('.wb-cell-results .wb-error-head'), `${id} shows an error`).toHaveCount(0);
      }
      await checkEveryTab(cell, id);
    }

    expect(ids).toEqual(expect.arrayContaining(['sleeper', 'complicated']));
    expect(errors).toEqual([]);
  });

  test('the sleeper table reads 6 calls and about 6 s for the sleep built-in', async ({ page }) => {
    await page.goto(CHAPTER);
    const cell = page.locator('wb-cell#cell-sleeper');
    await cell.scrollIntoViewIfNeeded();
    expect(await runAndWait(cell)).toBe('ok');
    await cell.locator('.wb-results:not([data-recorded]) [role="tab"][data-view="profile"]').click();
    const sleepRow = cell.locator('.wb-results-panel[data-view="profile"] tbody tr[data-builtin]', {
      hasText: /\{built-in[^}]*\bsleep\}/,
    });
    await expect(sleepRow).toHaveCount(1);
    const figures = (await sleepRow.locator('td').allInnerTexts()).map((text) => text.trim());
    // ncalls, tottime, percall, cumtime, percall, name: the seconds printed with three decimals.
    expect(figures[0]).toBe('6');
    expect(Number(figures[1])).toBeGreaterThanOrEqual(5.99);
    expect(Number(figures[1])).toBeLessThanOrEqual(6.06);
  });
});
