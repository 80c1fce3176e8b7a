/**
 * The memory views in real Chromium, on the memory chapter's `memory-eater`
 * cell (show=memory-lines,memory-timeline,heap,bench): each tab renders the
 * figures the run produced; the charts are Observable Plot SVGs that follow
 * the theme; a phone-sized screen keeps them inside the page.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { pressRun } from './support/press-run';
import { replaceCode } from './support/editing';

const CHAPTER = '/memory/';

function eaterCell(page: Page): Locator {
  return page.locator('wb-cell[data-cell-id="memory-eater"]');
}

function panel(cell: Locator, view: string): Locator {
  return cell.locator(`.wb-cell-results .wb-results-panel[data-view="${view}"]`);
}

async function openTab(cell: Locator, view: string): Promise<Locator> {
  await cell.locator(`.wb-results-tabs [role="tab"][data-view="${view}"]`).click();
  const p = panel(cell, view);
  await expect(p).toBeVisible();
  return p;
}

async function runAndWait(cell: Locator): Promise<void> {
  await pressRun(cell);
  await expect(cell).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });
}

/** The cells of a memory_profiler row (after "Line #"), by line number. */
async function lineRow(p: Locator, line: number): Promise<string[]> {
  return p.locator(`tr[data-line="${line}"] td`).allTextContents();
}

test.describe('memory views on the memory eater', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(CHAPTER);
    await expect(eaterCell(page).locator('.wb-cell-run')).toBeVisible();
  });

  test('memory-lines, memory-timeline and heap show the run\'s figures', async ({ page }) => {
    const cell = eaterCell(page);
    await runAndWait(cell);
    await expect(cell).toHaveAttribute('data-status', 'ok');

    const lines = await openTab(cell, 'memory-lines');
    await expect(lines.getByRole('columnheader')).toHaveText(['Line #', 'Mem usage', 'Peak', 'Increment', 'Occurrences', 'Line Contents']);
    // 500,000 numbers × 8 bytes: +3.815 MB (binary, memory_profiler's MiB); doubled twice: +3.815, +7.629; dropped: −15.259.
    const grow = await lineRow(lines, 13);
    expect(grow[2]).toBe('3.815 MB');
    expect(grow[3]).toBe('1');
    expect((await lineRow(lines, 15))[2]).toBe('3.815 MB');
    expect((await lineRow(lines, 17))[2]).toBe('7.629 MB');
    expect((await lineRow(lines, 20))[2]).toBe('-15.259 MB');
    // The line that drops the list peaked at the full list before it let go.
    const drop = await lineRow(lines, 20);
    expect(parseFloat(drop[1]) - parseFloat(drop[0])).toBeGreaterThan(15);
    expect((await lineRow(lines, 23)).slice(0, 4)).toEqual(['', '', '', '']); // the closing brace never ran
    await expect(lines.locator('.wb-mem-note').first()).toContainText('wasm memory');

    const timeline = await openTab(cell, 'memory-timeline');
    await expect(timeline.locator('[data-fact="peak"]')).toHaveText(/^15\.\d MB at \d+\.\d{3} s$/);
    await expect(timeline.locator('[data-fact="span"]')).toHaveText(/\(\d+\.\d{3} s\)$/);
    const chart = timeline.locator('.wb-mem-chart svg');
    await expect(chart.first()).toBeVisible();
    await expect(chart.first()).toContainText('peak 15.');
    await expect(chart.first()).toContainText('eatMemory');

    const heap = await openTab(cell, 'heap');
    await expect(heap.getByRole('table').locator('caption')).toHaveText('before → after');
    await expect(heap.locator('[data-fact="heap-summary"]')).toBeVisible();

    // The tabs work from the keyboard: arrows move between the views.
    await cell.locator('.wb-results-tabs [role="tab"][data-view="heap"]').focus();
    await page.keyboard.press('ArrowLeft');
    await expect(cell.locator('.wb-results-tabs [role="tab"][data-view="memory-timeline"]')).toHaveAttribute('aria-selected', 'true');
  });

  test('bench: compare() in the cell gives a table with relative speed and a chart', async ({ page }) => {
    // The memory chapter's benchmark cell (typed-speed) offers the bench view.
    const cell = page.locator('wb-cell[data-cell-id="typed-speed"]');
    await replaceCode(
      page,
      cell,
      'function sumTo(n) { let s = 0; for (let i = 0; i < n; i++) s += i; return s; }\n' +
        'compare({ short: () => sumTo(200), long: () => sumTo(4000) }, { repeat: 3 });\n' +
        'growth(sumTo, [1000, 2000, 4000, 8000], { repeat: 2 });',
    );
    await runAndWait(cell);
    const bench = await openTab(cell, 'bench');
    const relative = bench.locator('[data-fact="relative"]');
    await expect(relative).toHaveCount(2);
    await expect(relative.first()).toHaveText('fastest');
    await expect(relative.nth(1)).toHaveText(/^\d+(\.\d+)?× slower$/);
    await expect(bench.locator('[data-fact="slope"]')).toHaveText(/slope \d\.\d\d on log-log axes/);
    await expect(bench.locator('section[data-kind="compare"] .wb-mem-chart svg')).toBeVisible();
    await expect(bench.locator('section[data-kind="growth"] .wb-mem-chart svg')).toContainText('slope');
    // The console shows the same results as text.
    const consoleTab = await openTab(cell, 'console');
    await expect(consoleTab).toContainText('compare short vs long');
  });

  test('on a 390 px phone the views stay inside the page, and dark mode recolours the chart', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(CHAPTER);
    const cell = eaterCell(page);
    await runAndWait(cell);
    const timeline = await openTab(cell, 'memory-timeline');
    const svg = timeline.locator('.wb-mem-chart svg').first();
    await expect(svg).toBeVisible();
    const box = await svg.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390 + 1);
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(390);
    const colour = () => svg.evaluate((el) => getComputedStyle(el).color);
    const before = await colour();
    await page.evaluate(() => {
      document.documentElement.dataset.theme = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
    });
    await expect.poll(colour).not.toBe(before);
  });
});
