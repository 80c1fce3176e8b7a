/**
 * VM-side source that puts the recorders' wrappers around built-ins, as
 * cProfile shows `{built-in method time.sleep}`: the sandbox's own functions
 * (sleep, console.*, timers, the clock) and the JavaScript built-ins learner
 * code calls (Math.*, JSON.*, Array.prototype.* ...).
 *
 * Wrappers keep what a program can observe: the same name, length and
 * property attributes, not constructible, and `Function.prototype.toString`
 * answers `[native code]` for them and strips the transform's inserted text
 * from the learner's own functions (the text between the markers).
 *
 * With built-in rows off, the deterministic profiler wraps nothing: its
 * recorder learns of simulated time from `__wb.simulated` itself.
 */

/** [owner path, property, arity (-1: variadic, the wrapper forwards every argument)]. */
export type BuiltinSpec = [string, string, number];

// Fixed arity only where an omitted argument and `undefined` mean the same thing.
const MATH_VARIADIC = new Set(['max', 'min', 'hypot']);
// Not imul, clz32 or fround: the sandbox's seeded Math.random is JavaScript built on
// Math.imul, and a wrapper there would tax every random number for nothing.
const MATH_FUNCTIONS = [
  'abs', 'acos', 'acosh', 'asin', 'asinh', 'atan', 'atan2', 'atanh', 'cbrt', 'ceil', 'cos', 'cosh', 'exp', 'expm1',
  'floor', 'hypot', 'log', 'log10', 'log1p', 'log2', 'max', 'min', 'pow', 'random', 'round', 'sign', 'sin',
  'sinh', 'sqrt', 'tan', 'tanh', 'trunc',
];
const ARRAY_FIXED: Array<[string, number]> = [
  ['at', 1], ['copyWithin', 3], ['every', 2], ['fill', 3], ['filter', 2], ['find', 2], ['findIndex', 2], ['findLast', 2],
  ['findLastIndex', 2], ['flat', 1], ['flatMap', 2], ['forEach', 2], ['includes', 2], ['indexOf', 2], ['join', 1], ['map', 2],
  ['pop', 0], ['reverse', 0], ['shift', 0], ['slice', 2], ['some', 2], ['sort', 1], ['toReversed', 0], ['toSorted', 1], ['with', 2],
];
const ARRAY_VARIADIC = ['concat', 'lastIndexOf', 'push', 'reduce', 'reduceRight', 'splice', 'toSpliced', 'unshift'];
const STRING_FIXED: Array<[string, number]> = [
  ['endsWith', 2], ['includes', 2], ['indexOf', 2], ['match', 1], ['padEnd', 2], ['padStart', 2], ['repeat', 1], ['replace', 2],
  ['replaceAll', 2], ['slice', 2], ['split', 2], ['startsWith', 2], ['substring', 2], ['toLowerCase', 0], ['toUpperCase', 0], ['trim', 0],
];

export const SANDBOX_BUILTINS: BuiltinSpec[] = [
  ['', 'sleep', 1],
  ...['log', 'info', 'warn', 'error', 'debug', 'table', 'dir', 'assert', 'count', 'time', 'timeLog', 'timeEnd', 'group', 'groupEnd'].map(
    (m): BuiltinSpec => ['console', m, -1],
  ),
  ['', 'setTimeout', -1],
  ['', 'setInterval', -1],
  ['', 'clearTimeout', 1],
  ['', 'clearInterval', 1],
  ['performance', 'now', 0],
  ['Date', 'now', 0],
];

export const LANGUAGE_BUILTINS: BuiltinSpec[] = [
  ...MATH_FUNCTIONS.map((m): BuiltinSpec => ['Math', m, MATH_VARIADIC.has(m) ? -1 : m === 'random' ? 0 : m === 'atan2' || m === 'pow' ? 2 : 1]),
  ['JSON', 'parse', 2],
  ['JSON', 'stringify', 3],
  ['Array', 'from', 3],
  ['Array', 'of', -1],
  ['Array', 'isArray', 1],
  ...ARRAY_FIXED.map(([m, n]): BuiltinSpec => ['Array.prototype', m, n]),
  ...ARRAY_VARIADIC.map((m): BuiltinSpec => ['Array.prototype', m, -1]),
  ...STRING_FIXED.map(([m, n]): BuiltinSpec => ['String.prototype', m, n]),
  ['Object', 'keys', 1],
  ['Object', 'values', 1],
  ['Object', 'entries', 1],
  ['Object', 'fromEntries', 1],
  ['Object', 'assign', -1],
  ['Object', 'freeze', 1],
  ['Number.prototype', 'toFixed', 1],
  ['', 'parseInt', 2],
  ['', 'parseFloat', 1],
];

/** Source of `(shared, specs) => void`: installs wrappers made by the recorder's shared.wrapBuiltin. */
export const BUILTINS_SOURCE = String.raw`
(function (shared, specs) {
  'use strict';
  const g = globalThis, wb = g.__wb;
  const looksNative = wb.looksNative;
  const getDesc = Object.getOwnPropertyDescriptor, defProp = Object.defineProperty;
  const call = Function.prototype.call;
  shared.sleep = g.sleep;
  shared.setEngineBusy(true); // the loop below uses built-ins it is wrapping

  function resolve(path) {
    let obj = g;
    if (!path) return obj;
    const parts = path.split('.');
    for (let i = 0; i < parts.length; i++) { obj = obj == null ? undefined : obj[parts[i]]; }
    return obj;
  }
  // Each wrapped method's original, under a symbol on its prototype: this[key](a) is the
  // fastest call QuickJS offers that no learner change to Function.prototype.call can reach.
  const callKeys = [], isCallKey = { __proto__: null };
  for (let i = 0; i < specs.length; i++) {
    const owner = specs[i][0], key = specs[i][1], arity = specs[i][2];
    const obj = resolve(owner);
    if (obj == null) continue;
    const desc = getDesc(obj, key);
    if (!desc || typeof desc.value !== 'function' || (!desc.writable && !desc.configurable)) continue;
    const original = desc.value;
    const label = owner ? owner + '.' + key : key;
    let callKey = null;
    if (/\.prototype$/.test(owner)) {
      callKey = Symbol(label);
      defProp(obj, callKey, { value: original, writable: false, configurable: true, enumerable: false });
      callKeys[callKeys.length] = callKey;
      isCallKey[callKey] = true;
    }
    const wrapper = shared.wrapBuiltin(label, original, arity, callKey);
    defProp(wrapper, 'name', { value: original.name, configurable: true });
    defProp(wrapper, 'length', { value: original.length, configurable: true });
    looksNative(wrapper, original);
    desc.value = wrapper;
    defProp(obj, key, desc);
  }

  // The call keys are ours: reflection lists a prototype's keys as a plain run does.
  if (callKeys.length) {
    const withoutCallKeys = (keys) => {
      const kept = [];
      for (let i = 0; i < keys.length; i++) if (isCallKey[keys[i]] !== true) kept[kept.length] = keys[i];
      return kept;
    };
    const replace = (owner, name, fn) => {
      const desc = getDesc(owner, name);
      looksNative(fn, desc.value);
      defProp(fn, 'name', { value: desc.value.name, configurable: true });
      defProp(fn, 'length', { value: desc.value.length, configurable: true });
      desc.value = fn;
      defProp(owner, name, desc);
    };
    const symbolsOf = Object.getOwnPropertySymbols, ownKeys = Reflect.ownKeys, descriptorsOf = Object.getOwnPropertyDescriptors;
    replace(Object, 'getOwnPropertySymbols', { getOwnPropertySymbols(o) { return withoutCallKeys(call.call(symbolsOf, Object, o)); } }.getOwnPropertySymbols);
    replace(Reflect, 'ownKeys', { ownKeys(o) { return withoutCallKeys(call.call(ownKeys, Reflect, o)); } }.ownKeys);
    replace(Object, 'getOwnPropertyDescriptors', {
      getOwnPropertyDescriptors(o) {
        const all = call.call(descriptorsOf, Object, o);
        for (let i = 0; i < callKeys.length; i++) delete all[callKeys[i]];
        return all;
      },
    }.getOwnPropertyDescriptors);
  }

  // (The recorder stays busy until the learner's first statement calls __wbS.)

  // The sandbox's own work at top level is not the learner's.
  const runNextTimer = wb.runNextTimer;
  wb.runNextTimer = function () {
    shared.setEngineBusy(true);
    try { return runNextTimer.apply(this, arguments); } finally { shared.setEngineBusy(false); }
  };
  const collect = wb.collect;
  wb.collect = function () {
    shared.setEngineBusy(true);
    return collect.apply(this, arguments);
  };
})
`;
