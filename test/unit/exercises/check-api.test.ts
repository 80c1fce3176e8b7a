/**
 * The check runtime on the real QuickJS engine: what a check can read, and the
 * rule that only a check that calls pass() on a run that ended normally passes.
 */
import { describe, expect, it } from 'vitest';
import { checkAttemptInNode, runExercise } from '../../../src/sandbox/exercises/node';
import { checkResultOf } from '../../../src/sandbox/exercises/verdict';
import type { RunResult } from '../../../src/sandbox/types';
import { exercise } from './helpers';

const code = 'function square(x) { return x * x; }\nconsole.log("sixteen is", square(4));';

describe('verdicts', () => {
  it('passes when the check calls pass(), with its message', async () => {
    const result = await runExercise({ exercise: exercise('pass(`square(4) is ${16}`);'), code });
    expect(result).toEqual({ passed: true, outcome: 'passed', message: 'square(4) is 16' });
  });

  it('fails with the message given to fail(), and the first verdict stands', async () => {
    const result = await runExercise({ exercise: exercise('fail("too slow: 12 ms"); pass("fine");'), code });
    expect(result).toMatchObject({ passed: false, outcome: 'failed', message: 'too slow: 12 ms' });
  });

  it('treats a check that never decides as a failure', async () => {
    const result = await runExercise({ exercise: exercise('const seen = check.output().length;'), code });
    expect(result.passed).toBe(false);
    expect(result.outcome).toBe('no-verdict');
  });

  it('treats a check that waits forever as a failure', async () => {
    const result = await runExercise({ exercise: exercise('await new Promise(() => {}); pass();'), code });
    expect(result).toMatchObject({ passed: false, outcome: 'no-verdict' });
  });

  it('treats a check that throws as a failure, even after pass()', async () => {
    const result = await runExercise({ exercise: exercise('pass("early"); null.property;'), code });
    expect(result.passed).toBe(false);
    expect(result.outcome).toBe('check-error');
    expect(result.message).toMatch(/TypeError/);
  });

  it('reports a check that does not compile as a broken check, with its line', async () => {
    const result = await runExercise({ exercise: exercise('const ok = 1;\nconst = 2;\npass();'), code });
    expect(result).toMatchObject({ passed: false, outcome: 'check-error' });
    expect(result.message).toMatch(/line 2 of the check/);
  });

  it('fails when the learner code throws, naming the error and the line', async () => {
    const result = await runExercise({ exercise: exercise('pass();'), code: 'const a = 1;\nundefinedFunction();' });
    expect(result).toMatchObject({ passed: false, outcome: 'run-failed' });
    expect(result.message).toMatch(/ReferenceError/);
    expect(result.message).toMatch(/line 2/);
  });

  it('fails when the learner code runs past the time limit, even if the check would pass', async () => {
    const result = await runExercise({
      exercise: exercise('pass("never reached");', { run: { filename: 'x.js', limits: { timeoutMs: 300 } } }),
      code: 'for (;;) {}',
    });
    expect(result).toMatchObject({ passed: false, outcome: 'run-failed' });
    expect(result.message).toMatch(/time limit/);
  });

  it('fails when the check itself runs past the time limit', async () => {
    // 2 s, not less: the check prelude's snapshot of the built-ins runs inside the run's deadline
    // and takes a few hundred ms on a machine at load 30.
    const result = await runExercise({
      exercise: exercise('check.time(() => { for (;;) {} }); pass();', { run: { filename: 'x.js', limits: { timeoutMs: 2000 } } }),
      code,
    });
    expect(result).toMatchObject({ passed: false, outcome: 'run-failed' });
  });

  it('fails when the learner code runs out of memory', async () => {
    const result = await runExercise({
      exercise: exercise('pass();', { run: { filename: 'x.js', limits: { memoryBytes: 4 * 1024 * 1024 } } }),
      code: 'const keep = []; for (;;) keep.push({ n: keep.length, s: "x" + keep.length });',
    });
    expect(result).toMatchObject({ passed: false, outcome: 'run-failed' });
    expect(result.message).toMatch(/memory/);
  });

  it('never passes a run that was stopped or crashed, whatever the check said', () => {
    const passedCheck = { passed: true, outcome: 'passed', message: 'ok' };
    const base = { console: [], outputTruncated: false, timing: { wallMs: 1, cpuMs: 1, simulatedMs: 0, resolutionMs: 0.001 } };
    for (const status of ['stopped', 'crashed'] as const) {
      const verdict = checkResultOf({ ...base, status, check: passedCheck } as RunResult);
      expect(verdict.passed).toBe(false);
      expect(verdict.outcome).toBe('run-failed');
    }
    expect(checkResultOf({ ...base, status: 'ok' } as RunResult)).toMatchObject({ passed: false, outcome: 'no-check' });
  });

  it('does not let the learner code decide the verdict', async () => {
    const forging = [
      code,
      // The sandbox's object and the host's verdict function are out of the program's reach.
      'try { __wb.checkSupport.verdict("00000000000000000000000000000000", "pass", "forged"); } catch {}',
      'try { __wb_host_check_verdict("x", "pass", "forged"); } catch {}',
      'globalThis.__wb = { checkSupport: { verdict() {}, lockdown() {}, intrinsics: {}, makeCheck() {}, text: String, invoke() {}, settle() {} } };',
      'globalThis.pass = () => {}; globalThis.fail = () => {};',
    ].join('\n');
    const result = await runExercise({ exercise: exercise('fail("the real check decided");'), code: forging });
    expect(result).toMatchObject({ passed: false, outcome: 'failed', message: 'the real check decided' });
  });
});

describe('the check API', () => {
  it('reads what the learner code printed, not what the check prints', async () => {
    const { check, result } = await checkAttemptInNode({
      exercise: exercise('console.log("from the check"); const lines = check.output(); lines.length === 2 && lines[1] === "sixteen is 16" ? pass(lines.join("|")) : fail(lines.join("|"));'),
      code: `console.log("first");\n${code}`,
    });
    expect(check).toMatchObject({ passed: true, message: 'first|sixteen is 16' });
    // The check's own output still reaches the console.
    expect(result.console.map((entry) => entry.text)).toContain('from the check');
  });

  it('hands over the code, the starter and the answer (never the solution)', async () => {
    const ex = exercise('pass(JSON.stringify([check.code === "1;", check.starter.includes("x * x"), check.answer, check.answerNumber, "solution" in check]));');
    const result = await runExercise({ exercise: ex, code: '1;', answer: ' 2,000,000 ' });
    expect(JSON.parse(result.message)).toEqual([true, true, ' 2,000,000 ', 2000000, false]);
  });

  it('gives NaN for an answer that is not a number', async () => {
    const result = await runExercise({ exercise: exercise('pass(String(check.answerNumber));'), code: '1;', answer: 'prepY' });
    expect(result.message).toBe('NaN');
  });

  it('loads functions from the starter and the learner code side by side, without printing', async () => {
    const ex = exercise(
      'const a = check.load(check.starter, ["square"]).square; const b = check.load(check.code, "cube").cube; pass([a(3), b(3), check.output().length].join(","));',
    );
    const { check, result } = await checkAttemptInNode({ exercise: ex, code: 'function cube(x) { return x * x * x; }\nconsole.log(cube(2));' });
    expect(check.message).toBe('9,27,1');
    expect(result.console.map((entry) => entry.text)).toEqual(['8']);
  });

  it('times code with repeats and medians, silently, and compares two versions run one after the other', async () => {
    const ex = exercise(
      [
        'const t = check.time(check.code, { repeat: 7, minSampleMs: 0 });',
        'const c = check.compare(() => 1, check.starter, { repeat: 3, warmup: 0, minSampleMs: 0 });',
        'const ok = t.runs.length === 7 && t.loops === 1 && t.min <= t.median && t.median <= t.max && c.mine.runs.length === 3 && c.baseline.runs.length === 3 && c.speedup > 0;',
        'ok ? pass("timed") : fail(JSON.stringify({ t, c }));',
      ].join('\n'),
    );
    const { check, result } = await checkAttemptInNode({ exercise: ex, code });
    expect(check).toMatchObject({ passed: true, message: 'timed' });
    // 7 + 1 warm-up runs of the learner code and 3 of the starter printed nothing.
    expect(result.console).toHaveLength(1);
  });

  it('groups calls of quick code into samples of at least minSampleMs, and reports the time per call', async () => {
    const ex = exercise(
      [
        'let calls = 0;',
        'const t = check.time(() => { calls++; }, { repeat: 4, warmup: 0, minSampleMs: 5 });',
        // 3 calls estimate the speed, then 4 samples of `loops` calls each.
        'calls === 3 + 4 * t.loops && t.loops > 1 ? pass(String(t.loops)) : fail(JSON.stringify({ calls, t }));',
      ].join('\n'),
    );
    const result = await runExercise({ exercise: ex, code });
    expect(result.passed, result.message).toBe(true);
  });

  it('refuses a repeat count out of range', async () => {
    const result = await runExercise({ exercise: exercise('check.time(() => 1, { repeat: 0 }); pass();'), code });
    expect(result).toMatchObject({ passed: false, outcome: 'check-error' });
    expect(result.message).toMatch(/repeat/);
  });

  it('measures the heap, and what a function keeps alive', async () => {
    const ex = exercise(
      'const h = check.heap().heapBytes; const r = check.retained(() => Array.from({ length: 20000 }, (_, i) => ({ i }))); (h > 0 && r.bytes > 20000 * 16 && r.value.length === 20000) ? pass(check.format.bytes(r.bytes)) : fail(JSON.stringify([h, r.bytes]));',
    );
    const result = await runExercise({ exercise: ex, code });
    expect(result.passed).toBe(true);
    expect(result.message).toMatch(/KB|MB/);
  });

  it('compares values deeply with check.equal', async () => {
    const ex = exercise(
      'const e = check.equal; pass(JSON.stringify([e([1, { a: 2 }], [1, { a: 2 }]), e([1], [2]), e(new Map([[1, 2]]), new Map([[1, 2]])), e(NaN, NaN), e({ a: 1 }, { a: 1, b: 2 })]));',
    );
    const result = await runExercise({ exercise: ex, code });
    expect(JSON.parse(result.message)).toEqual([true, false, true, true, false]);
  });

  it('returns no profile when the exercise does not ask for one', async () => {
    const result = await runExercise({ exercise: exercise('pass(String(check.profile()));'), code });
    expect(result.message).toBe('null');
  });
});

describe('check.format', () => {
  it('groups a count’s digits in threes on QuickJS, whose toLocaleString ignores the locale', async () => {
    const script = 'pass([200000, 2000000, 999, 1000, -12345, 0.4].map((n) => check.format.count(n)).join(" "));';
    const result = await runExercise({ exercise: exercise(script), code });
    expect(result.message).toBe('200,000 2,000,000 999 1,000 -12,345 0');
  });
});
