/**
 * VM-side recorder of the line-time profiler (line_profiler's bookkeeping).
 *
 * Each call of a profiled function has a frame {k: open slot, t: when it
 * opened, n: event count then}. A line event reads the clock once (real clock
 * plus simulated time, so a sleep counts on the line that slept), gives the
 * time since the frame's last event to the line that was open, and opens its
 * own. Time on a line therefore includes every call made on it, built-ins and
 * profiled functions alike, as in line_profiler.
 *
 * `inner[k]` counts the events that happened while slot k was open (its own
 * closing event included): the host subtracts that many times the calibrated
 * cost of an event, measured here after the program by timing events with
 * nothing between them.
 *
 * The recorder keeps flat arrays indexed by slot, so its memory is fixed by the
 * code's length, never by how long the program runs.
 */
import { LINE_HOOKS } from './transform';

export interface LinePreludeConfig {
  slots: number;
}

/**
 * Short batches of back-to-back events the calibration times; the fastest is kept,
 * because a preempted batch only ever measures high (and over-subtracting would
 * erase real time from the lines).
 */
const CALIBRATION_BATCHES = 15;
const CALIBRATION_ROUNDS = 30;
const UNROLLED = 10;

export function linePrelude(cfg: LinePreludeConfig): string {
  const h = LINE_HOOKS;
  const unrolled = Array.from({ length: UNROLLED }, () => 'line(fr, N);').join(' ');
  return String.raw`
(function () {
  'use strict';
  const g = globalThis;
  const wb = g.__wb;
  var realNow = wb.realNow; // var: QuickJS checks a closure const's initialisation on every read
  const apply = Reflect.apply, SymbolIterator = Symbol.iterator, TypeErr = TypeError;
  const N = ${cfg.slots};
  const hits = [], time = [], inner = [];
  // Index stores, not fill(): the profiler may have wrapped Array.prototype methods.
  for (let i = 0; i <= N; i++) { hits[i] = 0; time[i] = 0; inner[i] = 0; }
  var n = 0; // events so far

  function enter() { return { k: -1, t: 0, n: ++n, w: -1 }; }
  function close(fr, t) {
    var k = fr.k, e = ++n;
    if (k >= 0) { time[k] += t - fr.t; inner[k] += e - fr.n; }
    return e;
  }
  function line(fr, s) {
    var t = realNow() + wb.simulated;
    fr.n = close(fr, t);
    hits[s]++;
    fr.k = s; fr.t = t;
  }
  /** Opens a loop header's line without a hit: its tests count the hits. */
  function open(fr, s) {
    var t = realNow() + wb.simulated;
    fr.n = close(fr, t);
    fr.k = s; fr.t = t;
  }
  function exit(fr) {
    close(fr, realNow() + wb.simulated);
    fr.k = -1;
  }
  function suspend(fr, v) {
    close(fr, realNow() + wb.simulated);
    fr.w = fr.k; fr.k = -1;
    return v;
  }
  function resume(fr, v) {
    fr.k = fr.w; fr.t = realNow() + wb.simulated; fr.n = ++n;
    return v;
  }
  /** for…of: the same iterator, with the header's event on each next(). */
  function iterate(fr, s, iterable) {
    // Not iterable: hand it back so the engine throws its own error, on the learner's line.
    if (iterable == null || typeof iterable[SymbolIterator] !== 'function') return iterable;
    const it = apply(iterable[SymbolIterator], iterable, []);
    if (it === null || (typeof it !== 'object' && typeof it !== 'function')) throw new TypeErr('iterator must be an object');
    const next = it.next, ret = it.return;
    const wrapped = { __proto__: null, next() { line(fr, s); return apply(next, it, []); } };
    wrapped[SymbolIterator] = function () { return this; };
    if (ret != null) wrapped.return = function (v) { return apply(ret, it, [v]); };
    return wrapped;
  }

  // Configurable, so the engine can make it a lexical binding no reflection lists (run.ts, hideHookGlobals).
  const hidden = (name, value) => Object.defineProperty(g, name, { value, writable: false, configurable: true, enumerable: false });
  hidden('${h.enter}', enter);
  hidden('${h.line}', line);
  hidden('${h.open}', open);
  hidden('${h.exit}', exit);
  hidden('${h.iterate}', iterate);
  hidden('${h.suspend}', suspend);
  hidden('${h.resume}', resume);

  /** Cost of one event as it lands in a line's time: events with nothing between them, per closing event. */
  function calibrate() {
    const per = [];
    for (let b = 0; b < ${CALIBRATION_BATCHES}; b++) {
      time[N] = 0; inner[N] = 0;
      const fr = enter();
      for (let r = 0; r < ${CALIBRATION_ROUNDS}; r++) { ${unrolled} }
      exit(fr);
      per[b] = time[N] / inner[N];
    }
    let best = Infinity;
    for (let b = 0; b < per.length; b++) if (per[b] < best) best = per[b];
    return best;
  }

  wb.register('lines', function () {
    const eventMs = calibrate();
    return { hits: hits.slice(0, N), timeMs: time.slice(0, N), events: inner.slice(0, N), eventMs };
  });
})();
`;
}
