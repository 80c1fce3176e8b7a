import type { Page } from '@playwright/test';

/** A chapter's blocks, which the page renders only near the screen while it loads (src/styles/offscreen-blocks.css). */
export const CHAPTER_BLOCKS = '.sl-markdown-content > *';

/**
 * Waits until the page has rendered every block of the chapter, which it does when it is first
 * idle after load (src/components/cell/offscreen-blocks.ts). For checks that judge the whole page
 * at once: a skipped block has no boxes to hit-test (axe's contrast), its overflow is hidden from
 * the page's width, and a jump to a skipped block can land off its mark.
 */
export async function waitForEveryBlock(page: Page): Promise<void> {
  if ((await page.locator('wb-cell').count()) === 0) return; // a page without cells contains nothing
  await page.locator('html[data-blocks-rendered]').waitFor({ state: 'attached', timeout: 30_000 });
}

/** Keeps the page's idle callbacks from running until releaseIdleCallbacks (call before goto). */
export async function holdIdleCallbacks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const held: Array<() => void> = [];
    const state = window as unknown as { requestIdleCallback: (callback: () => void) => number; __releaseIdle: () => void };
    state.requestIdleCallback = (callback) => held.push(callback);
    state.__releaseIdle = () => {
      for (const callback of held.splice(0)) callback();
    };
  });
}

export async function releaseIdleCallbacks(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __releaseIdle: () => void }).__releaseIdle());
}
