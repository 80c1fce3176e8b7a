/**
 * Instrumentation must not change what a program does: every program of the
 * corpus prints the same lines and fails the same way (name, message, file and
 * line of the error and of every stack frame) with no profiler, under the
 * deterministic one and under the sampling one. Columns are not compared:
 * QuickJS reports a column per bytecode position marker, which depends on the
 * shape of the code around (plain `() => null.x` reports column 1), so they
 * are approximate with or without the transform.
 */
import { describe, expect, it } from 'vitest';
import { runInSandbox } from '../../../src/sandbox/engine/run';
import { profilerTool } from '../../../src/sandbox/profiler/tool';
import type { ProfilerKind, RunResult } from '../../../src/sandbox/types';
import { CORPUS } from './corpus';

function observable(r: RunResult) {
  return {
    status: r.status,
    console: r.console.map((c) => `${c.level}: ${c.text}`),
    error: r.error
      ? {
          name: r.error.name,
          message: r.error.message,
          where: r.error.location && `${r.error.location.file}:${r.error.location.line}`,
          stack: r.error.stack.map((f) => `${f.functionName} ${f.file ?? ''}:${f.line ?? ''}`),
          unhandled: !!r.error.unhandledRejection,
        }
      : undefined,
  };
}

async function run(code: string, kind?: ProfilerKind): Promise<RunResult> {
  return runInSandbox({ code, filename: 'corpus.js', limits: { timeoutMs: 20_000 }, ...(kind ? { profile: { kind } } : {}) }, [profilerTool]);
}

describe('instrumentation is transparent', () => {
  it('has a corpus of at least 100 programs', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(100);
    expect(new Set(CORPUS.map(([name]) => name)).size).toBe(CORPUS.length);
  });

  it.each(CORPUS)('%s', async (_name, code) => {
    const plain = observable(await run(code));
    // The programs are chosen to do something visible.
    expect(plain.console.length + (plain.error ? 1 : 0)).toBeGreaterThan(0);
    const deterministic = await run(code, 'deterministic');
    const sampling = await run(code, 'sampling');
    expect(observable(deterministic)).toEqual(plain);
    expect(observable(sampling)).toEqual(plain);
    if (plain.error?.name !== 'SyntaxError') {
      expect(deterministic.profile).toBeDefined();
      expect(sampling.profile).toBeDefined();
    }
  });
});
