/**
 * Results where the learner reads them (issue 16): recorded results are live on
 * a freshly loaded page (no Run), the first tab is the first view the cell's
 * show= names, the learner's tab survives a Run, a hit limit can be raised from
 * its message, cells carry visible names, and code is never cut off.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { pressRun } from './support/press-run';
import { replaceCode } from './support/editing';

function cellById(page: Page, id: string): Locator {
  return page.locator(`wb-cell[data-cell-id="${id}"]`);
}

/** The recorded results once they are live (hydrated): tabs and views driven by React. */
function liveRecorded(cell: Locator): Locator {
  return cell.locator('.wb-results[data-recorded]:not([data-snapshot])');
}

test.describe('recorded results on a freshly loaded page', () => {
  test('the call graph is drawn into the page at build time, and opens first when show= names it first', async ({ page, request }) => {
    // The HTML as served, before any script: the graph is already an SVG.
    const html = await (await request.get('/profiling/')).text();
    const start = html.indexOf('id="cell-sleeper-graph"');
    expect(start).toBeGreaterThan(0);
    const cellHtml = html.slice(start, html.indexOf('</wb-cell>', start));
    expect(cellHtml).toContain('<svg');
    expect(cellHtml).not.toContain('Laying out the graph');

    await page.goto('/profiling/');
    const cell = cellById(page, 'sleeper-graph');
    const selected = cell.locator('[role="tab"][aria-selected="true"]');
    await expect(selected).toHaveAttribute('data-view', 'callgraph');
    await expect(cell.locator('.wb-results-panel[data-view="callgraph"] svg')).toBeVisible();
  });

  test('sorting, callers and the call graph work on recorded results with no Run', async ({ page }) => {
    await page.goto('/profiling/');
    const cell = cellById(page, 'sleeper');
    await cell.scrollIntoViewIfNeeded();
    await cell.locator('.wb-cell-results').hover();
    const live = liveRecorded(cell);
    await expect(live).toBeVisible();
    await expect(live.locator('.wb-results-recorded')).toContainText('Recorded when the site was built');
    // The profile tab opens first (show=profile,...) and its headings sort.
    const panel = live.locator('.wb-results-panel[data-view="profile"]');
    await expect(panel).toBeVisible();
    const ncalls = panel.getByRole('columnheader', { name: /ncalls/ });
    await expect(ncalls).toHaveAttribute('aria-sort', 'none');
    await ncalls.getByRole('button').click();
    await expect(ncalls).toHaveAttribute('aria-sort', 'descending');
    // A row opens its callers and callees.
    const row = panel.locator('.wb-stats-table tbody tr').filter({ hasText: /function1/ }).first();
    await row.click();
    await expect(panel.locator('.wb-stats-partners-row')).toContainText(/called/);
    // The call graph tab shows the graph at once (no Run, no endless "Laying out").
    await live.locator('[role="tab"][data-view="callgraph"]').click();
    await expect(live.locator('.wb-results-panel[data-view="callgraph"] svg')).toBeVisible();
    await expect(cell).not.toHaveAttribute('data-status', /.+/); // nothing ran
  });

  test('a large recorded result comes from a file of its own, and comes to life with the numbers the page shows', async ({ page, request, browser, baseURL }) => {
    // As served: the complicated cell's 0.8 MB profile is not in the page, which points at its file.
    const html = await (await request.get('/profiling/')).text();
    const start = html.indexOf('data-cell-id="complicated"');
    const cellHtml = html.slice(start, html.indexOf('</wb-cell>', start));
    const block = /<script type="application\/json" data-cell-recorded="" data-src="([^"]+)"><\/script>/.exec(cellHtml);
    expect(block, 'the data block names a file').not.toBeNull();
    const file = await request.get(block![1]);
    expect(file.ok()).toBe(true);
    expect((await file.json()).profile.spans.length).toBeGreaterThan(1000);

    const row = (results: Locator) => results.locator('.wb-results-panel[data-view="profile"] .wb-stats-table tbody tr').filter({ hasText: /prepY/ }).first();
    // The row as the build rendered it, read with scripts off: on a live page the recorded
    // results may come to life (and replace it) before the test gets to read it.
    const scriptsOff = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const staticPage = await scriptsOff.newPage();
    await staticPage.goto('/profiling/');
    const recordedRow = (await row(cellById(staticPage, 'complicated').locator('.wb-results[data-snapshot]')).textContent())!;
    await scriptsOff.close();
    expect(recordedRow).toMatch(/\d/);

    await page.goto('/profiling/');
    const cell = cellById(page, 'complicated');
    await cell.scrollIntoViewIfNeeded();
    await cell.locator('.wb-cell-results').hover();
    const live = liveRecorded(cell);
    await expect(live).toBeVisible();
    await live.locator('[role="tab"][data-view="profile"]').click();
    // The live table, from the fetched file, shows what the build's static table shows.
    await expect(row(live)).toHaveText(recordedRow);
    await expect(cell).not.toHaveAttribute('data-status', /.+/); // nothing ran
  });

  test('no recorded result comes to life while a Run clicked at load is on its way, and all do after it', async ({ page }) => {
    // The Run is clicked from the load event (an init script's listener comes before the page's),
    // and every frame until its result is on screen counts the live recorded results of the page.
    await page.addInitScript(() => {
      const state = window as unknown as { __runAtLoad?: Promise<{ liveDuringRun: number; frames: number }> };
      state.__runAtLoad = new Promise((resolve) => {
        window.addEventListener('load', () => {
          const cell = document.querySelector<HTMLElement>('wb-cell[data-cell-id="sleeper-time"]')!;
          const countLive = () => document.querySelectorAll('.wb-results[data-recorded]:not([data-snapshot])').length;
          let liveDuringRun = countLive();
          let frames = 0;
          let sawRunning = false;
          const watch = () => {
            frames++;
            liveDuringRun = Math.max(liveDuringRun, countLive());
            if (cell.dataset.state === 'running') sawRunning = true;
            if (sawRunning && cell.dataset.state === 'idle') resolve({ liveDuringRun, frames });
            else requestAnimationFrame(watch);
          };
          cell.querySelector<HTMLButtonElement>('.wb-cell-run')!.click();
          requestAnimationFrame(watch);
        });
      });
    });
    await page.goto('/profiling/');
    const during = await page.evaluate(() => (window as unknown as { __runAtLoad: Promise<{ liveDuringRun: number; frames: number }> }).__runAtLoad);
    expect(during.frames).toBeGreaterThan(0);
    expect(during.liveDuringRun).toBe(0);
    await expect(cellById(page, 'sleeper-time')).toHaveAttribute('data-status', 'ok');
    // Then the held work resumes: every cell's recorded results come to life, one per idle moment.
    const recordedCells = await page.locator('wb-cell:has(script[data-cell-recorded])').count();
    expect(recordedCells).toBeGreaterThan(5);
    // The sleeper-time cell shows its own run now, not its recording.
    await expect(page.locator('.wb-results[data-recorded]:not([data-snapshot])')).toHaveCount(recordedCells - 1, { timeout: 60_000 });
  });

  test("the learner's tab choice survives a Run", async ({ page }) => {
    await page.goto('/profiling/');
    const cell = cellById(page, 'sleeper');
    await cell.scrollIntoViewIfNeeded();
    await cell.locator('[role="tab"][data-view="tree"]').click();
    await pressRun(cell);
    await expect(cell).toHaveAttribute('data-status', 'ok', { timeout: 60_000 });
    await expect(cell.locator('.wb-results:not([data-recorded]) [role="tab"][aria-selected="true"]')).toHaveAttribute('data-view', 'tree');
  });
});

test.describe('limits and names', () => {
  test('a time limit is raised from its message, and the run then finishes', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('/profiling/');
    const cell = cellById(page, 'sleeper-time');
    await cell.scrollIntoViewIfNeeded();
    // Busy for a little longer than the default 10 s limit: the first run hits it.
    await replaceCode(page, cell, 'const start = performance.now();\nwhile (performance.now() - start < 10500) {}\nconsole.log("finished");');
    await pressRun(cell);
    await expect(cell).toHaveAttribute('data-status', 'timeout', { timeout: 60_000 });
    const raise = cell.locator('.wb-console-status button.wb-raise-limit');
    await expect(raise).toHaveText('Run again with a 30 s limit');
    await expect(cell.locator('.wb-console-status')).not.toContainText('timeout=');
    await raise.click();
    await expect(cell).toHaveAttribute('data-status', 'ok', { timeout: 90_000 });
    await cell.locator('[role="tab"][data-view="console"]').click();
    await expect(cell.locator('.wb-results-panel[data-view="console"]')).toContainText('finished');
  });

  test('every cell shows its name, which links to the cell', async ({ page }) => {
    await page.goto('/profiling/#cell-two-profilers-sampling');
    const cell = cellById(page, 'two-profilers-sampling');
    await expect(cell).toBeInViewport();
    const names = page.locator('wb-cell .wb-cell-name');
    const ids = await page.locator('wb-cell').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-cell-id')));
    await expect(names).toHaveText(ids as string[]);
    await expect(cell.locator('.wb-cell-name')).toHaveAttribute('href', '#cell-two-profilers-sampling');
  });
});

for (const width of [390, 1280, 1920]) {
  test(`no cell's code is cut off at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    for (const chapter of ['/profiling/', '/optimisation/', '/memory/']) {
      await page.goto(chapter);
      const cut = await page.locator('wb-cell .wb-cell-code').evaluateAll((boxes) =>
        boxes.filter((box) => box.scrollWidth > box.clientWidth + 1).map((box) => box.closest('wb-cell')?.getAttribute('data-cell-id')),
      );
      expect(cut, `${chapter} at ${width} px`).toEqual([]);
    }
  });
}

test('in dark mode the call graph has no white page behind it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.addInitScript(() => localStorage.setItem('starlight-theme', 'dark'));
  await page.goto('/profiling/');
  // Read the live graph: the static one is replaced when the recorded results come to life.
  await expect(cellById(page, 'sleeper-graph').locator('.wb-results[data-snapshot]')).toHaveCount(0, { timeout: 60_000 });
  const page0 = cellById(page, 'sleeper-graph').locator('.wb-callgraph-canvas svg > g > polygon').first();
  await expect(page0).toBeAttached();
  const fill = await page0.evaluate((polygon) => getComputedStyle(polygon).fill);
  expect(fill).toMatch(/transparent|rgba\(0, 0, 0, 0\)/);
  const background = await cellById(page, 'sleeper-graph').locator('.wb-callgraph').first().evaluate((box) => getComputedStyle(box).backgroundColor);
  expect(background).not.toBe('rgb(255, 255, 255)');
});

test.describe('the expanded inspector', () => {
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ]) {
    test(`opens wide at ${width} px: icicle across the width, its table with names, Esc closes and focus returns`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height });
      await page.goto('/profiling/');
      const cell = cellById(page, 'complicated');
      await cell.scrollIntoViewIfNeeded();
      await cell.locator('.wb-cell-results').hover();
      const expand = liveRecorded(cell).locator('.wb-results-expand');
      await expand.click();
      const dialog = page.locator('dialog.wb-inspector');
      await expect(dialog).toBeVisible();
      const box = (await dialog.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(width * (width < 600 ? 0.99 : 0.9));
      expect(box.height).toBeGreaterThanOrEqual(height * (width < 600 ? 0.99 : 0.9));
      // It opens on the tab the learner was reading: the icicle (show=icicle,...).
      const icicle = dialog.locator('.wb-icicle').first();
      await expect(icicle).toBeVisible();
      const icicleWidth = (await icicle.boundingBox())!.width;
      if (width >= 1280) expect(icicleWidth).toBeGreaterThanOrEqual(1000);
      else expect(icicleWidth).toBeGreaterThanOrEqual(width * 0.85);
      // The linked table has room for the functions' names.
      const randomInt = dialog.locator('.wb-stats-table tbody tr').filter({ hasText: /myFunc/ }).first();
      await expect(randomInt).toBeVisible();
      if (width >= 1280) {
        const nameCell = randomInt.locator('td.wb-stats-name');
        expect(await nameCell.evaluate((td) => td.scrollWidth <= td.clientWidth + 1)).toBe(true);
      }
      // The split between chart and table moves with the keyboard.
      const handle = dialog.getByRole('separator', { name: /Resize the chart/ });
      const before = Number(await handle.getAttribute('aria-valuenow'));
      await handle.focus();
      await page.keyboard.press('ArrowDown');
      await expect(handle).toHaveAttribute('aria-valuenow', String(before + 24));
      await page.screenshot({ path: testInfo.outputPath(`inspector-${width}.png`) });
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
      await expect(expand).toBeFocused();
    });
  }
});
