/**
 * Programs written to tell an instrumented run from a plain one (issue 15,
 * item 8): each runs plainly, under the deterministic profiler, the sampling
 * profiler and the memory profiler (every function profiled line by line, with
 * the timeline), and must print the same lines and fail the same way (error
 * name, message and line). What the programs reflect on (function length and
 * name, arguments, stacks) is printed by themselves, so it is compared too.
 */
import { describe, expect, it } from 'vitest';
import { runInSandbox } from '../../../src/sandbox/engine/run';
import { profilerTool } from '../../../src/sandbox/profiler/tool';
import { memoryTool } from '../../../src/sandbox/memory/tool';
import { lineTool } from '../../../src/sandbox/lines/tool';
import type { RunRequest, RunResult } from '../../../src/sandbox/types';

const CASES: Array<[string, string]> = [
  ['a hashbang line', '#!/usr/bin/env node\nfunction f(x) { return x * 2; }\nconsole.log(f(21));'],
  ['a hashbang line then an error on line 3', '#!/usr/bin/env node\nconst a = 1;\nnull.boom;'],
  ['a hashbang line and nothing else', '#!/usr/bin/env node'],
  ['=> in a comment before an arrow body', 'const f = (x) => /* => */ x + 1;\nconst g = (y) =>\n  // => not this one\n  y * 2;\nconsole.log(f(1), g(2));'],
  ['=> in a string inside an arrow', 'const f = (s = "=>") => s + "=>";\nconsole.log(f(), f("a"));'],
  ['nested arrows with comments', 'const add = (a) /* a => */ => (b) => /* => */ a + b;\nconsole.log(add(2)(3));'],
  ['a learner var named like the frame variable', 'function f() { var $wb$d = 3; var $wb$t = 4; return $wb$d + $wb$t; }\nconsole.log(f());'],
  ['with over a Proxy that claims every name', 'const seen = [];\nconst p = new Proxy({}, { has(t, k) { if (typeof k === "string") seen.push(k); return false; } });\nfunction f() { with (p) { return Math.max(1, 2); } }\nconsole.log(f(), seen.join());'],
  ['with over a Proxy that answers every name', 'const p = new Proxy({}, { has: () => true, get: (t, k) => (k === Symbol.unscopables ? undefined : 7) });\nfunction f() { with (p) { const g = () => anything; return g() + anything; } }\nconsole.log(f());'],
  ['with and an arrow defined inside', 'const o = { x: 1 };\nwith (o) { var h = () => x + 1; }\nconsole.log(h());'],
  ['function length and name are unchanged', 'function f(a, b = 1, ...c) {}\nconst g = async (x) => x;\nconsole.log(f.length, f.name, g.length, g.name);'],
  ['arguments and this are unchanged', 'function f() { return [arguments.length, typeof this]; }\nconsole.log(f(1, 2, 3).join(), f.call(5).join());'],
  ['a stack trace line numbers', 'function inner() { throw new Error("deep"); }\nfunction outer() { inner(); }\ntry { outer(); } catch (e) { console.log(e.stack.split("\\n").map((l) => l.replace(/:\\d+\\)?$/, "")).join("|")); }'],
  ['an error thrown from an arrow on line 2', 'const f = (x) =>\n  x.y.z;\nf({});'],
  // Names like the sandbox's own (issue 15, item 8): each run renames ours to ones no program contains.
  ['top-level let, const and class named like the sandbox object and hooks', 'let __wb = 1; const __wbS = 2; class __wbE {}\nconsole.log(__wb, __wbS, typeof __wbE);'],
  ['top-level var and function named like hooks', 'var __wb_m0 = 5; function __wbX() { return 6; }\nfunction __wb_ll() { return 7; }\nconsole.log(__wb_m0, __wbX(), __wb_ll());'],
  ['global lets named like the recorder\'s inline variables', 'let $wb$c = "mine"; let $wb$n = () => 0;\nfunction f() { return $wb$c; }\nconsole.log(f(), $wb$n());'],
  ['the global object lists no sandbox names', 'console.log(Object.getOwnPropertyNames(globalThis).filter((n) => /wb/i.test(n)).join() || "none");'],
  ['typeof every hook name', 'console.log(typeof __wb, typeof __wbE, typeof __wbS, typeof $wb$c, typeof __wb_ml, typeof __wb_ll, typeof __wbSample);'],
  ['the in operator on hook names', 'console.log("__wb" in globalThis, "__wbE" in globalThis, "$wb$n" in globalThis, "__wb_m0" in globalThis);'],
  ['a direct eval asking for hook names', 'function f() { return eval("typeof __wbE + typeof $wb$n + typeof __wb"); }\nconsole.log(f());'],
  ['hook names built at run time for a direct eval', 'const p = "__" + "w" + "b";\nfunction f() { return ["", "E", "X", "S", "_ml", "_ll", "_host_out"].map((s) => eval("typeof " + p + s)).join(); }\nconsole.log(f());'],
  ['hook names in the learner\'s strings and comments stay as written', '// __wbE(1) and $wb$c\nconst s = "__wbS(); $wb$d /*<wb*/";\nfunction f() { return s.length; }\nconsole.log(f(), s, f.toString());'],
  ['prototype keys and symbols as in a plain run', 'console.log(Reflect.ownKeys(Array.prototype).length, Object.getOwnPropertySymbols(String.prototype).length, Reflect.ownKeys(Object.getOwnPropertyDescriptors(Array.prototype)).length, Object.getOwnPropertySymbols(Array.prototype).map(String).join());'],
  ['reflection functions look native', 'console.log(Reflect.ownKeys.name, Reflect.ownKeys.length, String(Object.getOwnPropertySymbols).includes("native code"), Object.getOwnPropertyDescriptors.length);'],
];

function observable(r: RunResult) {
  return {
    status: r.status,
    console: r.console.filter((c) => c.level !== 'system').map((c) => `${c.level}: ${c.text}`),
    error: r.error && { name: r.error.name, message: r.error.message, line: r.error.location?.line },
  };
}

async function run(code: string, extra: Partial<RunRequest> = {}) {
  return observable(await runInSandbox({ code, filename: 'adversary.js', limits: { timeoutMs: 20_000 }, ...extra }, [profilerTool, memoryTool, lineTool]));
}

describe('the instrumented program is indistinguishable from the plain one', () => {
  it.each(CASES)('%s', async (_name, code) => {
    const plain = await run(code);
    expect(plain.console.length + (plain.error ? 1 : 0) + (code.startsWith('#!') ? 1 : 0)).toBeGreaterThan(0);
    expect(await run(code, { profile: { kind: 'deterministic' } }), 'deterministic').toEqual(plain);
    expect(await run(code, { profile: { kind: 'deterministic', builtins: true } }), 'deterministic with built-ins').toEqual(plain);
    expect(await run(code, { profile: { kind: 'sampling' } }), 'sampling').toEqual(plain);
    const names = [...code.matchAll(/function\s+([\w$]+)|(?:const|let|var)\s+([\w$]+)\s*=\s*(?:async\s*)?\(/g)].map((m) => m[1] ?? m[2]);
    expect(await run(code, { memory: { lines: names, timeline: true } }), 'memprofile').toEqual(plain);
    expect(await run(code, { lines: names }), 'lineprofile').toEqual(plain);
  });

  // The plain run itself must look like QuickJS with no sandbox around it.
  it('a plain run shows no sandbox names and the engine\'s own prototype keys', async () => {
    const named = (case_: string) => CASES.find(([name]) => name === case_)![1];
    expect((await run(named('the global object lists no sandbox names'))).console).toEqual(['log: none']);
    expect((await run(named('typeof every hook name'))).console).toEqual([`log: ${Array(7).fill('undefined').join(' ')}`]);
    expect((await run(named('the in operator on hook names'))).console).toEqual(['log: false false false false']);
    expect((await run(named('hook names built at run time for a direct eval'))).console).toEqual([`log: ${Array(7).fill('undefined').join(',')}`]);
    expect((await run(named('top-level let, const and class named like the sandbox object and hooks'))).console).toEqual(['log: 1 2 function']);
    // Array.prototype's own symbols in QuickJS: Symbol.iterator and Symbol.unscopables.
    expect((await run(named('prototype keys and symbols as in a plain run'))).console[0]).toMatch(/ Symbol\(Symbol\.iterator\),Symbol\(Symbol\.unscopables\)$/);
  });
});
