/**
 * The learner's flow through a live cell, in real Chromium against the built
 * site: run, edit, reload, reset and undo, stop a runaway loop, a syntax
 * error, a shared link, broken storage, Run all, and never a request to
 * another origin.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { pressRun } from './support/press-run';
import axe from 'axe-core';
import { codeOf, replaceCode as typeCode } from './support/editing';
import { openConsole, watchForeignRequests } from './support/hardening';

/** Replaces the whole text as a learner would, and waits until the cell reports it. */
async function replaceCode(page: Page, cell: Locator, code: string): Promise<void> {
  await typeCode(page, cell, code);
  await expect.poll(() => codeOf(cell)).toBe(code);
}

const CHAPTER = '/profiling/';

function firstCell(page: Page): Locator {
  return page.locator('wb-cell').first();
}

function consolePanel(cell: Locator): Locator {
  return cell.locator('.wb-cell-results .wb-results-panel[data-view="console"]');
}

async function originalOf(cell: Locator): Promise<string> {
  return cell.evaluate((element) => JSON.parse(element.querySelector('[data-cell-source]')!.textContent!).code as string);
}

/** Waits until the cell's edits are in localStorage (saving is debounced). */
async function savedCode(page: Page, cell: Locator): Promise<string | undefined> {
  const id = await cell.getAttribute('data-cell-id');
  return page.evaluate((cellId) => {
    const key = Object.keys(localStorage).find((name) => name.endsWith(`/${cellId}`));
    return key ? (JSON.parse(localStorage.getItem(key)!) as { code: string }).code : undefined;
  }, id);
}

async function runAndWait(cell: Locator): Promise<void> {
  await pressRun(cell);
  await expect(cell).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });
  await showConsole(cell);
}

/** The console tab (the first cell opens on its Time tab, as its show= says). */
async function showConsole(cell: Locator): Promise<void> {
  const tab = cell.locator('.wb-results:not([data-snapshot]) [role="tab"][data-view="console"]');
  if (await tab.count()) await tab.click();
}

test.describe('a live cell', () => {
  let foreign: string[] = [];

  test.beforeEach(async ({ page, baseURL }) => {
    foreign = watchForeignRequests(page, baseURL!);
    await page.goto(CHAPTER);
    await expect(firstCell(page).locator('.wb-cell-run')).toBeVisible();
    // The first cell opens on its Time tab (show=time,console); these tests read its console,
    // and the learner's choice of tab holds across runs.
    await firstCell(page).locator('[role="tab"][data-view="console"]').first().click();
  });

  test.afterEach(() => {
    expect(foreign, 'requests to another origin').toEqual([]);
  });

  test('runs and shows the same output the build recorded', async ({ page }) => {
    const cell = firstCell(page);
    const recorded = await cell
      .locator('.wb-results[data-recorded] .wb-results-panel[data-view="console"] .wb-console-line .wb-console-text')
      .allTextContents();
    await runAndWait(cell);
    await expect(cell).toHaveAttribute('data-status', 'ok');
    await expect(cell.locator('.wb-results[data-recorded]')).toHaveCount(0);
    const live = await consolePanel(cell).locator('.wb-console-line .wb-console-text').allTextContents();
    if (recorded.length > 0) expect(live).toEqual(recorded);
    await expect((await openConsole(cell)).locator('.wb-console-time')).toContainText('real');
    await expect(cell.locator('.wb-cell-status')).toContainText('Done in');
  });

  test('edit, re-run, reload: the edits are still there; reset and undo', async ({ page }) => {
    const cell = firstCell(page);
    const original = await originalOf(cell);
    await replaceCode(page, cell, 'const answer = 6 * 7;\nconsole.log("answer", answer);');
    await expect(cell.locator('.wb-cell-badge-modified')).toBeVisible();
    await runAndWait(cell);
    await expect(await openConsole(cell)).toContainText('answer 42');

    // Ctrl/Cmd+Enter in the editor runs too.
    await replaceCode(page, cell, 'console.log("by keyboard", 1 + 1);');
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(await openConsole(cell)).toContainText('by keyboard 2');

    await expect.poll(() => savedCode(page, cell)).toBe('console.log("by keyboard", 1 + 1);');
    await page.reload();
    const again = firstCell(page);
    await expect(again.locator('.wb-cell-badge-modified')).toBeVisible();
    expect(await codeOf(again)).toBe('console.log("by keyboard", 1 + 1);');
    await expect(again.locator('.wb-cell-code')).toContainText('by keyboard');
    // Once the page is idle the restored code is highlighted like the original, not left plain.
    await expect(again.locator('.wb-cell-code pre.shiki')).toContainText('by keyboard', { timeout: 15_000 });
    await expect(again.locator('.wb-cell-code pre.wb-cell-plain')).toHaveCount(0);

    await again.locator('.wb-cell-reset').click();
    expect(await codeOf(again)).toBe(original);
    await expect(again.locator('.wb-cell-badge-modified')).toBeHidden();
    const notice = again.locator('.wb-cell-notice[data-notice="reset"]');
    await expect(notice).toBeVisible();
    await notice.getByRole('button', { name: 'Undo' }).click();
    expect(await codeOf(again)).toBe('console.log("by keyboard", 1 + 1);');
    await expect(again.locator('.wb-cell-badge-modified')).toBeVisible();

    // The undo is saved too: a reload keeps the learner's code.
    await page.reload();
    expect(await codeOf(firstCell(page))).toBe('console.log("by keyboard", 1 + 1);');
  });

  test('Stop ends a runaway loop, the page stays responsive, the next run works', async ({ page }) => {
    const cell = firstCell(page);
    await replaceCode(page, cell, 'while (true) {}');
    await pressRun(cell);
    await expect(cell).toHaveAttribute('data-state', 'running');
    await expect(cell.locator('.wb-cell-elapsed')).toBeVisible(); // shown once a run passes ~300 ms
    await expect(cell.locator('.wb-cell-elapsed')).toHaveText(/^\d+\.\d s$/);
    // The main thread is free while the worker spins: the page answers and scrolls.
    expect(await page.evaluate(() => document.querySelectorAll('wb-cell').length)).toBeGreaterThan(0);
    await page.mouse.wheel(0, 200);
    await cell.locator('.wb-cell-stop').click();
    await expect(cell).toHaveAttribute('data-state', 'idle');
    await expect(cell).toHaveAttribute('data-status', 'stopped');
    await expect(cell.locator('.wb-cell-status')).toHaveText('Stopped');
    await expect(await openConsole(cell)).toContainText('Stopped');

    await replaceCode(page, cell, 'console.log("alive again")');
    await runAndWait(cell);
    await expect(cell).toHaveAttribute('data-status', 'ok');
    await expect(await openConsole(cell)).toContainText('alive again');
  });

  test('a syntax error names line:column and marks the spot in the editor', async ({ page }) => {
    const cell = firstCell(page);
    await replaceCode(page, cell, 'let a = 1;\nlet b = 2;\nlet c = (a + ;');
    await runAndWait(cell);
    await expect(cell).toHaveAttribute('data-status', 'error');
    await expect((await openConsole(cell)).locator('.wb-error-head')).toContainText('SyntaxError');
    const where = consolePanel(cell).locator('.wb-error-where');
    await expect(where).toHaveAttribute('data-line', '3');
    await expect(where).toContainText(/:3:\d+ \(line 3, column \d+\)/);
    if ((await cell.getAttribute('data-editor')) === 'monaco') {
      await expect(cell.locator('.monaco-editor .squiggly-error').first()).toBeVisible();
    } else {
      await expect(cell.locator('.wb-editor__problems')).toContainText('line 3');
    }

    // Without the editor (after a reload the saved code is shown as static text), the line is marked there.
    await expect.poll(() => savedCode(page, cell)).toBe('let a = 1;\nlet b = 2;\nlet c = (a + ;');
    await page.reload();
    const reloaded = firstCell(page);
    await runAndWait(reloaded);
    await expect(reloaded).not.toHaveAttribute('data-editor', /.+/);
    const marked = reloaded.locator('.wb-cell-code .line.wb-line-error');
    await expect(marked).toHaveCount(1);
    await expect(marked).toHaveText('let c = (a + ;');
  });

  test('a runtime error QuickJS misplaces is shown and marked at its true line', async ({ page }) => {
    // QuickJS reports this at 1:1; the sandbox recovers line 3 from the source and says so.
    const code = 'const a = 1;\nconst b = 2;\nconst c = missingThing + b;\nconsole.log(c);';
    const cell = firstCell(page);
    await replaceCode(page, cell, code);
    await runAndWait(cell);
    await expect(cell).toHaveAttribute('data-status', 'error');
    await expect((await openConsole(cell)).locator('.wb-error-head')).toContainText('ReferenceError');
    const where = consolePanel(cell).locator('.wb-error-where');
    await expect(where).toHaveAttribute('data-line', '3');
    await expect(where).toContainText('(position recovered from the source)');
    if ((await cell.getAttribute('data-editor')) === 'monaco') {
      // The squiggle sits on the line that holds missingThing.
      const squiggle = cell.locator('.monaco-editor .squiggly-error').first();
      await expect(squiggle).toBeVisible();
      const line = cell.locator('.monaco-editor .view-line', { hasText: 'missingThing' });
      const [mark, row] = [await squiggle.boundingBox(), await line.boundingBox()];
      const middle = mark!.y + mark!.height / 2;
      expect(middle).toBeGreaterThanOrEqual(row!.y);
      expect(middle).toBeLessThanOrEqual(row!.y + row!.height);
    } else {
      await expect(cell.locator('.wb-editor__problems')).toContainText('line 3');
    }
    // Without the editor (after a reload), the static code marks the same line.
    await expect.poll(() => savedCode(page, cell)).toBe(code);
    await page.reload();
    const reloaded = firstCell(page);
    await runAndWait(reloaded);
    const marked = reloaded.locator('.wb-cell-code .line.wb-line-error');
    await expect(marked).toHaveCount(1);
    await expect(marked).toHaveText('const c = missingThing + b;');
  });

  test('the Time tab names busy time for what it is: the page has no CPU clock', async ({ page }) => {
    const cell = firstCell(page);
    await runAndWait(cell);
    await expect(cell.locator('.wb-console-time')).toContainText('busy ');
    await cell.getByRole('tab', { name: 'Time' }).click();
    const time = cell.locator('.wb-time');
    await expect(time.locator('tbody th')).toHaveText(['real', 'busy', 'simulated', 'timer resolution']);
    await expect(time).toContainText('busy time: wall minus simulated');
  });

  test('output appears while a long run is still going', async ({ page }) => {
    const cell = firstCell(page);
    await replaceCode(
      page,
      cell,
      // Busy for ~400 ms of real time between lines (no sleep: sleep would not take real time).
      'for (let i = 0; i < 6; i++) { console.log("tick", i); const until = performance.now() + 400; while (performance.now() < until) {} }',
    );
    await pressRun(cell);
    await openConsole(cell);
    // Checked together, in the page, every 20 ms: one at a time, a loaded CI run reached the
    // third check after the run had ended, and the results were no longer busy.
    await page.waitForFunction(
      () => {
        const element = document.querySelector<HTMLElement>('wb-cell')!;
        return (
          element.dataset.state === 'running' &&
          element.querySelector('.wb-results')?.getAttribute('aria-busy') === 'true' &&
          /tick 0/.test(element.querySelector('.wb-cell-results .wb-results-panel[data-view="console"]')?.textContent ?? '')
        );
      },
      undefined,
      { polling: 20, timeout: 15_000 },
    );
    await expect(cell).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });
    await expect((await openConsole(cell)).locator('.wb-console-line[data-level="log"]')).toHaveCount(6);
  });

  test('keyboard: Enter on the code opens the editor; the toolbar and results pass axe', async ({ page }) => {
    const cell = firstCell(page);
    await cell.locator('.wb-cell-code').focus();
    await page.keyboard.press('Enter');
    await expect(cell).toHaveAttribute('data-editor', /monaco|textarea/);
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(cell).toHaveAttribute('data-status', 'ok');
    await page.evaluate(axe.source); // an injected <script> would be refused by the CSP
    for (const theme of ['dark', 'light']) {
      await page.evaluate((name) => document.documentElement.setAttribute('data-theme', name), theme);
      const violations = await page.evaluate(async () => {
        const scope = { include: [['wb-cell .wb-cell-toolbar'], ['wb-cell .wb-cell-results'], ['wb-run-all']] };
        const report = await (window as unknown as { axe: typeof axe }).axe.run(scope, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] },
        });
        return report.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      });
      expect(violations, `axe, ${theme} theme`).toEqual([]);
    }
  });

  test('a copied link opens the code marked as from a link, and runs only on Run', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
    const cell = firstCell(page);
    await replaceCode(page, cell, 'console.log("shared", [1, 2, 3].length);');
    await cell.locator('.wb-cell-copy-link').click();
    const field = cell.locator('.wb-cell-notice[data-notice="copy-link"] input');
    await expect(field).toHaveValue(/#cell-.+&code=/);
    const link = await field.inputValue();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    // The learner keeps editing: these are the saved edits a link must not overwrite.
    await replaceCode(page, cell, 'console.log("my own saved edit");');
    await expect.poll(() => savedCode(page, cell)).toBe('console.log("my own saved edit");');

    const other = await context.newPage();
    const otherForeign = watchForeignRequests(other, baseURL!);
    await other.goto(link);
    const shared = firstCell(other);
    await expect(shared.locator('.wb-cell-badge-link')).toBeVisible();
    await expect.poll(() => codeOf(shared)).toBe('console.log("shared", [1, 2, 3].length);');
    await expect(shared.locator('.wb-cell-code')).toContainText('shared');
    // Not run on its own.
    await other.waitForTimeout(800);
    expect(await shared.getAttribute('data-status')).toBeNull();
    await expect((await openConsole(shared)).filter({ hasText: 'shared 3' })).toHaveCount(0);
    // The saved edits are untouched until the learner runs or edits the link's code.
    expect(await savedCode(other, shared)).toBe('console.log("my own saved edit");');

    await runAndWait(shared);
    await expect(await openConsole(shared)).toContainText('shared 3');
    await expect(shared.locator('.wb-cell-badge-link')).toBeHidden();
    expect(await savedCode(other, shared)).toBe('console.log("shared", [1, 2, 3].length);');
    expect(otherForeign).toEqual([]);
  });

  test('Run all runs every cell of the page in order', async ({ page }) => {
    test.setTimeout(240_000);
    const cells = page.locator('wb-cell');
    const count = await cells.count();
    const order: string[] = [];
    await page.exposeFunction('recordRun', (id: string) => order.push(id));
    await page.evaluate(() =>
      document.addEventListener('wb-cell-ran', (event) =>
        (window as unknown as { recordRun(id: string): void }).recordRun((event.target as HTMLElement).dataset.cellId!),
      ),
    );
    await page.locator('wb-run-all button').click();
    await expect(page.locator('wb-run-all')).toHaveAttribute('data-state', 'idle', { timeout: 200_000 });
    await expect(page.locator('wb-run-all [role="status"]')).toContainText(`Ran ${count} cell`);
    const ids = await cells.evaluateAll((elements) => elements.map((element) => (element as HTMLElement).dataset.cellId!));
    expect(order).toEqual(ids);
    for (let index = 0; index < count; index++) await expect(cells.nth(index)).toHaveAttribute('data-status', /.+/);
  });
});

test('with localStorage throwing, editing and running still work and a notice says edits are not kept', async ({
  page,
  baseURL,
}) => {
  const foreign = watchForeignRequests(page, baseURL!);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto(CHAPTER);
  const cell = firstCell(page);
  await replaceCode(page, cell, 'console.log("no storage", 2 ** 10);');
  await expect(cell.locator('.wb-cell-notice[data-notice="storage"]')).toContainText('will not be kept');
  await runAndWait(cell);
  await expect(await openConsole(cell)).toContainText('no storage 1024');
  expect(foreign).toEqual([]);
});
