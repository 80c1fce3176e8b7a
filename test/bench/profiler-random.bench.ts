/**
 * `npm run bench -- profiler` (or `-- random`): the seeded Math.random's cost
 * against the engine's native one, in one process, interleaved (see
 * support/random-cost.ts). For comparison, the JavaScript generator the
 * sandbox used before (mulberry32, still its fallback) measured the same way.
 * Target: seeded / native <= 1.5. Writes bench-results/profiler-random.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getModule } from '../../src/sandbox/engine/module';
import { resolveLimits } from '../../src/sandbox/engine/limits';
import { seedNativeRandom } from '../../src/sandbox/engine/native-random';
import { compareRandomCost } from './support/random-cost';

const MULBERRY32 = `(() => { let state = 1; Math.random = function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}; })()`;

const { module, memory } = await getModule(resolveLimits(undefined).memoryBytes);
const native = module.newContext();
const seeded = module.newContext();
const javascript = module.newContext();
if (!seedNativeRandom(seeded, memory, 1)) throw new Error('the native Math.random could not be seeded: the sandbox runs its JavaScript fallback');
javascript.unwrapResult(javascript.evalCode(MULBERRY32)).dispose();

const rows = [
  { generator: 'seeded native (the sandbox)', ...compareRandomCost(seeded, native), target: 1.5 },
  { generator: 'mulberry32 in JavaScript (before; fallback)', ...compareRandomCost(javascript, native), target: 1.5 },
];
console.log('Math.random cost against the engine native one (median of 101 interleaved rounds)');
for (const r of rows) {
  console.log(`  ${r.generator.padEnd(45)} ${r.subjectNs.toFixed(0).padStart(5)} ns vs ${r.referenceNs.toFixed(0).padStart(5)} ns  x${r.ratio.toFixed(2)}  (target <= x${r.target})`);
}
for (const ctx of [native, seeded, javascript]) ctx.dispose();
mkdirSync(join(process.cwd(), 'bench-results'), { recursive: true });
writeFileSync(join(process.cwd(), 'bench-results/profiler-random.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2));
