/**
 * The page's way to the sandbox: the client module (and with it the worker
 * and the wasm) is fetched only when needed, and warmed up when the browser
 * is idle or a cell scrolls into view, so the first Run finds it ready.
 */
import type { getSandboxClient as GetSandboxClient } from '../../sandbox/client';
import { afterLoadWhenIdle } from './idle';

export type SandboxClient = ReturnType<typeof GetSandboxClient>;

let client: Promise<SandboxClient> | undefined;

export function sandboxClient(): Promise<SandboxClient> {
  client ??= import('../../sandbox/client').then((module) => module.getSandboxClient());
  return client;
}

let warmed = false;

export function warmUpSandbox(): void {
  if (warmed) return;
  warmed = true;
  sandboxClient()
    .then((sandbox) => sandbox.warmUp())
    .catch((error: unknown) => {
      // The first Run will try again and report the problem where the learner sees it.
      warmed = false;
      console.warn('The sandbox could not be warmed up:', error);
    });
}

const waiting: Element[] = [];
let visibility: IntersectionObserver | undefined;
let scheduled = false;

/**
 * Warm up when the browser is idle, or as soon as a cell comes into view,
 * whichever is first; both only after the page has loaded, so the worker and
 * the wasm never compete with the page's own first render.
 */
export function warmUpWhenUseful(cell: Element): void {
  waiting.push(cell);
  if (scheduled) return observe();
  scheduled = true;
  afterLoadWhenIdle(warmUpSandbox);
  if (document.readyState === 'complete') observe();
  else window.addEventListener('load', observe, { once: true });
}

function observe(): void {
  if (warmed || typeof IntersectionObserver === 'undefined' || document.readyState !== 'complete') return;
  visibility ??= new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    visibility?.disconnect();
    warmUpSandbox();
  });
  for (const cell of waiting.splice(0)) visibility.observe(cell);
}
