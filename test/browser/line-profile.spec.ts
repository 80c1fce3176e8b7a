/**
 * Time per line in real Chromium, on the profiling chapter's `word-report`
 * cell (show=line-profile,console): after a run the code's gutter carries heat
 * marks on the profiled lines, the hottest the hottest; a click or Enter on a
 * line-table row highlights that line in the code; a click on a marked code
 * line marks the table's row. On the sleeper (show=profile,…), a table row
 * sends the reader to the function's definition by mouse and by keyboard, and
 * a built-in row says it has no source.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { pressRun } from './support/press-run';

const CHAPTER = '/profiling/';

const cell = (page: Page, id: string): Locator => page.locator(`wb-cell[data-cell-id="${id}"]`);

async function runAndWait(c: Locator): Promise<void> {
  await pressRun(c);
  await expect(c).toHaveAttribute('data-state', 'idle', { timeout: 120_000 });
}

test.describe('time per line', () => {
  test('gutter heat, and links between the line table and the code', async ({ page }) => {
    await page.goto(CHAPTER);
    const c = cell(page, 'word-report');
    await runAndWait(c);
    const table = c.locator('.wb-cell-results .wb-lp-lines');
    await expect(table).toBeVisible();
    const hottestLine = Number(await table.locator('tr[data-hottest]').getAttribute('data-line'));
    const codeLines = c.locator('.wb-cell-code .line');
    // Heat on the hottest line is the highest level on any line.
    const levels = await codeLines.evaluateAll((lines) => lines.map((l) => Number((l as HTMLElement).dataset.heat ?? 0)));
    expect(levels[hottestLine - 1]).toBe(Math.max(...levels));
    expect(levels.filter((l) => l > 0).length).toBeGreaterThan(3);
    await expect(codeLines.nth(hottestLine - 1)).toHaveAttribute('title', /% of wordReport's time/);

    // Table row -> code, by mouse.
    await table.locator('tr[data-line="13"]').click();
    await expect(codeLines.nth(12)).toHaveClass(/wb-line-target/);
    // ... and by keyboard.
    await table.locator(`tr[data-line="${hottestLine}"]`).focus();
    await page.keyboard.press('Enter');
    await expect(codeLines.nth(hottestLine - 1)).toHaveClass(/wb-line-target/);
    await expect(c.locator('.wb-cell-code .wb-line-target')).toHaveCount(1);

    // Code line -> table row.
    await codeLines.nth(13).click();
    await expect(table.locator('tr[data-highlighted]')).toHaveAttribute('data-line', '14');
  });

  test('a profile table row points at its definition; a built-in says it has none', async ({ page }) => {
    await page.goto(CHAPTER);
    const c = cell(page, 'sleeper');
    await runAndWait(c);
    const rows = c.locator('.wb-cell-results .wb-stats tbody tr[tabindex]');
    const fn = rows.filter({ hasText: '(function1)' });
    await fn.click();
    const line = Number((await fn.textContent())!.match(/:(\d+)\(function1\)/)![1]);
    await expect(c.locator('.wb-cell-code .line').nth(line - 1)).toHaveClass(/wb-line-target/);
    const sleep = rows.filter({ hasText: 'sleep' }).filter({ hasText: 'built-in' }).first();
    await sleep.focus();
    await page.keyboard.press('Enter');
    await expect(c.locator('.wb-cell-notice[data-notice="source"]')).toContainText('is a built-in: no source to show');
  });
});
