/**
 * VM-side source of the benchmark helpers every cell has:
 *
 *   bench(fn, { repeat = 7, number, minTimeMs, warmupMs = 50, label })
 *   compare({ a: fnA, b: fnB, ... }, { repeat = 7, number, minTimeMs, warmupMs = 50, label })
 *   growth(fn, sizes, { repeat = 5, number, minTimeMs, warmupMs = 20, setup, label })
 *
 * minTimeMs (the shortest round) defaults to 2 ms, or 50× the clock's
 * resolution when that is coarser (5 ms with a 100 µs clock).
 *
 * Like Python's timeit: a warm-up (calls for warmupMs of real time), then `repeat` timed rounds of `number` calls
 * each (`number` found by timeit's autorange when not given: 1, 2, 5, 10, 20 ...
 * until a round lasts `minTimeMs`). Times are per call, on the VM's real clock
 * (simulated sleep excluded; on Linux, in Node, the time the thread waited for a
 * processor while other programs ran is left out too). Each result goes to the host as soon as it is
 * measured (it survives a later error) and is printed as a compact summary.
 */
export const BENCH_SOURCE = String.raw`
(function () {
  'use strict';
  const g = globalThis;
  const wb = g.__wb;
  const push = g.__wb_host_bench_push;
  const waitedNow = g.__wb_host_bench_waited;
  delete g.__wb_host_bench_push;
  delete g.__wb_host_bench_waited;
  // Where the host can tell how long this thread waited for a processor (Linux), a
  // round's time leaves that wait out: other programs on the machine do not count.
  const excludesWaiting = typeof waitedNow === 'function' && waitedNow() >= 0;
  const clock = wb.realNow;
  const print = wb.builtins.console.log;
  const MAX_TOTAL_MS = 4000; // real time one helper call may spend timing (the run has a deadline)
  // Short rounds, many of them: on a busy machine a round of a few ms often runs
  // without being preempted, and the best round is what we keep. Long enough for
  // the clock's resolution to matter less than 2 % (100 µs clocks get 5 ms rounds).
  const DEFAULT_ROUND_MS = Math.max(2, 50 * (wb.resolutionMs || 0));

  function toOptions(o, defaults) {
    const out = Object.assign({}, defaults);
    if (o && typeof o === 'object') for (const k of Object.keys(defaults)) if (o[k] !== undefined) out[k] = o[k];
    if (o && typeof o === 'object' && typeof o.setup === 'function') out.setup = o.setup;
    const repeat = Math.floor(Number(out.repeat));
    if (!(repeat >= 1)) throw new RangeError('repeat must be a whole number >= 1, got ' + String(out.repeat));
    out.repeat = repeat;
    if (out.number !== undefined) {
      const number = Math.floor(Number(out.number));
      if (!(number >= 1)) throw new RangeError('number must be a whole number >= 1, got ' + String(out.number));
      out.number = number;
    }
    return out;
  }
  function needFunction(fn, what) {
    if (typeof fn !== 'function') throw new TypeError(what + ' needs a function to time, got ' + (fn === null ? 'null' : typeof fn));
  }

  // What reading the waiting time twice costs (inside a round, so taken back out).
  // Measured on first use: every run loads these helpers, few call them.
  let readCostMs = -1;
  function readCost() {
    if (readCostMs < 0) {
      readCostMs = Infinity;
      for (let i = 0; i < 20; i++) { const t0 = clock(); waitedNow(); waitedNow(); readCostMs = Math.min(readCostMs, clock() - t0); }
    }
    return readCostMs;
  }

  /** Total real ms of 'number' calls (less the time the thread waited for a processor, where known). */
  function timeLoop(call, number) {
    const cost = excludesWaiting ? readCost() : 0;
    const t0 = clock();
    if (!excludesWaiting) {
      for (let i = 0; i < number; i++) call();
      return clock() - t0;
    }
    // Read inside the clock readings: a wait counted between them happened between them,
    // so the round is never shortened by a wait from before it.
    const w0 = waitedNow();
    for (let i = 0; i < number; i++) call();
    const waited = waitedNow() - w0;
    return Math.max(0, clock() - t0 - waited - cost);
  }

  /** timeit's autorange: 1, 2, 5, 10, 20, 50 ... calls until one round lasts minTimeMs. Also the warm-up. */
  function autorange(call, minTimeMs) {
    for (let scale = 1; ; scale *= 10) {
      for (const k of [1, 2, 5]) {
        const number = k * scale;
        const ms = timeLoop(call, number);
        if (ms >= minTimeMs || number >= 1e8) return { number, ms };
      }
    }
  }

  function stats(totals, number) {
    const times = totals.map((t) => t / number);
    const sorted = times.slice().sort((a, b) => a - b);
    const n = sorted.length;
    const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    const mean = times.reduce((s, t) => s + t, 0) / n;
    const variance = n > 1 ? times.reduce((s, t) => s + (t - mean) * (t - mean), 0) / (n - 1) : 0;
    const min = sorted[0], max = sorted[n - 1];
    return {
      repeat: n, number, timesMs: times,
      minMs: min, medianMs: median, maxMs: max, meanMs: mean, stdDevMs: Math.sqrt(variance),
      spreadPct: median > 0 ? ((max - min) / median) * 100 : 0,
      opsPerSec: min > 0 ? 1000 / min : Infinity,
    };
  }

  /** Calls until warmMs of real time passed: the wasm engine and QuickJS's caches settle first. */
  function warmUp(call, warmMs) {
    const end = clock() + warmMs;
    do call(); while (clock() < end);
  }

  /** Warms up, calibrates, and decides repeat/number within the time budget. */
  function plan(call, opts, budgetMs) {
    warmUp(call, Math.min(opts.warmupMs, budgetMs / 4));
    const first = opts.number === undefined ? autorange(call, opts.minTimeMs) : { number: opts.number, ms: timeLoop(call, opts.number) };
    const number = first.number;
    let repeat = opts.repeat;
    const roundMs = Math.max(first.ms, 1e-3);
    if (roundMs * repeat > budgetMs) repeat = Math.max(1, Math.floor(budgetMs / roundMs));
    return { number, repeat, reduced: repeat < opts.repeat };
  }

  /**
   * Timed rounds, interleaved across candidates, in passes. The wasm engine
   * compiles QuickJS's interpreter in the background and switches to the faster
   * code whenever it is ready, possibly in the middle of a measurement: then
   * one candidate's best round comes from before the switch and another's from
   * after. A pass is kept only when the one before it agrees (every candidate's
   * best within 10 %); otherwise it is measured again, within the time budget.
   */
  function measureStable(calls, numbers, repeat, budgetMs) {
    const started = clock();
    let previous = null;
    for (let pass = 0; ; pass++) {
      const totals = calls.map(() => []);
      for (let r = 0; r < repeat; r++) calls.forEach((c, i) => totals[i].push(timeLoop(c, numbers[i])));
      const best = totals.map((t, i) => Math.min.apply(null, t) / numbers[i]);
      const agrees = previous !== null && best.every((b, i) => Math.abs(b / previous[i] - 1) <= 0.1);
      const elapsed = clock() - started;
      const passMs = elapsed / (pass + 1);
      if (agrees || pass >= 4 || elapsed + passMs > budgetMs) return totals;
      previous = best;
    }
  }

  const fmtMs = (ms) => {
    if (!(ms >= 0) || ms === Infinity) return String(ms);
    if (ms >= 1000) return (ms / 1000).toFixed(3) + ' s';
    if (ms >= 1) return ms.toFixed(3) + ' ms';
    if (ms >= 0.001) return (ms * 1000).toFixed(2) + ' µs';
    return (ms * 1e6).toFixed(1) + ' ns';
  };
  // QuickJS has no Intl: thousands are grouped by hand.
  const group = (n) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fmtOps = (ops) => ops === Infinity ? '∞' : ops >= 100 ? group(ops) : ops.toPrecision(3);
  const nameOf = (fn, fallback) => (fn && fn.name) || fallback;
  const rounds = (s) => s.repeat + ' × ' + group(s.number) + (s.number === 1 ? ' call' : ' calls');

  function bench(fn, options) {
    needFunction(fn, 'bench(fn, options)');
    const opts = toOptions(options, { repeat: 7, number: undefined, minTimeMs: DEFAULT_ROUND_MS, warmupMs: 50, label: undefined });
    const call = () => { fn(); };
    const p = plan(call, opts, MAX_TOTAL_MS / 2);
    const [totals] = measureStable([call], [p.number], p.repeat, MAX_TOTAL_MS / 2);
    const s = stats(totals, p.number);
    const result = { kind: 'bench', label: String(opts.label ?? nameOf(fn, 'fn')), stats: s, waitingExcluded: excludesWaiting };
    push(JSON.stringify(result));
    print(result.label + ': ' + fmtMs(s.minMs) + ' per call, best of ' + rounds(s) +
      ' (median ' + fmtMs(s.medianMs) + ', spread ' + s.spreadPct.toFixed(1) + ' %), ' + fmtOps(s.opsPerSec) + ' ops/s' +
      (p.reduced ? ' [fewer repeats: time budget]' : ''));
    return result;
  }

  function compare(candidates, options) {
    if (!candidates || typeof candidates !== 'object') throw new TypeError('compare({ a: fnA, b: fnB }) needs an object of functions');
    const names = Object.keys(candidates);
    if (names.length < 2) throw new TypeError('compare needs at least two functions to compare');
    names.forEach((k) => needFunction(candidates[k], 'compare: "' + k + '"'));
    const opts = toOptions(options, { repeat: 7, number: undefined, minTimeMs: DEFAULT_ROUND_MS, warmupMs: 50, label: undefined });
    const calls = names.map((k) => { const f = candidates[k]; return () => { f(); }; });
    const plans = calls.map((c) => plan(c, opts, MAX_TOTAL_MS / 2 / names.length));
    const repeat = Math.min.apply(null, plans.map((p) => p.repeat));
    // Rounds interleave the candidates, so a slow spell of the machine hits them all alike.
    const totals = measureStable(calls, plans.map((p) => p.number), repeat, MAX_TOTAL_MS / 2);
    const all = names.map((name, i) => ({ name, stats: stats(totals[i], plans[i].number), relative: 1 }));
    const best = Math.min.apply(null, all.map((c) => c.stats.minMs));
    all.forEach((c) => { c.relative = best > 0 ? c.stats.minMs / best : 1; });
    const fastest = all.reduce((a, b) => (b.stats.minMs < a.stats.minMs ? b : a)).name;
    const result = { kind: 'compare', label: String(opts.label ?? names.join(' vs ')), candidates: all, fastest, waitingExcluded: excludesWaiting };
    push(JSON.stringify(result));
    const width = Math.max.apply(null, names.map((n) => n.length));
    const lines = all.map((c) => '  ' + c.name.padEnd(width) + '  ' + fmtMs(c.stats.minMs).padStart(11) + '  ' + (fmtOps(c.stats.opsPerSec) + ' ops/s').padStart(16) + '  ' +
      (c.name === fastest ? 'fastest' : c.relative.toFixed(c.relative >= 10 ? 1 : 2) + '× slower'));
    print('compare ' + result.label + ' (best of ' + repeat + ' repeats, per call):\n' + lines.join('\n'));
    result.relative = {};
    all.forEach((c) => { result.relative[c.name] = c.relative; });
    return result;
  }

  function verdict(slope) {
    if (slope < 0.25) return 'constant';
    if (slope < 0.75) return 'sub-linear (like log n or √n)';
    if (slope < 1.25) return 'linear';
    if (slope < 1.75) return 'between linear and quadratic (like n log n or n^1.5)';
    if (slope < 2.5) return 'quadratic';
    if (slope < 3.5) return 'cubic';
    return 'steeper than cubic';
  }

  function fit(points) {
    const xs = points.map((p) => Math.log(p.n)), ys = points.map((p) => Math.log(p.stats.minMs));
    const k = xs.length;
    const mx = xs.reduce((s, x) => s + x, 0) / k, my = ys.reduce((s, y) => s + y, 0) / k;
    let sxy = 0, sxx = 0, syy = 0;
    for (let i = 0; i < k; i++) { sxy += (xs[i] - mx) * (ys[i] - my); sxx += (xs[i] - mx) ** 2; syy += (ys[i] - my) ** 2; }
    const slope = sxx > 0 ? sxy / sxx : 0;
    return { slope, intercept: my - slope * mx, r2: sxx > 0 && syy > 0 ? (sxy * sxy) / (sxx * syy) : 1 };
  }

  function growth(fn, sizes, options) {
    needFunction(fn, 'growth(fn, sizes)');
    if (!Array.isArray(sizes) || sizes.length < 2) throw new TypeError('growth(fn, sizes) needs at least two sizes, e.g. [1000, 2000, 4000, 8000]');
    const ns = sizes.map((n) => Number(n));
    if (ns.some((n) => !(n > 0) || n === Infinity)) throw new RangeError('growth: every size must be a positive number');
    const opts = toOptions(options, { repeat: 5, number: undefined, minTimeMs: DEFAULT_ROUND_MS, warmupMs: 20, label: undefined });
    // Every size gets its input and its plan first, then the timed rounds interleave the
    // sizes (as compare() does the candidates): a slow spell of the machine, or the wasm
    // engine switching to faster code, then hits every size alike and cannot bend the slope.
    const calls = ns.map((n) => { const input = opts.setup ? opts.setup(n) : n; return () => { fn(input); }; });
    const plans = calls.map((call) => plan(call, opts, MAX_TOTAL_MS / 2 / ns.length));
    const repeat = Math.min.apply(null, plans.map((p) => p.repeat));
    const totals = measureStable(calls, plans.map((p) => p.number), repeat, MAX_TOTAL_MS / 2);
    const points = ns.map((n, i) => ({ n, stats: stats(totals[i], plans[i].number) }));
    const f = fit(points);
    const result = { kind: 'growth', label: String(opts.label ?? nameOf(fn, 'fn')), points, slope: f.slope, intercept: f.intercept, r2: f.r2, verdict: verdict(f.slope), waitingExcluded: excludesWaiting };
    push(JSON.stringify(result));
    const nWidth = Math.max(1, ...ns.map((n) => group(n).length));
    const rows = points.map((p) => '  ' + group(p.n).padStart(nWidth) + '  ' + fmtMs(p.stats.minMs).padStart(11));
    print('growth of ' + result.label + ' (best time per call):\n' + '  ' + 'n'.padStart(nWidth) + '  ' + 'time'.padStart(11) + '\n' + rows.join('\n') +
      '\n  slope on log-log axes: ' + f.slope.toFixed(2) + ' → time grows like n^' + f.slope.toFixed(1) + ', ' + result.verdict);
    return result;
  }

  const api = (name, value) => Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });
  api('bench', bench);
  api('compare', compare);
  api('growth', growth);
})();
`;
