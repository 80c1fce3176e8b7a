/** The checks every adversarial run must pass, whichever way it was run. */
import { expect } from 'vitest';
import { DEFAULT_LIMITS, type RunResult } from '../../../../src/sandbox/types';

/** Host-side frames: node internals, the sandbox's own TypeScript, module paths. */
export const HOST_STACK = /node:internal|\/src\/sandbox\/|\/src\/cli\/|\/node_modules\/|at [^\n]*\.(?:ts|tsx|mjs|cjs):\d+:\d+\)?\s*$|file:\/\//m;
export const RSS_LIMIT_KB = 600 * 1024;

/** Console and error text stay within the output cap (plus the short notes the sandbox adds). */
export function expectBoundedOutput(text: string): void {
  expect(text.length).toBeLessThan(DEFAULT_LIMITS.maxOutputBytes * 2 + 64 * 1024);
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  expect(lines).toBeLessThan(DEFAULT_LIMITS.maxOutputLines * 2 + 100);
}

export function learnerLines(r: RunResult): string[] {
  return r.console.filter((e) => e.level !== 'system').map((e) => e.text);
}

export function allText(r: RunResult): string {
  return [...r.console.map((e) => e.text), r.error ? `${r.error.name}: ${r.error.message}` : '', r.limitHit?.message ?? ''].join('\n');
}
