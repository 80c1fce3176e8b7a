/**
 * The sampling profiler (pyinstrument's way): stacks sampled at a fixed
 * interval of the instrumented clock. Simulated sleep makes the expected
 * sample counts exact, whatever the machine's speed.
 */
import { describe, expect, it } from 'vitest';
import { renderTreeText, filteredTree } from '../../../src/sandbox/profile/index';
import { runInSandbox } from '../../../src/sandbox/engine/run';
import { buildSampling } from '../../../src/sandbox/profiler/build-sampling';
import { instrument } from '../../../src/sandbox/profiler/transform';
import { checkTreeArithmetic, example, expectSleptTime, findNodes, profileCode, row } from './helpers';

describe('sampling profiler', () => {
  it('samples sleeper.js every millisecond of the instrumented clock', async () => {
    const { profile, console: out } = await profileCode(example('sleeper.js'), { kind: 'sampling' });
    expect(out.map((c) => c.text)).toEqual(['Done: six one-second naps.']);
    expect(profile.meta.kind).toBe('sampling');
    expect(profile.meta.intervalMs).toBe(1);
    // 6 s of simulated sleep at 1 ms: 6000 samples, plus the little real time.
    expect(profile.meta.sampleCount).toBeGreaterThanOrEqual(6000);
    expect(profile.root.samples).toBe(profile.meta.sampleCount);
    const helper = row(profile, 'sleepOneSecond');
    expectSleptTime(helper.totalMs, 6000, profile, 2);
    expectSleptTime(row(profile, 'function1').totalMs, 5000, profile, 2);
    expectSleptTime(row(profile, 'function2').totalMs, 1000, profile, 2);
    const sleep = row(profile, 'sleep');
    expect(profile.frames[sleep.frame].builtin).toBe(true);
    expectSleptTime(sleep.selfMs, 6000, profile, 2);
    checkTreeArithmetic(profile.root);
  });

  it('prints the tree like pyinstrument, built-ins hidden', async () => {
    const { profile } = await profileCode(example('sleeper.js'), { kind: 'sampling' });
    const text = renderTreeText(profile);
    expect(text).toMatch(/^Program: test\.js {2}Samples: \d+$/m);
    expect(text).toMatch(/^└─ 6\.\d{3} main {2}test\.js:19$/m);
    expect(text).toMatch(/^ {3}├─ 5\.\d{3} function1 {2}test\.js:9$/m);
    expect(text).toMatch(/└─ 5\.\d{3} \[1 frame hidden\] {2}sleep$/m);
  });

  it('splits time by where it was spent, at the sampling interval', async () => {
    const code = [
      'function slow() { for (let i = 0; i < 30; i++) sleep(0.01) }',
      'function fast() { for (let i = 0; i < 10; i++) sleep(0.01) }',
      'function main() { slow(); fast(); slow() }',
      'main();',
    ].join('\n');
    const { profile } = await profileCode(code, { kind: 'sampling', intervalMs: 2 });
    // Each of the 70 sleeps may shift up to one interval between a function and its sleep.
    expect(profile.meta.intervalMs).toBe(2);
    expectSleptTime(row(profile, 'slow').totalMs, 600, profile, 4);
    expectSleptTime(row(profile, 'fast').totalMs, 100, profile, 4);
    // Times have the calibrated clock cost subtracted; the samples are counted as taken.
    const slow = findNodes(profile, 'slow');
    expect(slow).toHaveLength(1);
    expectSleptTime(slow[0].samples! * 2, 600, profile, 4);
    expectSleptTime(row(profile, 'sleep').totalMs, 700, profile, 4);
  });

  it('gives a timer\'s waiting time to <module>, not to a function', async () => {
    const code = 'function later() { sleep(0.2) }\nsetTimeout(later, 1000);';
    const { profile } = await profileCode(code, { kind: 'sampling' });
    expectSleptTime(row(profile, 'later').totalMs, 200, profile, 2);
    expectSleptTime(profile.root.selfMs, 1000, profile, 2);
  });

  it('sees built-ins as native frames and learner callbacks under them', async () => {
    const code = [
      'function spin(n) { let s = 0; for (let i = 0; i < n; i++) s += i; sleep(0.05); return s }',
      'function main() { return [20000, 20000].map((n) => spin(n)) }',
      'main();',
    ].join('\n');
    const { profile } = await profileCode(code, { kind: 'sampling' });
    const spin = findNodes(profile, 'spin');
    expect(spin.length).toBeGreaterThan(0);
    const parentNames = new Set<string>();
    const visit = (n: typeof profile.root) => {
      for (const c of n.children) {
        if (profile.frames[c.frame].name === 'spin') parentNames.add(profile.frames[n.frame].name);
        visit(c);
      }
    };
    visit(profile.root);
    // spin runs inside the arrow passed to Array.prototype.map.
    expect([...parentNames]).toEqual(['(anonymous)']);
    expect(row(profile, 'Array.prototype.map').totalMs).toBeGreaterThanOrEqual(100);
  });

  it('leaves built-ins out when asked, keeping their time with the caller', async () => {
    const { profile } = await profileCode(example('sleeper.js'), { kind: 'sampling', builtins: false });
    expect(profile.frames.some((f) => f.builtin)).toBe(false);
    expectSleptTime(row(profile, 'sleepOneSecond').selfMs, 6000, profile, 2);
    const tree = filteredTree(profile);
    expect(tree.children[0].label).toBe('main');
  });
  it('the poll sampler samples busy code from the interrupt handler, with no hooks in the code', async () => {
    // No sleep here: every sample comes from the engine's interrupt handler.
    const code = [
      'function spin(n) { let s = 0; for (let i = 0; i < n; i++) s += i % 7; return s }',
      'function hot() { return spin(3e6) }',
      'function cold() { return spin(6e5) }',
      'function main() { hot(); cold(); }',
      'main();',
    ].join('\n');
    const { profile } = await profileCode(code, { kind: 'sampling', sampler: 'poll' });
    expect(profile.meta.sampler).toBe('poll');
    const hot = row(profile, 'hot').totalMs;
    const cold = row(profile, 'cold').totalMs;
    expect(cold).toBeGreaterThan(0);
    // Five times the work; whatever the machine's speed (or a pause of its scheduler), hot
    // gets clearly more than cold, and cold is not starved of samples.
    expect(hot / cold).toBeGreaterThan(2);
    expect(hot / cold).toBeLessThan(15);
    expect(row(profile, 'spin').totalMs).toBeGreaterThan(0.9 * (hot + cold));
    checkTreeArithmetic(profile.root);
  });

  it('a stack overflow under the sampler is the cell\'s error, and the profile survives', async () => {
    const code = 'function down(n) { return down(n + 1) + 1 }\nfunction main() { for (let i = 0; i < 3; i++) { try { down(0) } catch (e) { console.log(e.name) } } }\nmain();';
    const { profile, console: out, status } = await profileCode(code, { kind: 'sampling' });
    expect(status).toBe('ok');
    const plain = await runInSandbox({ code, filename: 'test.js' });
    expect(out.map((c) => c.text)).toEqual(plain.console.map((c) => c.text));
    expect(out).toHaveLength(3);
    expect(findNodes(profile, 'main').length).toBe(1);
  });

  it('finds a frame QuickJS printed without a position by its name', () => {
    const code = 'class Child {\n  prepY() { return 1 }\n}\nfunction main() { new Child().prepY() }\nmain();';
    const { sites, insertions } = instrument(code, 'sampling');
    const stack = '    at prepY (missing)\n    at main (test.js:4:30)\n    at <eval> (test.js:5:1)\n';
    const profile = buildSampling(
      { kind: 'sampling', intervalMs: 1, stacks: [[stack, 5]], samples: 5, checks: 5, wallMs: 5 },
      { filename: 'test.js', sites, meta: { wallMs: 5, cpuMs: 5, simulatedMs: 0, resolutionMs: 0.001, partial: false }, code, insertions, builtins: true },
    );
    const prep = findNodes(profile, 'Child.prepY');
    expect(prep).toHaveLength(1);
    expect(profile.frames[prep[0].frame].line).toBe(2);
    expect(profile.frames[findNodes(profile, 'main')[0].children[0].frame].name).toBe('Child.prepY');
  });
});

describe('the event sampler (the default sampling profiler)', () => {
  it('is the default, and the poll sampler is still there when asked for', async () => {
    const code = 'function f() { sleep(0.01) }\nf();';
    expect((await profileCode(code, { kind: 'sampling' })).profile.meta.sampler).toBe('events');
    expect((await profileCode(code, { kind: 'sampling', sampler: 'poll' })).profile.meta.sampler).toBe('poll');
  });

  it('gives a leaf with no branch, loop or call its samples', async () => {
    const code = [
      'function leaf(x) { const a = x * 1.5 + 2; const b = a * a - x; const c = b / (a + 1); return a + b + c * c }',
      'function main() { let s = 0; for (let i = 0; i < 200000; i++) s += leaf(i); return s }',
      'main();',
    ].join('\n');
    const { profile } = await profileCode(code, { kind: 'sampling' });
    const leaf = findNodes(profile, 'leaf');
    expect(leaf).toHaveLength(1);
    expect(leaf[0].samples).toBeGreaterThan(0);
    checkTreeArithmetic(profile.root);
  });

  it("puts sleeper.js's six naps on the timeline as six one-second spans, in time order", async () => {
    const { profile } = await profileCode(example('sleeper.js'), { kind: 'sampling' });
    const spans = profile.spans;
    for (let i = 1; i < spans.length; i++) expect(spans[i].start).toBeGreaterThanOrEqual(spans[i - 1].start);
    const nap = profile.frames.findIndex((f) => f.name === 'sleepOneSecond');
    const naps = spans.filter((s) => s.frame === nap);
    expect(naps).toHaveLength(6);
    for (const s of naps) expectSleptTime(s.end - s.start, 1000, profile, 2);
    for (let i = 1; i < naps.length; i++) expect(naps[i].start).toBeGreaterThanOrEqual(naps[i - 1].end);
    expect(profile.spansTruncated).toBe(false);
  });

  it('keeps the timeline bounded, dropping the deepest levels first', async () => {
    // 40,000 calls of a millisecond each (simulated): one span per call and per sleep.
    const code = 'function a() { sleep(0.001) }\nfunction b() { sleep(0.001) }\nfunction main() { for (let i = 0; i < 20000; i++) { a(); b() } }\nmain();';
    const { profile } = await profileCode(code, { kind: 'sampling' });
    expect(profile.spansTruncated).toBe(true);
    expect(profile.spans.length).toBeLessThanOrEqual(10_000);
    const main = profile.frames.findIndex((f) => f.name === 'main');
    expect(profile.spans.filter((s) => s.frame === main)).toHaveLength(1);
  });
});
