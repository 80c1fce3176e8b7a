/**
 * The heap sampling hook that runs from QuickJS's interrupt handler
 * (SandboxTool.onInterrupt): what it costs, and that it ends with the run.
 */
import { describe, expect, it } from 'vitest';
import { runInSandbox } from '../../../src/sandbox/engine/run';
import type { SandboxTool } from '../../../src/sandbox/engine/tool';
import { memoryTool } from '../../../src/sandbox/memory/tool';
import { memoryOf } from './helpers';

/** Busy code with a heap worth walking (20,000 live objects). */
const busy = (rounds: number) => `
const live = Array.from({ length: 20000 }, (_, i) => ({ i }));
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
let x = 0;
for (let k = 0; k < ${rounds}; k++) x += fib(20);
console.log(x, live.length);
`;
const BUSY = busy(12);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/**
 * The process's CPU time for one run (µs): unlike wall time it does not count the
 * time the machine gave to others, so a loaded machine does not decide the result.
 */
const ownTime = async (tools: SandboxTool[]) => {
  const before = process.cpuUsage();
  const r = await runInSandbox({ code: BUSY, memory: { timeline: true } }, tools);
  const used = process.cpuUsage(before);
  expect(r.status).toBe('ok');
  return used.user + used.system;
};

describe('heap sampling at interrupts', () => {
  it('samples the heap while the code runs, between the markers, and adds the samples to the timeline', async () => {
    const r = await runInSandbox({ code: busy(80), memory: { timeline: true } }, [memoryTool]);
    const report = memoryOf(r);
    expect(report.sampling!.interruptSamples).toBeGreaterThan(2);
    // The top-level markers give one sample per statement (5) and one at the end; the rest
    // were taken inside the long loop statement, at interrupts.
    const tl = report.timeline!;
    const loopStart = tl.samples[3].t;
    const insideLoop = tl.samples.filter((s) => s.t > loopStart && s.t < tl.samples[tl.samples.length - 2].t);
    expect(insideLoop.length).toBeGreaterThan(0);
  });

  it('slows busy code by less than 5 % (CPU time of interleaved runs with and without it, median of ratios)', async () => {
    const withoutHook: SandboxTool = { ...memoryTool, onInterrupt: undefined };
    await ownTime([memoryTool]); // warm up: module, JIT of the host code
    const ratios: number[] = [];
    for (let i = 0; i < 9; i++) {
      // Alternate the order, so a trend in the machine's load does not favour one side.
      const [a, b] = i % 2 ? [await ownTime([withoutHook]), await ownTime([memoryTool])] : [0, 0];
      const [c, d] = i % 2 ? [0, 0] : [await ownTime([memoryTool]), await ownTime([withoutHook])];
      ratios.push(i % 2 ? b / a : c / d);
    }
    const m = median(ratios);
    const spread = median(ratios.map((r) => Math.abs(r - m)));
    console.info(`sampling overhead: median ratio ${m.toFixed(3)} (spread ${spread.toFixed(3)}; ratios ${ratios.map((r) => r.toFixed(3)).join(' ')})`);
    expect(m).toBeLessThan(1.05 + 2 * spread);
  });

  it('does not sample a cell that records no memory (a walk would land inside its benchmarks)', async () => {
    const r = await runInSandbox({ code: busy(40) }, [memoryTool]);
    expect(r.status).toBe('ok');
    expect(r.memory).toBeUndefined();
  });

  it('never calls a tool hook after the run has ended', async () => {
    let calls = 0;
    let finished = false;
    let callsAfterFinish = 0;
    const probe: SandboxTool = {
      id: 'probe',
      wants: () => true,
      onInterrupt() {
        calls++;
        if (finished) callsAfterFinish++;
      },
      finish() {
        finished = true;
        return {};
      },
    };
    const r = await runInSandbox({ code: BUSY }, [probe]);
    expect(r.status).toBe('ok');
    expect(calls).toBeGreaterThan(10);
    const atEnd = calls;
    // Another run on the same module: the hook of the finished run is not called by it.
    await runInSandbox({ code: BUSY }, []);
    expect(calls).toBe(atEnd);
    expect(callsAfterFinish).toBe(0);
  });
});
