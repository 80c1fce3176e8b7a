import { describe, expect, it } from 'vitest';
import { out, run } from './run-helpers';

describe('the instrumented clock, random and timers', () => {
  it('sleep moves the clock without waiting', async () => {
    const started = performance.now();
    const r = await run('const t0 = performance.now();\nsleep(6);\nconsole.log(Math.round((performance.now() - t0) / 1000));');
    expect(out(r)).toEqual(['6']);
    expect(r.timing.simulatedMs).toBe(6000);
    expect(r.timing.wallMs).toBeGreaterThanOrEqual(6000);
    // The six simulated seconds are no CPU time at all...
    expect(r.timing.cpuMs).toBeLessThan(1000);
    // ...and CPU time is at most the real (non-simulated) time, give or take the thread CPU clock's
    // steps: the kernel brings it up to date at ticks and context switches, and with both cores
    // busy a reading was once 24 ms behind (cpu-time.test.ts measures the steps).
    expect(r.timing.cpuMs).toBeLessThan(r.timing.wallMs - 6000 + 100);
    expect(performance.now() - started).toBeLessThan(5000); // nobody waited six seconds
    expect(r.timing.resolutionMs).toBeGreaterThan(0);
  });

  it('rejects a bad sleep argument', async () => {
    const r = await run('sleep(-1)');
    expect(r.error?.name).toBe('RangeError');
  });

  it('Date.now follows the instrumented clock', async () => {
    const r = await run('const a = Date.now(); sleep(2); console.log(Date.now() - a >= 2000, new Date() instanceof Date);');
    expect(out(r)).toEqual(['true true']);
  });

  it('Math.random is seeded: same numbers every run, others with another seed', async () => {
    const code = 'console.log([1, 2, 3].map(() => Math.random().toFixed(6)).join(","))';
    const a = await run(code);
    const b = await run(code);
    const c = await run(code, { seed: 7 });
    const d = await run('setRandomSeed(7);\n' + code);
    expect(out(a)).toEqual(out(b));
    expect(out(a)).not.toEqual(out(c));
    expect(out(c)).toEqual(out(d));
  });

  it('runs promise jobs, async functions and timers in order, on the simulated clock', async () => {
    const r = await run(`
      const t0 = performance.now();
      const at = () => Math.round((performance.now() - t0) / 100) / 10;
      setTimeout(() => console.log('timeout 1500 at', at()), 1500);
      const id = setInterval(() => { console.log('interval at', at()); if (at() >= 1.5) clearInterval(id); }, 500);
      (async () => { await null; console.log('microtask'); await new Promise((r) => setTimeout(r, 100)); console.log('after 100 at', at()); })();
      console.log('sync');`);
    expect(r.status).toBe('ok');
    expect(out(r)).toEqual(['sync', 'microtask', 'after 100 at 0.1', 'interval at 0.5', 'interval at 1', 'timeout 1500 at 1.5', 'interval at 1.5']);
    expect(r.timing.wallMs).toBeGreaterThanOrEqual(1500);
    expect(r.timing.simulatedMs).toBeGreaterThan(1400);
  });

  it('an error inside a timer callback ends the run with that error', async () => {
    const r = await run('setTimeout(() => {\n  missing();\n}, 10);');
    expect(r.status).toBe('error');
    expect(r.error?.location?.line).toBe(2);
  });
});
