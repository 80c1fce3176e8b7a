/**
 * Helpers shared by the security, robustness and accessibility specs: which
 * pages the site has, watchers for foreign requests, CSP violations and long
 * main-thread tasks, and a way to put code into a cell through a share link
 * (the path a stranger's code takes into the page).
 */
import { existsSync } from 'node:fs';
import LZString from 'lz-string';
import { expect, type Locator, type Page } from '@playwright/test';
import { pressRun } from './press-run';

/** Every page a reader can reach: the landing page, the chapters, and the progress page once it is built. */
export const SITE_PAGES: string[] = [
  '/',
  '/profiling/',
  '/optimisation/',
  '/memory/',
  ...(existsSync(new URL('../../../dist/progress/index.html', import.meta.url)) ? ['/progress/'] : []),
  '/viewer/',
];

/** Requests that leave the site's origin (data: and blob: stay in the page). */
export function watchForeignRequests(page: Page, baseURL: string): string[] {
  const foreign: string[] = [];
  const own = new URL(baseURL).origin;
  const check = (url: string) => {
    const parsed = new URL(url);
    if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return;
    if (parsed.origin !== own) foreign.push(url);
  };
  page.on('request', (request) => check(request.url()));
  page.on('websocket', (socket) => check(socket.url()));
  return foreign;
}

export interface CspWatch {
  /** `securitypolicyviolation` events seen by the document: "directive blocked-uri". */
  events(): Promise<string[]>;
  /** Console messages (page and its workers) that mention the Content Security Policy. */
  console: string[];
}

/** Listens for CSP violations from the first byte of every document the page loads. */
export async function watchCsp(page: Page): Promise<CspWatch> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  const console: string[] = [];
  const listen = (message: { text(): string }) => {
    if (/content security policy/i.test(message.text())) console.push(message.text());
  };
  page.on('console', listen);
  page.on('pageerror', (error) => listen({ text: () => String(error) }));
  page.on('worker', (worker) => worker.on('console', listen));
  return {
    events: () => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []),
    console,
  };
}

/** Records main-thread long tasks (over 50 ms) from the start of every document. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tasks: Array<{ start: number; duration: number }> = [];
    (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // No long-task support: the spec asserts that the observer saw the page.
    }
  });
}

/** Long tasks that started at or after `since` (performance.now() of the page). */
export function longTasksSince(page: Page, since: number): Promise<Array<{ start: number; duration: number }>> {
  return page.evaluate(
    (from) => (window as unknown as { __longTasks: Array<{ start: number; duration: number }> }).__longTasks.filter((task) => task.start >= from),
    since,
  );
}

/** The page's clock, to mark the start of a measured window. */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** A share link that opens `path` with `code` in the cell `cellId` (what "Copy link" makes). */
export function shareLink(path: string, cellId: string, code: string): string {
  return `${path}#cell-${cellId}&code=${LZString.compressToEncodedURIComponent(code)}`;
}

export function cellById(page: Page, cellId: string): Locator {
  return page.locator(`wb-cell[data-cell-id="${cellId}"]`);
}

/** Opens a shared link and waits until the cell shows the link's code. */
export async function openSharedCode(page: Page, path: string, cellId: string, code: string): Promise<Locator> {
  await page.goto(shareLink(path, cellId, code));
  return sharedCodeShown(page, cellId, code);
}

/** Waits until the cell carries the "from a link" badge and shows the link's code. */
export async function sharedCodeShown(page: Page, cellId: string, code: string): Promise<Locator> {
  const cell = cellById(page, cellId);
  await expect(cell.locator('.wb-cell-badge-link')).toBeVisible();
  await expect
    .poll(() => cell.evaluate((element) => (element as HTMLElement & { currentCode(): string }).currentCode()))
    .toBe(code);
  return cell;
}

/** Clicks Run and waits for the cell to be idle again. */
export async function runAndWait(cell: Locator, timeout = 30_000): Promise<void> {
  await pressRun(cell);
  await expect(cell).toHaveAttribute('data-state', 'idle', { timeout });
}

/** The console panel of a cell's live results. */
export function consolePanel(cell: Locator): Locator {
  return cell.locator('.wb-cell-results .wb-results-panel[data-view="console"]');
}

/** Opens the console tab (a cell may open on another view, as its show= says) and returns its panel. */
export async function openConsole(cell: Locator): Promise<Locator> {
  const tab = cell.locator('.wb-results:not([data-snapshot]) [role="tab"][data-view="console"]');
  if (await tab.count()) await tab.click();
  return consolePanel(cell);
}

export interface MainThreadTask {
  /** Wall-clock length of the task. */
  wallMs: number;
  /** CPU time the main thread spent in it: what the page itself cost, without time the OS gave to others. */
  cpuMs: number;
  /** The longest events inside it (script, GC, layout…), so a failure says what the time went to. */
  inside: string;
}

/**
 * Runs `action` while Chromium traces the page's main thread, and returns every
 * task longer than 50 ms of wall time. On a shared, loaded machine a task's
 * wall time includes time the thread waited for a core, so the CPU time is
 * what tells whether the page itself blocked.
 */
export async function traceMainThread(page: Page, action: () => Promise<void>): Promise<MainThreadTask[]> {
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  let buffer: Buffer;
  try {
    await action();
  } finally {
    buffer = await browser.stopTracing();
  }
  const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = new Set(
    events
      .filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const tasks = events.filter((event) => event.ph === 'X' && event.name === 'RunTask' && main.has(`${event.pid}:${event.tid}`));
  // A trace without the page's tasks would make any check on it pass: refuse it.
  if (tasks.length === 0) throw new Error('The trace holds no task of the page main thread.');
  return tasks
    .filter((event) => (event.dur ?? 0) > 50_000)
    .map((event) => ({ wallMs: toMs(event.dur), cpuMs: toMs(event.tdur ?? event.dur), inside: describeInside(event, events) }));
}

const toMs = (micros: number | undefined): number => Math.round((micros ?? 0) / 1000);

/** The three longest complete events nested in `task` on its thread, by CPU time, as "name(detail) cpu/wall ms". */
function describeInside(task: TraceEvent, events: TraceEvent[]): string {
  const end = task.ts + (task.dur ?? 0);
  const nested = events.filter(
    (event) => event !== task && !/RunTask$/.test(event.name) && event.ph === 'X' && event.pid === task.pid && event.tid === task.tid && event.ts >= task.ts && event.ts + (event.dur ?? 0) <= end,
  );
  const cpu = (event: TraceEvent) => event.tdur ?? event.dur ?? 0;
  return nested
    .sort((a, b) => cpu(b) - cpu(a))
    .slice(0, 3)
    .map((event) => {
      const data = event.args?.data;
      const detail = data?.functionName || data?.url?.split('/').pop() || data?.type || '';
      return `${event.name}${detail ? `(${detail})` : ''} ${toMs(cpu(event))}/${toMs(event.dur)}`;
    })
    .join('; ');
}

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; type?: string } };
}
