/**
 * The page's way to the sandbox. The client is a few KB and part of the cell
 * script, so on a page with cells the worker starts while the page is still
 * loading: it fetches the engine and compiles its wasm on threads of its own,
 * and a Run clicked as the page finishes loading finds it ready instead of
 * waiting for it to boot (issue 19). Pages without cells never load it.
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
