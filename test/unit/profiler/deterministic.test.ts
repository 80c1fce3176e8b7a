/**
 * The deterministic profiler's figures on programs whose answers are known:
 * the curriculum's sleeper, recursion (total/primitive calls), an exception
 * crossing three frames, generators and async functions (no time while
 * suspended), built-in rows and the option that turns them off.
 */
import { describe, expect, it } from 'vitest';
import { flatSummary, flatRows, renderStatsText } from '../../../src/sandbox/profile/index';
import { checkTreeArithmetic, example, expectSleptTime, findNodes, profileCode, row } from './helpers';

describe('sleeper.js', async () => {
  const { profile, status, console: out } = await profileCode(example('sleeper.js'));

  it('runs normally under the profiler', () => {
    expect(status).toBe('ok');
    expect(out.map((c) => c.text)).toContain('Done: six one-second naps.');
  });

  it('shows the one-second helper called 6 times for about 6 s', () => {
    const r = row(profile, 'sleepOneSecond');
    expect(r.calls).toBe(6);
    expect(r.primitiveCalls).toBe(6);
    expectSleptTime(r.totalMs, 6000, profile);
  });

  it('shows function1 once for about 5 s and function2 once for about 1 s', () => {
    expect(row(profile, 'function1').calls).toBe(1);
    expectSleptTime(row(profile, 'function1').totalMs, 5000, profile);
    expect(row(profile, 'function2').calls).toBe(1);
    expectSleptTime(row(profile, 'function2').totalMs, 1000, profile);
  });

  it('shows the sleep built-in 6 times with about 6 s of its own time', () => {
    const sleep = row(profile, 'sleep');
    expect(profile.frames[sleep.frame].builtin).toBe(true);
    expect(sleep.calls).toBe(6);
    expectSleptTime(sleep.selfMs, 6000, profile);
  });

  it('shows main once for about 6 s and <module> at the root', () => {
    expect(row(profile, 'main').calls).toBe(1);
    expectSleptTime(row(profile, 'main').totalMs, 6000, profile);
    expect(profile.frames[profile.root.frame].name).toBe('<module>');
    expect(profile.frames[profile.root.frame].file).toBe('test.js');
  });

  it('counts calls in the header as cProfile does', () => {
    const rows = flatRows(profile);
    const summary = flatSummary(rows);
    // <module>, main, function1, function2, 6 helper calls, 6 sleeps, 1 console.log (+ the loop's nothing else).
    expect(summary.calls).toBe(1 + 1 + 1 + 1 + 6 + 6 + 1);
    expect(summary.primitiveCalls).toBe(summary.calls);
    const text = renderStatsText(profile, { sort: ['calls'] });
    expect(text).toMatch(new RegExp(`^\\s+${summary.calls} function calls in 6\\.0\\d\\d seconds$`, 'm'));
    expect(text).toContain('Ordered by: call count');
    const line = text.split('\n').find((l) => l.endsWith(' {built-in method sleep}'))!;
    const [ncalls, tottime, percall, cumtime, percall2] = line.trim().split(/\s+/);
    expect(ncalls).toBe('6');
    for (const figure of [tottime, percall, cumtime, percall2]) expect(figure).toMatch(/^\d+\.\d{3}$/);
    expectSleptTime(Number(tottime) * 1000, 6000, profile, 1);
    expectSleptTime(Number(percall) * 6000, 6000, profile, 6);
  });

  it('says how time was measured', () => {
    expect(profile.meta.kind).toBe('deterministic');
    expect(profile.meta.simulatedMs).toBe(6000);
    expect(profile.meta.wallMs).toBeGreaterThanOrEqual(6000);
    // Processor time of the run's thread: at most the real (non-simulated) time, give or take the CPU clock's steps.
    expect(profile.meta.cpuKind).toBe('thread');
    expect(profile.meta.cpuMs).toBeLessThan(profile.meta.wallMs - 6000 + 20);
    expect(profile.meta.resolutionMs).toBeGreaterThan(0);
    expect(profile.meta.overheadCorrected).toBe(true);
    expect(profile.meta.overheadPerEventNs).toBeGreaterThan(0);
    expect(profile.meta.partial).toBe(false);
  });

  it('keeps total = self + children everywhere', () => {
    checkTreeArithmetic(profile.root);
  });

  it('records call-order spans for the timeline', () => {
    const main = profile.spans.find((s) => profile.frames[s.frame].name === 'main')!;
    const helpers = profile.spans.filter((s) => profile.frames[s.frame].name === 'sleepOneSecond');
    expect(helpers).toHaveLength(6);
    expect(main.end - main.start).toBeGreaterThan(5990);
    for (let i = 1; i < helpers.length; i++) expect(helpers[i].start).toBeGreaterThanOrEqual(helpers[i - 1].end);
    expect(profile.spansTruncated).toBe(false);
  });
});

describe('recursion', () => {
  it('shows total/primitive calls and counts cumulative time once', async () => {
    const { profile } = await profileCode(example('fibonacci.js'));
    const fib = row(profile, 'fibonacci');
    expect(fib.calls).toBe(177); // calls made by fibonacci(10)
    expect(fib.primitiveCalls).toBe(1);
    expect(fib.totalMs).toBeLessThanOrEqual(row(profile, 'main').totalMs + 1e-9);
    expect(renderStatsText(profile)).toMatch(/^\s+177\/1\s/m);
    checkTreeArithmetic(profile.root);
  });

  it('handles mutual recursion', async () => {
    const code = `function even(n) { return n === 0 || odd(n - 1) }\nfunction odd(n) { return n !== 0 && even(n - 1) }\neven(6);`;
    const { profile } = await profileCode(code);
    expect(row(profile, 'even').calls).toBe(4);
    expect(row(profile, 'even').primitiveCalls).toBe(1);
    expect(row(profile, 'odd').calls).toBe(3);
    expect(row(profile, 'odd').primitiveCalls).toBe(1);
  });
});

describe('exceptions', () => {
  it('an exception through three frames leaves each frame its calls and time', async () => {
    const code = [
      'function third() { sleep(0.3); throw new Error("deep") }',
      'function second() { sleep(0.2); third(); sleep(5) }',
      'function first() { sleep(0.1); second(); sleep(5) }',
      'function main() { try { first() } catch (e) { console.log("caught", e.message) } sleep(0.4) }',
      'main();',
    ].join('\n');
    const { profile, console: out } = await profileCode(code);
    expect(out.map((c) => c.text)).toEqual(['caught deep']);
    expect(row(profile, 'third').calls).toBe(1);
    expect(row(profile, 'second').calls).toBe(1);
    expect(row(profile, 'first').calls).toBe(1);
    expectSleptTime(row(profile, 'third').totalMs, 300, profile);
    expectSleptTime(row(profile, 'second').totalMs, 500, profile);
    expectSleptTime(row(profile, 'first').totalMs, 600, profile);
    expectSleptTime(row(profile, 'main').totalMs, 1000, profile);
    expect(row(profile, 'sleep').calls).toBe(4);
    checkTreeArithmetic(profile.root);
  });

  it('an uncaught error still yields the partial profile and the error', async () => {
    const code = 'function boom() { sleep(1); throw new TypeError("nope") }\nfunction main() { boom() }\nmain();';
    const result = await profileCode(code);
    expect(result.status).toBe('error');
    expect(result.error?.name).toBe('TypeError');
    expect(result.profile.meta.partial).toBe(true);
    expect(row(result.profile, 'boom').calls).toBe(1);
    expectSleptTime(row(result.profile, 'boom').totalMs, 1000, result.profile);
  });
});

describe('generators and async functions', () => {
  it('counts a generator once and gives it no time while suspended', async () => {
    const code = [
      'function* numbers() { for (let i = 0; i < 4; i++) { sleep(0.1); yield i } }',
      'function consume() { let sum = 0; for (const n of numbers()) { sleep(1); sum += n } return sum }',
      'console.log(consume());',
    ].join('\n');
    const { profile, console: out } = await profileCode(code);
    expect(out[0].text).toBe('6');
    const gen = row(profile, 'numbers');
    expect(gen.calls).toBe(1);
    expectSleptTime(gen.totalMs, 400, profile); // not the 4 s the consumer slept
    expectSleptTime(row(profile, 'consume').totalMs, 4400, profile);
    checkTreeArithmetic(profile.root);
  });

  it('counts async calls once and excludes time spent awaiting', async () => {
    const code = [
      'const wait = (ms) => new Promise((r) => setTimeout(r, ms));',
      'async function job(n) { sleep(0.1); await wait(2000); sleep(0.2); return n }',
      'async function main() { const all = await Promise.all([job(1), job(2), job(3)]); console.log(all.join()) }',
      'main();',
    ].join('\n');
    const { profile, console: out } = await profileCode(code);
    expect(out[0].text).toBe('1,2,3');
    const job = row(profile, 'job');
    expect(job.calls).toBe(3);
    expectSleptTime(job.totalMs, 900, profile); // not 3 × 2 s of waiting
    expect(row(profile, 'main').calls).toBe(1);
    expectSleptTime(row(profile, 'main').totalMs, 300, profile); // the three first halves ran inside main
    // The resumed halves of job run from the job queue, under <module>.
    expect(findNodes(profile, 'job').length).toBeGreaterThanOrEqual(2);
    checkTreeArithmetic(profile.root);
  });

  it('handles an awaited rejection caught inside the async function', async () => {
    const code = 'async function f() { try { await Promise.reject(new Error("x")) } catch (e) { sleep(0.5) } return 1 }\nf().then((v) => console.log(v));';
    const { profile, console: out } = await profileCode(code);
    expect(out[0].text).toBe('1');
    expect(row(profile, 'f').calls).toBe(1);
    expectSleptTime(row(profile, 'f').totalMs, 500, profile);
  });
});

describe('built-in rows', () => {
  const code = 'function work() { let s = 0; for (let i = 0; i < 10; i++) s += Math.sqrt(i); return [3, 1, 2].map((x) => x * s).sort() }\nconsole.log(JSON.stringify(work()).length > 0);';

  it('shows Math, Array and JSON built-ins the learner calls', async () => {
    const { profile } = await profileCode(code);
    expect(row(profile, 'Math.sqrt').calls).toBe(10);
    expect(row(profile, 'Array.prototype.map').calls).toBe(1);
    expect(row(profile, 'Array.prototype.sort').calls).toBe(1);
    expect(row(profile, 'JSON.stringify').calls).toBe(1);
    expect(row(profile, 'console.log').calls).toBe(1);
    // The callback passed to map runs under map.
    const map = findNodes(profile, 'Array.prototype.map')[0];
    expect(map.children.map((c) => profile.frames[c.frame].name)).toEqual(['(anonymous)']);
    expect(map.children[0].calls).toBe(3);
    expect(renderStatsText(profile)).toContain("{method 'map' of 'Array' objects}");
    // console.log's own formatting work is not shown as the learner's built-in calls.
    expect(findNodes(profile, 'console.log')[0].children).toEqual([]);
  });

  it('leaves them out when asked, keeping simulated time right', async () => {
    const { profile } = await profileCode(code + '\nfunction nap() { sleep(2) }\nnap();', { kind: 'deterministic', builtins: false });
    expect(profile.frames.some((f) => f.builtin)).toBe(false);
    expect(row(profile, 'work').calls).toBe(1);
    expectSleptTime(row(profile, 'nap').totalMs, 2000, profile);
    expectSleptTime(row(profile, 'nap').selfMs, 2000, profile);
  });
});

describe('names and positions', () => {
  it('names methods, accessors, constructors, fields and arrows as the learner wrote them', async () => {
    const code = [
      'class Shape {',
      '  sides = [1, 2].map((n) => n);',
      '  constructor(n) { this.n = n }',
      '  get area() { return this.n }',
      '  static make() { return new Shape(2) }',
      '}',
      'const double = (x) => x * 2;',
      'console.log(double(Shape.make().area));',
    ].join('\n');
    const { profile } = await profileCode(code);
    const names = profile.frames.filter((f) => !f.builtin).map((f) => `${f.name}@${f.line}:${f.column}`);
    expect(names).toEqual(expect.arrayContaining(['Shape.make@5:10', 'Shape.sides@2:3', 'Shape.constructor@3:3', 'get Shape.area@4:7', 'double@7:16', '(anonymous)@2:22']));
  });
});
