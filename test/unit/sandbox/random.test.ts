import { describe, expect, it } from 'vitest';
import { getModule } from '../../../src/sandbox/engine/module';
import { seedNativeRandom } from '../../../src/sandbox/engine/native-random';
import { resolveLimits } from '../../../src/sandbox/engine/limits';
import { out, run } from './run-helpers';
import { compareRandomCost } from '../../bench/support/random-cost';

describe('the seeded Math.random', () => {
  it('gives the same numbers for a seed in every run and every module, and setRandomSeed restarts them', async () => {
    const code = 'console.log([1, 2, 3, 4].map(() => Math.random()).join(","))';
    const a = await run(code, { seed: 42 });
    const other = await run(code, { seed: 42, limits: { memoryBytes: 48 * 1024 * 1024 } }); // another wasm module
    const reseeded = await run('Math.random(); setRandomSeed(42);\n' + code);
    const b = await run(code, { seed: 43 });
    expect(out(a)).toEqual(out(other));
    expect(out(a)).toEqual(out(reseeded));
    expect(out(a)).not.toEqual(out(b));
  });

  it('is uniform on [0, 1)', async () => {
    const r = await run(`
      const n = 100000, bins = new Array(10).fill(0); let min = 1, max = 0;
      for (let i = 0; i < n; i++) { const x = Math.random(); bins[Math.floor(x * 10)]++; min = Math.min(min, x); max = Math.max(max, x); }
      console.log(JSON.stringify({ bins, min, max }));`);
    const { bins, min, max } = JSON.parse(out(r)[0]) as { bins: number[]; min: number; max: number };
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // Each bin expects 10,000 with a standard deviation of ~95: 6 sigma either side.
    for (const count of bins) expect(Math.abs(count - 10000)).toBeLessThan(570);
  });

  it('looks like the engine built-in it is, and the learner can still replace it', async () => {
    const r = await run(`console.log(Math.random.name, Math.random.length, /native code/.test(String(Math.random)), Object.keys(globalThis).some((k) => k.startsWith('__wb_host')));
      Math.random = () => 4; console.log(Math.random());`);
    expect(out(r)).toEqual(['random 0 true false', '4']);
  });

  it('is the engine native Math.random, seeded: a sandbox run gives what a context seeded by the host gives', async () => {
    const { module, memory } = await getModule(resolveLimits(undefined).memoryBytes);
    const ctx = module.newContext();
    try {
      expect(seedNativeRandom(ctx, memory, 42)).toBeDefined();
      const v = ctx.unwrapResult(ctx.evalCode('[Math.random(), Math.random(), Math.random()].join(",")'));
      const expected = ctx.getString(v);
      v.dispose();
      const r = await run('console.log([Math.random(), Math.random(), Math.random()].join(","))', { seed: 42 });
      expect(out(r)).toEqual([expected]);
    } finally {
      ctx.dispose();
    }
  });

  it('costs what the engine native Math.random costs, within 1.5x, measured interleaved in the same process', { timeout: 60_000 }, async () => {
    // The pristine context's Math.random is QuickJS's own, clock-seeded: the reference.
    const { module, memory } = await getModule(resolveLimits(undefined).memoryBytes);
    const seededCtx = module.newContext();
    const pristineCtx = module.newContext();
    try {
      expect(seedNativeRandom(seededCtx, memory, 1)).toBeDefined();
      const { ratio } = compareRandomCost(seededCtx, pristineCtx);
      console.log(`seeded / native Math.random, median of 101 interleaved rounds: x${ratio.toFixed(2)}`);
      expect(ratio).toBeLessThan(1.5);
    } finally {
      seededCtx.dispose();
      pristineCtx.dispose();
    }
  });
});
