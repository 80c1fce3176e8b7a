/**
 * The optimisation chapter as a learner meets it, in real Chromium against the
 * built site: every cell on the page (exercise starters included) is run with
 * its own Run button and must finish without an error, and every result tab it
 * offers must render. The page itself must log no error on the way.
 */
import { amdahlProblems } from '../content/support/amdahl-output';
import { expect, test } from '@playwright/test';
import { collectPageErrors, runAndWait, runEveryCell } from './support/chapter-cells';

const CHAPTER = '/optimisation/';

test.describe('the optimisation chapter', () => {
  test.describe.configure({ timeout: 900_000 });

  test('every cell runs without an error and every view it offers renders', async ({ page }) => {
    const { ids, errors } = await runEveryCell(page, CHAPTER, 17);

    expect(ids).toEqual(
      expect.arrayContaining([
        'measuring', 'amdahl', 'predict-the-speedup-code', 'efficient', 'efficient-timed', 'cubes', 'duplicates', 'set-keys',
        'find-duplicates-code', 'memo', 'first-call', 'workflow', 'binary-search-bins-code',
      ]),
    );
    expect(errors).toEqual([]);
  });

  test("the amdahl cell prints Amdahl's prediction and the same measured speed-up", async ({ page }) => {
    await page.goto(CHAPTER);
    const cell = page.locator('wb-cell#cell-amdahl');
    await cell.scrollIntoViewIfNeeded();
    await runAndWait(cell);
    await expect(cell).toHaveAttribute('data-status', 'ok');
    const output = cell.locator('.wb-results:not([data-recorded]) .wb-results-panel[data-view="console"]');
    await expect(output).toContainText('fitModel 100× faster');
    // One console line per element: the same text the Node content test reads.
    const lines = await output.locator('.wb-console-line').allInnerTexts();
    expect(amdahlProblems(lines.join('\n'))).toEqual([]);
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
