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
];

function observable(r: RunResult) {
  return {
    status: r.status,
    console: r.console.filter((c) => c.level !== 'system').map((c) => `${c.level}: ${c.text}`),
    error: r.error && { name: r.error.name, message: r.error.message, line: r.error.location?.line },
  };
}

async function run(code: string, extra: Partial<RunRequest> = {}) {
  return observable(await runInSandbox({ code, filename: 'adversary.js', limits: { timeoutMs: 20_000 }, ...extra }, [profilerTool, memoryTool]));
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
  });
});
