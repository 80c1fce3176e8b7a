/**
 * Runs the accuracy corpus (test/unit/profiler/accuracy-corpus.ts) in the page,
 * on the page's own worker, exactly as a learner's edited cells run: the program
 * goes into three cells of the profiling chapter as saved edits (what a reload
 * restores), the plain cell prints the truth, and the deterministic and sampling
 * cells record profiles, read back from the cell element.
 *
 * Shared by test/browser/profiler-accuracy.spec.ts and
 * test/bench/browser-accuracy.bench.ts. Takes the page types of playwright-core,
 * which @playwright/test's pages also satisfy.
 */
import type { Page } from 'playwright-core';
import { EDIT_STORE_VERSION, editKey, fingerprint } from '../../../src/components/cell/edit-store';
import type { Profile, RunResult } from '../../../src/sandbox/types';
import { profiledShare, profiledSource, truthSource, type AccuracyProgram, type MeasuredShare } from '../../unit/profiler/accuracy-corpus';
import { pressRun } from './press-run';

export const ACCURACY_CHAPTER = '/profiling/';
/** The chapter's three runs of one program: plainly, deterministic, sampling. */
export const TWO_PROFILER_CELLS = { truth: 'two-profilers-plain', deterministic: 'two-profilers-deterministic', sampling: 'two-profilers-sampling' } as const;

export interface BrowserShares {
  truth: number;
  deterministic: MeasuredShare;
  sampling: MeasuredShare;
  /** The deterministic profile's notes: what it subtracted per event and per child call (ns). */
  deterministicMeta: Profile['meta'];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Each pair's share from a plain run's output, as trueShare reads it in Node. */
function pairShares(result: RunResult): number[] {
  const { withTimes, withoutTimes } = JSON.parse(result.console[0].text) as { withTimes: number[]; withoutTimes: number[] };
  return withTimes.map((withF, k) => (withF - withoutTimes[k]) / withF);
}

/** Plain runs in the page whose pairs make the truth: one run's nine pairs moved by 0.2 between page loads. */
const TRUTH_RUNS = 3;

/**
 * Puts each code into its cell (by cell id) as saved edits, exactly as a learner's earlier
 * visit would have left them, then reloads so the cells restore them.
 */
export async function loadCellsWith(page: Page, chapterUrl: string, codes: Record<string, string>): Promise<void> {
  await page.goto(chapterUrl);
  const ids = Object.keys(codes);
  const originals = await page.evaluate((cellIds) => {
    const out: Record<string, { chapter: string; code: string }> = {};
    for (const id of cellIds) {
      const cell = document.querySelector<HTMLElement>(`wb-cell[data-cell-id="${id}"]`)!;
      const source = JSON.parse(cell.querySelector('[data-cell-source]')!.textContent!) as { code: string };
      out[id] = { chapter: cell.dataset.chapter ?? location.pathname, code: source.code };
    }
    return out;
  }, ids);
  const entries = ids.map((id) => {
    const { chapter, code } = originals[id];
    return [editKey(chapter, id), JSON.stringify({ v: EDIT_STORE_VERSION, code: codes[id], base: fingerprint(code), savedAt: Date.now() })];
  });
  await page.evaluate((pairs) => pairs.forEach(([key, value]) => localStorage.setItem(key, value)), entries);
  await page.reload();
}

/** Puts the program in the three cells as saved edits, then reloads so the cells restore them. */
async function loadWith(page: Page, chapterUrl: string, program: AccuracyProgram): Promise<void> {
  await loadCellsWith(page, chapterUrl, {
    [TWO_PROFILER_CELLS.truth]: truthSource(program),
    [TWO_PROFILER_CELLS.deterministic]: profiledSource(program),
    [TWO_PROFILER_CELLS.sampling]: profiledSource(program),
  });
}

/** Runs a cell whose saved edits were restored (loadCellsWith) and returns its result, which must be ok. */
export async function runCell(page: Page, id: string): Promise<RunResult> {
  const cell = page.locator(`wb-cell[data-cell-id="${id}"]`);
  await cell.scrollIntoViewIfNeeded();
  // After a reload the Run button is on screen before the element has restored the saved edits:
  // wait until it marks its code as modified, which it does once they are in (a run before would
  // run the chapter's code). pressRun then checks that the press started a run.
  await page.waitForFunction((cellId) => (document.querySelector(`wb-cell[data-cell-id="${cellId}"]`) as HTMLElement | null)?.dataset.modified === 'true', id, { timeout: 60_000 });
  // The element keeps its last run (a TypeScript-private field, readable at run time). Remember
  // the one before this run in the page, so that it is not read as this run's.
  await cell.evaluate((el) => ((window as unknown as { __wbBefore?: unknown }).__wbBefore = (el as unknown as { lastResult?: unknown }).lastResult));
  await pressRun(cell);
  await page.waitForFunction(
    (cellId) => {
      const el = document.querySelector(`wb-cell[data-cell-id="${cellId}"]`) as HTMLElement & { lastResult?: unknown };
      return el.dataset.state === 'idle' && el.lastResult !== undefined && el.lastResult !== (window as unknown as { __wbBefore?: unknown }).__wbBefore;
    },
    id,
    { timeout: 120_000 },
  );
  // As JSON text: a recursive program's call tree is deeper than Playwright's own serialiser goes.
  const result = JSON.parse(await cell.evaluate((el) => JSON.stringify((el as unknown as { lastResult: RunResult }).lastResult))) as RunResult;
  if (result.status !== 'ok') throw new Error(`${id}: ${result.status} ${result.error?.message ?? ''}`);
  return result;
}

/** One measurement of a program in the page: its truth and both profilers' shares. */
export async function sharesInBrowser(page: Page, chapterUrl: string, program: AccuracyProgram): Promise<BrowserShares> {
  await loadWith(page, chapterUrl, program);
  // A fresh worker's first run is slower while the wasm code tiers up (issue 19), and the
  // speed-up reaches the two halves of a pair unevenly: one untimed run first.
  await runCell(page, TWO_PROFILER_CELLS.truth);
  const pairs: number[] = [];
  for (let r = 0; r < TRUTH_RUNS; r++) pairs.push(...pairShares(await runCell(page, TWO_PROFILER_CELLS.truth)));
  const truth = median(pairs);
  const deterministicProfile = (await runCell(page, TWO_PROFILER_CELLS.deterministic)).profile!;
  const sampling = profiledShare((await runCell(page, TWO_PROFILER_CELLS.sampling)).profile!, program.target);
  return { truth, deterministic: profiledShare(deterministicProfile, program.target), sampling, deterministicMeta: deterministicProfile.meta };
}
