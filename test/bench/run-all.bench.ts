/**
 * A chapter's cells in the page (issue 19), in headless Chromium against the built site:
 *
 *  1. First Run at load: the sleeper's Run button is clicked from the page's own
 *     `load` event (an init script), before anything has warmed up; the figure
 *     is click → the sleeper's output on screen (target ≤ 300 ms).
 *  2. Run all: "Run all cells" on each chapter, click → every cell done, against
 *     the sum of the same cells run plainly (their code, setup and limits, no
 *     profiler, memory or line tool) one after the other on a worker of the same
 *     page, each timed from posting the request to its result (target ≤ 2x).
 *     Next to it, the same cells run as they are (with their profiler, memory or
 *     line tool) back to back on that worker: Run all can be no faster than that,
 *     so Run all against it is the page's own cost, and it against the plain sum
 *     is what the cells' tools cost.
 *
 *   npm run build && npm run bench -- run-all        (WB_BENCH_CHAPTERS=/profiling/,/memory/, WB_BENCH_FIRST_RUNS=7)
 *
 * Writes bench-results/run-all.json.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { cellRequest } from '../../src/cells/cell-request';
import { specFromOptions, type CellOptions } from '../../src/cells/cell-info';
import type { RunRequest } from '../../src/sandbox/types';
import { startPreview, stopPreview } from './support/preview';

const CHAPTERS = (process.env.WB_BENCH_CHAPTERS ?? '/profiling/,/optimisation/,/memory/').split(',');
const TARGETS = { firstRunAtLoadMs: 300, runAllOverPlain: 2 };
const SLEEPER_CELL = 'sleeper-time';
/** Loads for the first-Run figure (its median is reported): one load's figure swings by ±30 % on this machine. */
const FIRST_RUN_LOADS = Math.max(1, Number(process.env.WB_BENCH_FIRST_RUNS) || 7);

/** Click → the sleeper's output, with the click made by the page's own load event. */
async function firstRunAtLoad(context: BrowserContext, origin: string): Promise<number> {
  const page = await context.newPage();
  await page.addInitScript((cellId) => {
    const state = window as unknown as { __benchFirstRun?: Promise<number> };
    state.__benchFirstRun = new Promise<number>((resolve) => {
      window.addEventListener('load', () => {
        const cell = document.querySelector<HTMLElement>(`wb-cell[data-cell-id="${cellId}"]`)!;
        const clickedAt = performance.now();
        // The build's recorded output is on screen from the start: the run's own is there when
        // the cell, having been running, is idle again (it renders the result first).
        let sawRunning = false;
        const observer = new MutationObserver(() => {
          if (cell.dataset.state === 'running') sawRunning = true;
          if (!sawRunning || cell.dataset.state !== 'idle') return;
          observer.disconnect();
          // The output is committed by then; the next frame paints it.
          requestAnimationFrame(() => resolve(performance.now() - clickedAt));
        });
        observer.observe(cell, { attributes: true, attributeFilter: ['data-state'] });
        cell.querySelector<HTMLButtonElement>('.wb-cell-run')!.click();
      });
    });
  }, SLEEPER_CELL);
  await page.goto(`${origin}/profiling/`);
  const ms = await page.evaluate(() => (window as unknown as { __benchFirstRun: Promise<number> }).__benchFirstRun);
  await page.close();
  return ms;
}

/** Each cell of the page as its request, as it is (`asIs`) and plain: its code, setup and limits, and no tool. */
async function cellRequests(context: BrowserContext, origin: string, chapter: string): Promise<{ asIs: RunRequest[]; plain: RunRequest[] }> {
  const page = await context.newPage();
  await page.goto(`${origin}${chapter}`);
  const cells = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('wb-cell')).map((cell) => ({
      options: cell.dataset.options ?? '{}',
      source: cell.querySelector('[data-cell-source]')?.textContent ?? '{}',
    })),
  );
  await page.close();
  const asIs = cells.map(({ options, source }) => cellRequest(specFromOptions(JSON.parse(options) as CellOptions, { chapter, line: 0 }), JSON.parse(source)));
  const plain = asIs.map((request) => {
    const copy = { ...request };
    delete copy.profile;
    delete copy.memory;
    delete copy.lines;
    return copy;
  });
  return { asIs, plain };
}

/**
 * In the page: the plain requests one after the other on a worker of our own, each timed from
 * posting it to its result. A string, so that tsx does not wrap its functions in a helper
 * (`__name`) that the page does not have.
 */
const PLAIN_RUNS_IN_PAGE = `async ({ list, script }) => {
  const worker = new Worker(script, { type: 'module' });
  let finished = null;
  worker.addEventListener('message', (event) => {
    if ((event.data.type === 'result' || event.data.type === 'fatal') && finished) finished(event.data.id);
  });
  const ready = new Promise((resolve) => worker.addEventListener('message', (event) => event.data.type === 'ready' && resolve()));
  worker.postMessage({ type: 'warm' });
  await ready;
  const times = [];
  for (let index = 0; index < list.length; index++) {
    const done = new Promise((resolve) => { finished = (id) => id === index + 1 && resolve(); });
    const started = performance.now();
    worker.postMessage({ type: 'run', id: index + 1, request: list[index] });
    await done;
    times.push(performance.now() - started);
  }
  worker.terminate();
  return times;
}`;

interface RunAllFigures {
  chapter: string;
  cells: number;
  runAllMs: number;
  plainSumMs: number;
  ratio: number;
  plainMs: number[];
  /** The same cells with their tools, back to back on a worker of the page. */
  asIsSumMs: number;
  asIsMs: number[];
}

async function runAll(context: BrowserContext, origin: string, chapter: string): Promise<RunAllFigures> {
  const requests = await cellRequests(context, origin, chapter);
  const page = await context.newPage();
  await page.goto(`${origin}${chapter}`);
  await page.waitForLoadState('networkidle');
  // A worker of our own, from the page's sandbox worker script, for the plain runs.
  const script = `/_astro/${readdirSync(`${process.env.WB_DIST ?? 'dist'}/_astro`).find((file) => /^sandbox-worker-[\w-]+\.js$/.test(file))}`;
  const backToBack = async (list: RunRequest[]) => (await page.evaluate(`(${PLAIN_RUNS_IN_PAGE})(${JSON.stringify({ list, script })})`)) as number[];
  const plainMs = await backToBack(requests.plain);
  const asIsMs = await backToBack(requests.asIs);
  const runAllMs = await page.evaluate(async () => {
    const element = document.querySelector<HTMLElement>('wb-run-all')!;
    const started = performance.now();
    element.querySelector<HTMLButtonElement>('.wb-run-all-button')!.click();
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => element.dataset.state === 'idle' && (clearInterval(timer), resolve()), 20);
    });
    return performance.now() - started;
  });
  await page.close();
  const sum = (list: number[]) => list.reduce((total, ms) => total + ms, 0);
  const plainSumMs = sum(plainMs);
  return { chapter, cells: requests.plain.length, runAllMs, plainSumMs, ratio: runAllMs / plainSumMs, plainMs, asIsSumMs: sum(asIsMs), asIsMs };
}

async function main(): Promise<void> {
  const { origin, server } = await startPreview();
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const firstRuns: number[] = [];
    // A fresh context each time: nothing cached from the last load but what the HTTP cache keeps.
    for (let attempt = 0; attempt < FIRST_RUN_LOADS; attempt++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      firstRuns.push(await firstRunAtLoad(context, origin));
      await context.close();
    }
    const chapters: RunAllFigures[] = [];
    for (const chapter of CHAPTERS) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      chapters.push(await runAll(context, origin, chapter));
      await context.close();
    }
    const firstRunMs = [...firstRuns].sort((a, b) => a - b)[FIRST_RUN_LOADS >> 1];
    console.log(`\nFirst Run clicked at the load event → the sleeper's output: ${firstRuns.map((ms) => ms.toFixed(0)).join(', ')} ms (median ${firstRunMs.toFixed(0)}; target ≤ ${TARGETS.firstRunAtLoadMs} ms)`);
    console.log('\nRun all cells against the same cells run plainly, one after the other, and as they are (with their tools):');
    for (const c of chapters) {
      console.log(
        `  ${c.chapter.padEnd(15)} ${String(c.cells).padStart(3)} cells: Run all ${(c.runAllMs / 1000).toFixed(1)} s, plain ${(c.plainSumMs / 1000).toFixed(1)} s, ${c.ratio.toFixed(2)}x (target ≤ ${TARGETS.runAllOverPlain}x); ` +
          `as they are ${(c.asIsSumMs / 1000).toFixed(1)} s (${(c.asIsSumMs / c.plainSumMs).toFixed(2)}x plain: the tools), Run all ${(c.runAllMs / c.asIsSumMs).toFixed(2)}x that (the page)`,
      );
    }
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/run-all.json', `${JSON.stringify({ date: new Date().toISOString(), targets: TARGETS, firstRuns, firstRunMs, chapters }, null, 2)}\n`);
  } finally {
    await browser?.close();
    stopPreview(server);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
