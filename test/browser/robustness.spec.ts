/**
 * Runaway code, faults and load, in real Chromium against the built site.
 * Code reaches a cell the way a stranger's code does: through a share link
 * (the page listens for the link's hash). Each runaway program must end with a
 * message naming the limit, within the run's deadline plus the watchdog's one
 * second, while the main thread stays free (no long task over 100 ms), and
 * the next run must work. Faults: the worker failing, storage misbehaving,
 * the wasm missing. Load: 20 cells through "Run all", and 200 runs in a row
 * without growing the heap, the listeners or the number of workers.
 */
import { expect, test, type CDPSession, type Locator, type Page } from '@playwright/test';
import { pressRun } from './support/press-run';
import {
  cellById,
  consolePanel, openConsole,
  longTasksSince,
  pageNow,
  runAndWait,
  shareLink,
  sharedCodeShown,
  traceMainThread,
  type MainThreadTask,
  watchForeignRequests,
  watchLongTasks,
} from './support/hardening';

const CHAPTER = '/profiling/';
/** A plain cell (console and time views, default limits): nothing but the learner's code runs. */
const CELL = 'two-profilers-plain';
/** The default run deadline (src/sandbox/types.ts DEFAULT_LIMITS) and the watchdog's grace. */
const DEADLINE_MS = 10_000;
const WATCHDOG_GRACE_MS = 1_000;
/** Main-thread tasks longer than this make the page feel stuck. */
const LONG_TASK_MS = 100;

/** Trials of a run whose main thread is checked: its figure is the best trial's longest task. */
const RESPONSIVE_TRIALS = 3;

/**
 * Runs `action` and checks the page's main thread meanwhile. Two measures:
 * the page's own PerformanceObserver('longtask') (wall clock, reported), and a
 * Chromium trace of the main thread, whose per-task CPU time is asserted: on
 * this shared two-core machine a task's wall time also counts the time the
 * thread waited for a core while the sandbox worker (and other jobs) ran.
 *
 * Even a task's CPU time is inflated now and then on a shared machine (a CI
 * run read 190 ms for a task that takes 10-25 ms in every loaded run here).
 * So the figure is timeit's: the best of up to RESPONSIVE_TRIALS trials of
 * the same action, each trial's figure being its longest task. Work the page
 * really does on its main thread is there in every trial; a machine's
 * hiccup is not. A trial that passes ends the measure, since the minimum is
 * then under the bound whatever later trials would read.
 */
async function expectResponsive(page: Page, label: string, action: () => Promise<void>): Promise<MainThreadTask[]> {
  const longest: number[] = [];
  let tasks: MainThreadTask[] = [];
  for (let trial = 1; trial <= RESPONSIVE_TRIALS; trial++) {
    tasks = await traceTrial(page, `${label}, trial ${trial}`, action);
    longest.push(Math.max(0, ...tasks.map((task) => task.cpuMs)));
    if (longest.at(-1)! <= LONG_TASK_MS) break;
  }
  expect(Math.min(...longest), `the longest main-thread task's CPU ms, best of trials ${longest.join(', ')}`).toBeLessThanOrEqual(LONG_TASK_MS);
  return tasks; // the last trial's, whose run the page's marks describe
}

/** One traced run of `action`: reports its long tasks, and what the longest ones spent their time on. */
async function traceTrial(page: Page, label: string, action: () => Promise<void>): Promise<MainThreadTask[]> {
  const since = await pageNow(page);
  const traced = await traceMainThread(page, action);
  const observed = await longTasksSince(page, since);
  const describe = (values: Array<string | number>) => (values.length ? values.join(', ') : 'none');
  const summary = `long tasks (wall ms): ${describe(observed.map((task) => Math.round(task.duration)))}; traced tasks over 50 ms (wall/cpu ms): ${describe(traced.map((task) => `${task.wallMs}/${task.cpuMs}`))}`;
  test.info().annotations.push({ type: label, description: summary });
  console.log(`[${label}] ${summary}`);
  for (const task of traced.filter((task) => task.cpuMs > 50)) console.log(`[${label}] inside the ${task.cpuMs} ms task: ${task.inside}`);
  return traced;
}

/** Puts code into the cell through its share link, on the page already open (same worker). */
async function shareInto(page: Page, cellId: string, code: string): Promise<Locator> {
  await page.evaluate((hash) => (location.hash = hash), shareLink('', cellId, code));
  return sharedCodeShown(page, cellId, code);
}

/** Time between the run going to the sandbox (the page's watchdog is armed then) and its result arriving, from the page's own marks. */
function lastRunMs(page: Page): Promise<number> {
  return page.evaluate(() => {
    const start = performance.getEntriesByName('wb:run-sent').at(-1)!.startTime;
    const end = performance.getEntriesByName('wb:run-result').at(-1)!.startTime;
    return end - start;
  });
}

/** The live sandbox workers of the page (Monaco's editor worker is not one of them). */
function sandboxWorkers(page: Page): number {
  return page.workers().filter((worker) => !/editor\.worker/.test(worker.url())).length;
}

/** Opens the chapter and runs the cell once, so the worker, the wasm and the results views are loaded. */
async function openWarm(page: Page): Promise<Locator> {
  await watchLongTasks(page);
  await page.goto(CHAPTER);
  const cell = await shareInto(page, CELL, 'console.log("warm", 6 * 7)');
  await runAndWait(cell);
  await expect(await openConsole(cell)).toContainText('warm 42');
  return cell;
}

test.describe('runaway code ends with a message naming the limit', () => {
  // `where` is the element that must name the limit: the run-status note, or the error block for an engine error.
  const runaways: Array<{ name: string; code: string; status: RegExp; message: RegExp; where?: string }> = [
    { name: 'an infinite loop', code: 'for (;;) {}', status: /^timeout$/, message: /time limit/ },
    { name: 'infinite recursion', code: 'function down(n) { return down(n + 1) + 1; }\ndown(0);', status: /^stack-overflow$/, message: /Stack overflow/ },
    // Each job allocates a promise, so with the default limits memory runs out before the time does.
    { name: 'an endless promise-job loop', code: 'const spin = () => Promise.resolve().then(spin);\nspin();', status: /^(timeout|out-of-memory)$/, message: /time limit|memory limit/ },
    { name: 'an array allocation bomb', code: 'const keep = [];\nfor (;;) keep.push(new Array(10000).fill(7));', status: /^out-of-memory$/, message: /memory limit/ },
    { name: 'an object allocation bomb', code: 'const keep = {};\nfor (let i = 0; ; i++) keep["key" + i] = { i, twice: [i, i] };', status: /^out-of-memory$/, message: /memory limit/ },
    { name: 'a string allocation bomb', code: 'const keep = [];\nfor (let i = 0; ; i++) keep.push("x".repeat(1 << 20) + i);', status: /^out-of-memory$/, message: /memory limit/ },
    // Doubling a string builds ropes (little memory): QuickJS's maximum string length stops it first.
    { name: 'a doubling string', code: 'let text = "grow";\nfor (;;) text += text;', status: /^error$/, message: /string too long/, where: '.wb-error-head' },
    { name: 'an ArrayBuffer allocation bomb', code: 'const keep = [];\nfor (;;) keep.push(new ArrayBuffer(1 << 20));', status: /^out-of-memory$/, message: /memory limit/ },
    { name: 'an output flood', code: 'for (let i = 0; ; i++) console.log("line", i);', status: /^output-limit$/, message: /Output stopped/ },
  ];

  for (const { name, code, status, message, where = '.wb-console-status' } of runaways) {
    test(name, async ({ page, baseURL }) => {
      // Up to RESPONSIVE_TRIALS runs to the deadline (an infinite loop takes 10 s each), then the next run.
      test.setTimeout(180_000);
      const foreign = watchForeignRequests(page, baseURL!);
      await openWarm(page);
      const cell = await shareInto(page, CELL, code);
      const tasks = await expectResponsive(page, name, async () => {
        await pressRun(cell);
        // The page answers while the sandbox is busy.
        expect(await page.evaluate(() => document.querySelectorAll('wb-cell').length)).toBeGreaterThan(0);
        await expect(cell).toHaveAttribute('data-state', 'idle', { timeout: DEADLINE_MS + WATCHDOG_GRACE_MS + 15_000 });
      });

      await expect(cell).toHaveAttribute('data-status', status);
      await expect(cell.locator(where)).toContainText(message);
      const took = await lastRunMs(page);
      test.info().annotations.push({ type: 'run ms', description: took.toFixed(0) });
      console.log(`[${name}] ended as ${await cell.getAttribute('data-status')} after ${took.toFixed(0)} ms`);
      // The worker ends the run at its deadline; failing that, the page's watchdog ends it at the
      // deadline plus its grace. A timer fires only once the task running when it comes due is
      // over, so on a loaded machine it can be late by the page's longest task (a loaded CI run:
      // ended by the watchdog 14 ms past 11 s, with main-thread tasks of up to 206 ms).
      // The trace lists the tasks over 50 ms, so no unlisted task was longer than that.
      const timerLate = Math.max(50, ...tasks.map((task) => task.wallMs));
      expect(took).toBeLessThanOrEqual(DEADLINE_MS + WATCHDOG_GRACE_MS + timerLate);

      // The next run works, and no worker was left behind.
      const next = await shareInto(page, CELL, 'console.log("next", [3, 4].map((n) => n * n).join("+"))');
      await runAndWait(next);
      await expect(next).toHaveAttribute('data-status', 'ok');
      await expect(await openConsole(next)).toContainText('next 9+16');
      await expect.poll(() => sandboxWorkers(page), { timeout: 10_000 }).toBe(1);
      expect(foreign).toEqual([]);
    });
  }

  test('deep and wide objects print quickly, cut to a readable size', async ({ page }) => {
    test.setTimeout(120_000);
    await openWarm(page);
    const cell = await shareInto(
      page,
      CELL,
      [
        'let node = {}; const root = node;',
        'for (let i = 0; i < 100000; i++) { node.next = { depth: i }; node = node.next; }',
        'console.log(root);',
        'console.log(Array.from({ length: 200000 }, (_, i) => ({ i, label: "item" + i })));',
        'const self = { name: "loop" }; self.self = self; console.log(self);',
      ].join('\n'),
    );
    await expectResponsive(page, 'deep and wide objects', () => runAndWait(cell));
    await expect(cell).toHaveAttribute('data-status', 'ok');
    const lines = (await openConsole(cell)).locator('.wb-console-line[data-level="log"]');
    await expect(lines).toHaveCount(3);
    await expect(lines.nth(0)).toContainText('[Object]');
    await expect(lines.nth(1)).toContainText('more item');
    await expect(lines.nth(2)).toContainText('Circular');
    expect((await consolePanel(cell).textContent())!.length).toBeLessThan(50_000);
  });
});

test.describe('faults', () => {
  test('the worker script failing to load: a clear message, then a fresh worker once it is back', async ({ page }) => {
    test.setTimeout(90_000);
    let broken = true;
    // Both the worker the page's inline script starts and the one its client starts instead come from this file.
    await page.route('**/_astro/sandbox-worker-*.js', (route) =>
      broken
        ? route.fulfill({ status: 200, contentType: 'text/javascript', headers: { 'cache-control': 'no-store' }, body: 'this is not JavaScript (' })
        : route.continue(),
    );
    await page.goto(CHAPTER);
    const cell = await shareInto(page, CELL, 'console.log("after the crash", 2 + 2)');
    await runAndWait(cell);
    await expect(cell).toHaveAttribute('data-status', 'crashed');
    await expect(cell.locator('.wb-cell-status')).toHaveText('Sandbox crashed');
    await expect(cell.locator('.wb-cell-results')).toContainText(/sandbox/i);
    await expect(cell.locator('.wb-cell-results')).toContainText(/fresh sandbox|Press Run to try again/);

    broken = false;
    await runAndWait(cell);
    await expect(cell).toHaveAttribute('data-status', 'ok');
    await expect(await openConsole(cell)).toContainText('after the crash 4');
    await expect.poll(() => sandboxWorkers(page), { timeout: 10_000 }).toBe(1);
  });

  test('the worker dying between runs: the next run gets a fresh worker', async ({ page }) => {
    test.setTimeout(90_000);
    const cell = await openWarm(page);
    const sandbox = page.workers().find((worker) => !/editor\.worker/.test(worker.url()))!;
    const gone = new Promise<void>((resolve) => sandbox.once('close', () => resolve()));
    // An uncaught error inside the worker, the way a bug in the engine would surface.
    await sandbox.evaluate(() => {
      setTimeout(() => {
        throw new Error('simulated worker crash');
      });
    });
    await gone;
    await shareInto(page, CELL, 'console.log("fresh worker", typeof sleep)');
    await runAndWait(cell);
    await expect(cell).toHaveAttribute('data-status', 'ok');
    await expect(await openConsole(cell)).toContainText('fresh worker function');
    await expect.poll(() => sandboxWorkers(page), { timeout: 10_000 }).toBe(1);
  });

  const storageFaults: Array<{ name: string; init: () => void; notice: string; text: RegExp }> = [
    {
      name: 'full',
      init: () => {
        Storage.prototype.setItem = function () {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      },
      notice: 'storage',
      text: /will not be kept/,
    },
    {
      name: 'disabled',
      init: () => {
        Object.defineProperty(window, 'localStorage', { configurable: true, value: null });
      },
      notice: 'storage',
      text: /will not be kept/,
    },
    {
      name: 'holding garbage',
      init: () => {
        const prefix = 'workbook:edits:v1:';
        for (const path of ['/profiling/', 'profiling', '/profiling']) {
          localStorage.setItem(`${prefix}${path}/two-profilers-plain`, '{"v":1,"code":');
          localStorage.setItem(`${prefix}${path}/fibonacci`, '\u0000\uffff not json at all');
        }
      },
      notice: 'unreadable',
      text: /could not be read/,
    },
  ];

  for (const { name, init, notice, text } of storageFaults) {
    test(`localStorage ${name}: editing and running work, and a notice explains`, async ({ page }) => {
      test.setTimeout(60_000);
      await page.addInitScript(init);
      await page.goto(CHAPTER);
      const cell = page.locator('wb-cell').filter({ has: page.locator(`.wb-cell-notice[data-notice="${notice}"]`) }).first();
      const target = notice === 'unreadable' ? cell : cellById(page, CELL);
      if (notice === 'unreadable') await expect(target.locator('.wb-cell-notice[data-notice="unreadable"]')).toContainText(text);
      await target.locator('.wb-cell-code').click();
      await expect(target).toHaveAttribute('data-editor', /monaco|textarea/);
      await target.locator(`${(await target.getAttribute('data-editor')) === 'monaco' ? '.monaco-editor ' : ''}textarea`).first().focus();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.insertText('console.log("storage", 40 + 2)');
      await expect(target.locator(`.wb-cell-notice[data-notice="${notice}"]`)).toContainText(text);
      await page.keyboard.press('ControlOrMeta+Enter');
      await expect(target).toHaveAttribute('data-status', 'ok', { timeout: 30_000 });
      await expect(await openConsole(target)).toContainText('storage 42');
    });
  }

  test("the page failing to compile the engine: the worker compiles its own and the run works", async ({ page }) => {
    test.setTimeout(90_000);
    // The page cannot compile WebAssembly at all; its worker, a realm of its own, can. Whichever
    // starts the worker (the inline script, or the client when that did not), the run must work.
    await page.addInitScript(() => {
      const refuse = () => Promise.reject(new Error('no WebAssembly on this page'));
      Object.assign(WebAssembly, { compile: refuse, compileStreaming: refuse });
    });
    await page.goto(CHAPTER);
    const cell = await shareInto(page, CELL, 'console.log("own engine", 6 * 7)');
    await runAndWait(cell);
    await expect(cell).toHaveAttribute('data-status', 'ok');
    await expect(await openConsole(cell)).toContainText('own engine 42');
  });

  test('after Stop, the fresh worker starts from the engine already compiled, without loading the wasm again', async ({ page }) => {
    test.setTimeout(90_000);
    const cell = await openWarm(page);
    // From here on the wasm cannot be loaded at all: only the compiled copy the first worker sent
    // the page (early-worker.ts) can start a worker.
    let asked = 0;
    await page.route('**/*.wasm', (route) => {
      asked++;
      return route.fulfill({ status: 404, body: 'not here' });
    });
    await shareInto(page, CELL, 'while (true) {}');
    await pressRun(cell);
    await expect(cell).toHaveAttribute('data-state', 'running');
    await cell.locator('.wb-cell-stop').click();
    await expect(cell).toHaveAttribute('data-status', 'stopped');
    await shareInto(page, CELL, 'console.log("after stop", 6 * 7)');
    await runAndWait(cell);
    await expect(cell).toHaveAttribute('data-status', 'ok');
    await expect(await openConsole(cell)).toContainText('after stop 42');
    expect(asked).toBe(0);
  });

  test('the wasm failing to load: a clear message, and the chapter stays readable', async ({ page }) => {
    test.setTimeout(90_000);
    await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'not here' }));
    await page.goto(CHAPTER);
    const cell = await shareInto(page, CELL, 'console.log("never printed")');
    await runAndWait(cell);
    await expect(cell).toHaveAttribute('data-status', 'crashed');
    const results = cell.locator('.wb-cell-results');
    // Says what went wrong in words (not only the engine's own error text).
    await expect(results).toContainText(/could not (be )?load|failed to load/i);
    await expect(results).toContainText(/sandbox/i);
    await expect(await openConsole(cell)).not.toContainText('never printed');
    // The prose, the highlighted code of every cell and the recorded results of the others are all there.
    await expect(page.locator('main h1')).toHaveText('Profiling');
    await expect(page.locator('main p').first()).toBeVisible();
    const codes = page.locator('wb-cell .wb-cell-code pre.shiki');
    expect(await codes.count()).toBeGreaterThan(5);
    await expect(cellById(page, 'sleeper').locator('.wb-results[data-recorded]')).toBeAttached();
  });
});

test.describe('load', () => {
  test('20 cells through Run all: every one ends and the main thread stays free', async ({ page }) => {
    test.setTimeout(300_000);
    await watchLongTasks(page);
    await page.goto('/memory/');
    // The memory chapter has 16 cells; copies of its first standalone cells make it 20.
    await page.evaluate(async () => {
      const cells = Array.from(document.querySelectorAll('wb-cell')).filter((cell) => !cell.closest('wb-exercise'));
      const html = await (await fetch(location.pathname)).text();
      const fresh = Array.from(new DOMParser().parseFromString(html, 'text/html').querySelectorAll('wb-cell')).filter(
        (cell) => !cell.closest('wb-exercise'),
      );
      const missing = 20 - document.querySelectorAll('wb-cell').length;
      const last = cells.at(-1)!;
      for (let index = 0; index < missing; index++) {
        const copy = document.importNode(fresh[index % fresh.length], true) as HTMLElement;
        copy.dataset.cellId = `${copy.dataset.cellId}-copy-${index}`;
        copy.id = `cell-${copy.dataset.cellId}`;
        last.after(copy);
      }
    });
    const cells = page.locator('wb-cell');
    await expect(cells).toHaveCount(20);
    let probes = 0;
    let slowestProbe = 0;
    await expectResponsive(page, 'Run all, 20 cells', async () => {
      await page.locator('wb-run-all button').click();
      // While the cells run, the page keeps answering: time some round trips to the next frame.
      while ((await page.locator('wb-run-all').getAttribute('data-state')) !== 'idle') {
        const started = Date.now();
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
        slowestProbe = Math.max(slowestProbe, Date.now() - started);
        probes++;
        await page.waitForTimeout(250);
      }
    });
    await expect(page.locator('wb-run-all [role="status"]')).toContainText('Ran 20 cells');
    for (let index = 0; index < 20; index++) await expect(cells.nth(index)).toHaveAttribute('data-status', /.+/);
    test.info().annotations.push({ type: 'slowest frame round trip ms', description: `${slowestProbe} over ${probes} probes` });
    console.log(`[Run all, 20 cells] slowest frame round trip ${slowestProbe} ms over ${probes} probes`);
    expect(probes).toBeGreaterThan(0);
  });

  test('200 runs in a row (with Stops among them): heap, listeners and workers return to baseline', async ({ page }) => {
    test.setTimeout(600_000);
    const cell = await openWarm(page);
    const cdp: CDPSession = await page.context().newCDPSession(page);
    const measure = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const counters = await cdp.send('Memory.getDOMCounters');
      return { heap: heap.usedSize, nodes: counters.nodes, listeners: counters.jsEventListeners, workers: sandboxWorkers(page) };
    };
    const quick = 'const squares = []; for (let i = 0; i < 200; i++) squares.push(i * i); console.log("sum", squares.reduce((a, b) => a + b, 0));';
    const stopARunaway = async () => {
      // A runaway stopped by the learner: Stop replaces the worker, which must not pile up.
      await shareInto(page, CELL, 'while (true) {}');
      await pressRun(cell);
      await expect(cell).toHaveAttribute('data-state', 'running');
      await cell.locator('.wb-cell-stop').click();
      await expect(cell).toHaveAttribute('data-status', 'stopped');
      await shareInto(page, CELL, quick);
    };
    // Warm-up: every code path of the loop below has run once, so lazy modules and JIT code are in the baseline.
    await shareInto(page, CELL, quick);
    for (let index = 0; index < 10; index++) await runAndWait(cell);
    await stopARunaway();
    await runAndWait(cell);
    // A terminated worker is reported closed a moment after Stop: the page has one sandbox worker once it settles.
    await expect.poll(() => sandboxWorkers(page), { timeout: 10_000 }).toBe(1);
    const baseline = await measure();

    for (let index = 1; index <= 200; index++) {
      if (index % 25 === 0) await stopARunaway();
      else {
        await runAndWait(cell);
        await expect(cell).toHaveAttribute('data-status', 'ok');
      }
    }
    await runAndWait(cell);
    await expect(await openConsole(cell)).toContainText('sum 2646700');
    await expect.poll(() => sandboxWorkers(page), { timeout: 10_000 }).toBe(1);
    const after = await measure();
    const report = `heap ${(baseline.heap / 1048576).toFixed(2)} -> ${(after.heap / 1048576).toFixed(2)} MB; DOM nodes ${baseline.nodes} -> ${after.nodes}; listeners ${baseline.listeners} -> ${after.listeners}; sandbox workers ${baseline.workers} -> ${after.workers}`;
    test.info().annotations.push({ type: '200 runs', description: report });
    console.log(`[200 runs] ${report}`);
    expect(after.workers).toBe(baseline.workers);
    expect(after.listeners).toBeLessThanOrEqual(baseline.listeners + 10);
    expect(after.nodes).toBeLessThanOrEqual(baseline.nodes * 1.1);
    // Back to baseline: a leak of even 10 kB per run would add 2 MB.
    expect(after.heap).toBeLessThanOrEqual(baseline.heap * 1.1 + 1024 * 1024);
  });
});
