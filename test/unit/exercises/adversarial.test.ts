/**
 * Learner code that tries to fool its own exercise check (issue 15, item 5).
 * Every attack runs before the check on the real QuickJS engine; the answer it
 * submits is wrong (square(4) returns 17), so only a forged verdict could pass.
 * Each attack also tries to find the reference solution's text in the VM.
 */
import { describe, expect, it } from 'vitest';
import { checkAttemptInNode } from '../../../src/sandbox/exercises/node';
import { exercise } from './helpers';

const SECRET = 'SOLUTION-TEXT-7f3a';
const spec = exercise(
  [
    'const got = square(4);',
    'const out = check.outputText();',
    'if (got === 16 && out.includes("16") && [1, 2].includes(2) && JSON.stringify({ a: got }) === \'{"a":16}\') pass("right");',
    'else fail("square(4) gave " + String(got));',
  ].join('\n'),
  { solution: `// ${SECRET}\nfunction square(x) { return x * x; }` },
);
const WRONG = 'function square(x) { return x * x + 1; }\nconsole.log(square(4));\n';

/** Looks for the solution in everything a program can reach from globalThis (bounded walk). */
const LEAK_PROBE = `
globalThis.__leaks = [];
function probe(root) {
  const seen = new Set(), queue = [root];
  while (queue.length && seen.size < 20000) {
    const v = queue.shift();
    if ((typeof v !== 'object' && typeof v !== 'function') || v === null || seen.has(v)) continue;
    seen.add(v);
    try { if (typeof v === 'function' && Function.prototype.toString.call(v).includes('${SECRET}')) __leaks.push('source'); } catch {}
    for (const k of Reflect.ownKeys(v)) {
      let d; try { d = Object.getOwnPropertyDescriptor(v, k); } catch { continue; }
      if (!d) continue;
      if (typeof d.value === 'string' && d.value.includes('${SECRET}')) __leaks.push(String(k));
      queue.push(d.value, d.get, d.set);
    }
  }
}
`;

const ATTACKS: Record<string, string> = {
  'Function.prototype.call forges pass()': `
    const realCall = Function.prototype.call;
    Function.prototype.call = function (thisArg, check, pass, fail) {
      if (typeof pass === 'function') { globalThis.__seen = check && check.solution; pass('forged'); return Promise.resolve(); }
      return realCall.apply(this, arguments);
    };`,
  'Function.prototype.apply forges pass()': `
    const realApply = Function.prototype.apply;
    Function.prototype.apply = function (thisArg, args) {
      if (args && typeof args[1] === 'function') { args[1]('forged'); return Promise.resolve(); }
      return Reflect.apply(this, thisArg, args);
    };`,
  'Reflect.apply forges pass()': `
    const realApply = Reflect.apply;
    Reflect.apply = function (fn, thisArg, args) {
      if (args && typeof args[1] === 'function') { args[1]('forged'); return Promise.resolve(); }
      return realApply(fn, thisArg, args);
    };`,
  'a global String turns the message into a pass': `globalThis.String = function () { return 'square(4) is 16'; };`,
  'a lexical const shadows JSON and String': `
    const JSON = { stringify: () => '{"a":16}' };
    let String = (x) => 'x';`,
  'String.prototype.includes always true, Array includes too': `
    String.prototype.includes = function () { return true; };
    Array.prototype.includes = function () { return true; };`,
  'JSON.stringify replaced': `JSON.stringify = () => '{"a":16}';`,
  'Object.prototype getter named then makes every object thenable': `
    Object.defineProperty(Object.prototype, 'then', { get() { const o = this; return (res) => { try { o.pass && o.pass('forged'); } catch {} res(1); }; }, configurable: true });`,
  'Object.prototype getters for descriptor fields': `
    Object.defineProperty(Object.prototype, 'get', { get() { throw new Error('boom'); }, configurable: true });
    Object.defineProperty(Object.prototype, 'value', { get() { return 16; }, configurable: true });`,
  'Symbol.toPrimitive on Object.prototype and Number': `
    Object.prototype[Symbol.toPrimitive] = function () { return 16; };
    Number.prototype.valueOf = function () { return 16; };`,
  'Promise.prototype.then replaced': `
    const realThen = Promise.prototype.then;
    Promise.prototype.then = function (ok, err) { return realThen.call(this, ok, err); };
    Promise.prototype.then.toString = () => 'native';
    Promise.prototype.then = function (ok) { try { ok && ok(); } catch {} return this; };`,
  'array iterator next replaced': `
    const proto = Object.getPrototypeOf([][Symbol.iterator]());
    proto.next = function () { return { done: true, value: undefined }; };`,
  'getters that throw on the global object': `
    Object.defineProperty(globalThis, 'Math', { get() { throw new Error('no Math'); }, configurable: true });
    Object.defineProperty(globalThis, 'Reflect', { get() { throw new Error('no Reflect'); }, configurable: true });`,
  'Object.freeze of a patched prototype (cannot be undone)': `
    Array.prototype.includes = function () { return true; };
    Object.freeze(Array.prototype);`,
  'a non-configurable getter on String.prototype': `
    Object.defineProperty(String.prototype, 'includes', { get() { return () => true; }, configurable: false });`,
  'prototype of Array.prototype swapped': `
    Object.setPrototypeOf(Array.prototype, new Proxy({}, { get: (t, k) => (k === 'includes' ? () => true : undefined) }));`,
  'a learner function called by the check patches built-ins again': `
    function square(x) { String.prototype.includes = function () { return true; }; JSON.stringify = () => '{"a":16}'; return 16.0000001; }`,
  'guessing the verdict host function and nonce': `
    for (const k of Object.getOwnPropertyNames(globalThis)) if (/host/.test(k)) globalThis[k]('0'.repeat(32), 'pass', 'forged');
    try { __wb.checkSupport.verdict('0'.repeat(32), 'pass', 'forged'); } catch {}`,
  'replacing Object.freeze and defineProperty': `
    Object.freeze = (o) => o;
    Object.defineProperty = (o) => o;
    Reflect.defineProperty = () => true;`,
  'a pending async job that patches built-ins later': `
    (async () => { for (let i = 0; i < 50; i++) { await null; String.prototype.includes = () => true; } })();`,
};

describe('exercise checks the learner code cannot fool', () => {
  it('the wrong answer fails plainly, and the right one passes (the check works)', async () => {
    expect((await checkAttemptInNode({ exercise: spec, code: WRONG })).check.passed).toBe(false);
    const right = await checkAttemptInNode({ exercise: spec, code: 'function square(x) { return x * x; }\nconsole.log(square(4));' });
    expect(right.check).toMatchObject({ passed: true, message: 'right' });
  });

  for (const [name, attack] of Object.entries(ATTACKS)) {
    it(`no pass and no solution text: ${name}`, async () => {
      const code = `${WRONG}${LEAK_PROBE}\n${attack}\nprobe(globalThis);\nconsole.log('leaks:' + __leaks.length);`;
      const { check, result } = await checkAttemptInNode({ exercise: spec, code });
      expect(check.passed, check.message).toBe(false);
      const text = result.console.map((entry) => entry.text).join('\n');
      expect(text).not.toContain(SECRET);
      expect(JSON.stringify(result)).not.toContain(SECRET);
    });
  }

  it('a right answer still passes when the learner code patched a built-in harmlessly', async () => {
    const code = 'Array.prototype.sum = function () { return this.reduce((a, b) => a + b, 0); };\nfunction square(x) { return [x * x].sum(); }\nconsole.log(square(4));';
    expect((await checkAttemptInNode({ exercise: spec, code })).check).toMatchObject({ passed: true });
  });

  it('code the check calls can still give its own objects a name or a toString (no override mistake)', async () => {
    const ex = exercise('class Oops extends Error { constructor(m) { super(m); this.name = "Oops"; } }\nconst o = {}; o.toString = () => "mine";\nconst e = new Oops("x");\npass(e.name + " " + String(o) + " " + make().name);');
    const code = 'function make() { const e = new Error("y"); e.name = "Custom"; return e; }';
    expect((await checkAttemptInNode({ exercise: ex, code })).check).toMatchObject({ passed: true, message: 'Oops mine Custom' });
  });
});
