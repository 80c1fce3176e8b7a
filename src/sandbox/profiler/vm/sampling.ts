/**
 * VM-side source of the sampling recorder (pyinstrument's equivalent).
 *
 * The sampling transform inserts a countdown check, `if(--__wbC<0)__wbT();`,
 * at the start of every function and every loop body: nothing else runs per
 * call, so the program runs close to its normal speed. When the countdown
 * runs out, `__wbT` reads the instrumented clock; once a sampling interval has
 * passed it captures the real call stack (QuickJS's structured stack trace,
 * built-in frames included) and counts it once per elapsed interval. The
 * countdown adapts so that checks happen several times per interval.
 *
 * Because checks sit at function entries and loop heads, the stack a sample
 * sees is the one that was running (straight-line code between checks is
 * short). Simulated time is split exactly: a sleep's jump goes to the stack
 * that slept (with a `sleep` leaf), a timer's jump to `<module>` (idle).
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
  let lastReal = now();
  let budget = 16;
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
  function check(adapt) {
    checks++;
    const real = now(), simNow = wb.simulated, t = real + simNow;
    const previous = lastCheck;
    lastCheck = t;
    if (adapt) {
      // Aim for a few checks per interval of real time.
      const gap = real - lastReal;
      if (gap < interval / 4) { if (budget < 1048576) budget *= 2; }
      else if (gap > interval && budget > 1) budget >>= 1;
      g.__wbC = budget;
    }
    lastReal = real;
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

  const def = (name, value, writable) => Object.defineProperty(g, name, { value, writable: !!writable, configurable: true, enumerable: false });
  def('__wbC', budget, true);
  def('__wbT', function __wbT() { check(true); });

  /** Sandbox built-ins (sleep, console.*): their time, real or simulated, is theirs. */
  shared.wrapBuiltin = function (name, original, arity, key) {
    const isSleep = original === shared.sleep;
    return {
      wrapper() {
        check(false);
        running.push(name);
        try {
          // Called directly (these ignore 'this'), so no native frame shows in error stacks.
          return original(...arguments);
        } finally {
          if (isSleep) simSeen = wb.simulated; // this jump is the sleep's, not idle time
          check(false);
          running.pop();
        }
      },
    }.wrapper;
  };
  shared.syncClock = function () {};
  shared.setEngineBusy = function () {};

  // Sampling starts with the learner's first statement.
  def('__wbS', function __wbS() {
    counts.clear();
    total = 0;
    captures = 0;
    captureMs = 0;
    simSeen = wb.simulated;
    tStart = now() + simSeen;
    due = tStart + interval;
    lastCheck = tStart;
    lastReal = now();
  });

  shared.collect = function () {
    check(false);
    const t = now() + wb.simulated;
    return {
      kind: 'sampling',
      intervalMs: interval,
      stacks: Array.from(counts),
      samples: total,
      checks,
      // The sampler's own cost: time spent taking each sample (the countdown checks cost far less).
      costPerSampleNs: captures ? (captureMs / captures) * 1e6 : 0,
      wallMs: t - tStart,
    };
  };
})
`;
