/**
 * The sandbox worker, started by a small inline script at the top of a page's
 * content, long before the page's own scripts run (issue 19).
 *
 * Why. A worker's thread starts only when the page's thread hands it its
 * fetched script, and a chapter's page holds that thread for hundreds of ms
 * after its module scripts run (layout, then the load event). Started from the
 * module script, the worker began running at about the load event, then spent
 * its first 200 ms compiling itself and the engine while the learner's first
 * Run waited. Started as the parser reaches the content, it loads, compiles its
 * own engine and warms up on its own thread while the page is still being
 * parsed and laid out.
 *
 * Tried and dropped: waiting for the first paint (a paint observer, or the
 * first animation frame) before starting it. Either came after the page's
 * module scripts in some loads, so the client started the worker the old way,
 * and neither moved the largest paint measurably (docs/DECISIONS.md).
 *
 * The contract between the inline script and the page's client (client.ts):
 * - the script reads the worker's URL from its own `data-sandbox-worker`
 *   attribute, which the build fills in (src/markdown/early-worker-integration.ts); with
 *   anything else there (the dev server) it does nothing, and the client starts
 *   a worker the usual way;
 * - it posts `{ type: 'warm' }` (the worker compiles its own engine), keeps
 *   every message and error the worker sends until the client takes it over,
 *   and leaves all that on `window[EARLY_WORKER_GLOBAL]`;
 * - the client takes it once (takeEarlyWorker), replays what was kept and
 *   handles the rest itself.
 */
import type { FromWorker, ToWorker } from './protocol';

/** Where the inline script leaves the worker for the client. */
export const EARLY_WORKER_GLOBAL = '__workbookEarlySandbox';
/** What the page carries until the build knows the worker's URL; not a URL, so the script ignores it. */
export const WORKER_URL_PLACEHOLDER = 'sandbox-worker-url:filled-in-by-the-build';
/** The attribute of the inline script that holds the worker's URL. */
export const WORKER_URL_ATTRIBUTE = 'data-sandbox-worker';

/** The worker the inline script started, with what it said before the client took it over. */
export interface EarlyWorker {
  worker: Worker;
  /** Messages in the order they came. */
  messages: FromWorker[];
  /** Set when the worker failed (its script did not load, say): the client replaces it. */
  failure?: string;
}

/** The first message the inline script posts (checked against the protocol by a test). */
export const EARLY_WARM_MESSAGE: ToWorker = { type: 'warm' };

/**
 * The inline script, as the page carries it. Plain ES2017 without modules: it
 * runs as the parser meets it. Its text never changes with the build (the URL
 * is in an attribute), so its CSP hash is stable.
 */
export const EARLY_WORKER_SCRIPT = `(function () {
  var script = document.currentScript;
  var url = script && script.getAttribute(${JSON.stringify(WORKER_URL_ATTRIBUTE)});
  if (!url || url.charAt(0) !== '/' || typeof Worker !== 'function') return;
  try {
    var worker = new Worker(url, { type: 'module', name: 'workbook-sandbox' });
    var early = { worker: worker, messages: [], failure: undefined };
    worker.onmessage = function (event) { early.messages.push(event.data); };
    worker.onerror = function (event) {
      event.preventDefault();
      early.failure = event.message || 'it could not start';
    };
    worker.onmessageerror = function () { early.failure = 'it sent a message the page could not read'; };
    worker.postMessage(${JSON.stringify(EARLY_WARM_MESSAGE)});
    window[${JSON.stringify(EARLY_WORKER_GLOBAL)}] = early;
  } catch (error) {
    // No worker now: the page's client starts one when its script runs.
  }
})();`;

/** The worker the inline script started, once: later calls (and pages without it) get undefined. */
export function takeEarlyWorker(): EarlyWorker | undefined {
  const scope = globalThis as unknown as Record<string, EarlyWorker | undefined>;
  const early = scope[EARLY_WORKER_GLOBAL];
  if (!early) return undefined;
  scope[EARLY_WORKER_GLOBAL] = undefined;
  return early;
}
