/**
 * Guided exercises in real Chromium against the built site, as a learner:
 * check the starter (not yet), type the solution into the starter cell and
 * solve it, see the progress after a reload (the exercise, the sidebar badge,
 * the Progress page), reveal hints one at a time, reveal the solution after a
 * confirmation and run it beside my code, export, import and reset progress.
 *
 * The exercises are the chapters' own: the test picks the first exercise that
 * asks for code (no typed answer) in sidebar order, and reads its solution
 * from the exercise's data in the page, so it follows the chapters as they grow.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { codeOf } from './support/editing';

interface IndexedChapter {
  chapter: string;
  href: string;
  exercises: Array<{ id: string; title: string }>;
}

interface Target {
  chapter: string;
  href: string;
  id: string;
  solution: string;
}

async function exerciseIndex(page: Page): Promise<IndexedChapter[]> {
  await page.goto('/progress/');
  return JSON.parse((await page.locator('#wb-exercise-index').textContent()) ?? '[]') as IndexedChapter[];
}

/** The first exercise (sidebar order) that is solved by changing code rather than typing an answer. */
async function firstCodeExercise(page: Page): Promise<Target> {
  for (const chapter of await exerciseIndex(page)) {
    await page.goto(chapter.href);
    const candidate = page.locator('wb-exercise:not([data-answer])').first();
    if ((await candidate.count()) === 0) continue;
    const id = (await candidate.getAttribute('data-exercise-id'))!;
    const spec = JSON.parse((await candidate.locator(':scope > script[data-exercise-spec]').textContent())!) as { solution: string };
    return { chapter: chapter.chapter, href: chapter.href, id, solution: spec.solution };
  }
  throw new Error('no chapter has an exercise that asks for code');
}

function exerciseOf(page: Page, target: Target): Locator {
  return page.locator(`wb-exercise#exercise-${target.id}`);
}

/**
 * Opens the starter cell's editor and replaces its text, as a learner would by
 * pasting: typed newlines would be auto-indented by the editor, a paste is not.
 */
async function replaceCode(page: Page, cell: Locator, code: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await cell.locator('.wb-cell-code').click();
  await expect(cell).toHaveAttribute('data-editor', /monaco|textarea/);
  if ((await cell.getAttribute('data-editor')) === 'textarea') await cell.locator('textarea').focus();
  else await cell.locator('.monaco-editor textarea').focus();
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(() => codeOf(cell)).toBe(code);
}

const CHECK_TIMEOUT = { timeout: 90_000 };

test.describe('exercises', () => {
  test.describe.configure({ timeout: 180_000 });

  test('the starter fails, the solution passes, and the progress survives a reload', async ({ page }) => {
    const target = await firstCodeExercise(page);
    await page.goto(`${target.href}#exercise-${target.id}`);
    const exercise = exerciseOf(page, target);
    await expect(exercise.locator('.wb-exercise-state')).toHaveText('Not started');
    // Before any script, the page said checking needs JavaScript; the element replaced that.
    await expect(exercise.locator('.wb-exercise-needs-js')).toHaveCount(0);

    const check = exercise.getByRole('button', { name: 'Check my answer' });
    const verdict = exercise.getByRole('status').filter({ has: page.locator('strong') });
    // The row of buttons is one row: every button's top edge level with the first's.
    const tops = await exercise.locator('.wb-exercise-buttons > button').evaluateAll((buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
    expect(tops.length).toBe(3);
    expect(new Set(tops).size, `button tops ${tops.join(', ')}`).toBe(1);
    await check.click();
    await expect(exercise.locator('.wb-exercise-verdict')).toHaveAttribute('data-outcome', 'failed', CHECK_TIMEOUT);
    await expect(verdict).toContainText('Not yet');
    await expect(exercise.locator('.wb-exercise-state')).toHaveText('Started, not solved yet');
    // The cell shows the run the check made, labelled as such, not an older one.
    const starter = exercise.locator('.wb-exercise-task wb-cell');
    await expect(starter.locator('.wb-results-checked')).toContainText('The run that checked your answer');
    await expect(starter).toHaveAttribute('data-status', /.+/);

    await replaceCode(page, exercise.locator('.wb-exercise-task wb-cell'), target.solution);
    await check.click();
    await expect(exercise.locator('.wb-exercise-verdict')).toHaveAttribute('data-outcome', 'passed', CHECK_TIMEOUT);
    await expect(verdict).toContainText('Passed');
    await expect(exercise.locator('.wb-exercise-state')).toHaveText('✓ Solved');

    await page.reload();
    await expect(exerciseOf(page, target).locator('.wb-exercise-state')).toHaveText('✓ Solved');
    const badge = page.locator(`#starlight__sidebar a[href="${target.href}"] .wb-progress-badge`);
    await expect(badge).toContainText(/^1\/\d+/);
    await expect(badge).toContainText('1 of');

    await page.goto('/progress/');
    const row = page.locator(`[data-progress-key="${target.chapter}/${target.id}"]`);
    await expect(row).toHaveAttribute('data-state', 'solved');
    await expect(row.locator('.wb-progress-state')).toHaveText('✓ Solved');
    await expect(page.locator('.wb-progress-summary')).toContainText('You have solved 1 of');
  });

  test('hints come one at a time and stay shown after a reload', async ({ page }) => {
    const target = await firstCodeExercise(page);
    await page.goto(`${target.href}#exercise-${target.id}`);
    const exercise = exerciseOf(page, target);
    const hints = exercise.locator('.wb-exercise-hint');
    const total = await hints.count();
    expect(total).toBeGreaterThan(0);
    await expect(hints.first()).toBeHidden();

    await exercise.getByRole('button', { name: `Show hint 1 of ${total}` }).click();
    await expect(hints.nth(0)).toBeVisible();
    await expect(hints.nth(0)).toBeFocused();
    if (total > 1) {
      await expect(hints.nth(1)).toBeHidden();
      await exercise.getByRole('button', { name: `Show hint 2 of ${total}` }).click();
      await expect(hints.nth(1)).toBeVisible();
    }
    const shown = Math.min(total, 2);

    await page.reload();
    const again = exerciseOf(page, target).locator('.wb-exercise-hint');
    for (let index = 0; index < total; index++) {
      if (index < shown) await expect(again.nth(index)).toBeVisible();
      else await expect(again.nth(index)).toBeHidden();
    }
    await page.goto('/progress/');
    await expect(page.locator(`[data-progress-key="${target.chapter}/${target.id}"] .wb-progress-state`)).toContainText(`${shown} hint`);
  });

  test('the solution needs a confirmation, then runs beside my code', async ({ page }) => {
    // What the page said went wrong, so a failure here names its cause.
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
    const target = await firstCodeExercise(page);
    await page.goto(`${target.href}#exercise-${target.id}`);
    const exercise = exerciseOf(page, target);
    const solution = exercise.locator('.wb-exercise-solution');
    const show = exercise.getByRole('button', { name: 'Show the solution' });

    await show.click();
    await exercise.getByRole('button', { name: 'Not yet' }).click();
    await expect(solution).toBeHidden();
    await expect(show).toBeFocused();

    await show.click();
    await exercise.getByRole('button', { name: 'Yes, show the solution' }).click();
    await expect(solution).toBeVisible();
    await expect(solution).toContainText(target.solution.split('\n')[0].trim());

    await exercise.getByRole('button', { name: 'Compare my code with the solution' }).click();
    const compare = exercise.locator('.wb-exercise-compare');
    try {
      await expect(compare).toBeVisible();
    } catch (error) {
      const said = await exercise.locator('.wb-exercise-compare-problem').allTextContents();
      throw new Error(`${String(error)}\nthe exercise says: ${said.join(' | ') || '(nothing)'}\n${problems.join('\n') || 'no page errors'}`);
    }
    await expect(exercise.locator('.wb-exercise-compare-problem')).toHaveCount(0);
    const mine = compare.locator('.wb-exercise-compare-mine wb-cell');
    const theirs = compare.locator('.wb-exercise-compare-solution wb-cell');
    await expect.poll(() => codeOf(theirs)).toBe(target.solution);
    expect(await codeOf(mine)).toBe(await codeOf(exercise.locator('.wb-exercise-task wb-cell')));

    await theirs.getByRole('button', { name: /^Run/ }).click();
    await expect(theirs).toHaveAttribute('data-status', /.+/, CHECK_TIMEOUT);
    await expect(mine.getByRole('button', { name: /^Run/ })).toBeVisible();

    await page.reload();
    await expect(exerciseOf(page, target).locator('.wb-exercise-solution')).toBeVisible();
  });

  test('an exercise that asks for an answer refuses to check an empty one, then judges a wrong one', async ({ page }) => {
    let found: Locator | undefined;
    for (const chapter of await exerciseIndex(page)) {
      await page.goto(chapter.href);
      const candidate = page.locator('wb-exercise[data-answer]').first();
      if ((await candidate.count()) > 0) {
        found = candidate;
        break;
      }
    }
    expect(found, 'no chapter has an exercise that asks for an answer').toBeDefined();
    const exercise = found as Locator;
    const check = exercise.getByRole('button', { name: 'Check my answer' });
    await check.click();
    await expect(exercise.locator('.wb-exercise-verdict')).toContainText(/(Type|Choose) (your|an) answer first/);
    if ((await exercise.getAttribute('data-answer')) === 'choice') await exercise.getByRole('radio').first().check();
    else await exercise.getByRole('textbox', { name: /Your answer/ }).fill('surely-not-this-answer 0');
    await check.click();
    await expect(exercise.locator('.wb-exercise-verdict')).toHaveAttribute('data-outcome', /passed|failed/, CHECK_TIMEOUT);
  });

  test('progress is exported to a file, imported from one, and reset after a confirmation', async ({ page }) => {
    const target = await firstCodeExercise(page);
    const key = `${target.chapter}/${target.id}`;
    await page.goto('/progress/');
    const row = page.locator(`[data-progress-key="${key}"]`);
    await expect(row).toHaveAttribute('data-state', 'not-started');

    const file = {
      format: 'workbook-progress',
      version: 1,
      exportedAt: new Date().toISOString(),
      exercises: { [key]: { status: 'solved', hints: 1, solutionShown: false, solvedAt: Date.now(), updatedAt: Date.now() } },
    };
    await page.locator('input.wb-progress-file').setInputFiles({ name: 'my-progress.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await expect(page.getByRole('status').filter({ hasText: 'Imported 1 exercise record' })).toBeVisible();
    await expect(row).toHaveAttribute('data-state', 'solved');
    await expect(page.locator(`#starlight__sidebar a[href="${target.href}"] .wb-progress-badge`)).toContainText(/^1\//);

    await page.locator('input.wb-progress-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
    await expect(page.getByRole('status').filter({ hasText: 'Nothing imported' })).toBeVisible();
    await expect(row).toHaveAttribute('data-state', 'solved');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export progress to a file' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/^workbook-progress-\d{4}-\d\d-\d\d\.json$/);
    const exported = JSON.parse(await (await saved.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8')));
    expect(exported).toMatchObject({ format: 'workbook-progress', version: 1 });
    expect(exported.exercises[key].status).toBe('solved');

    await page.getByRole('button', { name: 'Reset all progress' }).click();
    await page.getByRole('button', { name: 'Keep my progress' }).click();
    await expect(row).toHaveAttribute('data-state', 'solved');
    await page.getByRole('button', { name: 'Reset all progress' }).click();
    await page.getByRole('button', { name: 'Yes, reset my progress' }).click();
    await expect(row).toHaveAttribute('data-state', 'not-started');
    await page.reload();
    await expect(page.locator(`[data-progress-key="${key}"]`)).toHaveAttribute('data-state', 'not-started');
  });

  test('a page whose storage is broken still checks, and says progress will not be kept', async ({ page }) => {
    const target = await firstCodeExercise(page);
    await page.goto('about:blank'); // a real load next, not a jump within the chapter page
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    });
    await page.goto(`${target.href}#exercise-${target.id}`);
    const exercise = exerciseOf(page, target);
    await exercise.getByRole('button', { name: /Show hint 1 of/ }).click();
    await expect(exercise.locator('.wb-exercise-hint').first()).toBeVisible();
    await expect(exercise.locator('.wb-exercise-storage-note')).toBeVisible();
    await expect(exercise.locator('.wb-exercise-storage-note')).toContainText('will be forgotten');
  });
});
