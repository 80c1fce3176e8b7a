/**
 * The page's way to the sandbox. On a built chapter the worker is already
 * running: an inline script started it as the parser reached the content
 * (src/sandbox/early-worker.ts), and the client takes it over when a cell first
 * asks. Elsewhere (the dev server) the client starts it here, while the page
 * still loads. Either way a Run clicked as the page finishes loading finds the
 * engine ready instead of waiting for it to boot (issue 19). Pages without
 * cells never load it.
 */
import { getSandboxClient } from '../../sandbox/client';

export type SandboxClient = ReturnType<typeof getSandboxClient>;

export function sandboxClient(): SandboxClient {
  return getSandboxClient();
}

let started = false;

/** Starts the worker and its warm-up run, once. */
export function startSandboxEarly(): void {
  if (started) return;
  started = true;
  try {
    sandboxClient().warmUp();
  } catch (error) {
    // The first Run will try again and report the problem where the learner sees it.
    started = false;
    console.warn('The sandbox could not be started:', error);
  }
}
