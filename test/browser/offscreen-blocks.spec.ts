/**
 * While a chapter loads, the page renders only the blocks near the screen, and every block once it
 * is first idle (src/styles/offscreen-blocks.css, src/components/cell/offscreen-blocks.ts).
 * Checked in the real browser, with the page's idle callbacks held to open that window at will:
 * - before idle, a block far down is skipped and the first is rendered, and a skipped block is
 *   rendered once the reader scrolls to it; once idle, every block is rendered;
 * - a page opened at a fragment renders every block from the start, and so does following a link
 *   within the page (the table of contents) before idle: the jump lands on the real layout;
 * - containment cuts nothing off: no element of any block reaches beyond the block's box plus the
 *   clip margin, on every chapter, wide and on a phone;
 * - a cell whose editor opens gives containment up (the editor's pop-ups are fixed).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { CHAPTER_BLOCKS, holdIdleCallbacks, releaseIdleCallbacks, waitForEveryBlock } from './support/offscreen-blocks';

const CHAPTERS = ['/profiling/', '/optimisation/', '/memory/'];
/**
 * The clip margin, in rem, read from the stylesheet itself: once every block is rendered the rule no
 * longer applies, so the page's computed style cannot give it.
 */
const CLIP_MARGIN_REM = Number(
  /overflow-clip-margin:\s*([\d.]+)rem/.exec(readFileSync(new URL('../../src/styles/offscreen-blocks.css', import.meta.url), 'utf8'))?.[1],
);

/** Whether the contents of the block at `index` are rendered now (none is while content-visibility skips them). */
function rendered(page: Page, index: number): Promise<boolean> {
  return page.evaluate(
    ({ selector, index }) =>
      [...document.querySelectorAll(selector)[index].querySelectorAll('*')].some((element) => element.checkVisibility({ contentVisibilityAuto: true })),
    { selector: CHAPTER_BLOCKS, index },
  );
}

/** The first block with elements in it (on the screen at load) and the last cell (far below it). */
function firstAndLast(page: Page): Promise<number[]> {
  return page.locator(CHAPTER_BLOCKS).evaluateAll((blocks) => [
    blocks.findIndex((block) => block.firstElementChild),
    blocks.findLastIndex((block) => block.localName === 'wb-cell'),
  ]);
}

const containment = (page: Page, index: number) =>
  page.locator(CHAPTER_BLOCKS).nth(index).evaluate((element) => getComputedStyle(element).contentVisibility);

/**
 * Every element that would stick out of its block by more than the clip margin, outside any box
 * that clips it anyway. Empty when containment cuts nothing off. Measured with every block rendered.
 */
function overhangs(page: Page): Promise<string[]> {
  expect(CLIP_MARGIN_REM, 'the clip margin, in rem, in offscreen-blocks.css').toBeGreaterThan(0);
  return page.evaluate(({ selector, marginRem }) => {
    const blocks = [...document.querySelectorAll<HTMLElement>(selector)];
    const margin = marginRem * parseFloat(getComputedStyle(document.documentElement).fontSize);
    const found: string[] = [];
    // What a box clips itself (a table that scrolls sideways) cannot reach past it.
    const clipsItself = (style: CSSStyleDeclaration) => style.overflowX !== 'visible' || style.overflowY !== 'visible';
    for (const block of blocks) {
      const edge = block.getBoundingClientRect();
      const walk = (element: Element) => {
        for (const child of element.children) {
          const style = getComputedStyle(child);
          if (style.display === 'none') continue;
          const box = child.getBoundingClientRect();
          const out = edge.left - box.left > margin || box.right - edge.right > margin || edge.top - box.top > margin || box.bottom - edge.bottom > margin;
          // A one-pixel box clipped to nothing (a visually hidden label) paints nothing.
          const paintsNothing = style.clip === 'rect(0px, 0px, 0px, 0px)' || (box.width <= 1 && box.height <= 1);
          if (out && box.width + box.height > 0 && !paintsNothing) {
            found.push(`${block.tagName.toLowerCase()}.${block.className} > ${child.tagName.toLowerCase()}.${String(child.className).split(' ')[0]}`);
          }
          if (!clipsItself(style)) walk(child);
        }
      };
      if (!clipsItself(getComputedStyle(block))) walk(block);
    }
    return found;
  }, { selector: CHAPTER_BLOCKS, marginRem: CLIP_MARGIN_REM });
}

for (const chapter of CHAPTERS) {
  test(`${chapter}: only the blocks near the screen are rendered until the page is idle, then all`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await holdIdleCallbacks(page);
    await page.goto(chapter);
    expect(await page.locator(CHAPTER_BLOCKS).count()).toBeGreaterThan(40);
    const [first, last] = await firstAndLast(page);
    expect(await containment(page, last)).toBe('auto');
    expect(await rendered(page, first)).toBe(true);
    expect(await rendered(page, last)).toBe(false);
    await page.locator(CHAPTER_BLOCKS).nth(last).scrollIntoViewIfNeeded();
    await expect.poll(() => rendered(page, last)).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await releaseIdleCallbacks(page);
    await waitForEveryBlock(page);
    expect(await containment(page, last)).toBe('visible');
    await expect.poll(() => rendered(page, last)).toBe(true);
  });

  test(`${chapter}: opened at a fragment, every block is rendered from the start`, async ({ page }) => {
    await holdIdleCallbacks(page);
    await page.goto(chapter);
    const heading = await page.locator('.sl-markdown-content h2').last().getAttribute('id');
    await page.goto(`${chapter}#${heading}`);
    const [, last] = await firstAndLast(page);
    expect(await containment(page, last)).toBe('visible');
  });

  test(`${chapter}: following the table of contents before idle renders every block first, and the heading stays put`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await holdIdleCallbacks(page);
    await page.goto(chapter);
    const link = page.locator('starlight-toc a[href^="#"]').last();
    const id = (await link.getAttribute('href'))!.slice(1);
    await link.click();
    await expect(page.locator('html')).toHaveAttribute('data-blocks-rendered', '');
    // Several frames later (when a skipped block near it would have been rendered), the heading is where the jump put it.
    const tops = await page.evaluate(async (target) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const heading = document.getElementById(target)!;
      const at = [heading.getBoundingClientRect().top];
      for (let i = 0; i < 8; i++) await frame();
      at.push(heading.getBoundingClientRect().top);
      return at;
    }, id);
    expect(tops[0]).toBeGreaterThanOrEqual(0);
    expect(tops[0]).toBeLessThan(300);
    expect(Math.abs(tops[1] - tops[0])).toBeLessThanOrEqual(1);
  });

  for (const width of [1280, 390]) {
    test(`${chapter} at ${width} px: containment cuts nothing off`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(chapter);
      await waitForEveryBlock(page);
      expect(await overhangs(page)).toEqual([]);
    });
  }
}

test('a cell whose editor opens is not contained, so the editor pop-ups are placed on the page', async ({ page }) => {
  await holdIdleCallbacks(page);
  await page.goto('/profiling/');
  const cell = page.locator('wb-cell').first();
  const cellContainment = () => cell.evaluate((element) => getComputedStyle(element).contentVisibility);
  expect(await cellContainment()).toBe('auto');
  await cell.locator('.wb-cell-code').click();
  await expect(cell).toHaveAttribute('data-editor', /monaco|textarea/);
  expect(await cellContainment()).toBe('visible');
});
