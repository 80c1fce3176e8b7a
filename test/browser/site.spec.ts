/**
 * The site shell in real Chromium against the built site: every page opens,
 * navigation and search are there, the theme switches the cells' colours, code
 * is highlighted and results recorded with JavaScript disabled, nothing is
 * fetched from another origin, the pages are cross-origin isolated, and a
 * 390 px wide phone never scrolls sideways.
 */
import { expect, test, type Page } from '@playwright/test';
import { watchForeignRequests } from './support/hardening';
import { waitForEveryBlock } from './support/offscreen-blocks';

const PAGES = [
  { path: '/', title: 'The workbook', cells: false },
  { path: '/profiling/', title: 'Profiling', cells: true },
  { path: '/optimisation/', title: 'Optimisation', cells: true },
  { path: '/memory/', title: 'Memory', cells: true },
];
const CHAPTERS = PAGES.filter((page) => page.cells);

/** The computed colour of the first `const` keyword of the first cell. */
async function keywordColour(page: Page): Promise<string> {
  return page
    .locator('wb-cell .wb-cell-code pre.shiki span')
    .filter({ hasText: /^\s*(const|function|let)$/ })
    .first()
    .evaluate((span) => getComputedStyle(span).color);
}

test.describe('pages and navigation', () => {
  for (const { path, title, cells } of PAGES) {
    test(`${path} opens with its title, sidebar, search and ${cells ? 'cells' : 'no cells'}`, async ({ page, baseURL }) => {
      const foreign = watchForeignRequests(page, baseURL!);
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.locator('main h1')).toHaveText(title);

      const sidebar = page.locator('nav.sidebar, #starlight__sidebar').first();
      for (const label of ['Start here', 'Profiling', 'Optimisation', 'Memory']) {
        // Chapter links may carry a progress badge after the name ("Profiling 0/3").
        await expect(sidebar.getByRole('link', { name: new RegExp(`^${label}\\b`) })).toHaveCount(1);
      }
      await expect(page.locator('site-search button').first()).toBeAttached();
      await expect(page.locator('starlight-theme-select select').first()).toBeAttached();

      await expect(page.locator('wb-run-all')).toHaveCount(cells ? 1 : 0);
      if (cells) {
        expect(await page.locator('wb-cell').count()).toBeGreaterThan(0);
        // The cell element arrives as a bundled module file, never as inline code.
        const cellScripts = await page.locator('script[type="module"][src*="CellScripts"]').count();
        expect(cellScripts).toBe(1);
      }
      await page.waitForLoadState('networkidle');
      expect(foreign).toEqual([]);
    });
  }

  test('sidebar links lead to the chapters, with prev/next between them', async ({ page }) => {
    await page.goto('/');
    await page.locator('nav.sidebar, #starlight__sidebar').first().getByRole('link', { name: /^Optimisation\b/ }).click();
    await expect(page).toHaveURL(/\/optimisation\/$/);
    await expect(page.locator('main h1')).toHaveText('Optimisation');
    await expect(page.locator('.pagination-links a[rel="prev"]')).toContainText('Profiling');
    await expect(page.locator('.pagination-links a[rel="next"]')).toContainText('Memory');
  });

  test('the search dialog opens and finds chapter text', async ({ page }) => {
    await page.goto('/profiling/');
    await page.locator('site-search button[data-open-modal]').click();
    const input = page.locator('site-search dialog input');
    await expect(input).toBeVisible();
    await input.fill('profiler');
    await expect(page.locator('site-search .pagefind-ui__result').first()).toBeVisible();
  });
});

test.describe('served headers', () => {
  test('pages, scripts and the worker world are cross-origin isolated', async ({ page }) => {
    const response = await page.goto('/profiling/');
    const headers = response!.headers();
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['cross-origin-embedder-policy']).toBe('require-corp');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    const script = await page.locator('script[type="module"][src]').first().getAttribute('src');
    const scriptResponse = await page.request.get(script!);
    expect(scriptResponse.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  });
});

test.describe('theme', () => {
  test('the theme toggle switches cell colours between github-dark and github-light', async ({ page }) => {
    await page.goto('/profiling/');
    const select = page.locator('starlight-theme-select select').first();
    await select.selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const dark = await keywordColour(page);
    const darkBackground = await page.locator('wb-cell .wb-cell-code').first().evaluate((el) => getComputedStyle(el).backgroundColor);

    await select.selectOption('light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    const light = await keywordColour(page);
    const lightBackground = await page.locator('wb-cell .wb-cell-code').first().evaluate((el) => getComputedStyle(el).backgroundColor);

    // github-dark's keyword is #F97583, github-light's #D73A49.
    expect(dark).toBe('rgb(249, 117, 131)');
    expect(light).toBe('rgb(215, 58, 73)');
    expect(darkBackground).toBe('rgb(36, 41, 46)');
    expect(lightBackground).toBe('rgb(255, 255, 255)');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const { path } of CHAPTERS) {
    test(`${path}: code is highlighted and results are recorded`, async ({ page }) => {
      await page.goto(path);
      const cells = page.locator('wb-cell');
      const count = await cells.count();
      expect(count).toBeGreaterThan(0);
      for (let index = 0; index < count; index++) {
        const cell = cells.nth(index);
        const code = cell.locator('.wb-cell-code pre.shiki');
        await expect(code).toBeVisible();
        // At least two different token colours: the code is really highlighted.
        const colours = await code.locator('span span').evaluateAll((spans) => new Set(spans.map((s) => getComputedStyle(s).color)).size);
        expect(colours).toBeGreaterThan(1);
      }
      // Every recorded cell shows its result in the static page.
      const recorded = page.locator('wb-cell[data-recorded] .wb-cell-results');
      expect(await recorded.count()).toBeGreaterThan(0);
      await expect(recorded.first()).toContainText(/recorded when the site was built/i);
    });
  }
});

test.describe('phone width', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const { path } of PAGES) {
    test(`${path} has no horizontal scroll at 390 px`, async ({ page }) => {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await waitForEveryBlock(page);
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(widths.client).toBe(390);
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      // Long code scrolls inside its own box instead of widening the page.
      for (const box of await page.locator('wb-cell .wb-cell-code').all()) {
        const right = await box.evaluate((el) => el.getBoundingClientRect().right);
        expect(right).toBeLessThanOrEqual(390);
      }
    });
  }
});
