/**
 * Adversarial cases: learner code (or code from a shared link) trying to reach
 * the host, confuse the host functions, or break the run. Each asserts that
 * the code stays inside the sandbox and that the run ends with a clear result.
 */
import { describe, expect, it } from 'vitest';
import { out, run } from './run-helpers';

/** Code that prints "INSIDE" when it could not find anything of the host. */
const cases: Array<[string, string]> = [
  ['globalThis has no host objects', `console.log(['window','document','process','require','module','Deno','Bun','fetch','XMLHttpRequest','WebSocket','importScripts','postMessage','localStorage','indexedDB','navigator','location'].every(k => typeof globalThis[k] === 'undefined') ? 'INSIDE' : 'LEAK')`],
  ['Function constructor gives the sandbox global', `const g = Function('return this')(); console.log(g === globalThis && typeof g.process === 'undefined' ? 'INSIDE' : 'LEAK')`],
  ['constructor.constructor chain stays inside', `const g = (() => {}).constructor.constructor('return globalThis')(); console.log(g === globalThis && !g.document ? 'INSIDE' : 'LEAK')`],
  ['AsyncFunction constructor stays inside', `const AF = (async () => {}).constructor; AF('return globalThis')().then(g => console.log(g === globalThis && !g.window ? 'INSIDE' : 'LEAK'))`],
  ['GeneratorFunction constructor stays inside', `const GF = (function* () {}).constructor; const g = GF('yield globalThis')().next().value; console.log(g === globalThis ? 'INSIDE' : 'LEAK')`],
  ['indirect eval stays inside', `const g = (0, eval)('this'); console.log(g === globalThis && typeof g.require === 'undefined' ? 'INSIDE' : 'LEAK')`],
  ['console methods expose no host internals', `const f = console.log; console.log(Object.getOwnPropertyNames(f).every(k => ['length','name','prototype'].includes(k)) && f.constructor === Function ? 'INSIDE' : 'LEAK')`],
  ['sleep is an ordinary sandbox function', `console.log(sleep.constructor === Function && Object.getPrototypeOf(sleep) === Function.prototype ? 'INSIDE' : 'LEAK')`],
  ['host output function is not reachable', `console.log(typeof __wb_host_out === 'undefined' && !Object.getOwnPropertyNames(globalThis).some(k => k.startsWith('__wb_host')) ? 'INSIDE' : 'LEAK')`],
  ['import() finds no module loader', `import('fs').then(() => console.log('LEAK'), () => console.log('INSIDE'))`],
  ['import() of a URL finds nothing', `import('https://example.com/x.js').then(() => console.log('LEAK'), () => console.log('INSIDE'))`],
  ['std/os modules of the QuickJS shell are absent', `console.log(typeof std === 'undefined' && typeof os === 'undefined' && typeof scriptArgs === 'undefined' ? 'INSIDE' : 'LEAK')`],
  ['a Proxy passed to console is formatted inside the VM', `const p = new Proxy({}, { get() { throw new Error('trap'); }, ownKeys() { return ['a']; }, getOwnPropertyDescriptor() { return { value: 1, enumerable: true, configurable: true }; } }); console.log(p); console.log('INSIDE')`],
  ['a Symbol passed to every console method', `const s = Symbol('x'); console.log(s); console.warn(s); console.error(s); console.info(s); console.table(s); console.log('INSIDE')`],
  ['objects with a hostile toString', `const o = { toString() { throw new Error('no'); }, [Symbol.toPrimitive]() { throw new Error('no'); } }; console.log(o); console.log('%s', o); console.log('INSIDE')`],
  ['a getter that throws is not invoked by console', `const o = {}; Object.defineProperty(o, 'x', { get() { throw new Error('boom'); }, enumerable: true }); console.log(o); console.log('INSIDE')`],
  ['a looping getter is not invoked by console', `const o = {}; Object.defineProperty(o, 'x', { get() { for (;;) {} }, enumerable: true }); console.log(o); console.log('INSIDE')`],
  ['a self-referencing structure', `const a = [1]; a.push(a); const m = new Map(); m.set(m, m); const s = new Set(); s.add(s); console.log(a, m, s); console.log('INSIDE')`],
  ['a giant structure is printed with a cap', `const big = Array.from({ length: 1e5 }, (_, i) => i); console.log(big); console.log('INSIDE')`],
  ['a very deep structure is depth-limited', `let d = {}; const root = d; for (let i = 0; i < 1e4; i++) { d.next = {}; d = d.next; } console.log(root); console.log('INSIDE')`],
  ['a huge string is cut when printed', `console.log('x'.repeat(5e5).length); console.log('INSIDE')`],
  ['re-entering console from inside formatting', `const o = { get g() { console.log('re-entered'); return 1; } }; console.log(o); console.log([{ toJSON() { console.log('json'); } }]); console.log('INSIDE')`],
  ['console replaced during a run', `const keep = console.log; globalThis.console = { log() { throw new Error('replaced'); } }; keep('INSIDE')`],
  ['sleep deleted during a run', `const s = sleep; delete globalThis.sleep; s(1); console.log(typeof sleep === 'undefined' ? 'INSIDE' : 'LEAK')`],
  ['performance replaced does not break the clock', `globalThis.performance = { now: () => -1 }; sleep(1); console.log('INSIDE')`],
  ['Math.random replaced by the learner', `Math.random = () => 4; console.log(Math.random() === 4 ? 'INSIDE' : 'LEAK')`],
  ['prototype pollution stays in this run', `Object.prototype.polluted = 1; Array.prototype.push = null; console.log('INSIDE')`],
  // The sandbox's object is a lexical binding under a name made for this run: no program can name it,
  // and a global of the old name is just the program's own (the run still collects its output).
  ['the sandbox object is out of reach', `globalThis.__wb = { collect() { return 'LEAK'; } }; console.log(typeof __wb.collect === 'function' && Object.getOwnPropertyNames(globalThis).filter((n) => n.includes('wb')).join() === '__wb' ? 'INSIDE' : 'LEAK')`],
  ['SharedArrayBuffer and Atomics do not reach the host', `console.log(typeof SharedArrayBuffer === 'undefined' || new SharedArrayBuffer(8).byteLength === 8 ? 'INSIDE' : 'LEAK')`],
  ['WebAssembly is not available to learner code', `console.log(typeof WebAssembly === 'undefined' ? 'INSIDE' : 'LEAK')`],
  ['setTimeout with a string does not eval host code', `try { setTimeout('console.log(1)', 0); console.log('LEAK'); } catch (e) { console.log('INSIDE'); }`],
  ['Error.prepareStackTrace is not a host hook', `Error.prepareStackTrace = () => { throw new Error('hook'); }; try { null.x; } catch (e) { console.log('INSIDE'); }`],
  ['Symbol.for registry is per run', `Symbol.for('shared'); console.log('INSIDE')`],
];

describe('escape attempts stay inside the sandbox', () => {
  it('has at least 30 distinct cases', () => {
    expect(new Set(cases.map(([name]) => name)).size).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('%s', async (_name, code) => {
    // These cases test containment, not speed: the default deadline keeps them load-independent
    // (formatting a 100,000-element array took over 2 s with both cores busy).
    const r = await run(code);
    expect(r.status).toBe('ok');
    expect(out(r)).toContain('INSIDE');
    expect(out(r).join('\n')).not.toContain('LEAK');
  });

  it('a run after a polluting run starts clean', async () => {
    await run(`Object.prototype.polluted = 1; Array.prototype.map = null; globalThis.console = null;`);
    const r = await run(`console.log(({}).polluted, typeof [].map)`);
    expect(out(r)).toEqual(['undefined function']);
  });
});

describe('runaway code ends with a message naming the limit', () => {
  it.each([
    ['an infinite loop', 'for (;;) {}', 'timeoutMs'],
    // Each turn leaves a settled promise behind: it ends at the deadline or the memory cap, whichever comes first.
    ['an endless promise-job loop', 'const spin = () => Promise.resolve().then(spin); spin();', 'timeoutMs|memoryBytes'],
    ['an endless chain of zero-delay timers', 'const again = () => setTimeout(again, 0); again();', 'timeoutMs'],
    ['infinite recursion', 'const f = () => f(); f();', 'stackBytes'],
    ['mutual recursion through methods', 'const o = { a() { return this.b(); }, b() { return this.a(); } }; o.a();', 'stackBytes'],
    ['an output flood', 'for (;;) console.log("again")', 'maxOutputLines'],
    ['a flood of long lines', 'const line = "x".repeat(10000); for (;;) console.log(line)', 'maxOutputBytes'],
  ])('%s', async (_name, code, limit) => {
    const started = performance.now();
    const r = await run(code, { limits: { timeoutMs: 1000 } });
    expect(limit.split('|')).toContain(r.limitHit?.limit);
    expect(r.limitHit?.message.length).toBeGreaterThan(20);
    expect(performance.now() - started).toBeLessThan(1000 + 1000 + 500); // deadline + 1 s (+ module start)
    const next = await run('console.log("next run works")');
    expect(out(next)).toEqual(['next run works']);
  });
});
