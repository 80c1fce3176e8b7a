/**
 * Accessibility in real Chromium against the built site: axe-core on every
 * page in the light and the dark theme (before and after running a cell), no
 * serious or critical violation; every control reachable with Tab; a cell runs
 * from the keyboard; result tabs follow the arrow keys.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { pressRun } from './support/press-run';
import type { AxeResults } from 'axe-core';
import { SITE_PAGES } from './support/hardening';
import { waitForEveryBlock } from './support/offscreen-blocks';

// axe runs through the DevTools protocol (page.evaluate), which the page's CSP
// does not govern: an inline <script> tag (page.addScriptTag) would be refused by
// the policy, and the pages are checked exactly as served, policy included.
const AXE_SOURCE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const THEMES = ['light', 'dark'] as const;

async function openInTheme(page: Page, path: string, theme: (typeof THEMES)[number]): Promise<void> {
  // Starlight's theme script reads this key before the first paint.
  await page.addInitScript((name) => localStorage.setItem('starlight-theme', name), theme);
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/**
 * Starlight's search button is named "Search" and shows "Search" plus the
 * shortcut hint "Ctrl K" (also given as aria-keyshortcuts). axe counts the hint
 * as part of the label (label-content-name-mismatch); the label a speech user
 * says, "Search", is in the name, so WCAG 2.5.3 holds. Only that rule on that
 * one button is set aside.
 */
function isShortcutHintOnly(rule: string, target: unknown[]): boolean {
  return rule === 'label-content-name-mismatch' && target.join(' ') === 'button[data-open-modal=""]';
}

/** Serious and critical axe violations on the page (or inside `include`), one line each. */
async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async (scope) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } }).axe;
    return axe.run(scope ? { include: [[scope]] } : document, { resultTypes: ['violations'] });
  }, include);
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ ...violation, nodes: violation.nodes.filter((node) => !isShortcutHintOnly(violation.id, node.target)) }))
    .filter((violation) => violation.nodes.length > 0)
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 5).join(' | ')}`);
}

for (const path of SITE_PAGES) {
  for (const theme of THEMES) {
    test(`${path} in the ${theme} theme: no serious or critical axe violation`, async ({ page }) => {
      await openInTheme(page, path, theme);
      await page.waitForLoadState('networkidle');
      await waitForEveryBlock(page);
      expect(await seriousViolations(page)).toEqual([]);

      const cell = page.locator('wb-cell').first();
      if ((await cell.count()) === 0) return;
      // And after a run: the live results area (tabs, console, views) replaces the recorded one.
      await pressRun(cell);
      await expect(cell).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });
      await expect(cell).toHaveAttribute('data-status', /.+/);
      await expect(cell.locator('.wb-results[data-recorded]')).toHaveCount(0);
      expect(await seriousViolations(page, `wb-cell[data-cell-id="${await cell.getAttribute('data-cell-id')}"]`)).toEqual([]);
    });
  }
}

test('every control of a chapter is reachable with Tab', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/profiling/');
  await page.waitForLoadState('networkidle');
  // Recorded results come to life one by one after load: count the controls once they all have.
  await expect(page.locator('.wb-results[data-snapshot]')).toHaveCount(0, { timeout: 60_000 });
  // Controls, grouped: a toolbar, a tab list or a radio group is one Tab stop (arrow keys move inside it).
  const groups = await page.evaluate(() => {
    const selector = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    const found = new Map<string, string>();
    let next = 0;
    for (const element of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      if ((element as HTMLButtonElement).disabled || element.tabIndex < 0 && !element.closest('[role="toolbar"], [role="tablist"], [role="radiogroup"]')) continue;
      if (!element.checkVisibility({ visibilityProperty: true }) || element.closest('[inert], [aria-hidden="true"], dialog:not([open])')) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      // A radio group is one Tab stop too (arrow keys choose inside it), as browsers make it.
      const group = element.closest<HTMLElement>('[role="toolbar"], [role="tablist"], [role="radiogroup"]') ?? element;
      group.dataset.kbGroup ??= String(next++);
      found.set(group.dataset.kbGroup, group.getAttribute('aria-label') ?? group.textContent?.trim().slice(0, 40) ?? group.tagName);
    }
    return Object.fromEntries(found);
  });
  const total = Object.keys(groups).length;
  expect(total).toBeGreaterThan(20);
  const reached = new Set<string>();
  await page.locator('body').focus();
  for (let press = 0; press < total * 2 + 20 && reached.size < total; press++) {
    await page.keyboard.press('Tab');
    const group = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      return active?.closest<HTMLElement>('[data-kb-group]')?.dataset.kbGroup;
    });
    if (group !== undefined) reached.add(group);
  }
  const missed = Object.entries(groups)
    .filter(([id]) => !reached.has(id))
    .map(([, label]) => label);
  expect(missed).toEqual([]);
});

test('keyboard only: Tab to a cell, Enter runs it, the result tabs follow the arrow keys', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/profiling/');
  const cell = page.locator('wb-cell[data-cell-id="sleeper-time"]');
  const run = cell.locator('.wb-cell-run');
  // Start from the element just before the cell, then only the keyboard.
  await cell.evaluate((element) => {
    const marker = document.createElement('button');
    marker.textContent = 'start here';
    marker.id = 'kb-start';
    element.before(marker);
    marker.focus();
  });
  let onRun = false;
  for (let press = 0; press < 10 && !onRun; press++) {
    await page.keyboard.press('Tab');
    onRun = await run.evaluate((button) => button === document.activeElement);
  }
  expect(onRun, 'Tab reaches the Run button').toBe(true);
  await page.keyboard.press('Enter');
  await expect(cell).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });
  await expect(cell).toHaveAttribute('data-status', 'ok');
  // Focus stays on the Run button after the run (it comes back from Stop).
  await expect(run).toBeFocused();

  // Tab on to the results' tab list; the selected tab is its single Tab stop.
  const tabs = cell.locator('.wb-cell-results [role="tab"]');
  expect(await tabs.count()).toBeGreaterThan(1);
  let onTab = false;
  for (let press = 0; press < 10 && !onTab; press++) {
    await page.keyboard.press('Tab');
    onTab = await page.evaluate(() => document.activeElement?.getAttribute('role') === 'tab');
  }
  expect(onTab, 'Tab reaches the result tabs').toBe(true);
  const first = tabs.nth(0);
  const second = tabs.nth(1);
  await expect(first).toBeFocused();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(second).toBeFocused();
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await expect(cell.locator(`#${await second.getAttribute('aria-controls')}`)).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(first).toBeFocused();
  await page.keyboard.press('End');
  await expect(tabs.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(first).toHaveAttribute('aria-selected', 'true');

  // The toolbar: arrow keys reach its other buttons (one Tab stop, WAI-ARIA toolbar).
  await run.focus();
  await page.keyboard.press('ArrowRight');
  const moved = await page.evaluate(() => document.activeElement?.className ?? '');
  expect(moved).toMatch(/wb-cell-button/);
  expect(moved).not.toMatch(/wb-cell-run/);
});
