/**
 * The adversarial cases (./cases.ts) through the Node API (runCode: the
 * watchdog's worker thread), under run, profile, profile --sampling and
 * memprofile. Each run must end within its deadline plus the watchdog's grace,
 * keep this process under 600 MB resident, show no host stack trace, and keep
 * its output within the cap; deterministic cases print the same in every mode.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runCode } from '../../../../src/sandbox/node';
import { WATCHDOG_GRACE_MS } from '../../../../src/sandbox/watchdog/runner';
import type { RunRequest, RunResult } from '../../../../src/sandbox/types';
import { CASES, DEADLINE_MS } from './cases';
import { allText, expectBoundedOutput, HOST_STACK, learnerLines, RSS_LIMIT_KB } from './checks';

const MODES: Record<string, Partial<RunRequest>> = {
  run: {},
  profile: { profile: { kind: 'deterministic' } },
  sampling: { profile: { kind: 'sampling' } },
  memprofile: { memory: { lines: true } },
};
/** Between the watchdog firing and this test seeing the answer: one event-loop turn, generously. */
const SETTLE_MS = 1500;

async function runTimed(code: string, extra: Partial<RunRequest>): Promise<{ result: RunResult; ms: number }> {
  let started = 0;
  const result = await runCode({ code, filename: 'case.js', limits: { timeoutMs: DEADLINE_MS }, ...extra }, { onStarted: () => (started = performance.now()) });
  return { result, ms: performance.now() - started };
}

describe('adversarial programs through the Node API', () => {
  beforeAll(async () => {
    await runCode({ code: '1', filename: 'warm.js' }); // starts the worker
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const outputs: Record<string, string[]> = {};
    for (const [mode, extra] of Object.entries(MODES)) {
      const { result, ms } = await runTimed(c.code, extra);
      const where = `${mode}: ${result.status} ${result.error?.message.slice(0, 200) ?? ''}`;
      expect(ms, where).toBeLessThan(DEADLINE_MS + WATCHDOG_GRACE_MS + SETTLE_MS);
      expect(c.status, where).toContain(result.status);
      expect(process.resourceUsage().maxRSS).toBeLessThan(RSS_LIMIT_KB);
      const text = allText(result);
      expect(text, mode).not.toMatch(HOST_STACK);
      expectBoundedOutput(text);
      // What a case prints is checked when it ran to the end (a loaded machine may stop it at its deadline first).
      if (result.status === 'ok') for (const line of c.prints ?? []) expect(learnerLines(result), mode).toContain(line);
      outputs[mode] = learnerLines(result);
      if (c.deterministic) outputs[mode].push(`${result.status} ${result.error ? `${result.error.name}: ${result.error.message}` : ''}`);
    }
    if (c.deterministic) for (const mode of Object.keys(MODES)) expect(outputs[mode], mode).toEqual(outputs.run);
  });
});
