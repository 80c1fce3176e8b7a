/**
 * Profile transforms in the built site: the bar above the table and tree of the
 * sleeper cell focuses on a function, says so, is shared by both views, inverts
 * with a pressed toggle, resets, and wraps inside a phone-width page.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { pressRun } from './support/press-run';

function sleeperCell(page: Page): Locator {
  return page.locator('wb-cell[data-cell-id="sleeper"]');
}

async function openView(cell: Locator, view: string): Promise<Locator> {
  await cell.locator(`[role="tab"][data-view="${view}"]`).click();
  const panel = cell.locator(`.wb-results:not([data-recorded]) .wb-results-panel[data-view="${view}"]`);
  await expect(panel).toBeVisible();
  return panel;
}

test('focus, invert and reset from the transform bar, at 390 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/profiling/');
  const cell = sleeperCell(page);
  await pressRun(cell);
  await expect(cell).toHaveAttribute('data-state', 'idle', { timeout: 130_000 });

  const table = await openView(cell, 'profile');
  const bar = table.getByRole('group', { name: 'Transform the profile' });
  const fn = bar.getByRole('combobox', { name: 'Function' });
  const value = await fn.locator('option', { hasText: /^function2 \(/ }).getAttribute('value');
  await fn.selectOption(value!);
  await bar.getByRole('button', { name: 'Focus on it' }).click();
  await expect(bar.getByText('Transformed: focus on function2')).toBeVisible();
  // function2's one second of sleep, plus at most the run's real time (a loaded machine stretches it).
  const header = table.getByTestId('stats-header');
  await expect(header).toContainText(/in \d+\.\d{3} seconds/);
  const realS = await cell.evaluate((el) => {
    const { timing } = (el as unknown as { lastResult: { timing: { wallMs: number; simulatedMs: number } } }).lastResult;
    return (timing.wallMs - timing.simulatedMs) / 1000;
  });
  const focused = Number(/in (\d+\.\d+) seconds/.exec((await header.textContent())!)![1]);
  expect(focused).toBeGreaterThanOrEqual(1 - 0.01);
  expect(focused).toBeLessThanOrEqual(1 + realS + 0.001);
  await expect(table.locator('.wb-stats-table tbody')).not.toContainText('function1');
  // The bar wraps: nothing of it sticks out of the phone-width page.
  const overflow = await bar.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);

  const tree = await openView(cell, 'tree');
  const treeBar = tree.getByRole('group', { name: 'Transform the profile' });
  await expect(treeBar.getByText('Transformed: focus on function2')).toBeVisible();
  const invert = treeBar.getByRole('button', { name: 'Invert (who calls this)' });
  await invert.focus();
  await page.keyboard.press('Enter');
  await expect(invert).toHaveAttribute('aria-pressed', 'true');
  await expect(treeBar.getByText('Transformed: focus on function2 › invert')).toBeVisible();
  await treeBar.getByRole('button', { name: 'Reset' }).click();
  await expect(invert).toHaveAttribute('aria-pressed', 'false');
  await expect(treeBar.getByText(/^Transformed:/)).toHaveCount(0);
});
