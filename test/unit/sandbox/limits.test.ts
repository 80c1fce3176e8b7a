import { describe, expect, it } from 'vitest';
import { out, run } from './run-helpers';
import { cliLimitAdvice, limitHit } from '../../../src/sandbox/engine/limits';
import { DEFAULT_LIMITS } from '../../../src/sandbox/types';

describe('limits', () => {
  it('interrupts an infinite loop at the deadline and names the limit', async () => {
    const r = await run('while (true) {}', { limits: { timeoutMs: 300 } });
    expect(r.status).toBe('timeout');
    expect(r.limitHit?.limit).toBe('timeoutMs');
    expect(r.limitHit?.message).toMatch(/time limit/);
    // Each front end says how to raise it in its own terms: the CLI names its flag.
    expect(cliLimitAdvice(r.limitHit!)).toMatch(/--timeout 30s/);
    expect(r.timing.cpuMs).toBeLessThan(1300);
  });

  it.each([
    ['an array bomb', 'const a = []; for (;;) a.push(a.length);'],
    ['an object bomb', 'const a = []; for (let i = 0; ; i++) a.push({ i });'],
    ['a string bomb', 'const parts = []; for (let i = 0; ; i++) parts.push("x".repeat(1 << 20) + i);'],
    ['an ArrayBuffer bomb', 'const a = []; for (;;) a.push(new ArrayBuffer(1 << 20));'],
  ])('stops %s with an out-of-memory error naming the limit', async (_, code) => {
    const r = await run(code, { limits: { memoryBytes: 16 * 1024 * 1024 } });
    expect(r.status).toBe('out-of-memory');
    expect(r.limitHit?.limit).toBe('memoryBytes');
    expect(r.limitHit?.message).toContain('16 MB');
    // The cap is real: the module's memory never grew far past the limit plus headroom.
    expect(r.peakMemory!.wasmBytes).toBeLessThanOrEqual((16 + 16) * 1024 * 1024 + 65536);
  });

  it('turns runaway recursion into a stack-overflow result', async () => {
    const r = await run('function down(n) {\n  return down(n + 1) + 1;\n}\ndown(0);');
    expect(r.status).toBe('stack-overflow');
    expect(r.limitHit?.limit).toBe('stackBytes');
  });

  it('lets code catch a stack overflow and carry on', async () => {
    const r = await run('let depth = 0;\nfunction down() { depth++; down(); }\ntry { down(); } catch (e) { console.log(e instanceof RangeError || e instanceof InternalError, depth > 500); }');
    expect(out(r)).toEqual(['true true']);
  });

  it('runs normally after a run that hit a limit', async () => {
    await run('const a = []; for (;;) a.push(new ArrayBuffer(1 << 20));', { limits: { memoryBytes: 16 * 1024 * 1024 } });
    const r = await run('console.log(6 * 7)', { limits: { memoryBytes: 16 * 1024 * 1024 } });
    expect(out(r)).toEqual(['42']);
  });
});

describe('the out-of-memory message', () => {
  it('states the cap the run had: the limit plus 16 MB, or the 32 MB floor below a 16 MB limit', () => {
    expect(limitHit('memoryBytes', { ...DEFAULT_LIMITS, memoryBytes: 32 * 1048576 }).message).toMatch(
      /whole memory at 48 MB \(the limit plus 16 MB for the engine itself\)/,
    );
    const small = limitHit('memoryBytes', { ...DEFAULT_LIMITS, memoryBytes: 8 * 1048576 }).message;
    // 8 + 16 is 24: the 32 MB is the module's floor, and the message says so instead of a wrong sum.
    expect(small).toMatch(/whole memory at 32 MB \(the smallest the engine runs in; the limit plus 16 MB for the engine itself would be less\)/);
    expect(small).toMatch(/more than its 8 MB memory limit/);
  });
});
