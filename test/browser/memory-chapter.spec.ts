/**
 * The memory chapter as a learner meets it, in real Chromium against the built
 * site: every cell on the page (exercise starters included) is run with its own
 * Run button, must end the way its fence expects, and every result tab it
 * offers must render. The memory views must show real figures, not an empty
 * state, and the page must log no error on the way.
 */
import { expect, test } from '@playwright/test';
import { collectPageErrors, runAndWait, runEveryCell } from './support/chapter-cells';

const CHAPTER = '/memory/';

test.describe('the memory chapter', () => {
  test.describe.configure({ timeout: 900_000 });

  test('every cell runs without an error and every view it offers renders', async ({ page }) => {
    const { ids, errors } = await runEveryCell(page, CHAPTER, 15);

    expect(ids).toEqual(
      expect.arrayContaining(['memory-eater', 'views-and-copies', 'leaky-cache', 'streaming', 'streaming-speed', 'retainers', 'block-sizes', 'out-of-memory', 'small-summaries-code']),
    );
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
