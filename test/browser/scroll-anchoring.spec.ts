/**
 * The reader's place holds while the page above them changes height
 * (src/styles/scroll-anchoring.css). By construction: on each chapter, a
 * heading far down the page is scrolled to the top, then 500 px of content is
 * put above it, as a cell's results coming to life would; the heading must
 * stay where the reader saw it. And the real case: a reader who follows a link
 * to an exercise still has it in view once the cells above have come to life.
 */
import { expect, test, type Page } from '@playwright/test';
import { waitForEveryBlock } from './support/offscreen-blocks';

const CHAPTERS = ['/profiling/', '/optimisation/', '/memory/'];
/** A recorded cell whose results have come to life (recorded-results.ts): its live views replaced the static ones. */
const ALIVE = 'wb-cell[data-recorded] .wb-results[data-recorded]:not([data-snapshot])';

/**
 * Waits until every recorded cell has come to life. The page does one per idle moment after load,
 * and a live view need not be exactly as tall as the static one it replaces: a cell doing so during
 * a measure would move the page by itself.
 */
async function waitForCellsAlive(page: Page): Promise<void> {
  await expect(page.locator(ALIVE)).toHaveCount(await page.locator('wb-cell[data-recorded]').count(), { timeout: 60_000 });
}
const WIDTHS = [1280, 390]; // Starlight's wide layout (a flex row with the sidebar), and a phone

/** Where the heading is in the viewport before and after 500 px appear above it. */
async function growAbove(page: Page): Promise<{ before: number; after: number }> {
  return page.evaluate(async () => {
    const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const headings = [...document.querySelectorAll<HTMLElement>('.sl-markdown-content h2')];
    const heading = headings[Math.floor(headings.length / 2)];
    heading.scrollIntoView();
    await frames();
    const before = heading.getBoundingClientRect().top;
    const added = document.createElement('div');
    added.style.height = '500px';
    document.querySelector('.sl-markdown-content')!.prepend(added);
    await frames();
    return { before, after: heading.getBoundingClientRect().top };
  });
}

for (const width of WIDTHS) {
  for (const chapter of CHAPTERS) {
    test(`${chapter} at ${width} px: growth above the reader does not move what they read`, async ({ page }) => {
      test.setTimeout(120_000); // up to 20 cells come to life, one per idle moment
      await page.setViewportSize({ width, height: 800 });
      await page.goto(chapter);
      // Until then, a jump can land beside a block still held in place with a guessed size (offscreen-blocks.css).
      await waitForEveryBlock(page);
      // By construction, the 500 px below must be the only change: a loaded CI run once measured a
      // heading 37 px off at 390 px, a cell coming to life beside it within the measure.
      await waitForCellsAlive(page);
      const { before, after } = await growAbove(page);
      expect(Math.abs(after - before), `the heading moved from ${before} px to ${after} px`).toBeLessThanOrEqual(1);
    });
  }
}

test('a link to an exercise keeps it in view while the cells above come to life', async ({ page }) => {
  // The page brings one cell to life per idle moment, each within 2 s (recorded-results.ts):
  // 20 cells take at most 40 s on a machine that is never idle.
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/profiling/#exercise-slowest-line');
  const exercise = page.locator('#exercise-slowest-line');
  await waitForCellsAlive(page);
  const top = await exercise.evaluate((element) => element.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(0);
  expect(top).toBeLessThan(720);
});
