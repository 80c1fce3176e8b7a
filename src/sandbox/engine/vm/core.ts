/**
 * VM-side source of the sandbox's globals: console, sleep, the instrumented
 * clock, the seeded Math.random's reseeding, timers on the simulated clock, and the `__wb`
 * object through which tools register data for collection.
 *
 * It captures the host functions (`__wb_host_*`) and deletes them from the
 * global object, so learner code cannot call them directly.
 */
export const CORE_SOURCE = String.raw`
(function (inspectInstaller, seed, epochMs) {
  'use strict';
  const g = globalThis;
  const hostOut = g.__wb_host_out;
  delete g.__wb_host_out;
  // Unbound: quickjs-ng's performance.now needs no receiver, and a bound copy costs
  // ~170 ns more per read, which the profilers pay twice per call.
  const realNow = performance.now;
  const t0 = realNow();
  const wb = {};
  // Configurable, so the engine can turn it into a lexical binding no reflection lists (run.ts).
  Object.defineProperty(g, '__wb', { value: wb, enumerable: false, configurable: true, writable: false });
  inspectInstaller(wb);

  /* ---- a function's text is the learner's code as written ---- */
  // The tools' transforms wrap what they insert in /*<__wb*/ ... /*__wb>*/ (this run's names,
  // which no learner text contains), and the profiler wraps built-ins: toString leaves the
  // inserted code out, and shows a wrapper as its original ("[native code]").
  {
    const apply = Reflect.apply, nativeToString = Function.prototype.toString;
    const weakGet = WeakMap.prototype.get, weakSet = WeakMap.prototype.set;
    const indexOf = String.prototype.indexOf, replace = String.prototype.replace;
    const natives = new WeakMap();
    // A function's text can end inside the last inserted piece (an arrow's expression body).
    const marks = /\/\*<__wb\*\/[\s\S]*?(?:\/\*__wb>\*\/|$)/g;
    const toString = {
      toString() {
        const original = apply(weakGet, natives, [this]);
        if (original !== undefined) return apply(nativeToString, original, []);
        const text = apply(nativeToString, this, []);
        return apply(indexOf, text, ['/*<__wb*/']) < 0 ? text : apply(replace, text, [marks, '']);
      },
    }.toString;
    wb.looksNative = (wrapper, original) => { apply(weakSet, natives, [wrapper, original]); };
    wb.looksNative(toString, nativeToString);
    const desc = Object.getOwnPropertyDescriptor(Function.prototype, 'toString');
    desc.value = toString;
    Object.defineProperty(Function.prototype, 'toString', desc);
  }

  /* ---- the instrumented clock: real elapsed + simulated ---- */
  wb.simulated = 0;
  wb.realNow = realNow;
  wb.realElapsed = () => realNow() - t0;
  wb.now = () => realNow() - t0 + wb.simulated;
  const resolution = (() => {
    let best = Infinity;
    for (let k = 0; k < 5; k++) {
      const a = realNow();
      let b = realNow();
      let guard = 0;
      while (b === a && guard++ < 1e6) b = realNow();
      if (b > a && b - a < best) best = b - a;
    }
    return best === Infinity ? 1 : best;
  })();
  wb.resolutionMs = resolution;

  function sleep(seconds) {
    const s = Number(seconds);
    if (!(s >= 0) || s === Infinity) throw new RangeError('sleep(seconds) needs a finite number of seconds >= 0, got ' + String(seconds));
    wb.simulated += s * 1000;
  }
  const perfNow = function now() { return wb.now(); };
  // quickjs-ng's performance.now is not configurable: replace the whole object.
  const perf = { now: perfNow, timeOrigin: epochMs };
  Object.defineProperty(g, 'performance', { value: perf, writable: true, configurable: true, enumerable: false });
  const RealDate = Date;
  const dateNow = function now() { return Math.floor(epochMs + wb.now()); };
  const ClockDate = new Proxy(RealDate, {
    construct(target, args, newTarget) {
      return Reflect.construct(target, args.length ? args : [dateNow()], newTarget);
    },
    apply() { return String(new RealDate(dateNow())); },
  });
  RealDate.now = dateNow;
  g.Date = ClockDate;

  /* ---- seeded random ---- */
  // The host seeds QuickJS's native Math.random (engine/native-random.ts) and hands
  // over a reseed function; only if it could not, a JavaScript generator (mulberry32)
  // stands in, at several times the native cost.
  const hostSeed = g.__wb_host_seedRandom;
  delete g.__wb_host_seedRandom;
  let setRandomSeed;
  if (typeof hostSeed === 'function') {
    setRandomSeed = function setRandomSeed(n) { hostSeed(Number(n) >>> 0); };
  } else {
    let state = seed >>> 0;
    Math.random = function random() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    setRandomSeed = function setRandomSeed(n) { state = Number(n) >>> 0; };
  }

  /* ---- console ---- */
  const print = (level, text) => { hostOut(level, String(text), wb.now()); };
  const counts = new Map(), timers = new Map();
  let groupIndent = '';
  const out = (level) => function (...args) { print(level, indentLines(wb.formatArgs(args))); };
  const indentLines = (s) => (groupIndent ? s.split('\n').map((l) => groupIndent + l).join('\n') : s);
  const con = {
    log: out('log'), info: out('info'), warn: out('warn'), error: out('error'), debug: out('log'),
    table(data, columns) { print('table', indentLines(wb.formatTable(data, columns))); },
    dir(v) { print('log', indentLines(wb.inspect(v))); },
    assert(cond, ...args) { if (!cond) print('error', indentLines('Assertion failed' + (args.length ? ': ' + wb.formatArgs(args) : ''))); },
    count(label = 'default') { const n = (counts.get(label) || 0) + 1; counts.set(label, n); print('log', indentLines(label + ': ' + n)); },
    countReset(label = 'default') { counts.delete(label); },
    time(label = 'default') { timers.set(label, wb.now()); },
    timeLog(label = 'default', ...rest) { const t = timers.get(label); if (t !== undefined) print('log', indentLines(label + ': ' + fmtMs(wb.now() - t) + (rest.length ? ' ' + wb.formatArgs(rest) : ''))); },
    timeEnd(label = 'default') { const t = timers.get(label); if (t !== undefined) { timers.delete(label); print('log', indentLines(label + ': ' + fmtMs(wb.now() - t))); } },
    group(...label) { if (label.length) print('log', indentLines(wb.formatArgs(label))); groupIndent += '  '; },
    groupEnd() { groupIndent = groupIndent.slice(2); },
  };
  con.groupCollapsed = con.group;
  function fmtMs(ms) { return ms >= 1000 ? (ms / 1000).toFixed(3) + 's' : ms.toFixed(3) + 'ms'; }
  g.console = con;

  /* ---- timers on the simulated clock ---- */
  let nextId = 1;
  const queue = []; // {id, due, seq, fn, args, interval}
  let seq = 0;
  function schedule(fn, ms, args, interval) {
    if (typeof fn !== 'function') throw new TypeError('The callback must be a function');
    const delay = Math.max(0, Number(ms) || 0);
    const t = { id: nextId++, due: wb.now() + delay, seq: seq++, fn, args, interval: interval ? Math.max(1, delay) : 0 };
    queue.push(t);
    return t.id;
  }
  function clear(id) { const i = queue.findIndex((t) => t.id === id); if (i >= 0) queue.splice(i, 1); }
  g.setTimeout = function setTimeout(fn, ms, ...args) { return schedule(fn, ms, args, false); };
  g.setInterval = function setInterval(fn, ms, ...args) { return schedule(fn, ms, args, true); };
  g.clearTimeout = function clearTimeout(id) { clear(id); };
  g.clearInterval = function clearInterval(id) { clear(id); };
  if (typeof g.queueMicrotask !== 'function') g.queueMicrotask = function queueMicrotask(fn) { Promise.resolve().then(fn); };
  /** Runs the earliest timer, moving the simulated clock forward to it. false when none is left. */
  wb.runNextTimer = function () {
    if (!queue.length) return false;
    let k = 0;
    for (let i = 1; i < queue.length; i++) if (queue[i].due < queue[k].due || (queue[i].due === queue[k].due && queue[i].seq < queue[k].seq)) k = i;
    const t = queue[k];
    const now = wb.now();
    if (t.due > now) wb.simulated += t.due - now;
    if (t.interval) { t.due += t.interval; t.seq = seq++; } else queue.splice(k, 1);
    t.fn.apply(undefined, t.args);
    return true;
  };

  /* ---- out of memory inside promise callbacks ---- */
  // Such an error only rejects the callback's promise, so a runaway job chain would
  // just stop and look finished. Callbacks given to then() note it for the engine.
  wb.jobOutOfMemory = false;
  const isOutOfMemory = (e) => e === null || (e instanceof InternalError && /out of memory/.test(e.message));
  const watchJob = (fn) => function (value) {
    try { return fn(value); } catch (e) { if (isOutOfMemory(e)) wb.jobOutOfMemory = true; throw e; }
  };
  const then = Promise.prototype.then;
  Object.defineProperty(Promise.prototype, 'then', {
    value: function then_(onFulfilled, onRejected) {
      return then.call(this, typeof onFulfilled === 'function' ? watchJob(onFulfilled) : onFulfilled, typeof onRejected === 'function' ? watchJob(onRejected) : onRejected);
    },
    writable: true, configurable: true, enumerable: false,
  });
  Object.defineProperty(Promise.prototype.then, 'name', { value: 'then' });

  /* ---- tools ---- */
  // Everything the host reads at the end goes through functions captured here,
  // before learner code runs: the learner may replace JSON.stringify, set
  // Array.prototype.toJSON or an array iterator, and the host must still get
  // plain, bounded JSON (or a plain error) back.
  const stringify = JSON.stringify, toStr = String, strSlice = String.prototype.slice;
  const callFn = Function.prototype.call, bindFn = Function.prototype.bind;
  const slice = bindFn.call(callFn, strSlice);
  const getOwnDesc = Object.getOwnPropertyDescriptor, defineProp = Object.defineProperty;
  const ErrorType = Error, isErr = (e) => e instanceof ErrorType;
  const jsonProtos = [Object.prototype, Array.prototype, String.prototype, Number.prototype, Boolean.prototype];
  if (typeof BigInt === 'function') jsonProtos[jsonProtos.length] = BigInt.prototype;
  /** JSON.stringify as the sandbox found it, with any toJSON the learner put on a prototype set aside. */
  const plainStringify = (value) => {
    const saved = [];
    for (let i = 0; i < jsonProtos.length; i++) {
      const d = getOwnDesc(jsonProtos[i], 'toJSON');
      if (!d) continue;
      if (!d.configurable) throw new TypeError('a prototype has a fixed toJSON');
      saved[saved.length] = [jsonProtos[i], d];
      delete jsonProtos[i].toJSON;
    }
    try { return stringify(value); } finally {
      for (let i = 0; i < saved.length; i++) defineProp(saved[i][0], 'toJSON', saved[i][1]);
    }
  };
  const cut = (s, max) => (s.length > max ? slice(s, 0, max) : s);
  const collectors = [];
  wb.register = function (id, getData) { collectors[collectors.length] = [toStr(id), getData]; };
  /** JSON text of every tool's data; a tool whose JSON is over maxChars is replaced by a note. */
  wb.collect = function (maxChars) {
    let text = '{';
    for (let i = 0; i < collectors.length; i++) {
      const id = collectors[i][0];
      let json;
      try { json = plainStringify(collectors[i][1]()); } catch (e) {
        json = stringify({ error: cut(toStr(isErr(e) ? e.message : e), 2000) });
      }
      if (typeof json !== 'string') json = 'null';
      if (json.length > maxChars) json = stringify({ error: 'its data was larger than ' + Math.round(maxChars / 1048576) + ' MB and was dropped', dropped: true });
      text += (i ? ',' : '') + stringify(id) + ':' + json;
    }
    return text + '}';
  };
  /** "now,simulated,resolution" of the instrumented clock, read by the host after the run. */
  wb.timing = function () { return toStr(wb.now()) + ',' + toStr(wb.simulated) + ',' + toStr(resolution); };
  /** A thrown value as bounded JSON: {name, message, stack} for errors, {name: 'Uncaught', message} otherwise. */
  wb.describeThrown = function (e, maxChars) {
    const text = (v) => { try { return cut(toStr(v), maxChars); } catch (_) { return '(unreadable)'; } };
    if (isErr(e)) {
      let stack;
      try { stack = e.stack; } catch (_) { stack = undefined; }
      return stringify({ name: text(e.name), message: text(e.message), stack: typeof stack === 'string' ? cut(stack, maxChars) : undefined });
    }
    let shown;
    if (typeof e === 'string') shown = stringify(cut(e, maxChars));
    else { try { shown = plainStringify(e); } catch (_) { shown = undefined; } if (typeof shown !== 'string') shown = text(e); }
    return stringify({ name: 'Uncaught', message: cut(shown, maxChars) });
  };
  /** String.prototype.slice as the sandbox found it: the host bounds long strings with it. */
  wb.sliceString = function (s, end) { return slice(s, 0, end); };
  wb.builtins = { sleep, console: Object.assign({}, con), setTimeout: g.setTimeout, setInterval: g.setInterval };

  const def = (name, value) => Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });
  def('sleep', sleep);
  def('setRandomSeed', setRandomSeed);
})
`;
