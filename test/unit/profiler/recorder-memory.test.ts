/**
 * The recorder's bookkeeping does not come out of the learner's memory (issue 15,
 * item 9): programs that run plainly also run profiled, and a profile that had to
 * stop recording new call paths says so.
 */
import { describe, expect, it } from 'vitest';
import { runInSandbox } from '../../../src/sandbox/engine/run';
import { runCode } from '../../../src/sandbox/node';
import { profilerTool } from '../../../src/sandbox/profiler/tool';
import type { CallNode, ProfileOptions, RunResult } from '../../../src/sandbox/types';
import { renderStatsText } from '../../../src/sandbox/profile/render/stats-text';
import { renderTreeText } from '../../../src/sandbox/profile/render/tree-text';

/** 2^18 calls on 2^18 distinct call paths: a binary recursion through two functions, 17 deep. */
const MANY_PATHS = `function a(d) { if (d > 0) { a(d - 1); b(d - 1); } }
function b(d) { if (d > 0) { a(d - 1); b(d - 1); } }
a(17);
console.log('done');`;

/** A 2.8 MB file of 40,000 functions: its instrumentation must fit the host's worker too. */
function manyFunctions(): string {
  const lines: string[] = [];
  for (let i = 0; i < 40_000; i++) lines.push(`function f${i}(x) { return x + ${i} * 2 - 1; /* padding padding */ }`);
  lines.push('console.log("sum", f0(1) + f39999(2));');
  return lines.join('\n');
}

const printed = (r: RunResult) => r.console.filter((e) => e.level !== 'system').map((e) => e.text);
const countNodes = (root: CallNode) => {
  let n = 0;
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    n++;
    stack.push(...node.children);
  }
  return n;
};

const PROFILES: Array<[string, ProfileOptions]> = [
  ['deterministic', { kind: 'deterministic' }],
  ['sampling', { kind: 'sampling' }],
];

describe('the recorder has memory of its own', () => {
  for (const [name, options] of PROFILES) {
    it(`${name}: 2^18 call paths run as they do plainly, and the profile says where it stopped recording new paths`, async () => {
      const plain = await runInSandbox({ code: MANY_PATHS, filename: 'paths.js', limits: { timeoutMs: 120_000 } });
      expect(plain.status).toBe('ok');
      const profiled = await runInSandbox({ code: MANY_PATHS, filename: 'paths.js', profile: options, limits: { timeoutMs: 120_000 } }, [profilerTool]);
      expect(profiled.status, profiled.error?.message).toBe('ok');
      expect(printed(profiled)).toEqual(printed(plain));
      const profile = profiled.profile!;
      expect(profile.meta.callPathsCapped).toBe(50_000);
      // The tree holds the cap's nodes (and the root), no more.
      expect(countNodes(profile.root)).toBeLessThanOrEqual(50_001);
      // Calls past the cap count in their callers: the run's whole time is still under a().
      const a = profile.root.children.find((c) => profile.frames[c.frame].name === 'a')!;
      expect(a.totalMs).toBeGreaterThan(0.9 * profile.root.totalMs);
      // And every text view says so.
      expect(renderStatsText(profile)).toMatch(/more than 50,000 distinct call paths/);
      expect(renderTreeText(profile)).toMatch(/more than 50,000 distinct call paths/);
    }, 300_000);
  }

  it('a program of 40,000 functions runs profiled through the Node API as it does plainly', async () => {
    const code = manyFunctions();
    expect(code.length).toBeGreaterThan(2_000_000);
    const plain = await runCode({ code, filename: 'many.js', limits: { timeoutMs: 120_000 } });
    expect(plain.status).toBe('ok');
    for (const [, options] of PROFILES) {
      const profiled = await runCode({ code, filename: 'many.js', profile: options, limits: { timeoutMs: 120_000 } });
      expect(profiled.status, profiled.error?.message).toBe('ok');
      expect(printed(profiled)).toEqual(printed(plain));
      expect(profiled.profile).toBeDefined();
      expect(profiled.profile!.meta.callPathsCapped).toBeUndefined();
    }
  }, 300_000);
});

describe('the out-of-memory message under the profiler', () => {
  it("states the cap the run really had: the limit, the profiler's allowance and the engine's 16 MB", async () => {
    const code = 'const hoard = []; for (;;) hoard.push(new Array(100000).fill(1));';
    const plain = await runInSandbox({ code, filename: 'oom.js', limits: { memoryBytes: 32 * 1048576, timeoutMs: 60_000 } });
    expect(plain.status).toBe('out-of-memory');
    expect(plain.limitHit!.message).toMatch(/whole memory at 48 MB \(the limit plus 16 MB for the engine itself\)/);
    const profiled = await runInSandbox({ code, filename: 'oom.js', profile: { kind: 'deterministic' }, limits: { memoryBytes: 32 * 1048576, timeoutMs: 60_000 } }, [profilerTool]);
    expect(profiled.status).toBe('out-of-memory');
    // 32 MB, and 16 bytes for each of the program's 66 characters (its instrumented code), in whole 64 KB pages.
    expect(profiled.limitHit!.message).toMatch(/whole memory at 80\.1 MB \(the limit, plus 32 MB for the profiler's records and instrumented code, and 16 MB for the engine itself\)/);
    // The learner's limit is still what the message names first.
    expect(profiled.limitHit!.message).toMatch(/more than its 32 MB memory limit/);
  }, 120_000);
});
