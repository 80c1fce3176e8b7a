/**
 * The profiling chapter, run the way the page runs it: every cell with the
 * request the cell element builds (cellRequest + each view's prepare()), on the
 * real QuickJS engine and profilers. Then the figures the prose states are
 * checked against the live profiles, so the text cannot drift from the engine.
 *
 * Only simulated time (sleep) is asserted exactly; real timings are compared
 * with each other or with the simulated seconds, never with a fixed figure.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chapterCells } from './support/chapter-cells';
import { runOffThread } from './support/run-off-thread';
import { holdsInMostTrials } from './support/most-runs';
import { buildRunRequest } from '../../src/components/cell/run-support';
import { flatRows, type FlatRow } from '../../src/sandbox/profile/flat';
import { walkTree } from '../../src/sandbox/profile/model';
import { exercisesOfFile } from '../../src/markdown/remark-exercises';
import type { Frame, Profile, RunResult } from '../../src/sandbox/types';
import type { LineProfile } from '../../src/sandbox/lines/types';
import { cpuLabel } from '../../src/sandbox/cpu-label';
import { formatTiming } from '../../src/cli/commands/run';
import { importProfile, ImportError } from '../../src/sandbox/profile/import';

// complicated.js records millions of calls: run cells on a worker thread so vitest stays responsive.
const { file: CHAPTER, cells, cellById, runCell, resultOf, holdsInMostRuns } = chapterCells('profiling', runOffThread);

/** Names and figures the prose states; each is checked against a live profile below. */
const SLEEPER = { helper: 'sleepOneSecond' };
// The seeded Math.random is the engine's native one, so the program's own helper leads.
const COMPLICATED = { hottest: 'randomInt', hottestCalls: 2_000_000 };

const prose = readFileSync(CHAPTER, 'utf8');




function profileOf(result: RunResult): Profile {
  expect(result.profile, 'the cell ran without a profile').toBeDefined();
  return result.profile!;
}

/** Methods are named after their class (`Child.prepY`); the prose calls them `prepY`. */
function named(frame: Frame, name: string): boolean {
  return frame.name === name || frame.name.endsWith(`.${name}`);
}

/** The table row of the learner function (or built-in) with this name. */
function row(profile: Profile, name: string, builtin = false): FlatRow {
  const found = flatRows(profile).find(
    (candidate) => named(profile.frames[candidate.frame], name) && profile.frames[candidate.frame].builtin === builtin,
  );
  if (!found) {
    const names = profile.frames.map((frame) => (frame.builtin ? `{${frame.name}}` : frame.name)).join(', ');
    throw new Error(`no ${builtin ? 'built-in ' : ''}row "${name}" in the profile (rows: ${names})`);
  }
  return found;
}

/** Within 1 % of a simulated figure: sleeps are exact, the real work around them is tiny. */
function expectAbout(ms: number, expected: number): void {
  expect(ms).toBeGreaterThanOrEqual(expected * 0.99);
  expect(ms).toBeLessThanOrEqual(expected * 1.01);
}

describe('the profiling chapter', () => {
  it('has the cells other parts of the site rely on', () => {
    expect(cellById('sleeper').spec).toMatchObject({ src: 'sleeper.js' });
    expect(cellById('sleeper').spec.show).toEqual(
      expect.arrayContaining(['time', 'profile', 'callgraph', 'icicle', 'tree', 'timeline', 'compare']),
    );
    expect(cellById('complicated').spec).toMatchObject({ src: 'complicated.js' });
    expect(cellById('complicated').spec.show).toEqual(expect.arrayContaining(['profile', 'icicle', 'tree']));
  });

  it('gives every "In Python" box the command a Python user would type', () => {
    for (const command of [
      'time python sleeper.py',
      'python -m cProfile -s calls sleeper.py',
      'gprof2dot -f pstats out.pstats | dot -Tpng -o out.png',
      'snakeviz out.pstats',
      'pyinstrument complicated.py',
      'kernprof -l -v word_report.py',
      'python -m line_profiler word_report.py.lprof',
      'with cProfile.Profile() as profiler:',
      "stats.sort_stats('tottime').print_stats(10)",
      "stats.print_callers('sleep')",
      "stats.print_callees('main')",
      'node --cpu-prof prog.js',
      'node --heap-prof prog.js',
    ]) {
      expect(prose).toContain(command);
    }
  });

  it('states the sleeper figures that the tests below measure', () => {
    for (const fact of [SLEEPER.helper, '`ncalls` 6', 'about 6 s', 'about 5 s', 'about 1 s']) expect(prose).toContain(fact);
  });

  describe.each(cells.map((cell) => [cell.spec.id, cell] as const))('cell %s', (id, cell) => {
    // A generous limit: complicated.js records millions of calls, and the machine may be busy.
    it('runs to the end it expects, with every view it shows given its data', { timeout: 300_000 }, async () => {
      const result = await resultOf(id);
      expect(result.error, result.error && `${result.error.name}: ${result.error.message}`).toBeUndefined();
      expect(result.status).toBe(cell.spec.expect);
      const wantsProfile = cell.spec.show.some((view) =>
        ['profile', 'callgraph', 'icicle', 'tree', 'timeline', 'compare'].includes(view),
      );
      if (wantsProfile) {
        const profile = profileOf(result);
        expect(profile.meta.kind).toBe(cell.spec.profiler === 'sampling' ? 'sampling' : 'deterministic');
        expect(profile.meta.partial).toBe(false);
      }
    });
  });
});

describe('what the prose says about the sleeper', () => {
  let profile: Profile;
  let result: RunResult;
  beforeAll(async () => {
    result = await resultOf('sleeper');
    profile = profileOf(result);
  });

  it('spends about 6 s of wall time, all of it simulated sleep, and almost no CPU time', async () => {
    const timed = await resultOf('sleeper-time');
    expect(timed.timing.simulatedMs).toBe(6000);
    expect(timed.timing.wallMs).toBeGreaterThanOrEqual(6000);
    // "almost no CPU time": the real work is a handful of calls, far below the sleeps.
    expect(timed.timing.cpuMs).toBeLessThan(timed.timing.simulatedMs / 10);
  });

  it('calls the one-second helper 6 times for about 6 s, with almost no time of its own', () => {
    const helper = row(profile, SLEEPER.helper);
    expect(helper.calls).toBe(6);
    expectAbout(helper.totalMs, 6000);
    expect(helper.selfMs).toBeLessThan(helper.totalMs / 100);
  });

  it('puts the 6 s into the sleep built-in as its own time, over 6 calls', () => {
    const sleep = row(profile, 'sleep', true);
    expect(sleep.calls).toBe(6);
    expectAbout(sleep.selfMs, 6000);
  });

  it('has function1 once for about 5 s, function2 once for about 1 s, main about 6 s', () => {
    const one = row(profile, 'function1');
    const two = row(profile, 'function2');
    const main = row(profile, 'main');
    expect([one.calls, two.calls, main.calls]).toEqual([1, 1, 1]);
    expectAbout(one.totalMs, 5000);
    expectAbout(two.totalMs, 1000);
    expectAbout(main.totalMs, 6000);
  });

  it('shows the six sleeps one after another in the timeline', () => {
    const sleepFrame = profile.frames.findIndex((frame) => frame.builtin && frame.name === 'sleep');
    const sleeps = profile.spans.filter((span) => span.frame === sleepFrame).sort((a, b) => a.start - b.start);
    expect(sleeps).toHaveLength(6);
    for (const [index, span] of sleeps.entries()) {
      expectAbout(span.end - span.start, 1000);
      if (index > 0) expect(span.start).toBeGreaterThanOrEqual(sleeps[index - 1].end);
    }
  });
});

describe('what the prose says about the other examples', () => {
  it('waiting-and-working waits 2 s and spends the rest computing', async () => {
    const result = await resultOf('waiting-and-working');
    expect(result.timing.simulatedMs).toBe(2000);
    expect(result.timing.cpuMs).toBeGreaterThan(0);
    expect(result.console.map((entry) => entry.text).join('\n')).toMatch(/primes below 30,000: 3245/);
  });

  it('fibonacci is called many times but only once from outside: ncalls reads total/1', async () => {
    const fib = row(profileOf(await resultOf('fibonacci')), 'fibonacci');
    expect(fib.primitiveCalls).toBe(1);
    expect(fib.calls).toBeGreaterThan(fib.primitiveCalls);
  });

  // Own times are timing claims: they must hold in three runs of at most five (a loaded CI run once put
  // Math.random first; quiet runs measured randomInt 471-680 ms, myMethod 362-620 ms, Math.random about
  // 130 ms). Counts are exact in every run.
  it('complicated spends its time under myMethod, and randomInt has the most own time', { timeout: 600_000 }, async () => {
    await holdsInMostRuns('complicated', (result) => {
      const profile = profileOf(result);
      const rows = flatRows(profile).filter((candidate) => profile.frames[candidate.frame].name !== '<module>');
      const byCumulative = rows.filter((candidate) => !profile.frames[candidate.frame].builtin);
      const myMethod = row(profile, 'myMethod');
      expect(myMethod.calls).toBe(2);
      // myMethod is the widest box below myFunc and main in the icicle.
      for (const other of byCumulative) {
        const frame = profile.frames[other.frame];
        if (!['main', 'myFunc', 'myMethod'].some((name) => named(frame, name))) expect(other.totalMs).toBeLessThan(myMethod.totalMs);
      }
      const bySelf = [...rows].sort((a, b) => b.selfMs - a.selfMs);
      const leaders = bySelf
        .slice(0, 3)
        .map((candidate) => `${profile.frames[candidate.frame].name} ${candidate.selfMs.toFixed(0)} ms`)
        .join(', ');
      const corrections = `${profile.meta.overheadPerEventNs.toFixed(0)} ns per event, ${profile.meta.overheadPerChildCallNs?.toFixed(0)} ns per child call subtracted`;
      expect(profile.frames[bySelf[0].frame].name, `most own time: ${leaders} (${corrections})`).toBe(COMPLICATED.hottest);
      expect(bySelf[0].calls).toBe(COMPLICATED.hottestCalls);
    });
  });

  it('the sampling tree of complicated leads down to myMethod too', { timeout: 300_000 }, async () => {
    const profile = profileOf(await resultOf('complicated-sampling'));
    expect(profile.meta.sampleCount).toBeGreaterThan(0);
    const myMethod = profile.frames.findIndex((frame) => named(frame, 'myMethod') && !frame.builtin);
    let samplesUnderMyMethod = 0;
    walkTree(profile.root, (node) => {
      if (node.frame === myMethod) samplesUnderMyMethod += node.samples ?? 0;
    });
    expect(samplesUnderMyMethod).toBeGreaterThan((profile.root.samples ?? 0) / 2);
    // The prose: prepY and randomInt lie below it. (Math.random is the engine's native call now,
    // far too short for this sampler, which looks only where the engine polls, to catch reliably.)
    const prepY = profile.frames.findIndex((frame) => named(frame, 'prepY') && !frame.builtin);
    const randomInt = profile.frames.findIndex((frame) => frame.name === 'randomInt');
    let randomIntUnderPrepY = 0;
    walkTree(profile.root, (node) => {
      if (node.frame === prepY) for (const c of node.children) if (c.frame === randomInt) randomIntUnderPrepY += c.samples ?? 0;
    });
    expect(randomIntUnderPrepY).toBeGreaterThan(0);
  });

  it('two-profilers: only the deterministic profile counts calls, and it counts them exactly', async () => {
    const exact = profileOf(await resultOf('two-profilers-deterministic'));
    expect(row(exact, 'square').calls).toBe(200_000);
    expect(row(exact, 'checksum').calls).toBe(1);
    const sampled = profileOf(await resultOf('two-profilers-sampling'));
    expect(sampled.meta.kind).toBe('sampling');
    // The tiny checksum is far too short to be sampled often, if at all.
    const checksumFrame = sampled.frames.findIndex((frame) => frame.name === 'checksum');
    const loopFrame = sampled.frames.findIndex((frame) => frame.name === 'sumOfSquaresWithCalls');
    let checksumSamples = 0;
    let loopSamples = 0;
    walkTree(sampled.root, (node) => {
      if (node.frame === checksumFrame) checksumSamples += node.samples ?? 0;
      if (node.frame === loopFrame) loopSamples += node.samples ?? 0;
    });
    expect(loopSamples).toBeGreaterThan(10 * Math.max(1, checksumSamples));
    const plain = await resultOf('two-profilers-plain');
    expect(plain.profile).toBeUndefined();
  });
});

describe('what the prose says about time per line', () => {
  it('word-report: the filter line, run once, has over half the time; the loop header has one hit more than its body', async () => {
    const lines = (await resultOf('word-report')).lines as LineProfile;
    const table = lines.functions.find((t) => t.name === 'wordReport')!;
    const rowOf = (fragment: string) => table.rows.find((r) => r.text.includes(fragment))!;
    const filter = rowOf('words.filter');
    expect(filter.hits).toBe(1);
    const hottest = table.rows.reduce((a, b) => (b.timeMs > a.timeMs ? b : a));
    expect(hottest).toBe(filter);
    expect(filter.timeMs / table.totalMs).toBeGreaterThan(0.5);
    expect(rowOf('for (const word of words)').hits).toBe(4001);
    expect(rowOf('counts[word] =').hits).toBe(4000);
    expect(prose).toContain('4,001 against 4,000');
    expect(prose).toContain('over half');
    expect(lines.overheadCorrected).toBe(true);
  });
});

describe('the hot-function exercise', () => {
  it('has as its reference answer the function with the most own time in its starter, with its call count', async () => {
    const exercise = exercisesOfFile(CHAPTER).find((candidate) => candidate.spec.id === 'find-the-hot-function');
    expect(exercise, 'exercise find-the-hot-function').toBeDefined();
    const [name, count] = (exercise!.reference.answer ?? '').split(/\s+/);
    const profile = profileOf(await resultOf(exercise!.spec.starterCellId));
    const rows = flatRows(profile).filter((candidate) => profile.frames[candidate.frame].name !== '<module>');
    const hottest = [...rows].sort((a, b) => b.selfMs - a.selfMs)[0];
    expect(named(profile.frames[hottest.frame], name)).toBe(true);
    expect(hottest.calls).toBe(Number(count));
    // The solution's prose gives the same count in words.
    expect(prose).toContain(`: ${Number(count).toLocaleString('en-US')} calls.`);
  });

  // The check goes by the learner's own run, so the answer must not depend on the run or the
  // profiler: the hottest function leads the next one by a wide margin in every run of both.
  // randomInt runs sixteen rounds, so that it leads by far more than 2x: measured with other
  // agents busy alongside, 4.6-8.4x (deterministic) and 5.6-8.5x (sampling). The issue asks for
  // at least 2x on every run with both profilers; that is the bound.
  it.each(['deterministic', 'sampling'] as const)(
    'leads by a wide margin in every run under the %s profiler',
    { timeout: 300_000 },
    async (profiler) => {
      const exercise = exercisesOfFile(CHAPTER).find((candidate) => candidate.spec.id === 'find-the-hot-function')!;
      const [name] = (exercise.reference.answer ?? '').split(/\s+/);
      const cell = cellById(exercise.spec.starterCellId);
      const options = profiler === 'sampling' ? { ...cell.spec.options, profiler } : cell.spec.options;
      const margins: string[] = [];
      for (let run = 1; run <= 3; run++) {
        const request = buildRunRequest({ chapter: cell.spec.chapter, options, filename: cell.spec.filename, show: cell.spec.show, code: cell.code });
        const profile = profileOf(await runOffThread(request));
        expect(profile.meta.kind).toBe(profiler);
        const rows = flatRows(profile)
          .filter((candidate) => profile.frames[candidate.frame].name !== '<module>')
          .sort((a, b) => b.selfMs - a.selfMs);
        expect(named(profile.frames[rows[0].frame], name), `run ${run}: ${profile.frames[rows[0].frame].name} leads`).toBe(true);
        const margin = rows[0].selfMs / rows[1].selfMs;
        margins.push(`${margin.toFixed(2)}x over ${profile.frames[rows[1].frame].name}`);
        expect(margin, `run ${run}`).toBeGreaterThanOrEqual(2);
      }
      console.log(`[hot-function, ${profiler}] ${name} leads by ${margins.join(', ')}`);
    },
  );
});

/** The console text of a cell's run. */
async function consoleOf(id: string): Promise<string> {
  return (await resultOf(id)).console.map((entry) => entry.text).join('\n');
}

/** Samples of one learner function (by name) over the whole tree: self samples where it is innermost. */
function selfSamples(profile: Profile, name: string): number {
  const frame = profile.frames.findIndex((candidate) => candidate.name === name && !candidate.builtin);
  if (frame < 0) return 0;
  let samples = 0;
  walkTree(profile.root, (node) => {
    if (node.frame !== frame) return;
    const inChildren = node.children.reduce((sum, child) => sum + (child.samples ?? 0), 0);
    samples += (node.samples ?? 0) - inChildren;
  });
  return samples;
}

describe('what the prose says about wall time and CPU time', () => {
  it('quotes the Time tab\'s words for busy time, and the CLI line with cpu and simulated', async () => {
    expect(prose).toContain(`"${cpuLabel('busy').meaning}"`);
    expect(cpuLabel('thread').short.toLowerCase()).toBe('cpu');
    expect(prose).toContain('`cpu (process)`');
    expect(cpuLabel('process').short.toLowerCase()).toBe('cpu (process)');
    const result = await resultOf('waiting-and-working');
    // Node on Linux (this test machine) reads the thread's processor time.
    expect(result.timing.cpuKind).toBe('thread');
    expect(formatTiming(result)).toMatch(/^real \d+\.\d{3}s {2}cpu \d+\.\d{3}s {2}simulated 2\.000s/);
    expect(prose).toContain('npx workbook run --timing src/content/examples/waiting-and-working.js');
    expect(prose).toContain('`simulated 2.000s`');
    // "real is at least cpu plus simulated", give or take the thread CPU clock's steps: the kernel
    // brings it up to date at ticks and context switches (a reading was once 24 ms off with both
    // cores busy; test/unit/sandbox/clock.test.ts allows the same 100 ms).
    expect(result.timing.wallMs + 100).toBeGreaterThanOrEqual(result.timing.cpuMs + result.timing.simulatedMs);
  });

  it('shows and reads the time command\'s lines, and names what to use instead of sleep outside the workbook', () => {
    for (const fact of ['real    0m', 'user    0m', 'sys     0m', '`user` + `sys` is the CPU time', 'time.sleep(seconds)', 'setTimeout(resolve, ms)', 'Atomics.wait(']) {
      expect(prose).toContain(fact);
    }
    expect(prose).toMatch(/`sleep\(seconds\)` is the workbook's own helper/);
  });
});

describe('what the prose says about the two profilers (medians of repeats)', () => {
  const ratioOf = (result: RunResult): number => {
    const text = result.console.map((entry) => entry.text).join('\n');
    expect(text).toMatch(/same total both ways: true/);
    expect(text).toMatch(/median of 5 runs: with calls/);
    const match = /the version with calls took (\d+(?:\.\d+)?) times as long/.exec(text);
    expect(match, text).not.toBeNull();
    return Number(match![1]);
  };

  it('times each version five times and prints medians; 200,000 calls of square in all', () => {
    for (const fact of ['five times, the two taking turns', '**median**', '200,000 calls of `square` in all']) expect(prose).toContain(fact);
  });

  it('without a profiler the version with calls is a bit slower or about as fast; the deterministic profiler makes the ratio several times larger, the sampler nearly as much', { timeout: 300_000 }, async () => {
    // A claim about typical runs: it must hold in three trials of at most five (each trial runs the
    // three cells), as one run on a loaded machine can be thrown off (a loaded run read plain 2.1).
    await holdsInMostTrials('the two-profilers cells', async (attempt) => {
      const ratios: number[] = [];
      for (const id of ['two-profilers-plain', 'two-profilers-deterministic', 'two-profilers-sampling']) {
        ratios.push(await ratioOf(attempt === 0 ? await resultOf(id) : await runCell(cellById(id))));
      }
      const [plain, deterministic, sampling] = ratios;
      console.log(`[two-profilers] trial ${attempt + 1}: ratio plain ${plain}, deterministic ${deterministic}, sampling ${sampling}`);
      // Measured: plain 0.8-1.3, deterministic 7.8-10, sampling 8.3-9.4 (medians of 5).
      expect(plain).toBeLessThan(2);
      expect(deterministic).toBeGreaterThan(3 * plain);
      expect(sampling).toBeGreaterThan(2 * plain);
    });
    for (const fact of ['a bit slower,\n  or about as fast', 'several times larger', 'grows nearly as much']) expect(prose).toContain(fact);
  });
});

describe('what the prose says about the sampler, and about profilers that lie', () => {
  // A timing claim, so three runs of at most five (the build's recording: randomInt 689 ms, myMethod 505 ms).
  it('complicated: the same path, and randomInt has the most own time in both profiles', { timeout: 600_000 }, async () => {
    await holdsInMostRuns('complicated-sampling', (result) => {
      const sampled = profileOf(result);
      const bySelf = flatRows(sampled)
        .filter((candidate) => sampled.frames[candidate.frame].name !== '<module>')
        .sort((a, b) => b.selfMs - a.selfMs);
      const leaders = bySelf.slice(0, 3).map((candidate) => `${sampled.frames[candidate.frame].name} ${candidate.selfMs.toFixed(0)} ms`);
      expect(sampled.frames[bySelf[0].frame].name, `most own time: ${leaders.join(', ')}`).toBe('randomInt');
    });
    expect(prose).toContain('`randomInt` has the most own\ntime in both');
  });

  it('hash-leaf: the poll sampler never sees mix and gives its time to hashAll; the usual sampler puts most samples in mix', { timeout: 300_000 }, async () => {
    const poll = profileOf(await resultOf('hash-leaf-poll'));
    expect(poll.meta.kind).toBe('sampling');
    expect(cellById('hash-leaf-poll').spec.sampler).toBe('poll');
    expect(selfSamples(poll, 'mix')).toBe(0);
    expect(selfSamples(poll, 'hashAll')).toBeGreaterThan(10);
    const usual = profileOf(await resultOf('hash-leaf-sampling'));
    expect(selfSamples(usual, 'mix')).toBeGreaterThan(selfSamples(usual, 'hashAll'));
    expect(prose).toContain("The poll sampler's tree has no `mix` in it at all.");
  });

  it('hash-leaf: timing without mix says mix takes nearly all of hashAll\'s time, in both cells', { timeout: 300_000 }, async () => {
    for (const id of ['hash-leaf-poll', 'hash-leaf-sampling']) {
      const text = await consoleOf(id);
      const share = Number(/mix's share of hashAll: (\d+) %/.exec(text)?.[1]);
      // Measured 95-97 %.
      expect(share, text).toBeGreaterThanOrEqual(80);
    }
    expect(prose).toContain("takes nearly all of `hashAll`'s time");
  });

  it('confirm-by-removing: the poll sampler shows no blend in the starter, while removing it saves most of the time', { timeout: 300_000 }, async () => {
    const exercise = exercisesOfFile(CHAPTER).find((candidate) => candidate.spec.id === 'confirm-by-removing')!;
    const cell = cellById(exercise.spec.starterCellId);
    const solved = buildRunRequest({ chapter: cell.spec.chapter, options: cell.spec.options, filename: cell.spec.filename, show: cell.spec.show, code: exercise.reference.code });
    expect(solved.profile).toMatchObject({ kind: 'sampling', sampler: 'poll' });
    const result = await runOffThread(solved);
    const profile = profileOf(result);
    expect(selfSamples(profile, 'blend')).toBe(0);
    expect(selfSamples(profile, 'toGrey')).toBeGreaterThan(5);
    const text = result.console.map((entry) => entry.text).join('\n');
    const share = Number(/blend's share of toGrey: (\d+) %/.exec(text)?.[1]);
    // Measured 69-95 %; the reference answer, 80, is accepted within 20 points of the printed share.
    expect(share, text).toBeGreaterThan(60);
    expect(exercise.reference.answer).toBe('80');
  });
});

describe('what the prose says about flame graphs', () => {
  it('waiting-and-working: sleep is the widest plateau, and the CPU figure is only the counting', async () => {
    const result = await resultOf('waiting-icicle');
    const profile = profileOf(result);
    const sleep = row(profile, 'sleep', true);
    expectAbout(sleep.selfMs, 2000);
    for (const other of flatRows(profile)) if (other.frame !== sleep.frame) expect(other.selfMs).toBeLessThan(sleep.selfMs);
    expect(result.timing.cpuMs).toBeLessThan(2000);
    expect(prose).toContain('https://www.brendangregg.com/flamegraphs.html');
    expect(prose).toContain('The widest plateau is `sleep`');
  });
});

describe('what the prose says about profiling outside the sandbox', () => {
  const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

  it('the viewer opens a .cpuprofile, but not a .heapprofile from node --heap-prof', () => {
    const cpuprofile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', scriptId: '0', url: '', lineNumber: -1, columnNumber: -1 }, hitCount: 0, children: [2] },
        { id: 2, callFrame: { functionName: 'main', scriptId: '1', url: 'file:///prog.js', lineNumber: 0, columnNumber: 0 }, hitCount: 3 },
      ],
      startTime: 0,
      endTime: 3000,
      samples: [2, 2, 2],
      timeDeltas: [1000, 1000, 1000],
    };
    expect(importProfile(bytes(cpuprofile), 'prog.cpuprofile').frames.some((frame) => frame.name === 'main')).toBe(true);
    const heapprofile = {
      head: { callFrame: { functionName: '(root)', scriptId: '0', url: '', lineNumber: -1, columnNumber: -1 }, selfSize: 0, id: 1, children: [] },
      samples: [],
    };
    expect(() => importProfile(bytes(heapprofile), 'Heap.20260101.000000.1.0.001.heapprofile')).toThrow(ImportError);
    expect(prose).toContain('The profile viewer does not read it');
  });
});

describe('the exercises', () => {
  it('are five, all before the Summary', () => {
    const ids = exercisesOfFile(CHAPTER).map((exercise) => exercise.spec.id);
    expect(ids).toEqual(['predict-the-sleeper', 'find-the-hot-function', 'confirm-by-removing', 'slowest-line', 'faster-standard-scores']);
    const summary = prose.indexOf('## Summary');
    for (const id of ids) expect(prose.indexOf(`::::exercise{id=${id} `)).toBeLessThan(summary);
  });
});
