/**
 * Adversarial programs for the containment suite: what an attacker or a
 * careless learner might run. Each names what must hold besides the common
 * checks (ends within deadline + grace, host memory under 600 MB, no host
 * stack trace): the status it ends with, and lines it must or must not print.
 * `deterministic` cases must print the same under run, profile, profile
 * --sampling and memprofile.
 */
import type { RunStatus } from '../../../../src/sandbox/types';

export interface AdversarialCase {
  name: string;
  code: string;
  /** Accepted statuses (several where the machine's speed decides which limit comes first). */
  status: RunStatus[];
  /** Lines the console must contain. */
  prints?: string[];
  /** Text no console line or error may contain. */
  never?: string;
  deterministic?: boolean;
}

const TIME: RunStatus[] = ['timeout'];
const TIME_OR_MEMORY: RunStatus[] = ['timeout', 'out-of-memory'];
// Building a 20 MB value can itself outlast a 1 s deadline on a loaded machine, so big-value
// cases accept the time limit too; what they test is that the host stays bounded.
const deepChain = (n: number) => 'const a = {}; a' + '.b'.repeat(n) + ';';

export const DEADLINE_MS = 1000;

export const CASES: AdversarialCase[] = [
  // 1. time limit escapes
  { name: 'an infinite loop', code: 'for (;;) {}', status: TIME },
  { name: 'a loop that keeps starting async generators', code: 'async function* g() { for (;;) yield 1; }\nfor (;;) { const it = g(); it.next(); }', status: TIME_OR_MEMORY },
  { name: 'an async generator that swallows the interrupt', code: 'async function* g() { for (;;) { try { for (;;) {} } catch (e) {} yield 1; } }\nconst it = g(); (async () => { for (;;) await it.next(); })();', status: TIME },
  { name: 'a try/catch that retries the busy loop', code: 'for (;;) { try { for (;;) {} } catch (e) {} }', status: TIME },
  { name: 'a finally that restarts the loop', code: 'for (;;) { try { for (;;) {} } finally { continue; } }', status: TIME },
  { name: 'an endless promise-job chain', code: 'const spin = () => Promise.resolve().then(spin); spin();', status: TIME_OR_MEMORY },
  { name: 'an endless await loop', code: '(async () => { for (;;) await null; })();', status: TIME },
  { name: 'an endless chain of timers', code: 'const again = () => setTimeout(again, 0); again();', status: TIME },
  { name: 'a setInterval that never ends', code: 'let n = 0; setInterval(() => { n++; }, 1);', status: TIME },
  { name: 'queueMicrotask forever', code: 'const m = () => queueMicrotask(m); m();', status: TIME_OR_MEMORY },
  { name: 'for await over an endless async iterator', code: 'const it = { [Symbol.asyncIterator]() { return { next: async () => ({ value: 1, done: false }) }; } };\n(async () => { for await (const x of it) {} })();', status: TIME_OR_MEMORY },
  { name: 'a generator resumed forever', code: 'function* g() { for (;;) yield; }\nconst it = g(); for (;;) it.next();', status: TIME },
  { name: 'a catastrophic regex', code: "console.log(/^(a+)+$/.test('a'.repeat(40) + 'b'));", status: TIME },
  { name: 'a catastrophic regex in a loop with catch', code: "for (;;) { try { /^(a|aa)+$/.test('a'.repeat(60) + 'b'); } catch (e) {} }", status: TIME },
  { name: 'one long parse of a huge function body (native)', code: "const src = 'x;'.repeat(3e6); new Function(src); console.log('parsed');", status: TIME_OR_MEMORY },
  { name: 'repeated large BigInt to string', code: 'const x = 3n ** 150000n; for (;;) x.toString();', status: TIME },
  { name: 'a throw/catch loop', code: 'for (;;) { try { throw new Error("again"); } catch (e) {} }', status: TIME },
  { name: 'a Proxy whose trap loops', code: 'const p = new Proxy({}, { get() { for (;;) {} } }); p.x;', status: TIME },
  { name: 'a toString that loops in a template literal', code: 'const o = { toString() { for (;;) {} } }; `${o}`;', status: TIME },
  { name: 'an error whose message getter loops', code: 'const e = new Error("x"); Object.defineProperty(e, "message", { get() { for (;;) {} } }); throw e;', status: ['timeout', 'error'] },
  { name: 'Promise.all of endless work', code: 'Promise.all([1, 2, 3].map(async () => { for (;;) await 0; }));', status: TIME },
  { name: 'an async function looping after a caught interrupt', code: '(async () => { for (;;) { try { for (;;) {} } catch (e) { await 0; } } })();', status: TIME },

  // 2. host memory outside the sandbox's caps
  { name: 'one huge console string', code: "console.log('x'.repeat(1 << 25)); console.log('after');", status: ['output-limit', 'out-of-memory', 'timeout'] },
  { name: 'one print of five million line breaks', code: "console.log('\\n'.repeat(5e6)); console.log('after');", status: ['output-limit', 'timeout'] },
  { name: 'a flood of long lines', code: "const line = 'x'.repeat(10000); for (;;) console.log(line);", status: ['output-limit', 'timeout'] },
  { name: 'a flood of short lines', code: "for (;;) console.log('again');", status: ['output-limit', 'timeout'] },
  { name: 'an error with a 20 MB message', code: "throw new Error('x'.repeat(2e7));", status: ['error', 'out-of-memory', 'timeout'] },
  { name: 'an error message of two million lines', code: "throw new Error('line\\n'.repeat(2e6));", status: ['error', 'out-of-memory', 'timeout'] },
  { name: 'a thrown string of 20 MB', code: "throw 'x'.repeat(2e7);", status: ['error', 'out-of-memory', 'timeout'] },
  { name: 'a thrown object with a huge JSON form', code: "throw { data: 'x'.repeat(2e7) };", status: ['error', 'out-of-memory', 'timeout'] },
  { name: 'an error whose stack is replaced by 20 MB', code: "const e = new Error('m'); e.stack = 'at x (y.js:1:1)\\n'.repeat(1e6); throw e;", status: ['error', 'out-of-memory', 'timeout'] },
  { name: 'an error whose name is huge', code: "const e = new Error('m'); e.name = 'N'.repeat(2e7); throw e;", status: ['error', 'out-of-memory', 'timeout'] },
  { name: 'an unhandled rejection with a huge message', code: "Promise.reject(new Error('r\\n'.repeat(1e6)));", status: ['ok', 'error', 'out-of-memory'] },
  { name: 'heap snapshots with huge labels', code: "for (let i = 0; i < 50; i++) heapSnapshot('L'.repeat(1e6) + i); console.log('done');", status: ['ok', 'timeout', 'out-of-memory'] },
  { name: 'benchmarks with huge labels', code: "for (let i = 0; i < 300; i++) bench(() => 1, { label: 'B'.repeat(5e5), repeat: 1, number: 1 }); console.log('done');", status: ['ok', 'timeout', 'output-limit', 'out-of-memory'] },
  { name: 'console.table of a huge table', code: "console.table(Array.from({ length: 1e5 }, (_, i) => ({ i, s: 'x'.repeat(50) }))); console.log('after');", status: ['ok', 'output-limit', 'timeout'] },
  { name: 'console.log with a million arguments', code: "console.log(...new Array(1e6).fill('a')); console.log('after');", status: ['ok', 'output-limit', 'timeout', 'error'] },

  // 3. poisoned runs
  { name: 'JSON.stringify replaced', code: "JSON.stringify = () => { throw new Error('poison'); }; console.log('INSIDE');", status: ['ok'], prints: ['INSIDE'], deterministic: true },
  { name: 'JSON.stringify returning garbage', code: "JSON.stringify = () => '{not json'; console.log('INSIDE');", status: ['ok'], prints: ['INSIDE'], deterministic: true },
  { name: 'Array.prototype.toJSON set', code: "Array.prototype.toJSON = function () { throw new Error('poison'); }; console.log('INSIDE');", status: ['ok'], prints: ['INSIDE'], deterministic: true },
  { name: 'Object.prototype.toJSON set', code: "Object.prototype.toJSON = function () { return 'x'.repeat(1e6); }; console.log('INSIDE');", status: ['ok'], prints: ['INSIDE'], deterministic: true },
  { name: 'a fixed Array.prototype.toJSON', code: "Object.defineProperty(Array.prototype, 'toJSON', { value() { return 1; } }); console.log('INSIDE');", status: ['ok'], prints: ['INSIDE'], deterministic: true },
  { name: 'String.prototype.slice replaced', code: "String.prototype.slice = () => { throw new Error('poison'); }; console.log('INSIDE');", status: ['ok'], prints: ['INSIDE'], deterministic: true },
  { name: 'Function.prototype.call and apply replaced', code: "Function.prototype.call = () => 'poison'; Function.prototype.apply = () => 'poison'; console.log('INSIDE');", status: ['ok'], prints: ['INSIDE'], deterministic: true },
  { name: 'Array iteration replaced', code: "Array.prototype[Symbol.iterator] = function* () { for (;;) yield 1; }; console.log('INSIDE');", status: ['ok'], prints: ['INSIDE'], deterministic: true },
  { name: "the sandbox's collect and clock replaced", code: "try { __wb.collect = () => { for (;;) {} }; __wb.now = () => NaN; __wb.timing = () => 'x'; } catch (e) {} console.log('INSIDE');", status: ['ok'], prints: ['INSIDE'], deterministic: true },
  { name: 'the simulated clock set to NaN', code: "try { __wb.simulated = NaN; } catch (e) {} console.log('INSIDE');", status: ['ok'], prints: ['INSIDE'] },
  { name: 'Error.prototype.name as a throwing getter', code: "Object.defineProperty(Error.prototype, 'name', { get() { throw new Error('no'); } }); null.x;", status: ['error'], deterministic: true },
  { name: 'a thrown Proxy', code: "throw new Proxy({}, { get() { throw new Error('trap'); }, getPrototypeOf() { throw new Error('trap'); } });", status: ['error'], deterministic: true },
  { name: 'a thrown object whose toJSON loops', code: "throw { toJSON() { for (;;) {} } };", status: ['error', 'timeout'] },
  { name: 'a thrown object whose toPrimitive throws', code: "throw { [Symbol.toPrimitive]() { throw new Error('no'); }, toString() { throw new Error('no'); } };", status: ['error'], deterministic: true },
  { name: 'a thrown Symbol', code: "throw Symbol('s');", status: ['error'], deterministic: true },
  { name: 'thrown null', code: 'throw null;', status: ['error'], deterministic: true },
  { name: 'a 30,000-deep member chain in the source', code: deepChain(30000) + " console.log('INSIDE');", status: ['error', 'timeout'] },
  { name: 'a 30,000-deep array literal in the source', code: 'const a = ' + '['.repeat(30000) + ']'.repeat(30000) + "; console.log('INSIDE');", status: ['ok', 'error', 'stack-overflow', 'out-of-memory'] },
  { name: '30,000 unfinished generators', code: "function* g() { yield 1; yield 2; }\nconst keep = []; for (let i = 0; i < 30000; i++) { const it = g(); it.next(); keep.push(it); } console.log('made', keep.length);", status: ['ok', 'timeout'], prints: ['made 30000'] },
  { name: '30,000 pending async functions', code: "const keep = []; for (let i = 0; i < 30000; i++) keep.push((async () => { await new Promise(() => {}); })()); console.log('made', keep.length);", status: ['ok', 'timeout'], prints: ['made 30000'] },

  // 4. output cap and terminal control sequences
  { name: 'an OSC 52 clipboard write', code: "console.log('a\\x1b]52;c;SGVsbG8=\\x07b');", status: ['ok'], prints: ['a\x1b]52;c;SGVsbG8=\x07b'], deterministic: true },
  { name: 'a clear-screen sequence in an error', code: "throw new Error('x\\x1b[2J\\x1b[H');", status: ['error'], deterministic: true },
  { name: 'C1 control characters', code: "console.warn('a\\u009b31mred\\u0090q');", status: ['ok'], deterministic: true },
  { name: 'a window-title sequence', code: "console.error('\\x1b]0;pwned\\x07');", status: ['ok'], deterministic: true },
  { name: 'a backspace and carriage return overwrite', code: "console.log('safe\\rEVIL\\b\\b');", status: ['ok'], deterministic: true },

  // 9. profiler bookkeeping
  { name: '2^17 distinct call paths', code: "function f(d) { if (d === 0) return 1; return (d & 1 ? a : b)(d - 1) + (d & 2 ? a : b)(d - 1); }\nfunction a(d) { return f(d); }\nfunction b(d) { return f(d); }\nconsole.log(f(16));", status: ['ok', 'timeout'], prints: ['65536'] },
  { name: 'a file of 20,000 functions', code: Array.from({ length: 20000 }, (_, i) => `function f${i}(x) { return x + ${i}; }`).join('\n') + "\nlet s = 0; for (let i = 0; i < 20000; i++) s = globalThis['f' + i](s) % 1000; console.log(s);", status: ['ok', 'timeout'] },

  // ordinary failures still end well
  { name: 'infinite recursion', code: 'const f = () => f(); f();', status: ['stack-overflow', 'timeout'] },
  { name: 'an array bomb', code: 'const a = []; for (;;) a.push(a.length);', status: ['out-of-memory', 'timeout'] },
  { name: 'a string bomb', code: "let s = 'x'; for (;;) s += s;", status: ['out-of-memory', 'error', 'timeout'] },
  { name: 'a syntax error', code: 'let = = 1;', status: ['error'], deterministic: true },
  { name: 'a plain deterministic program', code: "let s = 0; for (let i = 0; i < 1000; i++) s += i; console.log('sum', s);", status: ['ok'], prints: ['sum 499500'], deterministic: true },
];
