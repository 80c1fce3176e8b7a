/**
 * The run's CPU time is processor time, not wall minus simulated: truth by
 * construction. A simulated sleep uses no processor; a busy loop that competes
 * with other processes for the cores gets less processor time than real time,
 * and never more than the whole test process used meanwhile (an independent
 * clock: getrusage through process.cpuUsage()).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { out, run } from './run-helpers';
import { runCode } from '../../../src/sandbox/node';
import { renderTreeText } from '../../../src/sandbox/profile/render/tree-text';

/** The scheduler's CPU clock advances in steps (context switches, ticks): a few ms at worst. */
const STEP_MS = 20;

describe('CPU time', () => {
  it('is measured per thread on Linux, and says so', async () => {
    const r = await run('let x = 0; for (let i = 0; i < 1e5; i++) x += i;');
    expect(r.timing.cpuKind).toBe(process.platform === 'linux' ? 'thread' : 'process');
  });

  it('is named in the profile and its text footer', async () => {
    const r = await runCode({ code: 'function f() { sleep(1); }\nf();', filename: 'nap.js', profile: { kind: 'sampling' } });
    expect(r.profile?.meta.cpuKind).toBe('thread');
    expect(renderTreeText(r.profile!)).toMatch(/CPU time: \d/);
    const browserLike = { ...r.profile!, meta: { ...r.profile!.meta, cpuKind: 'busy' as const } };
    expect(renderTreeText(browserLike)).toMatch(/Busy time \(wall minus simulated\): \d/);
  });

  it('is about zero for a run that only sleeps (simulated)', async () => {
    const r = await run('sleep(5); sleep(3);');
    expect(r.timing.simulatedMs).toBe(8000);
    expect(r.timing.wallMs).toBeGreaterThanOrEqual(8000);
    // The sandbox's own start (clock resolution probe, preludes) is all there is.
    expect(r.timing.cpuMs).toBeLessThan(150);
  });

  describe('with other processes competing for the cores', () => {
    const competitors: ChildProcess[] = [];
    beforeAll(() => {
      // Three spinning processes on a 2-core machine: the run cannot have a core to itself.
      for (let i = 0; i < 3; i++) competitors.push(spawn(process.execPath, ['-e', 'const end = Date.now() + 60000; while (Date.now() < end) {}'], { stdio: 'ignore' }));
    });
    afterAll(() => {
      for (const child of competitors) child.kill();
    });

    it('is at most the real time, and at most what the whole process used', { timeout: 60_000 }, async () => {
      const before = process.cpuUsage();
      const r = await run(`
        const t0 = performance.now();
        let spins = 0;
        while (performance.now() - t0 < 1500) spins++;
        console.log(spins > 0);`);
      const used = process.cpuUsage(before);
      const processMs = (used.user + used.system) / 1000;
      expect(out(r)).toEqual(['true']);
      const busy = r.timing.wallMs - r.timing.simulatedMs;
      expect(busy).toBeGreaterThanOrEqual(1500);
      expect(r.timing.cpuMs).toBeGreaterThan(0);
      expect(r.timing.cpuMs).toBeLessThanOrEqual(busy + STEP_MS);
      expect(r.timing.cpuMs).toBeLessThanOrEqual(processMs + STEP_MS);
      console.log(`busy loop: real ${busy.toFixed(0)} ms, thread CPU ${r.timing.cpuMs.toFixed(0)} ms, process CPU ${processMs.toFixed(0)} ms`);
    });
  });
});
