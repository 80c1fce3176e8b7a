/**
 * The Node API's worker gives memory back after a run that needed a lot.
 * Truth by construction: a bomb under a 384 MB limit fills a wasm memory of
 * about 400 MB, which this process holds resident; the module is dropped after
 * the run (engine/module.ts), but only a garbage collection in the worker would
 * free it, and an idle worker has no reason to collect. The watchdog retires a
 * worker that holds that much, so the memory is gone by the next run.
 * (The adversarial suite, 276 runs in one process, peaked at 578 MB resident
 * without this and 358 MB with it.)
 */
import { describe, expect, it } from 'vitest';
import { runCode } from '../../../src/sandbox/node';

const MB = 1024 * 1024;

describe('the watchdog worker after a run that filled a large memory', () => {
  it('frees it: the next run leaves this process at least 250 MB smaller', async () => {
    await runCode({ code: '1', filename: 'warm.js' });
    const bomb = await runCode({ code: 'const a = []; for (;;) a.push(a.length);', filename: 'bomb.js', limits: { memoryBytes: 384 * MB, timeoutMs: 60_000 } });
    expect(bomb.status).toBe('out-of-memory');
    const afterBomb = process.memoryUsage.rss();
    expect((bomb.peakMemory?.wasmBytes ?? 0) / MB).toBeGreaterThan(350);
    const next = await runCode({ code: 'console.log(6 * 7)', filename: 'next.js' });
    expect(next.console.map((e) => e.text)).toContain('42');
    const afterNext = process.memoryUsage.rss();
    console.log(`[watchdog memory] resident after the bomb ${Math.round(afterBomb / MB)} MB, after the next run ${Math.round(afterNext / MB)} MB`);
    expect((afterBomb - afterNext) / MB).toBeGreaterThan(250);
  }, 120_000);
});
