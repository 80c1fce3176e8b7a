/** Editing a cell as a learner does, shared by the browser specs. */
import { expect, type Locator, type Page } from '@playwright/test';

/** The cell's current code, as the element reports it. */
export async function codeOf(cell: Locator): Promise<string> {
  return cell.evaluate((element) => (element as HTMLElement & { currentCode(): string }).currentCode());
}

/** Opens the editor (click into the code) if needed and replaces the whole text by typing it. */
export async function replaceCode(page: Page, cell: Locator, code: string): Promise<void> {
  if (!(await cell.getAttribute('data-editor'))) await cell.locator('.wb-cell-code').click();
  await expect(cell).toHaveAttribute('data-editor', /monaco|textarea/);
  if ((await cell.getAttribute('data-editor')) === 'textarea') await cell.locator('textarea').focus();
  else await cell.locator('.monaco-editor textarea').focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}
