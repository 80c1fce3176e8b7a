/**
 * The `after` script of a checked run: the exercise's hidden check wrapped so
 * that it receives `check`, `pass` and `fail`, and reports its verdict with a
 * nonce made for this run. The learner's code runs before this script exists
 * in the VM, so it cannot know the nonce, and so cannot decide a verdict.
 *
 * The wrapper takes no line of its own: the check's first line is line 1 of
 * check.js, so an error in a check points at the line the author wrote.
 */
import type { ProfileSummary } from './profile-summary';

const HEADER = /^\/\* wb-check ([0-9a-f]{16,64}) \*\//;

/**
 * Global names a check may use, bound inside the wrapper to the values they had
 * before the learner's code ran: a learner's top-level `const JSON = ...` or
 * `let String = ...` would otherwise shadow them for every later script.
 * (undefined, NaN and Infinity cannot be shadowed: they are not configurable.)
 */
const CHECK_GLOBALS = [
  'globalThis', 'Object', 'Function', 'Array', 'Number', 'Boolean', 'String', 'Symbol', 'BigInt', 'Math', 'JSON',
  'Reflect', 'Proxy', 'Promise', 'Date', 'RegExp', 'Map', 'Set', 'WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry',
  'Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError',
  'ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array',
  'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
  'Atomics', 'Iterator', 'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'encodeURIComponent', 'decodeURIComponent',
  'encodeURI', 'decodeURI', 'escape', 'unescape', 'performance', 'sleep', 'queueMicrotask', 'setTimeout', 'clearTimeout',
];

export interface CheckScriptInput {
  check: string;
  code: string;
  starter: string;
  answer?: string;
  profile?: ProfileSummary;
}

/** A fresh random nonce (Web Crypto: in browsers, workers and Node 20 alike). */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The nonce of a check script, or undefined if the source is not one. */
export function nonceOf(source: string | undefined): string | undefined {
  return source ? HEADER.exec(source)?.[1] : undefined;
}

/** Escapes what JSON allows but a script should not hold literally. */
function literal(value: unknown): string {
  return JSON.stringify(value ?? null).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function checkScript(input: CheckScriptInput, nonce: string): string {
  if (!/^[0-9a-f]{16,64}$/.test(nonce)) throw new Error('a check nonce is 16 to 64 hex digits');
  const info = {
    code: input.code,
    starter: input.starter,
    answer: input.answer ?? '',
    profile: input.profile ?? null,
  };
  const n = JSON.stringify(nonce);
  // Everything the wrapper calls comes from `support` (captured before the learner's code ran),
  // never from Function.prototype.call, String or Promise.prototype.then as the learner left them.
  const opening =
    `/* wb-check ${nonce} */ (function (sandbox) { 'use strict'; const support = sandbox && sandbox.checkSupport; ` +
    `if (!support) throw new Error('this sandbox has no check tool: checkTool must be in ALL_TOOLS (src/sandbox/tools.ts)'); ` +
    `support.lockdown(); ` +
    `const { ${CHECK_GLOBALS.join(', ')} } = support.intrinsics; ` +
    `const check = support.makeCheck(${literal(info)}); let decided = false; ` +
    `const decide = (kind, message) => { if (decided) return; decided = true; support.verdict(${n}, kind, message); }; ` +
    `const pass = (message) => decide('pass', support.text(message)); ` +
    `const fail = (message) => decide('fail', support.text(message)); ` +
    `return support.settle(support.invoke(async function (check, pass, fail) { `;
  const closing =
    `\n}, [check, pass, fail]), ` +
    `() => { if (!decided) support.verdict(${n}, 'none', ''); }, ` +
    `(error) => support.verdict(${n}, 'error', support.describe(error))); ` +
    `})\n`;
  return opening + input.check + closing;
}
