/**
 * The accuracy corpus: programs whose truth is known by construction. Each has
 * a caller, `withF(n)`, that does its own work and calls the function under
 * test, and a twin, `withoutF(n)`, that does the same work without that call.
 * Run plainly, a program times the two interleaved in one run: the function's
 * share of its caller is (T_with - T_without) / T_with (median of the pairs).
 * Run under a profiler, it only calls withF, and the profile's share is the
 * function's time under withF over withF's time.
 *
 * Shared by test/unit/profiler/accuracy.test.ts and the profiler bench.
 */
import { runInSandbox } from '../../../src/sandbox/engine/run';
import { profilerTool } from '../../../src/sandbox/profiler/tool';
import type { CallNode, Profile, ProfileOptions } from '../../../src/sandbox/types';

export interface AccuracyProgram {
  name: string;
  /** The function under test as the profile names it (a built-in by its qualified name). */
  target: string;
  /** Defines withF(n) and withoutF(n) (and the function under test). */
  source: string;
  /** n for one call of withF: enough work (~20-40 ms plain) that a scheduler pause is small. */
  n: number;
}

/**
 * Every function under test does real work per call (tens of microseconds): a
 * profiler's clock reads cost ~0.2-2 us each here (more when the machine is
 * busy), and what is tested is where time goes, not the hooks' cost.
 */
/**
 * Straight-line arithmetic on `x` into `r`: no branch, loop or call, so QuickJS never
 * polls inside it. Few locals: a frame's set-up and tear-down happen outside any
 * profiler's entry and exit, so a function with hundreds of locals would hand that
 * cost to its caller in every profile.
 */
const STRAIGHT_BLOCK = `a = x * 1.0001 + r * 1e-9 + 3; b = a * a - x; c = b / (a + 1); d = c * c + a * b;
  e = d - c * 0.5 + b * 0.25; g = e * e * 1e-9 + d; h = g * 0.5 + a + b + c + d + e;
  k = h * 0.75 - g * 0.25 + a * c; r += k / (b + 2) + e * 1e-3 + h * 1e-6;`;
const straight = (copies: number) => `let r = 0, a, b, c, d, e, g, h, k; ${Array(copies).fill(STRAIGHT_BLOCK).join(' ')} return r;`;
/**
 * Poll-dense work: a small loop, `m` iterations, on `v`. The callers keep it on an integer
 * of its own (`q`): on the function's float results it would run slower with the function
 * than without it, and the truth would be wrong.
 */
const loop = (v: string, m: number) => `for (let j = 0; j < ${m}; j++) ${v} += (j * 7 + ${v}) % 13;`;

export const ACCURACY_CORPUS: AccuracyProgram[] = [
  {
    name: 'leaf without branches',
    target: 'f',
    n: 500,
    source: `function f(x) { ${straight(30)} }
function withF(n) { let s = 0, q = 0; for (let i = 0; i < n; i++) { s += f(i); ${loop('q', 180)} } return s + q }
function withoutF(n) { let s = 0, q = 0; for (let i = 0; i < n; i++) { s += i; ${loop('q', 180)} } return s + q }`,
  },
  {
    name: 'leaf doing most of the work',
    target: 'f',
    n: 333,
    source: `function f(x) { ${straight(60)} }
function withF(n) { let s = 0, q = 0; for (let i = 0; i < n; i++) s += f(i); return s + q }
function withoutF(n) { let s = 0, q = 0; for (let i = 0; i < n; i++) s += i; return s + q }`,
  },
  {
    name: 'straight-line work beside poll-dense work',
    target: 'straight',
    n: 400,
    source: `function straight(x) { ${straight(30)} }
function dense(x) { let s = x; ${loop('s', 240)} return s }
function withF(n) { let s = 0, q = 0; for (let i = 0; i < n; i++) { s += dense(i); s += straight(i) } return s + q }
function withoutF(n) { let s = 0, q = 0; for (let i = 0; i < n; i++) { s += dense(i); s += i } return s + q }`,
  },
  {
    name: 'poll-dense work beside straight-line work',
    target: 'dense',
    n: 400,
    source: `function straight(x) { ${straight(30)} }
function dense(x) { let s = x; ${loop('s', 240)} return s }
function withF(n) { let s = 0, q = 0; for (let i = 0; i < n; i++) { s += straight(i); s += dense(i) } return s + q }
function withoutF(n) { let s = 0, q = 0; for (let i = 0; i < n; i++) { s += straight(i); s += i } return s + q }`,
  },
  {
    name: 'deep recursion',
    target: 'down',
    n: 4,
    source: `function down(k, x) { if (k === 0) return x; let w = x; ${loop('w', 180)} return down(k - 1, w % 1000) }
function withF(n) { let s = 0, q = 0; for (let i = 0; i < n; i++) { s += down(150, i); ${loop('q', 18000)} } return s + q }
function withoutF(n) { let s = 0, q = 0; for (let i = 0; i < n; i++) { s += i; ${loop('q', 18000)} } return s + q }`,
  },
  {
    name: 'shallow recursion',
    target: 'tree',
    n: 27,
    source: `function tree(k, x) { let w = x; ${loop('w', 150)} return k === 0 ? w : tree(k - 1, w) + tree(k - 1, w + 1) }
function withF(n) { let s = 0, q = 0; for (let i = 0; i < n; i++) { s += tree(4, i); ${loop('q', 3600)} } return s + q }
function withoutF(n) { let s = 0, q = 0; for (let i = 0; i < n; i++) { s += i; ${loop('q', 3600)} } return s + q }`,
  },
  {
    name: 'built-in without a callback (a scan)',
    target: 'Array.prototype.indexOf',
    n: 333,
    source: `const big = Array.from({ length: 3000 }, (_, i) => i);
function withF(n) { let s = 0, q = 0; for (let i = 0; i < n; i++) { s += big.indexOf(-1); ${loop('q', 180)} } return s + q }
function withoutF(n) { let s = 0, q = 0; for (let i = 0; i < n; i++) { s += i; ${loop('q', 180)} } return s + q }`,
  },
  {
    name: 'long built-in that calls no JavaScript',
    target: 'JSON.stringify',
    n: 50,
    source: `const data = Array.from({ length: 60 }, (_, i) => ({ id: i, name: 'item' + i, tags: ['a', 'b', 'c'], v: i * 1.5 }));
function withF(n) { let s = 0, q = 0; for (let i = 0; i < n; i++) { s += JSON.stringify(data).length; ${loop('q', 1200)} } return s + q }
function withoutF(n) { let s = 0, q = 0; for (let i = 0; i < n; i++) { s += i; ${loop('q', 1200)} } return s + q }`,
  },
  {
    name: 'built-in with a callback',
    target: 'Array.prototype.map',
    n: 33,
    source: `const xs = Array.from({ length: 20 }, (_, i) => i);
function scale(x) { let r = x; ${loop('r', 150)} return r }
function withF(n) { let s = 0, q = 0; for (let i = 0; i < n; i++) { s += xs.map(scale)[i % 20]; ${loop('q', 2400)} } return s + q }
function withoutF(n) { let s = 0, q = 0; for (let i = 0; i < n; i++) { s += i; ${loop('q', 2400)} } return s + q }`,
  },
  {
    name: 'async function',
    target: 'work',
    n: 233,
    source: `async function work(x) { ${straight(90)} }
function withF(n) { let s = 0, q = 0, p = null; for (let i = 0; i < n; i++) { p = work(i); ${loop('q', 450)} } return s + q }
function withoutF(n) { let s = 0, q = 0, p = null; for (let i = 0; i < n; i++) { p = i; ${loop('q', 450)} } return s + q }`,
  },
  {
    name: 'generator',
    target: 'numbers',
    n: 233,
    source: `function* numbers(n) { for (let x = 0; x < n; x++) { let r = x; ${loop('r', 600)} yield r } }
function withF(n) { let s = 0, q = 0; for (const v of numbers(n)) { s += v; ${loop('q', 450)} } return s + q }
function withoutF(n) { let s = 0, q = 0; for (let i = 0; i < n; i++) { s += i; ${loop('q', 450)} } return s + q }`,
  },
  {
    name: 'class method',
    target: 'Vec.dot',
    n: 500,
    source: `class Vec { constructor(x, y, z) { this.x = x; this.y = y; this.z = z } dot(o) { let s = 0; for (let j = 0; j < 120; j++) s += this.x * o.x + this.y * o.y + this.z * o.z + j; return s } }
const u = new Vec(1, 2, 3), w = new Vec(4, 5, 6);
function withF(n) { let s = 0, q = 0; for (let i = 0; i < n; i++) { s += u.dot(w); ${loop('q', 180)} } return s + q }
function withoutF(n) { let s = 0, q = 0; for (let i = 0; i < n; i++) { s += i; ${loop('q', 180)} } return s + q }`,
  },
  {
    name: 'getter',
    target: 'get Box.area',
    n: 500,
    source: `class Box { constructor(w, h) { this.w = w; this.h = h } get area() { const x = this.w + this.h; ${straight(30)} } }
const box = new Box(3, 4);
function withF(n) { let s = 0, q = 0; for (let i = 0; i < n; i++) { s += box.area; ${loop('q', 180)} } return s + q }
function withoutF(n) { let s = 0, q = 0; for (let i = 0; i < n; i++) { s += i; ${loop('q', 180)} } return s + q }`,
  },
];

const PAIRS = 9;
/** Rounds of withF in one profiled run, each from a caller of its own so the profile keeps them apart. */
const ROUNDS = 7;
/**
 * A round that took more than this times the fastest one was disturbed (the
 * process was preempted, or the machine slowed down): every round does the same work.
 */
const UNDISTURBED = 1.25;

/**
 * The plain run's program: withF and withoutF interleaved in pairs, after a
 * warm-up; it prints every pair's times. The truth is the median of the pairs'
 * shares: each pair's two halves run moments apart, in the same conditions
 * (the fastest of each side would pair times from different moments, and
 * measured several times noisier).
 */
export function truthSource(p: AccuracyProgram): string {
  return `${p.source}
withF(${p.n}); withoutF(${p.n}); // warm-up
const withTimes = [], withoutTimes = [];
for (let r = 0; r < ${PAIRS}; r++) {
  let t = performance.now(); withF(${p.n}); withTimes.push(performance.now() - t);
  t = performance.now(); withoutF(${p.n}); withoutTimes.push(performance.now() - t);
}
console.log(JSON.stringify({ withTimes, withoutTimes }));`;
}

/** The profiled run's program: a warm-up call, then ROUNDS calls of withF, each from its own roundK(). */
export function profiledSource(p: AccuracyProgram): string {
  const rounds = Array.from({ length: ROUNDS }, (_, k) => `function round${k}() { return withF(${p.n}); }`);
  return `${p.source}
${rounds.join('\n')}
withF(${p.n}); // warm-up
${rounds.map((_, k) => `round${k}();`).join(' ')}`;
}

/** The function's true share of its caller, from a plain run: the median over pairs of (with - without) / with. */
export async function trueShare(p: AccuracyProgram): Promise<number> {
  const result = await runInSandbox({ code: truthSource(p), filename: 'truth.js', limits: { timeoutMs: 60_000 } });
  if (result.status !== 'ok') throw new Error(`${p.name}: ${result.error?.message}`);
  const { withTimes, withoutTimes } = JSON.parse(result.console[0].text) as { withTimes: number[]; withoutTimes: number[] };
  const shares = withTimes.map((withF, k) => (withF - withoutTimes[k]) / withF).sort((a, b) => a - b);
  return shares[shares.length >> 1];
}

export interface MeasuredShare {
  /** The target's time under withF over withF's time, pooled over the undisturbed rounds. */
  share: number;
  /** How many of the rounds were undisturbed (the fastest always is). */
  rounds: number;
  /** Sampling profiles: the samples those rounds' withF nodes hold (what the share's precision rests on). */
  samples?: number;
}

/** The target's share of withF in a profile, over the rounds that ran undisturbed. */
export function profiledShare(profile: Profile, target: string): MeasuredShare {
  const name = (n: CallNode) => profile.frames[n.frame].name;
  const rounds: Array<{ caller: number; callee: number; samples?: number }> = [];
  const visit = (node: CallNode) => {
    if (/^round\d+$/.test(name(node))) {
      for (const withF of node.children) {
        if (name(withF) !== 'withF') continue;
        const callee = withF.children.filter((c) => name(c) === target).reduce((sum, c) => sum + c.totalMs, 0);
        rounds.push({ caller: withF.totalMs, callee, samples: withF.samples });
      }
      return;
    }
    node.children.forEach(visit);
  };
  visit(profile.root);
  if (rounds.length === 0) throw new Error(`no round of withF in the profile (frames: ${profile.frames.map((f) => f.name).join(', ')})`);
  const fastest = Math.min(...rounds.map((r) => r.caller));
  if (!(fastest > 0)) throw new Error('a round of withF took no time');
  const kept = rounds.filter((r) => r.caller <= UNDISTURBED * fastest);
  const total = (pick: (r: (typeof kept)[number]) => number) => kept.reduce((sum, r) => sum + pick(r), 0);
  const samples = kept.every((r) => r.samples !== undefined) ? total((r) => r.samples!) : undefined;
  return { share: total((r) => r.callee) / total((r) => r.caller), rounds: kept.length, ...(samples !== undefined ? { samples } : {}) };
}

export async function measuredShareDetail(p: AccuracyProgram, options: ProfileOptions): Promise<MeasuredShare> {
  const result = await runInSandbox({ code: profiledSource(p), filename: 'profiled.js', profile: options, limits: { timeoutMs: 60_000 } }, [profilerTool]);
  if (result.status !== 'ok' || !result.profile) throw new Error(`${p.name}: ${result.status} ${result.error?.message}`);
  return profiledShare(result.profile, p.target);
}

export async function measuredShare(p: AccuracyProgram, options: ProfileOptions): Promise<number> {
  return (await measuredShareDetail(p, options)).share;
}
