/**
 * Running sandbox code from Node: the CLI, tests, benchmarks and the build use this.
 * runFile and runCode run on the watchdog's worker thread (./watchdog/runner.ts), so
 * every run ends within its deadline plus a grace; runInSandbox runs in this thread.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { RunRequest, RunResult } from './types';
import { runInSandbox, type RunHooks } from './engine/run';
import { runGuarded, type GuardedHooks } from './watchdog/runner';
import { ALL_TOOLS } from './tools';

export { runInSandbox, runGuarded };
export { formatRunError } from './engine/errors';

/** Runs a JavaScript file as a cell would: same globals, same limits, same tools. */
export async function runFile(path: string, request: Partial<RunRequest> = {}, hooks: GuardedHooks = {}): Promise<RunResult> {
  const code = await readFile(path, 'utf8');
  return runGuarded({ filename: basename(path), ...request, code }, ALL_TOOLS, hooks);
}

/** Runs code with every tool available, as the page does. */
export function runCode(request: RunRequest, hooks: GuardedHooks = {}): Promise<RunResult> {
  return runGuarded(request, ALL_TOOLS, hooks);
}
