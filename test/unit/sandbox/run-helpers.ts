import { runInSandbox } from '../../../src/sandbox/engine/run';
import type { RunRequest, RunResult } from '../../../src/sandbox/types';

export const run = (code: string, extra: Partial<RunRequest> = {}): Promise<RunResult> =>
  runInSandbox({ code, filename: 'test.js', ...extra });

export const out = (r: RunResult): string[] => r.console.map((e) => e.text);
