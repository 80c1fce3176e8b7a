/**
 * VM-side source of the poll sampler (`ProfileOptions.sampler: 'poll'`, not the
 * default: it has safepoint bias, see below; the default is the event sampler,
 * EVENT_SAMPLING_SOURCE in vm/deterministic.ts).
 *
 * The learner's code carries no hooks at all. The engine calls `__wbSample`
 * from QuickJS's interrupt handler, which QuickJS runs every ~10,000 calls or
 * loop iterations (about every 0.5 ms of busy code on this engine): it runs on
 * top of the interrupted program, so `new Error().stack` there is the stack
 * that was running, built-in frames included. Each call reads the
 * instrumented clock; once a sampling interval has passed, the stack is
 * captured and counted once per interval that ended since the last sample.
 * A long built-in that calls no JavaScript (a big sort without a comparator)
 * lets no interrupt in, so its time lands on the function that called it.
 *
 * The sandbox's own built-ins (sleep, console methods) are wrapped: a check
 * runs before and after each call, so a sleep's simulated seconds go to the
 * stack that slept (with a `sleep` leaf) and a timer's clock jump between
 * top-level calls goes to `<module>` (idle).
 *
 * Samples are stored as distinct stack strings with counts, so memory grows
 * with distinct stacks, not with time. Placeholder: __CONFIG__.
 */
export interface SamplingConfig {
  intervalMs: number;
  builtins: boolean;
}

export const SAMPLING_SOURCE = String.raw`
(function (cfg, shared) {
  'use strict';
  const g = globalThis, wb = g.__wb, now = wb.realNow;
  const ErrorCtor = Error;
  const interval = cfg.intervalMs;
  const counts = new Map();
  let total = 0, checks = 0, captures = 0, captureMs = 0;
  let simSeen = wb.simulated;
  let tStart = now() + simSeen;
  let due = tStart + interval;
  let lastCheck = tStart;
  /** Sampling runs from the learner's first statement (__wbS) until collection. */
  let active = false;
  /** Names of the wrapped sandbox built-ins running right now (sleep, console.log ...). */
  const running = [];

  /** The stack as QuickJS prints it (built natively: far cheaper than structured call sites). */
  function capture() {
    const prepare = ErrorCtor.prepareStackTrace, limit = ErrorCtor.stackTraceLimit;
    ErrorCtor.prepareStackTrace = undefined;
    ErrorCtor.stackTraceLimit = 10000;
    let key;
    try { key = new ErrorCtor().stack; } finally { ErrorCtor.prepareStackTrace = prepare; ErrorCtor.stackTraceLimit = limit; }
    if (typeof key !== 'string') key = '';
    for (let i = 0; i < running.length; i++) key += '\u0001' + running[i];
    return key;
  }
  function add(key, n) { counts.set(key, (counts.get(key) || 0) + n); total += n; }

  /** Counts the intervals that ended by now; a timer's clock jump since the last check goes to <module>. */
  function check() {
    if (!active) return;
    checks++;
    const real = now(), simNow = wb.simulated, t = real + simNow;
    const previous = lastCheck;
    lastCheck = t;
    if (simNow !== simSeen) {
      const idleEnd = previous + (simNow - simSeen);
      simSeen = simNow;
      if (idleEnd >= due) {
        const n = Math.floor((idleEnd - due) / interval) + 1;
        due += n * interval;
        add('', n);
      }
    }
    if (t < due) return;
    const n = Math.floor((t - due) / interval) + 1;
    due += n * interval;
    add(capture(), n);
    captures++;
    captureMs += now() - real;
  }

  const def = (name, value) => Object.defineProperty(g, name, { value, writable: false, configurable: true, enumerable: false });
  def('__wbSample', function __wbSample() { check(); });

  /** Sandbox built-ins (sleep, console.*): their time, real or simulated, is theirs. */
  shared.wrapBuiltin = function (name, original, arity, key) {
    const isSleep = original === shared.sleep;
    return {
      wrapper() {
        check();
        running.push(name);
        try {
          // Called directly (these ignore 'this'), so no native frame shows in error stacks.
          return original(...arguments);
        } finally {
          if (isSleep) simSeen = wb.simulated; // this jump is the sleep's, not idle time
          check();
          running.pop();
        }
      },
    }.wrapper;
  };
  shared.setEngineBusy = function () {};

  def('__wbS', function __wbS() {
    counts.clear();
    total = 0;
    captures = 0;
    captureMs = 0;
    simSeen = wb.simulated;
    tStart = now() + simSeen;
    due = tStart + interval;
    lastCheck = tStart;
    active = true;
  });

  shared.collect = function () {
    check();
    active = false;
    const t = now() + wb.simulated;
    return {
      kind: 'sampling',
      intervalMs: interval,
      stacks: Array.from(counts),
      samples: total,
      checks,
      // The sampler's own cost: time spent taking each sample (the interrupt checks cost far less).
      costPerSampleNs: captures ? (captureMs / captures) * 1e6 : 0,
      wallMs: t - tStart,
    };
  };
})
`;
