/**
 * Hits are exact. Each program marks the expected hits of a line with a
 * trailing `//> N` comment, worked out by hand from the program (a loop over
 * n items tests its header n + 1 times, a break stops the tests early...);
 * every other line of a profiled function must have no hits. The programs
 * also print the same output with and without the profiler.
 */
import { describe, expect, it } from 'vitest';
import { linesOf, run } from './helpers';
import { runInSandbox } from '../../../src/sandbox/engine/run';

const PROGRAMS: Array<[string, string]> = [
  ['for with a test', `
// @profile
function f(n) {
  let s = 0;                      //> 1
  for (let i = 0; i < n; i++) {   //> 6
    s += i;                       //> 5
  }
  return s;                       //> 1
}
console.log(f(5));`],
  ['for with break and continue', `
// @profile
function f() {
  let s = 0;                      //> 1
  for (let i = 0; i < 10; i++) {  //> 5
    if (i === 1) continue;        //> 5
    if (i === 4) break;           //> 4
    s += i;                       //> 3
  }
  return s;                       //> 1
}
console.log(f());`],
  ['for without a test', `
// @profile
function f() {
  let i = 0;                      //> 1
  for (;;) {                      //> 3
    if (++i > 2) break;           //> 3
  }
  return i;                       //> 1
}
console.log(f());`],
  ['while', `
// @profile
function f(n) {
  let i = 0;                      //> 1
  while (i < n) {                 //> 5
    i++;                          //> 4
  }
  while (i < 0) i--;              //> 1
  return i;                       //> 1
}
console.log(f(4));`],
  ['do-while', `
// @profile
function f() {
  let i = 3;                      //> 1
  do {                            //> 1
    i--;                          //> 3
  } while (i > 0);                //> 3
  return i;                       //> 1
}
console.log(f());`],
  ['for-of with break', `
// @profile
function f(xs) {
  let s = 0;                      //> 2
  for (const x of xs) {           //> 6
    if (x < 0) break;             //> 5
    s += x;                       //> 4
  }
  return s;                       //> 2
}
console.log(f([1, 2, 3]), f([1, -1, 5]));`],
  ['for-in', `
// @profile
function f(o) {
  const keys = [];                //> 1
  for (const k in o) {            //> 4
    keys.push(k);                 //> 3
  }
  return keys.join();             //> 1
}
console.log(f({ a: 1, b: 2, c: 3 }));`],
  ['nested loops on one line and many', `
// @profile
function f() {
  let s = 0;                      //> 1
  for (let i = 0; i < 3; i++)     //> 4
    for (let j = 0; j < 2; j++) s += i * j; //> 9
  return s;                       //> 1
}
console.log(f());`],
  ['early returns', `
// @profile
function sign(x) {
  if (x > 0) {                    //> 5
    return 1;                     //> 2
  } else if (x < 0) {             //> 3
    return -1;                    //> 1
  }
  return 0;                       //> 2
}
console.log([3, -1, 0, 0, 7].map(sign).join());`],
  ['exception thrown through lines', `
// @profile
function risky(x) {
  const y = x * 2;                //> 3
  if (y > 2) throw new Error('big ' + y); //> 3
  return y;                       //> 2
}
for (const x of [1, 2, 0]) {
  try { console.log(risky(x)); } catch (e) { console.log(e.message); }
}`],
  ['try/catch/finally', `
// @profile
function f(fail) {
  try {                           //> 2
    if (fail) throw new Error('x'); //> 2
    return 'ok';                  //> 1
  } catch (e) {
    return 'caught';              //> 1
  } finally {
    console.log('finally');       //> 2
  }
}
console.log(f(false), f(true));`],
  ['generator', `
// @profile
function* count(n) {
  for (let i = 0; i < n; i++) {   //> 4
    yield i;                      //> 3
  }
  return 'done';                  //> 1
}
console.log([...count(3)].join());`],
  ['generator left open', `
// @profile
function* naturals() {
  let i = 0;                      //> 1
  while (true) {                  //> 3
    yield i++;                    //> 3
  }
}
const it = naturals();
console.log(it.next().value, it.next().value, it.next().value);`],
  ['async function', `
// @profile
async function f(xs) {
  let s = 0;                      //> 1
  for (const x of xs) {           //> 4
    s += await Promise.resolve(x); //> 3
  }
  await null;                     //> 1
  return s;                       //> 1
}
f([1, 2, 3]).then((v) => console.log(v));`],
  ['recursion', `
// @profile
function fib(n) {
  if (n < 2) return n;            //> 15
  return fib(n - 1) + fib(n - 2); //> 7
}
console.log(fib(5));`],
  ['a line that calls a profiled function', `
// @profile
function square(x) {
  return x * x;                   //> 4
}
// @profile
function sumSquares(n) {
  let s = 0;                      //> 1
  for (let i = 1; i <= n; i++) {  //> 5
    s += square(i);               //> 4
  }
  return s;                       //> 1
}
console.log(sumSquares(4));`],
  ['switch', `
// @profile
function f(xs) {
  let s = '';                     //> 1
  for (const x of xs) {           //> 5
    switch (x) {                  //> 4
      case 1:
        s += 'a';                 //> 2
        break;                    //> 2
      default:
        s += 'z';                 //> 2
    }
  }
  return s;                       //> 1
}
console.log(f([1, 2, 1, 3]));`],
  ['labeled continue', `
// @profile
function f() {
  let s = 0;                      //> 1
  outer: for (let i = 0; i < 3; i++) { //> 4
    for (let j = 0; j < 3; j++) { //> 9
      if (j > i) continue outer;  //> 8
      s++;                        //> 6
    }
  }
  return s;                       //> 1
}
console.log(f());`],
  ['arrow and method by name, statements sharing a line', `
const twice = (x) =>
  x * 2;                          //> 3
class Acc {
  add(v) {
    this.total = (this.total || 0) + v; this.n = (this.n || 0) + 1; //> 3
  }
}
const a = new Acc();
for (const v of [1, 2, 3]) a.add(twice(v));
console.log(a.total, a.n);`],
];

const NAMED: Record<string, string[]> = { 'arrow and method by name, statements sharing a line': ['twice', 'add'] };

/** line -> expected hits, from the `//> N` comments. */
function expected(code: string): Map<number, number> {
  const out = new Map<number, number>();
  code.split('\n').forEach((text, i) => {
    const m = /\/\/> (\d+)\s*$/.exec(text);
    if (m) out.set(i + 1, Number(m[1]));
  });
  return out;
}

describe('line hits are exact', () => {
  it('has a corpus of at least 15 programs', () => {
    expect(PROGRAMS.length).toBeGreaterThanOrEqual(15);
  });

  it.each(PROGRAMS)('%s', async (name, code) => {
    const profiled = await run(code, { lines: NAMED[name] ?? true });
    const plain = await runInSandbox({ code, filename: 'prog.js' }, []);
    expect(profiled.status).toBe('ok');
    expect(profiled.console.map((c) => c.text)).toEqual(plain.console.map((c) => c.text));
    const want = expected(code);
    const got = new Map<number, number>();
    for (const t of linesOf(profiled).functions) for (const r of t.rows) if (r.hits) got.set(r.line, r.hits);
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
  });
});
