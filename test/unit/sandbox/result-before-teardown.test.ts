/**
 * A run hands its result over before its runtime is torn down (RunHooks.onResult
 * in engine/run.ts): the sandbox worker posts it there, so the page renders it
 * while the worker frees the heap. Checked on the real engine, with the
 * runtime's own dispose watched: the hook sees a live runtime, gets the very
 * result runInSandbox returns, once, on every way a run can end.
 */
import { QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runInSandbox } from '../../../src/sandbox/engine/run';
import type { RunRequest, RunResult } from '../../../src/sandbox/types';

afterEach(() => vi.restoreAllMocks());

/** Runs `request`, recording when the hook was called relative to the runtime's teardown. */
async function watched(request: RunRequest) {
  const dispose = vi.spyOn(QuickJSRuntime.prototype, 'dispose');
  const delivered: Array<{ result: RunResult; disposedBefore: number }> = [];
  const returned = await runInSandbox(request, [], {
    onResult: (result) => delivered.push({ result, disposedBefore: dispose.mock.calls.length }),
  });
  return { returned, delivered, disposedAfter: dispose.mock.calls.length };
}

describe('the result, before the teardown', () => {
  const endings: Array<{ name: string; request: RunRequest; status: RunResult['status'] }> = [
    { name: 'a run that ends well', request: { code: 'console.log(6 * 7)' }, status: 'ok' },
    { name: 'a thrown error', request: { code: 'null.x' }, status: 'error' },
    { name: 'the deadline', request: { code: 'for (;;) {}', limits: { timeoutMs: 200 } }, status: 'timeout' },
    {
      name: 'a heap filled to its limit',
      request: { code: 'const keep = []; for (;;) keep.push({ a: [1, 2, 3] });', limits: { memoryBytes: 16 * 1024 * 1024 } },
      status: 'out-of-memory',
    },
  ];

  for (const { name, request, status } of endings) {
    it(`${name}: delivered once, the same result, while the runtime is alive`, async () => {
      const { returned, delivered, disposedAfter } = await watched(request);
      expect(returned.status).toBe(status);
      expect(delivered).toHaveLength(1);
      expect(delivered[0].result).toBe(returned);
      expect(delivered[0].disposedBefore).toBe(0);
      expect(disposedAfter).toBe(1);
    });
  }

  it('a run asked for from the hook (as the page does on a result) starts only after the teardown, and works', async () => {
    const dispose = vi.spyOn(QuickJSRuntime.prototype, 'dispose');
    /** How many runtimes had been torn down as each run made its own. */
    const disposedAtEachStart: number[] = [];
    const original = QuickJSWASMModule.prototype.newRuntime;
    vi.spyOn(QuickJSWASMModule.prototype, 'newRuntime').mockImplementation(function (this: QuickJSWASMModule, ...args) {
      disposedAtEachStart.push(dispose.mock.calls.length);
      return original.apply(this, args);
    });
    let next: Promise<RunResult> | undefined;
    await runInSandbox({ code: 'const keep = []; for (let i = 0; i < 2e5; i++) keep.push({ i });' }, [], {
      onResult: () => {
        next = runInSandbox({ code: 'console.log("next", 1 + 1)' });
      },
    });
    const result = await next!;
    expect(disposedAtEachStart).toEqual([0, 1]);
    expect(result.status).toBe('ok');
    expect(result.console.map((entry) => entry.text)).toEqual(['next 2']);
  });
});
