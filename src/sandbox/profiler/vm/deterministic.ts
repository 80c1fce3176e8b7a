/**
 * VM-side source of the deterministic recorder (cProfile's equivalent).
 *
 * The instrumented code runs the entry inline at the top of each function and
 * the exit in a `finally` (transform.ts: enterCode, exitCode; enter() and
 * exit() below are the same steps, for class fields and the calibration). The
 * hot path is designed for QuickJS, which has no inline caches: every bytecode
 * counts (~8 ns), a property read or write costs a few of them, a call ~70 ns
 * and a clock read ~150 ns. So:
 *  - the call tree is keyed by call path: one node object per distinct path,
 *    so memory grows with paths, never with calls. On a path a node occurs at
 *    most once, so the open calls need no shadow stack: each open node holds
 *    its own start time, `$wb$c` is the innermost one and an exit returns to
 *    its parent;
 *  - a node holds its children under keys of their own: `f7` for the
 *    learner's frame 7, so the inline entry finds its node with one property
 *    read; built-ins (whose wrappers hold a number, not a name) and
 *    activations look in the node's last two children first, which is what
 *    recursion and loops hit (a loop alternating two callees too);
 *  - one clock read per event, of the real clock only: simulated time (sleep,
 *    timers) moves the open calls' start times back the moment it advances
 *    (`__wb.simulated` becomes an accessor), so the hot path never looks at it;
 *  - no calls on the way in or out of a learner's function, only when a node
 *    is new, a span is due or the stack needs repair; the state the inline
 *    code shares with this recorder is a global lexical binding (`$wb$c`, the
 *    current node: a global costs ~20 ns more than a closure variable, a call
 *    ~70 ns) and global consts (the clock, the slow paths);
 *  - the exit gets the entry's node, so it can repair the stack if an exit was
 *    missed (a `for await` loop): a bad event never corrupts the tree;
 *  - a node's `span` flag says whether its calls go on the timeline.
 * Generators and async functions use activation records (`__wbGE` ...): their
 * time stops while suspended and a resumption is timed where it really runs.
 */
import { enterCode, exitCode, HOOKS } from '../transform';

/** Frame ids below this are the learner's functions (1..n, 0 = <module>); built-ins count up from it. */
export const FIRST_BUILTIN = 1 << 19;

export interface DeterministicConfig {
  maxSpans: number;
  /**
   * Call paths (tree nodes) kept. A program with more (2^17 paths of a binary
   * recursion, say) would otherwise fill the learner's memory with the
   * recorder's bookkeeping: calls on paths beyond the cap count in their caller.
   */
  maxNodes: number;
  /**
   * > 0: the event sampler (EVENT_SAMPLING_SOURCE): at every call and return the
   * clock is compared with the next sample's due time, and the samples that fell
   * due are counted for the call that was running (pyinstrument's design).
   */
  sampleMs?: number;
  /** Event sampler: tick records kept for the timeline (each [node, break depth, samples]). */
  maxTicks?: number;
}

/** The body of wrapper(f, original, arity, key): one wrapper shape per arity and kind of call. */
function wrapperSource(sampling: boolean): string {
  const params = ['', 'a', 'a, b', 'a, b, c'];
  // enter() and exit() are written out inline: a built-in call is often tiny (Math.floor),
  // and two fewer JavaScript calls per built-in call is most of the wrapper's cost.
  const shape = (args: string, call: string) => sampling ? sampledShape(args, call) : `{
        w(${args}) {
          var p$ = $wb$c;
          if (p$.quiet) return ${call};
          var c$ = p$.lf === f ? p$.lc : p$.lf2 === f ? p$.lc2 : child(f, k$);
          c$.calls++;
          c$.start = now();
          $wb$c = c$;
          try { return ${call}; } finally {
            var t$ = now();
            if (c$ === $wb$c) {
              c$.total += t$ - c$.start;
              $wb$c = p$;
              if (c$.span) span(c$, t$);
            } else exitLate(c$, t$);
          }
        },
      }.w`;
  const cases = (method: boolean) =>
    params
      .map((args, n) => {
        const call = method ? `this != null && this[key] === original ? this[key](${args}) : original.call(this${args ? ', ' + args : ''})` : `original(${args})`;
        return `        case ${n}: return ${shape(args, call)};`;
      })
      .join('\n');
  // Variadic: a spread call costs QuickJS ~1 µs (it iterates), so the usual one or
  // two arguments are passed one by one.
  const spread = (fn: string) => `(v.length === 1 ? ${fn}(v[0]) : v.length === 2 ? ${fn}(v[0], v[1]) : ${fn}(...v))`;
  const variadic = (method: boolean) =>
    shape('...v', method ? `this != null && this[key] === original ? ${spread('this[key]')} : reflectApply(original, this, v)` : spread('original'));
  return `    if (key === null) {
      switch (arity) {
${cases(false)}
      }
      return ${variadic(false)};
    }
    switch (arity) {
${cases(true)}
    }
    return ${variadic(true)};`;
}
/** The event sampler's wrapper: the samples due go to the caller before the call, to the built-in after. */
function sampledShape(args: string, call: string): string {
  return `{
        w(${args}) {
          var p$ = $wb$c;
          if (p$.quiet) return ${call};
          var c$ = p$.lf === f ? p$.lc : p$.lf2 === f ? p$.lc2 : child(f, k$);
          c$.calls++;
          if (now() >= $wb$u) tick();
          $wb$c = c$;
          try { return ${call}; } finally {
            if (now() >= $wb$u) tick();
            if (c$ === $wb$c) $wb$c = p$;
            else exitLate(c$, now());
          }
        },
      }.w`;
}

const recorderSource = (sampling: boolean) => String.raw`
(function (cfg, shared) {
  'use strict';
  const wb = globalThis.__wb;
  var now = wb.realNow; // var: QuickJS checks a closure const's initialisation on every read
  const t0real = now();
  // Simulated ms (sleep, timers), already folded into the open calls' start times:
  // wb.simulated becomes an accessor below, so the hot path never looks at it.
  let sim = wb.simulated;
  const FIRST_BUILTIN = ${FIRST_BUILTIN};
  // The event sampler (sampleMs > 0) shares this recorder's call tree; $wb$u (when the
  // next sample is due) and $wb$k (tick) exist only then.
  var sampleMs = cfg.sampleMs || 0, sampling = sampleMs > 0;

  /* ---- timeline spans: the first maxSpans calls, then only the calls open at that moment ---- */
  const maxSpans = cfg.maxSpans;
  const spans = [];
  let nSpans = 0, spansTruncated = false;
  // Calls at most this deep go on the timeline: all at first; after the cap, the
  // depths open at that moment (up to twice the cap): the long outer calls.
  let spanDepth = maxSpans > 0 ? Infinity : 0;

  /* ---- call tree: a node per distinct call path; node 0 is <module> (frame 0) ---- */
  // Objects, not parallel arrays: a property access on a node in a local costs
  // fewer bytecodes than a closure array lookup, and enter hands exit the node.
  const nodes = [];
  function node(p, f) {
    const depth = p === null ? 0 : p.depth + 1;
    const c = {
      __proto__: null, // so a child not yet seen is found missing at once
      id: nodes.length, frame: f, parent: p, depth, calls: 0, total: 0, start: 0,
      lf: -1, lc: null, lf2: -1, lc2: null, // the last two children (frame -> node), for wrappers and activations
      span: depth <= spanDepth,
      quiet: f >= FIRST_BUILTIN, // built-ins called under this node are not recorded
      serial: 0, // which activation of a generator or async function holds the node
      samples: 0, // event sampler: samples taken while this call was the innermost one
    };
    // Index stores, not push(): the built-ins get wrapped, and a wrapper must never run in here.
    nodes[c.id] = c;
    return c;
  }
  /**
   * Past the cap: a node of the same shape that is in no list and under no key, so it
   * times its call like any other and is dropped after it; the time stays in the
   * caller's total (and so in its own time), and its samples go to the caller.
   */
  let maxNodes = cfg.maxNodes > 0 ? cfg.maxNodes : Infinity;
  let pathsCapped = false;
  function unrecorded(p, f) {
    pathsCapped = true;
    const depth = p.depth + 1;
    return {
      __proto__: null, id: -1, frame: f, parent: p, depth, calls: 0, total: 0, start: 0,
      lf: -1, lc: null, lf2: -1, lc2: null, span: depth <= spanDepth, quiet: f >= FIRST_BUILTIN, serial: 0, samples: 0,
    };
  }
  const root = node(null, 0);
  root.calls = 1;
  root.quiet = true; // the engine is busy until the learner's code starts
  // $wb$c, the innermost open call, is a global let the prelude declares (the inline code reads it).
  $wb$c = root;
  /**
   * The node of frame f under the current one: a node holds each child under a key
   * of its own, 'f' + frame for the learner's functions (which the inline entry reads
   * directly) and a symbol for each built-in.
   */
  function child(f, k) {
    const p = $wb$c;
    if (k === undefined) k = 'f' + f;
    let c = p[k];
    if (c === undefined) {
      // Not remembered as a last child either: nothing may keep it alive after its call.
      if (nodes.length >= maxNodes) return unrecorded(p, f);
      c = node(p, f);
      p[k] = c;
    }
    p.lf2 = p.lf; p.lc2 = p.lc; p.lf = f; p.lc = c;
    return c;
  }

  function span(c, t) {
    const k = nSpans++ * 4;
    spans[k] = c.frame; spans[k + 1] = c.depth; spans[k + 2] = c.start + sim - t0real; spans[k + 3] = t + sim - t0real;
    if (nSpans === maxSpans) {
      spansTruncated = true;
      setSpanDepth(c.depth - 1);
    } else if (nSpans >= maxSpans * 2) setSpanDepth(0);
  }
  function setSpanDepth(d) {
    spanDepth = d;
    for (let i = 0; i < nodes.length; i++) nodes[i].span = nodes[i].depth <= d;
  }

  // The steps of the inline entry and exit. var, not const, for locals (QuickJS
  // checks a const's initialisation on every read).
  function enter(f) {
    var p = $wb$c;
    var c = p.lf === f ? p.lc : p.lf2 === f ? p.lc2 : child(f);
    c.calls++;
    if (sampling && now() >= $wb$u) tick();
    c.start = now();
    $wb$c = c; // after the clock: if reading it overflows the stack, c was never opened
    return c;
  }
  function exit(c) {
    if (sampling && now() >= $wb$u) tick();
    var t = now();
    if (c !== $wb$c) return exitLate(c, t);
    c.total += t - c.start;
    $wb$c = c.parent;
    if (c.span) span(c, t);
  }
  /** An exit when calls above c are still open (their exits were missed): closes them, then c; nothing if c is not open. */
  function exitLate(c, t) {
    if (!unwindTo(c, t)) return;
    c.total += t - c.start;
    $wb$c = c.parent;
    if (c.span) span(c, t);
  }
  /** Closes the calls above c; false when c is not open. */
  function unwindTo(c, t) {
    let x = $wb$c;
    while (x.depth > c.depth) x = x.parent;
    if (x !== c) return false;
    while ($wb$c !== c) {
      x = $wb$c;
      x.total += t - x.start;
      $wb$c = x.parent;
      if (x.span) span(x, t);
    }
    return true;
  }
  // Simulated time moves (sleep, a timer) by assignments to wb.simulated: the open
  // calls' time includes the jump, so their start times move back by it, there and then.
  Object.defineProperty(wb, 'simulated', {
    get() { return sim; },
    set(v) {
      // The event sampler: the samples that fell due in the jump go to the call that made it.
      if (sampling) $wb$u -= v - sim;
      for (let x = $wb$c; x !== root; x = x.parent) x.start -= v - sim;
      sim = v;
    },
    enumerable: true, configurable: true,
  });

  /* ---- generators and async functions: activation records ---- */
  // a = [node, serial, frame]; serial tells whether the node is still this activation's.
  // Every yield and await suspends and resumes, so the usual cases come first: a
  // suspension of the innermost call, a resumption that cannot be on the stack.
  let serial = 0;
  function onStack(a) {
    const c = a[0];
    if (c.serial !== a[1]) return false;
    let x = $wb$c;
    while (x.depth > c.depth) x = x.parent;
    return x === c;
  }
  function push(c) {
    if (sampling && now() >= $wb$u) tick();
    c.serial = ++serial;
    c.start = now();
    $wb$c = c;
  }
  function pop(a) {
    if (sampling && now() >= $wb$u) tick();
    var c = a[0];
    if (c === $wb$c && c.serial === a[1]) {
      var t = now();
      c.total += t - c.start;
      $wb$c = c.parent;
      if (c.span) span(c, t);
    } else if (onStack(a)) exitLate(c, now());
  }
  function activationEnter(f) {
    var p = $wb$c;
    var c = p.lf === f ? p.lc : p.lf2 === f ? p.lc2 : child(f);
    c.calls++;
    push(c);
    return [c, serial, f];
  }
  function suspend(a, v) { pop(a); return v; }
  /** Resumed: timed under whatever runs it now (a next() call, or the job queue at top level). */
  function resume(a, v) {
    var p = $wb$c, f = a[2];
    if (a[0].depth <= p.depth && onStack(a)) return v;
    var c = p.lf === f ? p.lc : p.lf2 === f ? p.lc2 : child(f);
    push(c);
    a[0] = c; a[1] = serial;
    return v;
  }
  function reenter(a) { resume(a, undefined); }
  function activationExit(a) { pop(a); }

  /* ---- built-in rows ---- */
  const builtinNames = [];
  // Built-ins count only when learner code (or top-level code) calls them, never
  // when the sandbox's own code does (console formatting, timers, collection):
  // <module> is quiet until the learner's code starts and while the engine works.
  shared.setEngineBusy = function (v) { root.quiet = v; };
  /**
   * A recording wrapper. arity >= 0: the built-in treats a missing argument like
   * undefined, so the wrapper can take fixed parameters (no arguments object).
   * key: for prototype methods, a symbol under which the original sits on the
   * prototype, so it is called as a method (this[key](a)) and no native "call"
   * frame shows in error stacks; plain functions are called directly.
   * Methods, like the built-ins: not constructors, no prototype.
   */
  shared.wrapBuiltin = function (name, original, arity, key) {
    const f = FIRST_BUILTIN + builtinNames.length;
    builtinNames.push(name);
    return wrapper(f, original, arity, key);
  };
  function wrapper(f, original, arity, key) {
    const k$ = Symbol();
${wrapperSource(sampling)}
  }
  const nativeAbs = Math.abs; // for the calibration: a tiny native, before it is wrapped
  const reflectApply = Reflect.apply;

  /* ---- overhead calibration ---- */
  function calibrate() {
    // The code the transform inserts, on an empty body, against a plain empty function;
    // and a built-in's wrapper against the built-in called directly (the wrapper costs
    // more than the inline code, mostly outside the interval it measures).
    // Each under a node of its own, so the cache hits as in real calls; collect() has
    // already copied the tree.
    const base = node(root, -1), baseB = node(root, -1);
    maxNodes = Infinity; // the calibration's calls need nodes of their own, cap or not
    function hooked() { ${enterCode(1, sampling)}try { } finally { ${exitCode(sampling)} } }
    // The learner's function has no try/finally of its own: the transform's is overhead too.
    function plain() { }
    const wrapped = wrapper(-2, nativeAbs, 1, null);
    const N = 250;
    const timeIt = (fn) => { const s = now(); for (let i = 0; i < N; i++) fn(); return now() - s; };
    const timeCalls = (fn) => { const s = now(); for (let i = 0; i < N; i++) fn(i); return now() - s; };
    const timeLoop = () => { const s = now(); for (let i = 0; i < N; i++); return now() - s; };
    $wb$c = base;
    hooked();
    $wb$c = baseB;
    wrapped(0);
    const c = base.lc, b = baseB.lc;
    // The lower quartile of many short interleaved rounds, not the minimum: the hooks cost
    // what they cost in this run's conditions (a busy machine slows them as it slows the
    // learner's code; the minimum under-compensates, leaving the rest in the callers),
    // while a round the scheduler paused is an outlier above.
    const ROUNDS = 15;
    const hookedT = [], plainT = [], innerT = [], wrappedT = [], directT = [], loopT = [], innerBT = [];
    for (let round = 0; round < ROUNDS; round++) {
      $wb$c = base;
      let before = c.total;
      hookedT[round] = timeIt(hooked);
      innerT[round] = (c.total - before) / N;
      plainT[round] = timeIt(plain);
      $wb$c = baseB;
      before = b.total;
      wrappedT[round] = timeCalls(wrapped);
      innerBT[round] = (b.total - before) / N;
      directT[round] = timeCalls(nativeAbs);
      loopT[round] = timeLoop();
    }
    // No built-ins here: they are wrapped, and this runs while the tree is still current.
    const quartile = (xs) => {
      for (let i = 1; i < xs.length; i++) for (let j = i; j > 0 && xs[j - 1] > xs[j]; j--) { const t = xs[j]; xs[j] = xs[j - 1]; xs[j - 1] = t; }
      return xs[xs.length >> 2];
    };
    const best = quartile(hookedT), bestPlain = quartile(plainT), inner = quartile(innerT);
    const bestWrapped = quartile(wrappedT), bestDirect = quartile(directT), bestLoop = quartile(loopT), innerB = quartile(innerBT);
    $wb$c = root;
    const split = (perCall, measuredInner) => {
      const innerMs = Math.max(0, Math.min(measuredInner, perCall));
      return [innerMs * 1e6, (perCall - innerMs) * 1e6];
    };
    // The event sampler times nothing between its clock reads, so it cannot see the
    // split: its entry and exit are symmetric around them, so half and half.
    const [innerNs, outerNs] = split(Math.max(0, (best - bestPlain) / N), sampling ? (best - bestPlain) / N / 2 : inner);
    // The wrapper's measured interval also holds the built-in's own call (direct loop - empty loop).
    const own = Math.max(0, (bestDirect - bestLoop) / N);
    const [builtinInnerNs, builtinOuterNs] = split(Math.max(0, (bestWrapped - bestDirect) / N), sampling ? (bestWrapped - bestDirect) / N / 2 : innerB - own);
    return { innerNs, outerNs, builtinInnerNs, builtinOuterNs };
  }

  /* ---- the event sampler ---- */
  const floor = Math.floor; // before the built-ins are wrapped
  let samples = 0;
  // The timeline: [node id, break depth, samples] per tick. The break depth is the
  // shallowest depth whose call is not the one the previous tick saw (a node entered
  // again counts as a new call), so the host starts new spans from there.
  const ticks = [], maxTicks = cfg.maxTicks || 0;
  let nTicks = 0;
  const pathNode = [], pathCalls = [];
  let pathLen = 0;
  /** Counts the samples that fell due for the innermost call: it was running when they did. */
  function tick() {
    var n = floor((now() - $wb$u) / sampleMs) + 1;
    if (!(n >= 1)) return;
    $wb$u += n * sampleMs;
    var c = $wb$c;
    while (c.id < 0) c = c.parent; // a call past the node cap: its caller was running
    c.samples += n;
    samples += n;
    if (nTicks >= maxTicks) return;
    var x = c, brk = c.depth + 1;
    while (x !== null && !(pathNode[x.depth] === x && pathCalls[x.depth] === x.calls)) {
      pathNode[x.depth] = x; pathCalls[x.depth] = x.calls; brk = x.depth; x = x.parent;
    }
    for (var i = c.depth + 1; i < pathLen; i++) pathNode[i] = null;
    pathLen = c.depth + 1;
    var k = nTicks++ * 3;
    ticks[k] = c.id; ticks[k + 1] = brk; ticks[k + 2] = n;
  }
  function collectSamples() {
    if (now() >= $wb$u) tick();
    $wb$u = Infinity;
    const tEnd = now() + wb.simulated;
    const open = $wb$c.depth;
    const out = [];
    for (let i = 0, k = 0; i < nodes.length; i++) {
      const c = nodes[i];
      out[k++] = c.frame; out[k++] = c.parent === null ? -1 : c.parent.id; out[k++] = c.calls; out[k++] = c.samples;
    }
    return {
      kind: 'events', nodes: out, builtinNames, intervalMs: sampleMs, samples, rootMs: tEnd - tStart, openFrames: open,
      ticks, ticksTruncated: nTicks >= maxTicks, pathsCapped: pathsCapped ? maxNodes : 0,
      // Measured last, when the engine is warm (ticks are off: $wb$u is Infinity).
      calibration: calibrate(),
    };
  }

  const def = (name, value) => Object.defineProperty(globalThis, name, { value, writable: false, configurable: true, enumerable: false });
  if (sampling) def('${HOOKS.tick}', tick);
  def('${HOOKS.enter}', enter);
  def('${HOOKS.exit}', exit);
  def('${HOOKS.now}', now);
  def('${HOOKS.miss}', child);
  def('${HOOKS.late}', exitLate);
  def('${HOOKS.span}', span);
  def('__wbGE', activationEnter);
  def('__wbGS', suspend);
  def('__wbGR', resume);
  def('__wbGQ', reenter);
  def('__wbGX', activationExit);

  let tStart = now() + wb.simulated;
  let startOffset = tStart - t0real;
  def('__wbS', function __wbS() {
    root.quiet = false;
    tStart = now() + wb.simulated;
    startOffset = tStart - t0real;
    if (sampling) $wb$u = now() + sampleMs;
  });
  shared.collect = function () {
    if (sampling) return collectSamples();
    const tEnd = now() + wb.simulated;
    const open = $wb$c.depth;
    if ($wb$c !== root) unwindTo(root, tEnd - sim);
    const out = [];
    for (let i = 0, k = 0; i < nodes.length; i++) {
      const c = nodes[i];
      out[k++] = c.frame; out[k++] = c.parent === null ? -1 : c.parent.id; out[k++] = c.calls; out[k++] = c.total;
    }
    const result = {
      kind: 'deterministic',
      nodes: out,
      builtinNames,
      rootMs: tEnd - tStart,
      openFrames: open,
      spans,
      spansTruncated,
      pathsCapped: pathsCapped ? maxNodes : 0,
      startOffsetMs: startOffset,
      calibration: null,
    };
    // Measured last, when the engine is warm; it only adds nodes nobody reads any more
    // (and no spans: the span list is closed from here on).
    nSpans = maxSpans * 2;
    setSpanDepth(0);
    result.calibration = calibrate();
    return result;
  };
})
`;

export const DETERMINISTIC_SOURCE = recorderSource(false);
/** The event sampler: this recorder with sampleMs > 0 in its config, and its inline code. */
export const EVENT_SAMPLING_SOURCE = recorderSource(true);
