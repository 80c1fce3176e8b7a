/**
 * Runs work once the page has loaded and the browser is idle, so that
 * warming up (the sandbox, the results renderer) never competes with the
 * page's own first render and first input.
 */
type IdleWindow = Window & { requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number };

export function afterLoadWhenIdle(task: () => void, timeoutMs = 4000): void {
  const schedule = () => {
    const win = window as IdleWindow;
    if (win.requestIdleCallback) win.requestIdleCallback(task, { timeout: timeoutMs });
    else setTimeout(task, 1500);
  };
  if (document.readyState === 'complete') schedule();
  else window.addEventListener('load', schedule, { once: true });
}
