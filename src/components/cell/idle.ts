/**
 * The page's own background work (bringing recorded results to life,
 * highlighting restored code, fetching what a Run will show) runs when the
 * browser is idle, and never while a run the learner asked for is on its way.
 *
 * A run looks idle to the browser: the page's thread waits while the sandbox
 * worker computes. But on a machine with two cores, whatever the page starts
 * then (a recorded profile parsed and drawn, say) takes CPU from the worker and
 * delays the result the learner is waiting for (issue 19: a Run clicked at load
 * measured 343 ms with that work, 272 ms with it held back). So each run holds
 * the idle work (holdIdleWork) until its result is on screen; what came due in
 * the meantime waits for the next idle moment after that.
 */
type IdleWindow = Window & { requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number };

/** Where requestIdleCallback is missing (Safari), a task waits this long instead, by default. */
const NO_IDLE_CALLBACK_DELAY_MS = 50;
/** Work after load waits longer there, so it stays clear of the page's first render and input. */
const AFTER_LOAD_NO_IDLE_CALLBACK_DELAY_MS = 1500;

let holds = 0;
/** Tasks that came due while a run was on its way, in the order they did. */
let held: Array<() => void> = [];

/**
 * Holds the page's idle work back until the returned release is called (it may be
 * called more than once; only the first counts). Holds nest: work waits for the last.
 */
export function holdIdleWork(): () => void {
  holds++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds--;
    if (holds > 0) return;
    const due = held;
    held = [];
    for (const task of due) task();
  };
}

/**
 * Runs `task` at the browser's next idle moment (within timeoutMs) at which no run holds
 * the idle work; without idle callbacks, after `fallbackDelayMs` (and no hold).
 */
export function whenIdle(task: () => void, timeoutMs: number, fallbackDelayMs = NO_IDLE_CALLBACK_DELAY_MS): void {
  const attempt = () => {
    if (holds > 0) held.push(() => whenIdle(task, timeoutMs, fallbackDelayMs));
    else task();
  };
  const win = window as IdleWindow;
  if (win.requestIdleCallback) win.requestIdleCallback(attempt, { timeout: timeoutMs });
  else setTimeout(attempt, fallbackDelayMs);
}

/**
 * Runs work once the page has loaded and the browser is idle, so that
 * warming up (the sandbox, the results renderer) never competes with the
 * page's own first render and first input.
 */
export function afterLoadWhenIdle(task: () => void, timeoutMs = 4000): void {
  const schedule = () => whenIdle(task, timeoutMs, AFTER_LOAD_NO_IDLE_CALLBACK_DELAY_MS);
  if (document.readyState === 'complete') schedule();
  else window.addEventListener('load', schedule, { once: true });
}
