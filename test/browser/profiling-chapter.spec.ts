/**
 * The profiling chapter as a learner meets it, in real Chromium against the
 * built site: every cell on the page is run with its own Run button, must end
 * the way its fence expects, and every result tab it offers must render
 * without a broken view. The page itself must log no error on the way.
 */
import { expect, test } from '@playwright/test';
import { collectPageErrors, runAndWait, runEveryCell } from './support/chapter-cells';

const CHAPTER = '/profiling/';

test.describe('the profiling chapter', () => {
  test.describe.configure({ timeout: 600_000 });

  test('every cell runs without an error and every view it offers renders', async ({ page }) => {
    const { ids, errors } = await runEveryCell(page, CHAPTER, 8);

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
    // Six simulated seconds, plus the real time the calls took, which a loaded machine stretches:
    // bounded by the run's own real time (its wall time less the time it slept), not a fixed allowance.
    const realS = await cell.evaluate((el) => {
      const { timing } = (el as unknown as { lastResult: { timing: { wallMs: number; simulatedMs: number } } }).lastResult;
      return (timing.wallMs - timing.simulatedMs) / 1000;
    });
    expect(Number(figures[1])).toBeGreaterThanOrEqual(5.99);
    expect(Number(figures[1])).toBeLessThanOrEqual(6 + realS + 0.001);
  });
});
