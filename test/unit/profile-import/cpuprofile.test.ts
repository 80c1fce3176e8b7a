/**
 * .cpuprofile in: profiles written by the real `node --cpu-prof` of three
 * programs. The imported tree's total must be the file's own sample time
 * (endTime minus the first sample's time), every function's own time the sum
 * of its samples' durations, and the split between two busy functions must
 * agree with what the program measured of itself.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importProfile } from '../../../src/sandbox/profile/import/index';
import { flatRows } from '../../../src/sandbox/profile/index';
import { tempDir } from './python';
import { runChecked } from '../../support/run-process';

const busy = `function spin(ms) { const end = performance.now() + ms; let x = 0; while (performance.now() < end) x++; return x; }`;
const programs: Record<string, string> = {
  // Two busy functions whose wall times the program measures itself.
  'split.js': `${busy}
function hot() { return spin(240); }
function cold() { return spin(80); }
const t0 = performance.now(); hot(); const t1 = performance.now(); cold(); const t2 = performance.now();
console.log(JSON.stringify({ hot: t1 - t0, cold: t2 - t1 }));`,
  'recursive.js': `function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
const t0 = performance.now(); let r = 0; while (performance.now() - t0 < 200) r += fib(20);
console.log(JSON.stringify({ fib: performance.now() - t0 }));`,
  'classes.js': `${busy}
class Shape { area() { return spin(60); } }
class Square extends Shape { area() { return super.area() + spin(60); } }
const t0 = performance.now(); for (let i = 0; i < 2; i++) new Square().area();
console.log(JSON.stringify({ area: performance.now() - t0 }));`,
};

async function cpuProfileOf(name: string, code: string): Promise<{ file: string; measured: Record<string, number> }> {
  const dir = tempDir();
  writeFileSync(join(dir, name), code);
  const out = await runChecked('node', ['--cpu-prof', '--cpu-prof-dir', join(dir, 'prof'), '--cpu-prof-interval', '500', name], { cwd: dir });
  const [file] = readdirSync(join(dir, 'prof'));
  return { file: join(dir, 'prof', file), measured: JSON.parse(out) };
}

/** Each function's own time straight from the file: a sample lasts until the next one. */
function selfTimesFromFile(raw: { nodes: Array<{ id: number; callFrame: { functionName: string } }>; samples: number[]; timeDeltas: number[]; endTime: number; startTime: number }) {
  const nameOf = new Map(raw.nodes.map((n) => [n.id, n.callFrame.functionName]));
  const times: number[] = [];
  let t = raw.startTime;
  for (const d of raw.timeDeltas) times.push((t += d));
  const self = new Map<string, number>();
  raw.samples.forEach((id, i) => {
    const us = (i + 1 < times.length ? times[i + 1] : raw.endTime) - times[i];
    self.set(nameOf.get(id)!, (self.get(nameOf.get(id)!) ?? 0) + us / 1000);
  });
  return { self, totalMs: (raw.endTime - times[0]) / 1000 };
}

describe('.cpuprofile from node --cpu-prof', () => {
  for (const [name, code] of Object.entries(programs)) {
    it(`${name}: totals are the file's own sample times`, async () => {
      const { file, measured } = await cpuProfileOf(name, code);
      const raw = JSON.parse(readFileSync(file, 'utf8'));
      const profile = importProfile(new Uint8Array(readFileSync(file)), 'x.cpuprofile');
      expect(profile.meta.kind).toBe('sampling');
      expect(profile.meta.sampleCount).toBe(raw.samples.length);
      const truth = selfTimesFromFile(raw);
      expect(profile.root.totalMs).toBeCloseTo(truth.totalMs, 6);
      const rows = flatRows(profile);
      for (const [fn, ms] of truth.self) {
        const own = rows.filter((r) => profile.frames[r.frame].name === (fn || '(anonymous)')).reduce((s, r) => s + r.selfMs, 0);
        expect(own, fn).toBeCloseTo(ms, 6);
      }
      // Ground truth by construction: the functions' cumulative times are what the program measured.
      for (const [fn, ms] of Object.entries(measured)) {
        const cumulative = rows.filter((r) => profile.frames[r.frame].name === fn).reduce((s, r) => Math.max(s, r.totalMs), 0);
        expect(cumulative, fn).toBeGreaterThan(ms * 0.6);
        expect(cumulative, fn).toBeLessThan(ms * 1.1 + 5);
      }
      expect(profile.spans.length).toBeGreaterThan(0);
    });
  }
});
