/**
 * VM-side source of the deterministic recorder (cProfile's equivalent).
 *
 * The instrumented code calls `__wbE(frame)` on entry and `__wbX(depth)` in a
 * `finally` on the way out. The hot path is designed for QuickJS, where every
 * global lookup, property access and call costs tens of nanoseconds:
 *  - all state lives in closure variables and plain arrays (no objects; a Map
 *    only when a node's one-entry child cache misses);
 *  - the call tree is keyed by call path: a node per distinct path, so memory
 *    grows with paths, never with calls; each node caches its last child
 *    (frame -> node), which is what recursion and loops hit;
 *  - one clock read per event (`now()` is the engine's real clock; simulated
 *    sleep is added from a local that only changes on sleep or at top level);
 *  - the depth returned by `__wbE` lets `__wbX` repair the stack if an exit was
 *    missed (a `for await` loop), so a bad event never corrupts the tree.
 * Generators and async functions use activation records (`__wbGE` ...): their
 * time stops while suspended and a resumption is timed where it really runs.
 *
 * Placeholders replaced by the tool: __CONFIG__ (JSON of DeterministicConfig).
 */
/** Frame ids below this are the learner's functions (1..n, 0 = <module>); built-ins count up from it. */
export const FIRST_BUILTIN = 1 << 19;

export interface DeterministicConfig {
  builtins: boolean;
  maxSpans: number;
}

/** The body of shared.wrapBuiltin after the sleep case: one wrapper shape per arity. */
function wrapperSource(): string {
  const params = ['', 'a', 'a, b', 'a, b, c'];
  // enter() and exit() are written out inline: a built-in call is often tiny (Math.floor),
  // and two fewer JavaScript calls per built-in call is most of the wrapper's cost.
  const shape = (args: string, viaKey: string, direct: string, fallback: string) => `{
        w(${args}) {
          if (sp === 0 ? engineBusy : nFrame[cur] >= firstBuiltin) return key === null ? ${direct} : this != null && this[key] === original ? ${viaKey} : ${fallback};
          const p$ = cur;
          const c$ = lastF[p$] === f ? lastC[p$] : child(p$, f);
          nCalls[c$]++;
          if (sp === 0) sim = wb.simulated;
          stNode[++sp] = cur = c$;
          const d$ = sp;
          stStart[d$] = now() + sim;
          try { return key === null ? ${direct} : this != null && this[key] === original ? ${viaKey} : ${fallback}; } finally {
            const t$ = now() + sim;
            if (d$ === sp) {
              nTotal[c$] += t$ - stStart[d$];
              cur = stNode[sp = d$ - 1];
              if (nSpans < maxSpans || d$ <= keepDepth) span(c$, d$, stStart[d$], t$);
            } else if (d$ < sp) { unwindTo(d$, t$); nTotal[c$] += t$ - stStart[d$]; cur = stNode[sp = d$ - 1]; span(c$, d$, stStart[d$], t$); }
          }
        },
      }.w`;
  const cases = params
    .map((args, n) => `      case ${n}: return ${shape(args, `this[key](${args})`, `original(${args})`, `original.call(this${args ? ', ' + args : ''})`)};`)
    .join('\n');
  return `    switch (arity) {\n${cases}\n    }\n    return ${shape('', 'this[key](...arguments)', 'original(...arguments)', 'Reflect.apply(original, this, arguments)')};`;
}
const WRAPPERS = wrapperSource();

export const DETERMINISTIC_SOURCE = String.raw`
(function (cfg, shared) {
  'use strict';
  const wb = globalThis.__wb;
  const now = wb.realNow;
  const t0real = now();
  let sim = wb.simulated;

  /* ---- call tree: node 0 is <module> (frame 0) ---- */
  // Plain arrays built by push: QuickJS keeps them as fast arrays of tagged
  // values, cheaper to read and update than typed arrays here.
  const nFrame = [0], nParent = [-1], nCalls = [1], nTotal = [0];
  const lastF = [-1], lastC = [0]; // each node's last child: (frame -> node)
  let nodes = 1;
  const more = new Map(); // (parent, frame) -> node when the one-entry cache misses
  const KEY = 1048576; // > every frame id
  const FIRST_BUILTIN = ${FIRST_BUILTIN};

  function child(p, f) {
    const key = p * KEY + f;
    let c = more.get(key);
    if (c === undefined) {
      c = nodes++;
      // Index stores, not push(): the built-ins get wrapped, and a wrapper must never run in here.
      nFrame[c] = f; nParent[c] = p; nCalls[c] = 0; nTotal[c] = 0; lastF[c] = -1; lastC[c] = 0;
      more.set(key, c);
    }
    lastF[p] = f; lastC[p] = c;
    return c;
  }

  /* ---- shadow stack: QuickJS's own stack limit stops recursion long before this depth ---- */
  const DEPTH = 32768;
  const stNode = [], stStart = [], stSerial = [];
  for (let i = 0; i < DEPTH; i++) { stNode[i] = 0; stStart[i] = 0; stSerial[i] = 0; }
  let sp = 0, cur = 0;

  /* ---- timeline spans: the first maxSpans calls, then only the calls open at that moment ---- */
  const maxSpans = cfg.maxSpans;
  const spans = [];
  let nSpans = 0, spansTruncated = false;
  // After the cap, exits at or above this depth still record (up to twice the cap): the long outer calls.
  let keepDepth = 0;
  function span(c, d, start, end) {
    if (nSpans >= maxSpans) {
      if (nSpans >= maxSpans * 2) { keepDepth = 0; return; }
      if (d > keepDepth) return;
    }
    const k = nSpans++ * 4;
    spans[k] = nFrame[c]; spans[k + 1] = d; spans[k + 2] = start - t0real; spans[k + 3] = end - t0real;
    if (nSpans === maxSpans) { keepDepth = d - 1; spansTruncated = true; }
  }

  function enter(f) {
    const p = cur;
    const c = lastF[p] === f ? lastC[p] : child(p, f);
    nCalls[c]++;
    if (sp === 0) sim = wb.simulated; // timers move the clock between top-level calls
    stNode[++sp] = cur = c;
    stStart[sp] = now() + sim;
    return sp;
  }
  function exit(d) {
    const t = now() + sim;
    if (d !== sp) { if (d > sp) return; unwindTo(d, t); }
    const c = stNode[d];
    nTotal[c] += t - stStart[d];
    cur = stNode[sp = d - 1];
    if (nSpans < maxSpans || d <= keepDepth) span(c, d, stStart[d], t);
  }
  /** Closes frames above depth d (their exits were never seen). */
  function unwindTo(d, t) {
    while (sp > d) {
      const c = stNode[sp];
      nTotal[c] += t - stStart[sp];
      span(c, sp, stStart[sp], t);
      sp--;
    }
    cur = stNode[sp];
  }

  /* ---- generators and async functions: activation records ---- */
  // a = [node, depth, serial, frame]; serial tells whether stack slot 'depth' is still ours.
  let serial = 0;
  function onStack(a) { return a[1] <= sp && a[1] > 0 && stSerial[a[1]] === a[2] && stNode[a[1]] === a[0]; }
  function push(c) {
    if (sp === 0) sim = wb.simulated;
    stNode[++sp] = cur = c;
    stSerial[sp] = ++serial;
    stStart[sp] = now() + sim;
    return sp;
  }
  function pop(a) {
    if (!onStack(a)) return;
    const t = now() + sim;
    unwindTo(a[1], t);
    const d = a[1], c = stNode[d];
    nTotal[c] += t - stStart[d];
    span(c, d, stStart[d], t);
    cur = stNode[sp = d - 1];
  }
  function activationEnter(f) {
    const p = cur;
    const c = lastF[p] === f ? lastC[p] : child(p, f);
    nCalls[c]++;
    const d = push(c);
    return [c, d, serial, f];
  }
  function suspend(a, v) { pop(a); return v; }
  /** Resumed: timed under whatever runs it now (a next() call, or the job queue at top level). */
  function resume(a, v) {
    if (onStack(a)) return v;
    const p = cur, f = a[3];
    const c = lastF[p] === f ? lastC[p] : child(p, f);
    a[0] = c; a[1] = push(c); a[2] = serial;
    return v;
  }
  function reenter(a) { resume(a, undefined); }
  function activationExit(a) { pop(a); }

  /* ---- built-in rows ---- */
  const firstBuiltin = FIRST_BUILTIN;
  const builtinNames = [];
  // Built-ins count only when learner code (or top-level code) calls them, never
  // when the sandbox's own code does (console formatting, timers, collection).
  // Busy until the learner's code starts (preludes, setup and other tools are not theirs).
  let engineBusy = true;
  shared.setEngineBusy = function (v) { engineBusy = v; };
  shared.syncClock = function () { if (sp > 0) sim = wb.simulated; };
  /**
   * A recording wrapper. arity >= 0: the built-in treats a missing argument like
   * undefined, so the wrapper can take fixed parameters (no arguments object).
   * key: for prototype methods, a symbol under which the original sits on the
   * prototype, so it is called as a method (this[key](a)) and no native "call"
   * frame shows in error stacks; plain functions are called directly.
   * Methods, like the built-ins: not constructors, no prototype.
   */
  shared.wrapBuiltin = function (name, original, arity, key) {
    const f = firstBuiltin + builtinNames.length;
    builtinNames.push(name);
    if (original === shared.sleep) {
      if (!cfg.builtins) return { sleep(s) { try { return original(s); } finally { if (sp > 0) sim = wb.simulated; } } }.sleep;
      return {
        sleep(s) {
          if (sp === 0 ? engineBusy : nFrame[cur] >= firstBuiltin) { try { return original(s); } finally { if (sp > 0) sim = wb.simulated; } }
          const d = enter(f);
          try { return original(s); } finally { sim = wb.simulated; exit(d); }
        },
      }.sleep;
    }
${WRAPPERS}
  };

  /* ---- overhead calibration ---- */
  function calibrate() {
    // The hook calls the transform inserts, on an empty body, against a plain empty function.
    // Frame 1 under <module>: collect() has already copied the tree.
    function hooked() { var d = enter(1); try { } finally { exit(d); } }
    function plain() { try { } finally { } }
    const N = 500;
    const timeIt = (fn) => { const s = now(); for (let i = 0; i < N; i++) fn(); return now() - s; };
    hooked();
    const c = lastC[0];
    let best = Infinity, bestPlain = Infinity, inner = Infinity;
    for (let round = 0; round < 3; round++) {
      const before = nTotal[c];
      const h = timeIt(hooked);
      const measured = (nTotal[c] - before) / N;
      const p = timeIt(plain);
      if (h < best) best = h;
      if (p < bestPlain) bestPlain = p;
      if (measured < inner) inner = measured;
    }
    const perCall = Math.max(0, (best - bestPlain) / N);
    const innerMs = Math.max(0, Math.min(inner, perCall));
    return { innerNs: innerMs * 1e6, outerNs: (perCall - innerMs) * 1e6 };
  }

  const def = (name, value) => Object.defineProperty(globalThis, name, { value, writable: false, configurable: true, enumerable: false });
  def('__wbE', enter);
  def('__wbX', exit);
  def('__wbGE', activationEnter);
  def('__wbGS', suspend);
  def('__wbGR', resume);
  def('__wbGQ', reenter);
  def('__wbGX', activationExit);

  let tStart = now() + wb.simulated;
  let startOffset = tStart - t0real;
  def('__wbS', function __wbS() {
    engineBusy = false;
    tStart = now() + wb.simulated;
    startOffset = tStart - t0real;
  });
  shared.collect = function () {
    const tEnd = now() + wb.simulated;
    const open = sp;
    if (sp > 0) unwindTo(0, tEnd);
    const out = [];
    for (let i = 0, k = 0; i < nodes; i++) { out[k++] = nFrame[i]; out[k++] = nParent[i]; out[k++] = nCalls[i]; out[k++] = nTotal[i]; }
    const result = {
      kind: 'deterministic',
      nodes: out,
      builtinNames,
      rootMs: tEnd - tStart,
      openFrames: open,
      spans,
      spansTruncated,
      startOffsetMs: startOffset,
      calibration: null,
    };
    // Measured last, when the engine is warm; it only adds nodes nobody reads any more
    // (and no spans: the span list is full from here on).
    nSpans = maxSpans * 2;
    keepDepth = 0;
    result.calibration = calibrate();
    return result;
  };
})
`;
