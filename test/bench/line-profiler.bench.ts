/**
 * The line-time profiler's overhead, in one run: each program's main() in
 * QuickJS plain and with its hot function timed line by line, next to the
 * Python twin plain and under line_profiler (`kernprof -l`'s profiler, from
 * Debian's python3-line-profiler, run by /usr/bin/python3). main() is timed
 * inside its own runtime; modes are interleaved within each repeat; the table
 * shows medians and ratios to plain.
 *
 *   npm run bench -- profiler        (or: npx tsx test/bench/line-profiler.bench.ts)
 *
 * Writes bench-results/line-profiler.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInSandbox } from '../../src/sandbox/engine/run';
import { lineTool } from '../../src/sandbox/lines/tool';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const MARK = '__bench_ms__';

interface Program {
  name: string;
  /** JavaScript defining main(), its hot function marked `// @profile`. */
  js: string;
  /** Twin module under test/bench/python/ and the function line_profiler wraps. */
  python: string;
  pythonFunction: string;
  repeats: number;
}

const KERNEL = `// @profile
function kernel(n) {
  let s = 0;
  for (let i = 1; i <= n; i++) {
    const x = i * 0.001;
    s += (x * x + 1) / (x + 1);
  }
  return s;
}
function main() { let total = 0; for (let k = 0; k < 2; k++) total += kernel(100000); return total; }
`;

const WORDS = `function makeWords(count) {
  const words = [];
  for (let i = 0; i < count; i++) words.push('w' + ((i * 7919) % 1250));
  return words;
}
// @profile
function summary(words) {
  let letters = 0;
  for (const word of words) {
    letters += word.length;
  }
  const distinct = words.filter((word, i) => words.indexOf(word) === i).length;
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
  return { letters, distinct, longest };
}
const WORDS = makeWords(2000);
function main() { return summary(WORDS); }
`;

const PROGRAMS: Program[] = [
  { name: 'numeric kernel', js: KERNEL, python: 'line_kernel', pythonFunction: 'kernel', repeats: 3 },
  { name: 'word summary', js: WORDS, python: 'word_summary', pythonFunction: 'summary', repeats: 5 },
];

async function timeJs(js: string, lines: boolean): Promise<number> {
  const code = `${js}\nmain();\nconst t0 = performance.now();\nmain();\nconsole.log('${MARK}' + (performance.now() - t0));\n`;
  const r = await runInSandbox({ code, filename: 'bench.js', lines, limits: { timeoutMs: 600_000 } }, [lineTool]);
  const line = r.console.find((c) => c.text.startsWith(MARK));
  if (!line) throw new Error(`bench run failed: ${r.status} ${r.error?.message ?? ''}`);
  return Number(line.text.slice(MARK.length));
}

function timePython(p: Program): { plain: number[]; kernprof: number[] } | { error: string } {
  const r = spawnSync('/usr/bin/python3', [join(here, 'python/line_timer.py'), p.python, p.pythonFunction, String(p.repeats)], { encoding: 'utf8', timeout: 900_000 });
  if (r.status !== 0) return { error: (r.stderr || r.error?.message || 'python3 failed').trim() };
  return JSON.parse(r.stdout);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function main(): Promise<void> {
  const rows = [];
  for (const p of PROGRAMS) {
    const plain: number[] = [];
    const profiled: number[] = [];
    for (let k = 0; k < p.repeats; k++) {
      plain.push(await timeJs(p.js, false));
      profiled.push(await timeJs(p.js, true));
    }
    const py = timePython(p);
    rows.push({
      name: p.name,
      js: { plainMs: median(plain), linesMs: median(profiled), ratio: median(profiled) / median(plain) },
      python: 'error' in py ? py : { plainMs: median(py.plain), kernprofMs: median(py.kernprof), ratio: median(py.kernprof) / median(py.plain) },
    });
  }
  console.log('\nLine profiler overhead (medians of interleaved repeats, main() only)\n');
  console.log('program          QuickJS plain  line profiler   ratio | Python plain  kernprof -l   ratio');
  for (const r of rows) {
    const py = 'error' in r.python ? `error: ${r.python.error.split('\n').pop()}` : `${r.python.plainMs.toFixed(1).padStart(10)} ms ${r.python.kernprofMs.toFixed(1).padStart(9)} ms ×${r.python.ratio.toFixed(1)}`;
    console.log(`${r.name.padEnd(16)} ${r.js.plainMs.toFixed(1).padStart(10)} ms ${r.js.linesMs.toFixed(1).padStart(10)} ms ×${r.js.ratio.toFixed(1).padEnd(5)} | ${py}`);
  }
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(join(root, 'bench-results/line-profiler.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2));
}

await main();
