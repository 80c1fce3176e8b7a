/**
 * The sandbox worker starts from an inline script at the top of a chapter's
 * content (src/sandbox/early-worker.ts), in
 * real Chromium against the built site: it is the page's only sandbox worker,
 * started before the page's scripts ran, it compiles the engine itself (the
 * page compiles none), and the cell script takes it over, so a Run uses it.
 */
import { expect, test, type Page } from '@playwright/test';
import { consolePanel, openConsole, openSharedCode, runAndWait } from './support/hardening';

const CHAPTERS = ['/profiling/', '/optimisation/', '/memory/'];
const SANDBOX_WORKER = /\/_astro\/sandbox-worker-[\w-]+\.js$/;
/** The engine's wasm (quickjs-emscripten's file name); Graphviz's wasm is another file. */
const ENGINE_WASM = /emscripten-module[^/]*\.wasm$/;

interface Made {
  url: string;
  readyState: DocumentReadyState;
  /** Where the constructor was called from: the page itself (an inline script) or a bundled script. */
  calledFrom: 'page' | 'bundle';
}
interface Seen {
  workers: Made[];
  engineCompiles: number;
}

/** Records every worker the page makes (with the document's state then) and every engine compile on the page. */
async function watchStarts(page: Page): Promise<void> {
  await page.addInitScript((enginePattern) => {
    const engine = new RegExp(enginePattern);
    const seen = { workers: [] as Made[], engineCompiles: 0 };
    Object.assign(window, { __seen: seen });
    const NativeWorker = window.Worker;
    window.Worker = class extends NativeWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        // The caller is the frame below this constructor: a bundled script lives under /_astro/.
        const caller = (new Error().stack ?? '').split('\n').slice(2).find((line) => /https?:/.test(line)) ?? '';
        seen.workers.push({
          url: new URL(String(url), location.href).pathname,
          readyState: document.readyState,
          calledFrom: caller.includes('/_astro/') ? 'bundle' : 'page',
        });
      }
    };
    const compileStreaming = WebAssembly.compileStreaming.bind(WebAssembly);
    WebAssembly.compileStreaming = async (source) => {
      const response = await source;
      if (engine.test(new URL(response.url).pathname)) seen.engineCompiles++;
      return compileStreaming(response);
    };
  }, ENGINE_WASM.source);
}

const seen = (page: Page) => page.evaluate(() => (window as unknown as { __seen: Seen }).__seen);
const sandboxWorkersMade = async (page: Page) => (await seen(page)).workers.filter((worker) => SANDBOX_WORKER.test(worker.url));

for (const chapter of CHAPTERS) {
  test(`${chapter}: one sandbox worker, started by the page's inline script`, async ({ page }) => {
    await watchStarts(page);
    await page.goto(chapter);
    await page.waitForLoadState('networkidle');
    const made = await sandboxWorkersMade(page);
    expect(made).toHaveLength(1);
    // Not the cell script's client: the inline script at the top of the content, as the parser met it.
    expect(made[0].calledFrom).toBe('page');
    expect(made[0].readyState).toBe('loading');
    expect(page.workers().filter((worker) => SANDBOX_WORKER.test(worker.url()))).toHaveLength(1);
    expect((await seen(page)).engineCompiles).toBe(0);
  });
}

test('a Run uses the early worker: no second worker, and the page compiles no engine', async ({ page }) => {
  test.setTimeout(60_000);
  await watchStarts(page);
  const cell = await openSharedCode(page, '/profiling/', 'two-profilers-plain', 'console.log("early", 6 * 7)');
  await runAndWait(cell);
  await expect(cell).toHaveAttribute('data-status', 'ok');
  await expect(await openConsole(cell)).toContainText('early 42');
  await expect(consolePanel(cell)).not.toContainText(/sandbox/i);
  expect(await sandboxWorkersMade(page)).toHaveLength(1);
  expect((await seen(page)).engineCompiles).toBe(0);
});

test('a page without cells starts no sandbox worker', async ({ page }) => {
  await watchStarts(page);
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  expect(await sandboxWorkersMade(page)).toEqual([]);
});
