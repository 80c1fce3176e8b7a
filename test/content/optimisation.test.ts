/**
 * The optimisation chapter, run the way the page runs it: every cell with the
 * request the cell element builds (cellRequest + each view's prepare()), on the
 * real QuickJS engine, profiler and benchmark helpers. Then what the prose says
 * is checked against what the cells measure, so the text cannot drift from the
 * engine.
 *
 * No test compares a timing with a fixed figure. Speed claims are checked as
 * ratios between versions measured in the same run, with margins well below
 * what was measured on a busy two-core machine (written next to each one).
 */
import path from 'node:path';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { amdahlProblems } from './support/amdahl-output';
import { promisify } from 'node:util';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../src/markdown/find-cells';
import { exercisesOfFile } from '../../src/markdown/remark-exercises';
import { chapterCells } from './support/chapter-cells';
import { runCode } from '../../src/sandbox/node';
import { flatRows } from '../../src/sandbox/profile/flat';
import { walkTree } from '../../src/sandbox/profile/model';
import type { CompareRun, GrowthRun, BenchEntry, BenchReport } from '../../src/sandbox/bench/types';
import type { Profile, RunResult } from '../../src/sandbox/types';

const { file: CHAPTER, cells, cellById, runCell, resultOf, holdsInMostRuns } = chapterCells('optimisation');
const prose = readFileSync(CHAPTER, 'utf8');
const exercises = exercisesOfFile(CHAPTER);




const printed = (result: RunResult) => result.console.map((entry) => entry.text).join('\n');

function benchRuns(result: RunResult): BenchEntry[] {
  const report = result.bench as BenchReport | undefined;
  expect(report, 'the cell recorded no benchmark').toBeDefined();
  return report!.runs;
}

function growthOf(result: RunResult, label: string): GrowthRun {
  const run = benchRuns(result).find((entry): entry is GrowthRun => entry.kind === 'growth' && entry.label === label);
  if (!run) throw new Error(`no growth() result labelled "${label}"`);
  return run;
}

function compareOf(result: RunResult): CompareRun {
  const run = benchRuns(result).find((entry): entry is CompareRun => entry.kind === 'compare');
  if (!run) throw new Error('no compare() result');
  return run;
}

/** Relative time (1 = fastest) of one compare() candidate. */
function relative(run: CompareRun, name: string): number {
  const candidate = run.candidates.find((c) => c.name === name);
  if (!candidate) throw new Error(`compare() has no candidate "${name}"`);
  return candidate.relative;
}

/** Calls of one function (a learner function, or a built-in) in a profile's flat table. */
function callsOf(profile: Profile, name: string, builtin = false): number {
  return flatRows(profile)
    .filter((row) => profile.frames[row.frame].name === name && profile.frames[row.frame].builtin === builtin)
    .reduce((sum, row) => sum + row.calls, 0);
}

/** Calls of `callee` made directly from `caller`, summed over the call tree. */
function callsFrom(profile: Profile, caller: string, callee: string): number {
  let total = 0;
  walkTree(profile.root, (node, _depth, parent) => {
    if (parent && profile.frames[node.frame].name === callee && profile.frames[parent.frame].name === caller) total += node.calls;
  });
  return total;
}

describe('the optimisation chapter', () => {
  it('has the sections of the curriculum, in order', () => {
    const headings = [...prose.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(headings).toEqual([
      'There is no magic method',
      'Measuring properly',
      "Amdahl's law: how much can you gain?",
      'Efficient implementation',
      'Idiomatic constructs, measured',
      'Algorithmic complexity',
      'Caching and memoisation',
      'String building and allocation in hot loops',
      'Interpreters and compilers',
      'A workflow: profile, change, measure, compare',
      'Summary',
      'Further reading',
    ]);
  });

  it('ends every teaching section with a "Try it" prompt', () => {
    const sections = prose.split(/^## /m).slice(1);
    for (const section of sections) {
      const title = section.split('\n')[0];
      if (title === 'Summary' || title === 'Further reading') continue;
      expect(section, `section "${title}"`).toContain(':::tip[Try it]');
    }
  });

  it('gives the "In Python" boxes the tools a Python user would reach for', () => {
    for (const text of ['python -m timeit', 'from functools import lru_cache', '@lru_cache(maxsize=None)', 'from numba import njit', '[i ** 3 for i in range(n)]']) {
      expect(prose).toContain(text);
    }
    expect(prose.match(/:::note\[In Python\]/g)?.length).toBeGreaterThanOrEqual(6);
  });

  it('has the example cells the sections are built on', () => {
    expect(cellById('efficient').spec).toMatchObject({ src: 'efficient.js', show: ['console', 'profile', 'compare'] });
    expect(cellById('cubes').spec.src).toBe('cubes.js');
    expect(cellById('duplicates').spec.src).toBe('duplicates.js');
    expect(cellById('memo').spec.src).toBe('memo.js');
    expect(cellById('first-call').spec.src).toBe('first-call.js');
  });

  it('has at least four checked exercises, each judged against the starter in the same run', () => {
    expect(exercises.map((exercise) => exercise.spec.id)).toEqual([
      'predict-the-speedup',
      'find-duplicates',
      'memoise-tilings',
      'faster-wrap',
      'binary-search-bins',
    ]);
    for (const exercise of exercises) {
      expect(exercise.spec.check, exercise.spec.id).toContain('check.starter');
    }
  });

  it('says which helpers are the workbook\'s own, and what to use outside it', () => {
    expect(prose).toContain('`bench`, `compare`, `growth` and `sleep` are the workbook\'s own');
    for (const tool of ['timeit', 'pyperf', 'process.hrtime.bigint()', 'performance.now()', 'tinybench', 'mitata']) expect(prose).toContain(tool);
  });

  describe.each(cells.map((cell) => [cell.spec.id, cell] as const))('cell %s', (id, cell) => {
    it('runs to the end without an error, with the data its views need', { timeout: 120_000 }, async () => {
      const result = await resultOf(id);
      expect(result.error, result.error && `${result.error.name}: ${result.error.message}`).toBeUndefined();
      expect(result.status).toBe(cell.spec.expect);
      if (cell.spec.show.some((view) => ['profile', 'callgraph', 'icicle', 'tree', 'timeline', 'compare'].includes(view))) {
        expect(result.profile, 'no profile').toBeDefined();
        expect(result.profile!.meta.partial).toBe(false);
      }
      if (cell.spec.show.includes('bench') && cell.spec.src) {
        expect(benchRuns(result).length).toBeGreaterThan(0);
      }
    });
  });
});

describe('what the prose says about measuring', () => {
  it('prints one call, ten calls with min <= median <= max, and a bench() summary', { timeout: 60_000 }, async () => {
    const result = await resultOf('measuring');
    const text = printed(result);
    expect(text).toMatch(/^one call: [\d.]+ ms$/m);
    const ten = /ten calls: min ([\d.]+) ms, median ([\d.]+) ms, max ([\d.]+) ms/.exec(text);
    expect(ten).not.toBeNull();
    const [min, median, max] = ten!.slice(1).map(Number);
    expect(min).toBeLessThanOrEqual(median);
    expect(median).toBeLessThanOrEqual(max);
    const [entry] = benchRuns(result);
    expect(entry.kind).toBe('bench');
    if (entry.kind === 'bench') {
      // "7 by default": fewer only when the time budget runs out, which the helper says.
      expect(entry.stats.repeat).toBeLessThanOrEqual(7);
      expect(entry.stats.minMs).toBeLessThanOrEqual(entry.stats.medianMs);
    }
  });
});

describe('what the prose says about the time budget and the statistics', () => {
  it('prints the rounds it kept, and why, when 7 rounds do not fit the budget', { timeout: 60_000 }, async () => {
    // The Try it's 6_000_000: about 0.7 s per call here, so 7 rounds would take 5 s of a 2 s budget.
    // A machine 2.5 times faster would still cut the rounds (2 s / 7 = 0.29 s).
    const result = await runCode({
      filename: 'budget.js',
      code: 'function sumOfRoots(count) { let total = 0; for (let i = 0; i < count; i++) total += Math.sqrt(i); return total; }\nbench(() => sumOfRoots(6_000_000), { label: "big" });\n',
      // The claim is the printed line, not the deadline: a loaded machine can take longer than the
      // default 10 s for the budget's rounds plus the calibrating call (a loaded CI run timed out).
      limits: { timeoutMs: 50_000 },
    });
    expect(result.status, result.error?.message).toBe('ok');
    const line = printed(result);
    expect(line).toMatch(/best of [1-6] × 1 call .*\[fewer repeats: time budget\]$/);
    expect(prose).toContain('`[fewer repeats: time budget]`');
    expect(prose).toContain('`best of 2 × 1 call`');
  });

  it('has compare() print the rounds it kept in its first line', { timeout: 60_000 }, async () => {
    expect(printed(await resultOf('set-keys'))).toMatch(/^compare .* \(best of [1-7] repeats, per call\):$/m);
    expect(prose).toContain('(`best of 2 repeats`');
  });

  it('has growth() time at most 5 rounds per size and print no count of them', { timeout: 60_000 }, async () => {
    const result = await resultOf('duplicates');
    for (const point of growthOf(result, 'duplicatesWithSet').points) expect(point.stats.repeat).toBeLessThanOrEqual(5);
    const text = printed(result);
    expect(text).toMatch(/^growth of duplicatesWithSet \(best time per call\):$/m);
    expect(text).not.toMatch(/growth of[^\n]*repeats/);
    expect(prose).toContain('7 for `bench()` and `compare()`, 5 for `growth()`');
  });

  it('returns the minimum, median, mean and standard deviation from bench(), as the prose lists', { timeout: 60_000 }, async () => {
    const [entry] = benchRuns(await resultOf('measuring'));
    expect(entry.kind).toBe('bench');
    if (entry.kind === 'bench') {
      for (const field of ['minMs', 'medianMs', 'meanMs', 'stdDevMs', 'timesMs'] as const) {
        expect(entry.stats[field], field).toBeDefined();
        expect(prose).toContain(`\`stats.${field}\``);
      }
      expect(entry.stats.timesMs).toHaveLength(entry.stats.repeat);
    }
    // The helpers print and rank by the minimum.
    expect(printed(await resultOf('measuring'))).toMatch(/per call, best of \d+ × [\d,]+ calls? \(median /);
  });
});

describe("what the prose says about Amdahl's law", () => {
  it("prints the sleeps' shares, the bound and predicted = measured speed-ups of amdahl.js", { timeout: 60_000 }, async () => {
    const result = await resultOf('amdahl');
    expect(amdahlProblems(printed(result))).toEqual([]);
    expect(cellById('amdahl').spec).toMatchObject({ src: 'amdahl.js', show: ['console'] });
    expect(prose).toContain('2.46×');
    expect(prose).toContain('2.50×');
  });
});

describe('what the prose says about efficient.js', () => {
  it('gives the same results from the slow and the fast version', { timeout: 60_000 }, async () => {
    expect(printed(await resultOf('efficient'))).toContain('same results: true');
  });

  it('counts the calls the prose lists: sqrt 20,001, sin 30,000, square 10,100', { timeout: 60_000 }, async () => {
    const profile = (await resultOf('efficient')).profile!;
    expect(callsOf(profile, 'Math.sqrt', true)).toBe(20_001);
    expect(callsFrom(profile, 'slowVersion', 'Math.sqrt')).toBe(20_000);
    expect(callsFrom(profile, 'fastVersion', 'Math.sqrt')).toBe(1);
    expect(callsOf(profile, 'Math.sin', true)).toBe(30_000);
    expect(callsOf(profile, 'square')).toBe(10_100);
    expect(callsFrom(profile, 'fastVersion', 'square')).toBe(100);
  });

  it('times them in efficient-timed.js, which is efficient.js plus one compare() line', { timeout: 60_000 }, async () => {
    const original = readFileSync(path.join(EXAMPLES_DIR, 'efficient.js'), 'utf8');
    const timedSource = readFileSync(path.join(EXAMPLES_DIR, 'efficient-timed.js'), 'utf8');
    expect(timedSource.startsWith(original), 'efficient-timed.js must begin with the whole of efficient.js').toBe(true);
    const added = timedSource.slice(original.length).split('\n').filter((line) => line.trim() && !line.trim().startsWith('//'));
    expect(added).toEqual(['compare({ slow: () => slowVersion(values, n), fast: () => fastVersion(values, n) });']);
    expect(cellById('efficient-timed').spec.profiler).toBeUndefined();
    const result = await resultOf('efficient-timed');
    expect(result.profile, 'timed without the profiler').toBeUndefined();
    expect(printed(result)).toContain('same results: true');
    await holdsInMostRuns('efficient-timed', (timed) => {
      const run = compareOf(timed);
      expect(run.fastest).toBe('fast');
      // "wins clearly": measured 1.85–2.5× on a loaded machine.
      expect(relative(run, 'slow')).toBeGreaterThan(1.4);
    });
  });
});

describe('what the prose says about the cubes', () => {
  it('builds the same cubes five ways, none more than a few times slower than the fastest', { timeout: 60_000 }, async () => {
    const result = await resultOf('cubes');
    const lines = printed(result).split('\n').filter((line) => line.includes('same cubes:'));
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(line).toMatch(/same cubes: true$/);
    expect(compareOf(result).candidates.map((c) => c.name)).toEqual(['pushLoop', 'preSized', 'arrayFrom', 'keysThenMap', 'typedArray']);
    await holdsInMostRuns('cubes', (timed) => {
      // Measured at most 1.9× in most runs, once 4.2× (keysThenMap) on a heavily loaded machine.
      for (const candidate of compareOf(timed).candidates) expect(candidate.relative, candidate.name).toBeLessThan(4);
    });
  });
});

describe('what the prose says about the cubes in V8', () => {
  it('has V8 put Array.from and keys()/map() several times behind the pre-sized loop', { timeout: 60_000 }, () => {
    // Our own example file, run by Node's V8 with a stand-in for compare(): best of 7 rounds of 20 calls, 3 passes.
    const code = readFileSync(path.join(EXAMPLES_DIR, 'cubes.js'), 'utf8');
    let best: Record<string, number> = {};
    const compare = (candidates: Record<string, () => unknown>) => {
      best = {};
      for (let pass = 0; pass < 3; pass++) {
        for (const [name, fn] of Object.entries(candidates)) {
          for (let round = 0; round < 7; round++) {
            const start = performance.now();
            for (let call = 0; call < 20; call++) fn();
            best[name] = Math.min(best[name] ?? Infinity, (performance.now() - start) / 20);
          }
        }
      }
    };
    vm.runInNewContext(code, { compare, console: { log: () => undefined }, Array, Float64Array, Object });
    // Measured 17× and 14× on a quiet machine, 8.8× once under heavy load: the prose says "several times".
    expect(best.arrayFrom / best.preSized).toBeGreaterThan(4);
    expect(best.keysThenMap / best.preSized).toBeGreaterThan(4);
  });
});

describe('what the prose says about complexity', () => {
  it('finds the same duplicates both ways', { timeout: 60_000 }, async () => {
    expect(printed(await resultOf('duplicates'))).toMatch(/same answer: true/);
  });

  it('fits a slope near 2 to the scan and near 1 to the Set', { timeout: 60_000 }, async () => {
    await holdsInMostRuns('duplicates', (result) => {
      const scanning = growthOf(result, 'duplicatesByScanning');
      const withSet = growthOf(result, 'duplicatesWithSet');
      // Measured 2.4–2.6 and 0.6–1.0 on a heavily loaded machine; a few tenths above 2 is the noise the prose mentions.
      expect(scanning.slope).toBeGreaterThan(1.6);
      expect(scanning.slope).toBeLessThan(3);
      expect(withSet.slope).toBeGreaterThan(0.5);
      expect(withSet.slope).toBeLessThan(1.5);
      expect(scanning.slope - withSet.slope).toBeGreaterThan(0.8);
    });
  });

  it('shows a Set of whole numbers many times slower than one of random fractions or of strings', { timeout: 60_000 }, async () => {
    await holdsInMostRuns('set-keys', (result) => {
      const run = compareOf(result);
      expect(run.fastest).not.toBe('numbers');
      // Measured 21–24× against the fastest; fractions and strings within 1.2× of each other.
      expect(relative(run, 'numbers')).toBeGreaterThan(5);
      expect(relative(run, 'numbers') / relative(run, 'fractions')).toBeGreaterThan(4);
      expect(relative(run, 'numbers') / relative(run, 'strings')).toBeGreaterThan(4);
    });
  });

  it('links the hash function of the quickjs-ng version that the sandbox runs', () => {
    const readme = readFileSync(path.join('node_modules', '@jitl', 'quickjs-ng-wasmfile-release-sync', 'README.md'), 'utf8');
    const version = /Version \[(v[\d.]+)\]/.exec(readme)?.[1];
    expect(version).toBeDefined();
    expect(prose).toContain(`https://github.com/quickjs-ng/quickjs/blob/${version}/quickjs.c#L`);
    expect(prose).toContain(`version ${version!.slice(1)} runs this sandbox`);
    expect(prose).not.toContain('quickjs-ng/quickjs/issues/205');
  });
});

describe('what the prose says about memoisation', () => {
  it('needs 128,287 plain calls and 55 cached calls for n = 18, then 16 more for n + 5', { timeout: 60_000 }, async () => {
    const result = await resultOf('memo');
    const text = printed(result);
    const plain = /^ways\(18\) = (\d+) after (\d+) calls$/m.exec(text);
    const cached = /^waysCached\(18\) = (\d+) after (\d+) calls$/m.exec(text);
    expect(plain).not.toBeNull();
    expect(cached).not.toBeNull();
    expect(cached![1]).toBe(plain![1]);
    expect(Number(plain![2])).toBe(128_287);
    expect(Number(cached![2])).toBe(55);
    expect(prose).toContain('128,287 calls');
    expect(prose).toContain('needs 55 calls');
    const profile = result.profile!;
    expect(callsOf(profile, 'ways')).toBe(128_287);
    const row = (name: string) => flatRows(profile).find((r) => profile.frames[r.frame].name === name)!;
    expect([row('ways').calls, row('ways').primitiveCalls]).toEqual([128_287, 1]);
    expect([row('waysCached').calls, row('waysCached').primitiveCalls]).toEqual([55 + 16, 2]);
    expect(prose).toContain('`128287/1`');
    expect(prose).toContain('`71/2`');
  });

  it('counts 150,049 calls for the starter of the tilings exercise and 47 for its solution', { timeout: 60_000 }, async () => {
    const exercise = exercises.find((candidate) => candidate.spec.id === 'memoise-tilings')!;
    for (const [code, calls] of [
      [exercise.spec.starter, 150_049],
      [exercise.reference.code, 47],
    ] as const) {
      const result = await runCode({ code, filename: 'tilings.js', profile: { kind: 'deterministic' } });
      expect(result.status).toBe('ok');
      expect(printed(result)).toContain('tilings(24) = 75025');
      expect(callsOf(result.profile!, 'tilings')).toBe(calls);
    }
  });
});

describe('what the prose says about strings and allocation', () => {
  it('builds the same text three ways, every slope well below 2', { timeout: 120_000 }, async () => {
    expect(printed(await resultOf('string-building'))).toContain('same text: true');
    await holdsInMostRuns('string-building', (result) => {
      for (const label of ['appendEach', 'prependEach', 'joinOnce']) {
        const slope = growthOf(result, label).slope;
        // Measured 0.85–1.1 on a quiet machine, up to 1.7 on a heavily loaded one; a copying loop gives 2.
        expect(slope, label).toBeGreaterThan(0.5);
        expect(slope, label).toBeLessThan(1.6);
      }
    });
  });

  it('gives the same mean three ways, the allocating ones clearly slower', { timeout: 60_000 }, async () => {
    expect(printed(await resultOf('allocation'))).toContain('same result: true');
    await holdsInMostRuns('allocation', (result) => {
      const run = compareOf(result);
      expect(run.fastest).toBe('inline');
      // Measured 2.5–2.8× and 3.0–3.5×.
      expect(relative(run, 'objects')).toBeGreaterThan(1.5);
      expect(relative(run, 'pairs')).toBeGreaterThan(1.5);
    });
  });
});

describe('what the prose says about interpreters and compilers', () => {
  it("names V8's four tiers with current sources", () => {
    for (const tier of ['**Ignition**', '**Sparkplug**', '**Maglev**', '**TurboFan**']) expect(prose).toContain(tier);
    expect(prose).toContain('https://v8.dev/blog/sparkplug');
    expect(prose).toContain('https://v8.dev/blog/maglev');
    expect(prose).not.toContain('launching-ignition-and-turbofan');
  });

  it("has the Node.js that measured the table leave Maglev off, as the prose says", { timeout: 60_000 }, async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--v8-options'], { timeout: 30_000, maxBuffer: 16 * 1024 * 1024 });
    expect(prose).toContain('the V8 of Node.js 20');
    expect(process.versions.node.split('.')[0]).toBe('20');
    expect(stdout).toMatch(/^\s+--maglev \(.*\)\n\s+type: bool {2}default: --no-maglev$/m);
  });

  const file = path.join(EXAMPLES_DIR, 'first-call.js');
  const figures = (text: string) => ({
    result: /^result: (.+)$/m.exec(text)?.[1],
    first: Number(/^call 1: ([\d.]+) ms$/m.exec(text)?.[1]),
    steady: Number(/^steady state \(median of calls 11-30\): ([\d.]+) ms$/m.exec(text)?.[1]),
  });

  it('runs the same fixed file in QuickJS and in V8 with the same result; V8 settles more than ten times faster', { timeout: 120_000 }, async () => {
    const quickjs = figures(printed(await resultOf('first-call')));
    // Our own file, never learner code: it is run by Node's V8 here, as the table's command does.
    const { stdout } = await promisify(execFile)(process.execPath, [file], { timeout: 60_000 });
    const v8 = figures(stdout);
    expect(quickjs.result).toBeDefined();
    expect(v8.result).toBe(quickjs.result);
    // Measured 60–170× on the build machine.
    expect(v8.steady * 10).toBeLessThan(quickjs.steady);
    // "the first call costs many times the steady state": measured 5–80× in five runs.
    expect(v8.first).toBeGreaterThan(2 * v8.steady);
  });

  it('shows no first-call cost in QuickJS once the engine is warm', { timeout: 120_000 }, async () => {
    await resultOf('first-call');
    const again = async () => figures(printed(await runCell(cellById('first-call'))));
    // Measured 0.7–1.3 on a loaded machine. Two of three runs, as for every timing claim.
    const ratios = [await again(), await again(), await again()].map((run) => run.first / run.steady);
    expect(ratios.filter((ratio) => ratio < 3).length, `call 1 / steady state: ${ratios.join(', ')}`).toBeGreaterThanOrEqual(2);
  });

  it('labels the recorded table with the commands that produced it', () => {
    expect(prose).toContain('`node src/content/examples/first-call.js`');
    expect(prose).toContain('`npx workbook run src/content/examples/first-call.js`');
  });
});

describe('what the prose says about the workflow', () => {
  it('has the binary-search exercise print the same checksum as its starter', { timeout: 60_000 }, async () => {
    const exercise = exercises.find((candidate) => candidate.spec.id === 'binary-search-bins')!;
    const run = (code: string) => runCode({ code, filename: exercise.spec.run.filename, setup: exercise.spec.run.setup, seed: exercise.spec.run.seed });
    const checksum = (result: RunResult) => /^checksum: (\d+)$/m.exec(printed(result))?.[1];
    const before = await run(exercise.spec.starter);
    const after = await run(exercise.reference.code);
    expect(checksum(before)).toBeDefined();
    expect(checksum(after)).toBe(checksum(before));
  });

  it('puts by far the most own time in binOf, with no built-in rows', { timeout: 60_000 }, async () => {
    const profile = (await resultOf('workflow')).profile!;
    const rows = flatRows(profile);
    expect(rows.every((row) => !profile.frames[row.frame].builtin)).toBe(true);
    const binOf = rows.find((row) => profile.frames[row.frame].name === 'binOf')!;
    expect(binOf.calls).toBe(10_000);
    // "by far the largest tottime": measured 3.5–5× the next row.
    for (const row of rows) {
      if (row !== binOf) expect(binOf.selfMs, profile.frames[row.frame].name).toBeGreaterThan(2 * row.selfMs);
    }
  });

  it('gives the same checksum, faster, with the binary search the prose suggests', { timeout: 60_000 }, async () => {
    const code = readFileSync(path.join(EXAMPLES_DIR, 'workflow.js'), 'utf8');
    const linear = /function binOf\(v\) \{[\s\S]*?\n\}\n/.exec(code);
    expect(linear).not.toBeNull();
    const binarySearch = [
      'function binOf(v) {',
      '  if (!(v >= edges[0] && v < edges[binCount])) return -1;',
      '  let low = 0;',
      '  let high = binCount;',
      '  while (high - low > 1) {',
      '    const middle = (low + high) >> 1;',
      '    if (v >= edges[middle]) low = middle;',
      '    else high = middle;',
      '  }',
      '  return low;',
      '}',
      '',
    ].join('\n');
    const before = await runCode({ code, filename: 'workflow.js' });
    const after = await runCode({ code: code.replace(linear![0], binarySearch), filename: 'workflow.js' });
    const checksum = (result: RunResult) => /^checksum: (\d+)$/m.exec(printed(result))?.[1];
    expect(checksum(before)).toBeDefined();
    expect(checksum(after)).toBe(checksum(before));
    // Both versions side by side in one run, so compare() times them on the same readings.
    const sideBySide = code
      .replace(linear![0], binarySearch.replace('function binOf(', 'function binOfFast(') + linear![0])
      .replace('const bin = binOf(v);', 'const bin = useFast ? binOfFast(v) : binOf(v);');
    const both = await runCode({
      filename: 'workflow.js',
      code: `let useFast = false;\n${sideBySide}\ncompare({ linear: () => { useFast = false; histogram(readings); }, binary: () => { useFast = true; histogram(readings); } });\n`,
    });
    expect(both.status, both.error?.message).toBe('ok');
    expect(compareOf(both).fastest).toBe('binary');
  });
});
