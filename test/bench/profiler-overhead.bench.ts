/**
 * Profiler overhead, in one run: the same programs in QuickJS plain, under the
 * deterministic profiler and under the sampling profiler, next to their
 * Python twins plain and under cProfile (the machine's python3).
 *
 * Each program's main() is timed inside its own runtime (performance.now()
 * around main() in the sandbox, time.perf_counter() in Python), so start-up,
 * preludes and collection are not counted. Warm-up runs come first; modes are
 * interleaved within each repeat so a change in machine load hits all alike;
 * the table shows medians and ratios to plain. For fib(25) and complicated it
 * also times two floors (support/clock-floor.ts): per-call timing alone (two
 * native clock reads per call and nothing else), which no deterministic profiler
 * here can beat, and a bare call tree (that plus finding, counting and timing
 * each call's node), which no recorder of cProfile's data here can beat.
 *
 *   npm run bench -- profiler        (or: npx tsx test/bench/profiler-overhead.bench.ts [repeats])
 *
 * Then the accuracy column: over the accuracy corpus (test/unit/profiler/
 * accuracy-corpus.ts, truth by construction), the largest error of each
 * profiler's share of a function in its caller (median of 3 runs each).
 * Issue 19's ratios are printed next to their targets.
 *
 * Writes bench-results/profiler-overhead.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInSandbox } from '../../src/sandbox/engine/run';
import { profilerTool } from '../../src/sandbox/profiler/tool';
import type { SandboxTool } from '../../src/sandbox/engine/tool';
import type { ProfileOptions } from '../../src/sandbox/types';
import { withCallTreeFloor, withClockFloor } from './support/clock-floor';
import { ACCURACY_CORPUS, measuredShare, trueShare } from '../unit/profiler/accuracy-corpus';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const MARK = '__bench_ms__';

interface Program {
  name: string;
  /** Also time this program's floors (support/clock-floor.ts), plain. */
  floors?: { clock: string; callTree: string };
  /** JavaScript defining main(). */
  js: string;
  /** Module under test/bench/python/ defining main(). */
  python: string;
  repeats: number;
}

const FIB = `function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2) }\nfunction main() { return fib(25) }\n`;
const KERNEL = [
  'function kernel(n) {',
  '  let s = 0;',
  '  for (let i = 1; i <= n; i++) {',
  '    const x = i * 0.001;',
  '    s += (x * x + 1) / (x + 1);',
  '  }',
  '  return s;',
  '}',
  'function main() { let total = 0; for (let k = 0; k < 20; k++) total += kernel(100000); return total }',
  '',
].join('\n');
const COMPLICATED = readFileSync(join(root, 'src/content/examples/complicated.js'), 'utf8').replace(/^main\(\);\s*$/m, '');
/**
 * The floors for any profiler that times every call on this engine, and for any that also
 * keeps a call tree (support/clock-floor.ts): each program doing only that, run plain.
 */
const floorsOf = (js: string, builtins: string[]) => ({ clock: withClockFloor(js, builtins), callTree: withCallTreeFloor(js, builtins) });

const args = process.argv.slice(2).map(Number).filter((n) => n > 0);
const scale = args[0] ?? 1;
const PROGRAMS: Program[] = [
  { name: 'fib(25)', js: FIB, floors: floorsOf(FIB, []), python: 'fib', repeats: Math.max(3, Math.round(7 * scale)) },
  ...(process.env.SKIP_COMPLICATED
    ? []
    : [{ name: 'complicated', js: COMPLICATED, floors: floorsOf(COMPLICATED, ['Math.floor', 'Math.random']), python: 'complicated', repeats: Math.max(1, Math.round(3 * scale)) }]),
  { name: 'numeric kernel', js: KERNEL, python: 'kernel', repeats: Math.max(3, Math.round(5 * scale)) },
];

const MODES: Array<{ id: string; kind?: ProfileOptions }> = [
  { id: 'plain' },
  { id: 'deterministic', kind: { kind: 'deterministic' } },
  { id: 'sampling', kind: { kind: 'sampling' } },
  { id: 'poll', kind: { kind: 'sampling', sampler: 'poll' } },
];

/**
 * The engine's native clock, which the recorders read (`__wb.realNow`), as a global the floor
 * program can use: our own names are renamed for every run and hidden from the learner's code.
 */
const benchClockTool: SandboxTool = { id: 'bench-clock', wants: () => true, prelude: () => 'globalThis.__benchRealNow = __wb.realNow;' };

async function timeInSandbox(js: string, kind?: ProfileOptions): Promise<number> {
  const code = `${js}\nconst __t0 = performance.now();\nmain();\nconsole.log('${MARK}' + (performance.now() - __t0));\n`;
  const result = await runInSandbox(
    { code, filename: 'bench.js', limits: { timeoutMs: 600_000, maxOutputLines: 100 }, ...(kind ? { profile: kind } : {}) },
    [profilerTool, benchClockTool],
  );
  const line = result.console.find((c) => c.text.startsWith(MARK));
  if (result.status !== 'ok' || !line) throw new Error(`run failed (${JSON.stringify(kind ?? 'plain')}): ${result.status} ${result.error?.message ?? ''}`);
  return Number(line.text.slice(MARK.length));
}

function timePython(module: string, repeats: number): { plain: number[]; cprofile: number[] } | { error: string } {
  const r = spawnSync('python3', [join(here, 'python/timer.py'), module, String(repeats)], { encoding: 'utf8', timeout: 900_000 });
  if (r.status !== 0) return { error: (r.stderr || r.error?.message || 'python3 failed').trim() };
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Runs per program and profiler (ACCURACY_ROUNDS=1 for a quick look). */
const ACCURACY_ROUNDS = Math.max(1, Number(process.env.ACCURACY_ROUNDS) || 3);
const ACCURACY_PROFILERS: Array<[string, ProfileOptions]> = [
  ['deterministic', { kind: 'deterministic' }],
  ['sampling', { kind: 'sampling' }],
  ['poll', { kind: 'sampling', sampler: 'poll' }],
];

/** Truth and each profiler's share per corpus program (medians of 3 interleaved runs), and the largest errors. */
async function measureAccuracy() {
  const programs: Array<Record<string, unknown>> = [];
  const maxError: Record<string, number> = { deterministic: 0, sampling: 0, poll: 0 };
  process.stdout.write('accuracy corpus: ');
  for (const program of ACCURACY_CORPUS) {
    const truths: number[] = [];
    const shares: Record<string, number[]> = { deterministic: [], sampling: [], poll: [] };
    for (let r = 0; r < ACCURACY_ROUNDS; r++) {
      truths.push(await trueShare(program));
      // The poll sampler may never see the caller at all (its bias): then it shows a share of 0.
      for (const [id, options] of ACCURACY_PROFILERS) shares[id].push(await measuredShare(program, options).catch(() => 0));
    }
    const truth = median(truths);
    const row: Record<string, unknown> = { program: program.name, target: program.target, truth };
    for (const [id] of ACCURACY_PROFILERS) {
      const share = median(shares[id]);
      row[id] = share;
      maxError[id] = Math.max(maxError[id], Math.abs(share - truth));
    }
    programs.push(row);
    process.stdout.write('.');
  }
  process.stdout.write('\n');
  return { programs, maxError };
}

async function main(): Promise<void> {
  const rows: Array<Record<string, unknown>> = [];
  for (const program of PROGRAMS) {
    process.stdout.write(`${program.name}: warming up`);
    for (const mode of MODES) await timeInSandbox(program.js, mode.kind);
    if (program.floors) for (const js of Object.values(program.floors)) await timeInSandbox(js);
    const times: Record<string, number[]> = { plain: [], deterministic: [], sampling: [], poll: [], clockFloor: [], callTreeFloor: [] };
    for (let r = 0; r < program.repeats; r++) {
      for (const mode of MODES) times[mode.id].push(await timeInSandbox(program.js, mode.kind));
      if (program.floors) {
        times.clockFloor.push(await timeInSandbox(program.floors.clock));
        times.callTreeFloor.push(await timeInSandbox(program.floors.callTree));
      }
      process.stdout.write('.');
    }
    const py = timePython(program.python, program.repeats);
    process.stdout.write('\n');
    const plain = median(times.plain);
    const row: Record<string, unknown> = {
      program: program.name,
      repeats: program.repeats,
      quickjs: {
        plainMs: plain,
        deterministicMs: median(times.deterministic),
        samplingMs: median(times.sampling),
        deterministicRatio: median(times.deterministic) / plain,
        samplingRatio: median(times.sampling) / plain,
        pollMs: median(times.poll),
        pollRatio: median(times.poll) / plain,
        samplingToDeterministic: median(times.sampling) / median(times.deterministic),
        ...(program.floors
          ? {
              clockFloorMs: median(times.clockFloor),
              clockFloorRatio: median(times.clockFloor) / plain,
              callTreeFloorMs: median(times.callTreeFloor),
              callTreeFloorRatio: median(times.callTreeFloor) / plain,
            }
          : {}),
        samples: times,
      },
    };
    if ('error' in py) row.python = { error: py.error };
    else row.python = { plainMs: median(py.plain), cprofileMs: median(py.cprofile), cprofileRatio: median(py.cprofile) / median(py.plain), samples: py };
    rows.push(row);
  }

  const f = (n: unknown, d = 1) => (typeof n === 'number' ? n.toFixed(d) : '-');
  const accuracy = await measureAccuracy();
  const header = ['program', 'QuickJS plain ms', 'deterministic', 'ratio', 'sampling', 'ratio', 'poll sampler', 'ratio', 'Python plain ms', 'cProfile', 'ratio'];
  const table = rows.map((r) => {
    const q = r.quickjs as Record<string, number>;
    const p = r.python as Record<string, number>;
    return [String(r.program), f(q.plainMs), f(q.deterministicMs), `${f(q.deterministicRatio, 2)}x`, f(q.samplingMs), `${f(q.samplingRatio, 2)}x`, f(q.pollMs), `${f(q.pollRatio, 2)}x`, f(p.plainMs), f(p.cprofileMs), p.cprofileRatio ? `${f(p.cprofileRatio, 2)}x` : '-'];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log('\nProfiler overhead (medians of interleaved repeats, main() only)\n');
  console.log(line(header));
  for (const t of table) console.log(line(t));
  console.log(
    `Accuracy (largest error of a function's share of its caller, over ${ACCURACY_CORPUS.length} programs with known truth):` +
      ` deterministic ${f(accuracy.maxError.deterministic * 100)} points, sampling ${f(accuracy.maxError.sampling * 100)} points,` +
      ` poll sampler ${f(accuracy.maxError.poll * 100)} points.`,
  );
  console.log('\nIssue 19 targets (ratios in this run):');
  for (const r of rows) {
    const q = r.quickjs as Record<string, number>;
    if (r.program === 'fib(25)') {
      console.log(
        `  ${r.program}: deterministic / clock floor = ${f(q.deterministicMs / q.clockFloorMs, 2)}x (target <= 1.3x;` +
          ` a bare call tree, with no timeline and no stack repair, is ${f(q.callTreeFloorMs / q.clockFloorMs, 2)}x the clock floor)`,
      );
    }
    if (r.program === 'complicated') {
      console.log(
        `  complicated: deterministic / plain = ${f(q.deterministicRatio, 2)}x (target <= 3x; its clock floor alone is ${f(q.clockFloorRatio, 2)}x plain,` +
          ` a bare call tree ${f(q.callTreeFloorRatio, 2)}x)`,
      );
      const py = r.python as Record<string, number>;
      if (py.plainMs) console.log(`  complicated: QuickJS plain / CPython plain = ${f(q.plainMs / py.plainMs, 2)}x (target <= 3x)`);
    }
    console.log(`  ${r.program}: sampling / deterministic = ${f(q.samplingToDeterministic, 2)}x (target <= 1x)`);
  }
  for (const r of rows) {
    const q = r.quickjs as Record<string, number>;
    if (q.clockFloorRatio) {
      console.log(
        `Floors on this engine: ${r.program} that only reads the native clock twice per call (no recording) runs ${f(q.clockFloorRatio, 2)}x plain;` +
          ` keeping a bare call tree as well, ${f(q.callTreeFloorRatio, 2)}x plain (${f(q.callTreeFloorMs / q.clockFloorMs, 2)}x the clock floor);` +
          ` the deterministic profiler ${f(q.deterministicMs / q.clockFloorMs, 2)}x the clock floor, ${f(q.deterministicMs / q.callTreeFloorMs, 2)}x the call-tree floor.`,
      );
    }
  }

  mkdirSync(join(root, 'bench-results'), { recursive: true });
  const out = join(root, 'bench-results/profiler-overhead.json');
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), node: process.version, rows, accuracy }, null, 2));
  console.log(`Wrote ${out}`);
}

await main();
