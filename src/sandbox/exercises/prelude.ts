/**
 * VM-side source of the check tool, evaluated before the learner's code.
 *
 * It records what the learner's code prints (so a check can read it), keeps
 * the host functions out of reach (captured, then deleted from the global
 * object), and builds the `check` API that the check script receives. It
 * never decides a verdict: only the check script can, because only it knows
 * the run's nonce (see script.ts).
 */
import { REALM_LOCKDOWN } from './realm-lockdown';

export const CHECK_PRELUDE = String.raw`
(function () {
  'use strict';
  const g = globalThis;
  const wb = g.__wb;
  const hostVerdict = g.__wb_host_check_verdict;
  const hostHeap = g.__wb_host_check_heap;
  delete g.__wb_host_check_verdict;
  delete g.__wb_host_check_heap;

  // Originals, in case the learner's code replaces a built-in.
  const Fn = Function, stringify = JSON.stringify, isArray = Array.isArray;
  const keys = Object.keys, freeze = Object.freeze, isFiniteNumber = Number.isFinite;
  const apply = Reflect.apply, then = Promise.prototype.then, Str = String, create = Object.create;
  const now = wb.now, formatArgs = wb.formatArgs, formatTable = wb.formatTable, inspect = wb.inspect;

  /* ---- what the learner's code prints ---- */
  const lines = [];
  let muted = 0;
  const con = g.console;
  const wrap = (name, text) => {
    const original = con[name];
    if (typeof original !== 'function') return;
    con[name] = function (...args) {
      if (muted) return undefined;
      if (text) { try { lines.push(text(args)); } catch (e) { /* unprintable: the console says so itself */ } }
      return original.apply(this, args);
    };
  };
  for (const name of ['log', 'info', 'warn', 'error', 'debug']) wrap(name, (args) => formatArgs(args));
  wrap('table', (args) => formatTable(args[0], args[1]));
  wrap('dir', (args) => inspect(args[0]));
  for (const name of ['count', 'timeLog', 'timeEnd', 'assert', 'group', 'groupCollapsed', 'groupEnd']) wrap(name, null);
  /** Runs fn with the console silent: timing repeats must not flood the output. */
  function quietly(fn) {
    muted++;
    try { return fn(); } finally { muted--; }
  }

  /* ---- the built-ins as they were before the learner's code ---- */
  // Taken after the console is wrapped; host objects (__wb, console) are left alone.
  const lockdown = ${REALM_LOCKDOWN}(g, (name) => name === 'console' || name.slice(0, 4) === '__wb', [wb, con]);
  const intrinsics = create(null);
  for (const name of Reflect.ownKeys(g)) {
    const d = Reflect.getOwnPropertyDescriptor(g, name);
    if (typeof name === 'string' && d && 'value' in d) intrinsics[name] = d.value;
  }
  freeze(intrinsics);
  /** Text of a verdict's message; a message whose conversion throws becomes a fixed note. */
  function text(message) {
    if (message === undefined) return '';
    try { return Str(message); } catch (e) { return '(a message that cannot be printed)'; }
  }

  /* ---- helpers ---- */
  function median(values) {
    const s = values.slice().sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  }
  function summary(runs, value, loops) {
    return freeze({ median: median(runs), min: Math.min(...runs), max: Math.max(...runs), runs: runs.slice(), loops, value });
  }
  function runnerOf(what, label) {
    if (typeof what === 'function') return what;
    if (typeof what === 'string') {
      const compiled = new Fn(what);
      return () => compiled();
    }
    throw new TypeError(label + ' must be a function or a string of code, got ' + typeof what);
  }
  function options(opts) {
    const read = (key, fallback) => (opts && opts[key] !== undefined ? Number(opts[key]) : fallback);
    const repeat = Math.floor(read('repeat', 5));
    const warmup = Math.floor(read('warmup', 1));
    const minSampleMs = read('minSampleMs', 20);
    if (!(repeat >= 1 && repeat <= 1000)) throw new RangeError('repeat must be between 1 and 1000');
    if (!(warmup >= 0 && warmup <= 100)) throw new RangeError('warmup must be between 0 and 100');
    if (!(minSampleMs >= 0 && minSampleMs <= 1000)) throw new RangeError('minSampleMs must be between 0 and 1000');
    return { repeat, warmup, minSampleMs };
  }
  /**
   * How many calls make one sample last at least minSampleMs (timeit's autorange).
   * A 1 ms function timed call by call loses to the machine's noise: one pause of
   * the process can make a single call look ten times slower. Samples of equal
   * length on both sides of a comparison share the noise fairly. The estimate is
   * the fastest of three calls, which a pause cannot make too small.
   */
  function loopsFor(run, minSampleMs) {
    if (!(minSampleMs > 0)) return 1;
    let fastest = Infinity;
    for (let i = 0; i < 3; i++) fastest = Math.min(fastest, timeOnce(run).ms);
    if (fastest >= minSampleMs) return 1;
    return Math.min(10000, Math.ceil(minSampleMs / Math.max(fastest, wb.resolutionMs || 0.001)));
  }
  function timeOnce(run) {
    const t0 = now();
    const value = run();
    return { ms: now() - t0, value };
  }
  /** One sample: "loops" calls in a row; the time per call. */
  function sample(run, loops) {
    const t0 = now();
    let value;
    for (let i = 0; i < loops; i++) value = run();
    return { ms: (now() - t0) / loops, value };
  }
  function parseAnswerNumber(text) {
    if (typeof text !== 'string') return NaN;
    const cleaned = text.trim().replace(/[\s_,\u00a0\u202f']/g, '');
    if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return NaN;
    return Number(cleaned);
  }
  function equal(a, b) {
    if (Object.is(a, b)) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
      return typeof a === 'number' && typeof b === 'number' && a === b;
    }
    if (isArray(a) !== isArray(b)) return false;
    if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
      if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
      return true;
    }
    if (a instanceof Map || b instanceof Map || a instanceof Set || b instanceof Set) {
      return equal(Array.from(a), Array.from(b));
    }
    const ka = keys(a), kb = keys(b);
    if (ka.length !== kb.length) return false;
    for (const k of ka) if (!equal(a[k], b[k])) return false;
    return true;
  }
  const format = freeze({
    ms(ms) { return ms >= 1000 ? (ms / 1000).toFixed(2) + ' s' : ms >= 10 ? ms.toFixed(0) + ' ms' : ms.toFixed(2) + ' ms'; },
    // QuickJS's toLocaleString ignores the locale ("200000"): group the digits by hand.
    count(n) {
      const digits = String(Math.abs(Math.round(n)));
      let out = '';
      for (let i = 0; i < digits.length; i++) out += (i > 0 && (digits.length - i) % 3 === 0 ? ',' : '') + digits[i];
      return (n < 0 && Math.round(n) !== 0 ? '-' : '') + out;
    },
    bytes(b) { return b >= 1048576 ? (b / 1048576).toFixed(1) + ' MB' : b >= 1024 ? (b / 1024).toFixed(1) + ' KB' : b + ' bytes'; },
    ratio(r) { return (r >= 10 ? r.toFixed(0) : r.toFixed(1)) + '×'; },
  });

  function profileApi(data) {
    const functions = freeze(data.functions.map((f) => freeze(f)));
    const matches = (name) => {
      const exact = functions.filter((f) => f.name === name);
      return exact.length ? exact : functions.filter((f) => f.name.endsWith('.' + name));
    };
    const sum = (name, field) => matches(name).reduce((total, f) => total + f[field], 0);
    return freeze({
      functions,
      find: (name) => matches(name)[0],
      calls: (name) => sum(name, 'calls'),
      selfMs: (name) => sum(name, 'selfMs'),
      totalMs: (name) => sum(name, 'totalMs'),
      wallMs: data.wallMs,
    });
  }

  /** The check API, made once per run by the check script. */
  function makeCheck(info) {
    const printed = lines.slice();
    // A summary of the profile of the learner's code, recorded by a run before this one (run-exercise.ts).
    const profile = info.profile ? profileApi(info.profile) : null;
    return freeze({
      code: info.code,
      starter: info.starter,
      answer: info.answer,
      answerNumber: parseAnswerNumber(info.answer),
      output: () => printed.slice(),
      outputText: () => printed.join('\n'),
      profile: () => profile,
      heap: () => freeze({ heapBytes: hostHeap() }),
      retained(fn) {
        const before = hostHeap();
        const value = quietly(runnerOf(fn, 'check.retained(fn)'));
        const after = hostHeap();
        return freeze({ bytes: after - before, value });
      },
      load(source, names) {
        if (typeof source !== 'string') throw new TypeError('check.load(source, names) needs the source as a string');
        const list = isArray(names) ? names : [names];
        for (const n of list) if (!/^[A-Za-z_$][\w$]*$/.test(String(n))) throw new TypeError('"' + n + '" is not a name');
        const body = source + '\n;return {' + list.map((n) => n + ': typeof ' + n + " === 'undefined' ? undefined : " + n).join(', ') + '};';
        return quietly(() => new Fn(body)());
      },
      time(what, opts) {
        const run = runnerOf(what, 'check.time(what)');
        const { repeat, warmup, minSampleMs } = options(opts);
        return quietly(() => {
          for (let i = 0; i < warmup; i++) run();
          const loops = loopsFor(run, minSampleMs);
          const runs = [];
          let value;
          for (let i = 0; i < repeat; i++) { const r = sample(run, loops); runs.push(r.ms); value = r.value; }
          return summary(runs, value, loops);
        });
      },
      compare(mine, baseline, opts) {
        const a = runnerOf(mine, 'check.compare(mine, …)');
        const b = runnerOf(baseline, 'check.compare(…, baseline)');
        const { repeat, warmup, minSampleMs } = options(opts);
        return quietly(() => {
          for (let i = 0; i < warmup; i++) { a(); b(); }
          const loopsA = loopsFor(a, minSampleMs), loopsB = loopsFor(b, minSampleMs);
          const ra = [], rb = [];
          let va, vb;
          // Interleaved, so a slow patch of the machine hits both sides alike.
          for (let i = 0; i < repeat; i++) {
            const x = sample(a, loopsA); ra.push(x.ms); va = x.value;
            const y = sample(b, loopsB); rb.push(y.ms); vb = y.value;
          }
          const mineSummary = summary(ra, va, loopsA), baseSummary = summary(rb, vb, loopsB);
          const resolution = wb.resolutionMs || 0.001;
          return freeze({
            mine: mineSummary,
            baseline: baseSummary,
            speedup: baseSummary.median / Math.max(mineSummary.median, resolution),
          });
        });
      },
      equal,
      format,
    });
  }

  Object.defineProperty(wb, 'checkSupport', {
    value: freeze({
      makeCheck,
      lockdown,
      intrinsics,
      text,
      invoke: (fn, args) => apply(fn, undefined, args),
      settle: (promise, onValue, onError) => apply(then, promise, [onValue, onError]),
      verdict(nonce, kind, message) { hostVerdict(Str(nonce), Str(kind), text(message)); },
      describe(error) {
        try {
          if (error && typeof error === 'object' && 'message' in error) return (error.name || 'Error') + ': ' + error.message;
          return Str(error);
        } catch (e) { return 'an error that cannot be printed'; }
      },
      isFinite: isFiniteNumber,
      stringify,
    }),
    enumerable: false,
  });
})();
`;
