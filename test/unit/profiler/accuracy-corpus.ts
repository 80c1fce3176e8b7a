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

/** Straight-line arithmetic: no branch, loop or call, so QuickJS never polls inside it. */
const STRAIGHT = `const a = x * 1.0001 + 3; const b = a * a - x; const c = b / (a + 1); const d = c * c + a * b;
  const e = d - c * 0.5 + b * 0.25; const g = e * e * 1e-9 + d; const h = g * 0.5 + a + b + c + d + e;
  const k = h * 0.75 - g * 0.25 + a * c; const m = k / (b + 2) + e * 1e-3; return m + h * 1e-6;`;
/** The caller's own work per iteration: a small loop (poll-dense). */
const OWN = (v: string) => `for (let j = 0; j < 6; j++) ${v} += (j * i) % 7;`;

export const ACCURACY_CORPUS: AccuracyProgram[] = [
  {
    name: 'leaf without branches',
    target: 'f',
    n: 20000,
    source: `function f(x) { ${STRAIGHT} }
function withF(n) { let s = 0; for (let i = 0; i < n; i++) { s += f(i); ${OWN('s')} } return s }
function withoutF(n) { let s = 0; for (let i = 0; i < n; i++) { s += i; ${OWN('s')} } return s }`,
  },
  {
    name: 'leaf doing most of the work',
    target: 'f',
    n: 12000,
    source: `function f(x) { let r = 0; { ${STRAIGHT.replace('return', 'r +=')} } { const x2 = x + 1; ${STRAIGHT.replace(/\bx\b/g, 'x2').replace('return', 'r +=')} } return r }
function withF(n) { let s = 0; for (let i = 0; i < n; i++) s += f(i); return s }
function withoutF(n) { let s = 0; for (let i = 0; i < n; i++) s += i; return s }`,
  },
  {
    name: 'straight-line work beside poll-dense work',
    target: 'straight',
    n: 15000,
    source: `function straight(x) { ${STRAIGHT} }
function dense(x) { let s = 0; for (let j = 0; j < 12; j++) s += j & x; return s }
function withF(n) { let s = 0; for (let i = 0; i < n; i++) { s += dense(i); s += straight(i) } return s }
function withoutF(n) { let s = 0; for (let i = 0; i < n; i++) { s += dense(i); s += i } return s }`,
  },
  {
    name: 'poll-dense work beside straight-line work',
    target: 'dense',
    n: 15000,
    source: `function straight(x) { ${STRAIGHT} }
function dense(x) { let s = 0; for (let j = 0; j < 12; j++) s += j & x; return s }
function withF(n) { let s = 0; for (let i = 0; i < n; i++) { s += straight(i); s += dense(i) } return s }
function withoutF(n) { let s = 0; for (let i = 0; i < n; i++) { s += straight(i); s += i } return s }`,
  },
  {
    name: 'deep recursion',
    target: 'down',
    n: 150,
    source: `function down(k, x) { if (k === 0) return x; let w = 0; for (let j = 0; j < 4; j++) w += (x + j) % 5; return down(k - 1, x + w) }
function withF(n) { let s = 0; for (let i = 0; i < n; i++) { s += down(200, i); ${OWN('s')} for (let j = 0; j < 300; j++) s += j % 3 } return s }
function withoutF(n) { let s = 0; for (let i = 0; i < n; i++) { s += i; ${OWN('s')} for (let j = 0; j < 300; j++) s += j % 3 } return s }`,
  },
  {
    name: 'shallow recursion',
    target: 'fib',
    n: 250,
    source: `function fib(k) { return k < 2 ? k : fib(k - 1) + fib(k - 2) }
function withF(n) { let s = 0; for (let i = 0; i < n; i++) { s += fib(10); for (let j = 0; j < 250; j++) s += j % 3 } return s }
function withoutF(n) { let s = 0; for (let i = 0; i < n; i++) { s += i; for (let j = 0; j < 250; j++) s += j % 3 } return s }`,
  },
  {
    name: 'built-in without a callback',
    target: 'Math.sqrt',
    n: 20000,
    source: `function withF(n) { let s = 0; for (let i = 0; i < n; i++) { s += Math.sqrt(i) + Math.sqrt(i + 1); ${OWN('s')} } return s }
function withoutF(n) { let s = 0; for (let i = 0; i < n; i++) { s += i + (i + 1); ${OWN('s')} } return s }`,
  },
  {
    name: 'long built-in that calls no JavaScript',
    target: 'JSON.stringify',
    n: 150,
    source: `const data = Array.from({ length: 60 }, (_, i) => ({ id: i, name: 'item' + i, tags: ['a', 'b', 'c'], v: i * 1.5 }));
function withF(n) { let s = 0; for (let i = 0; i < n; i++) { s += JSON.stringify(data).length; for (let j = 0; j < 400; j++) s += j % 3 } return s }
function withoutF(n) { let s = 0; for (let i = 0; i < n; i++) { s += i; for (let j = 0; j < 400; j++) s += j % 3 } return s }`,
  },
  {
    name: 'built-in with a callback',
    target: 'Array.prototype.map',
    n: 400,
    source: `const xs = Array.from({ length: 40 }, (_, i) => i);
function scale(x) { let r = x; for (let j = 0; j < 5; j++) r = (r * 3 + j) % 1001; return r }
function withF(n) { let s = 0; for (let i = 0; i < n; i++) { s += xs.map(scale)[i % 40]; for (let j = 0; j < 300; j++) s += j % 3 } return s }
function withoutF(n) { let s = 0; for (let i = 0; i < n; i++) { s += i; for (let j = 0; j < 300; j++) s += j % 3 } return s }`,
  },
  {
    name: 'async function',
    target: 'work',
    n: 10000,
    source: `async function work(x) { ${STRAIGHT} }
function withF(n) { let s = 0, p = null; for (let i = 0; i < n; i++) { p = work(i); ${OWN('s')} } return s }
function withoutF(n) { let s = 0, p = null; for (let i = 0; i < n; i++) { p = i; ${OWN('s')} } return s }`,
  },
  {
    name: 'generator',
    target: 'numbers',
    n: 10000,
    source: `function* numbers(n) { for (let x = 0; x < n; x++) { let r = 0; for (let j = 0; j < 8; j++) r += (x * j) % 11; yield r } }
function withF(n) { let s = 0; for (const v of numbers(n)) { s += v; ${OWN('s')} } return s }
function withoutF(n) { let s = 0; for (let i = 0; i < n; i++) { s += i; ${OWN('s')} } return s }`,
  },
  {
    name: 'class method',
    target: 'Vec.dot',
    n: 15000,
    source: `class Vec { constructor(x, y, z) { this.x = x; this.y = y; this.z = z } dot(o) { let s = 0; for (let j = 0; j < 4; j++) s += this.x * o.x + this.y * o.y + this.z * o.z + j; return s } }
const u = new Vec(1, 2, 3), w = new Vec(4, 5, 6);
function withF(n) { let s = 0; for (let i = 0; i < n; i++) { s += u.dot(w); ${OWN('s')} } return s }
function withoutF(n) { let s = 0; for (let i = 0; i < n; i++) { s += i; ${OWN('s')} } return s }`,
  },
  {
    name: 'getter',
    target: 'get Box.area',
    n: 15000,
    source: `class Box { constructor(w, h) { this.w = w; this.h = h } get area() { const a = this.w * 1.5 + this.h; const b = a * a - this.w; const c = b / (a + 1) + this.h * 0.5; return a + b + c * c } }
const box = new Box(3, 4);
function withF(n) { let s = 0; for (let i = 0; i < n; i++) { s += box.area; ${OWN('s')} } return s }
function withoutF(n) { let s = 0; for (let i = 0; i < n; i++) { s += i; ${OWN('s')} } return s }`,
  },
];

const PAIRS = 7;

/** The plain run's program: withF and withoutF interleaved, median of the pairs' shares. */
export function truthSource(p: AccuracyProgram): string {
  return `${p.source}
withF(${p.n}); withoutF(${p.n}); // warm-up
const shares = [];
for (let r = 0; r < ${PAIRS}; r++) {
  let t = performance.now(); withF(${p.n}); const tw = performance.now() - t;
  t = performance.now(); withoutF(${p.n}); const to = performance.now() - t;
  shares.push((tw - to) / tw);
}
shares.sort((a, b) => a - b);
console.log(String(shares[${PAIRS >> 1}]));`;
}

/** The profiled run's program: only withF. */
export function profiledSource(p: AccuracyProgram): string {
  return `${p.source}
for (let r = 0; r < 4; r++) withF(${p.n});`;
}

/** The function's true share of its caller, from a plain run (run time ~ 2 x PAIRS calls of each twin). */
export async function trueShare(p: AccuracyProgram): Promise<number> {
  const result = await runInSandbox({ code: truthSource(p), filename: 'truth.js', limits: { timeoutMs: 60_000 } });
  if (result.status !== 'ok') throw new Error(`${p.name}: ${result.error?.message}`);
  return Number(result.console[0].text);
}

/** The target's share of withF in a profile: its nodes directly under withF's nodes, over withF's. */
export function profiledShare(profile: Profile, target: string): number {
  let caller = 0;
  let callee = 0;
  const name = (n: CallNode) => profile.frames[n.frame].name;
  const visit = (node: CallNode) => {
    if (name(node) === 'withF') {
      caller += node.totalMs;
      for (const c of node.children) if (name(c) === target) callee += c.totalMs;
      // withF calls nothing that calls withF again.
      return;
    }
    node.children.forEach(visit);
  };
  visit(profile.root);
  if (!(caller > 0)) throw new Error(`no time under withF (frames: ${profile.frames.map((f) => f.name).join(', ')})`);
  return callee / caller;
}

export async function measuredShare(p: AccuracyProgram, options: ProfileOptions): Promise<number> {
  const result = await runInSandbox({ code: profiledSource(p), filename: 'profiled.js', profile: options, limits: { timeoutMs: 60_000 } }, [profilerTool]);
  if (result.status !== 'ok' || !result.profile) throw new Error(`${p.name}: ${result.status} ${result.error?.message}`);
  return profiledShare(result.profile, p.target);
}
