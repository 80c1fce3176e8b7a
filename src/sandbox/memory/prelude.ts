/**
 * VM-side source of the memory tool. It takes the host functions off the
 * global object, defines the markers the transform calls, and gives every
 * cell three helpers:
 *
 *   memoryUsage()          -> { heapBytes, wasmBytes } right now
 *   heapSnapshot(label)    -> records the heap's make-up; returns the live heap in bytes
 *   heapRegion(label, fn)  -> runs fn() between two snapshots and returns its result
 */
import { MARKERS } from './transform';

export interface PreludeOptions {
  /** Wrap sleep() so the timeline gets a sample on each side of it. */
  sampleSleep: boolean;
  /** Take the baseline now, because the code's first line holds code the start marker must not shift. */
  startNow: boolean;
}

export function memoryPrelude(options: PreludeOptions): string {
  return String.raw`
(function () {
  'use strict';
  const g = globalThis;
  const wb = g.__wb;
  const take = (name) => { const f = g['__wb_host_mem_' + name]; delete g['__wb_host_mem_' + name]; return f; };
  const hStart = take('start'), hEnter = take('enter'), hLine = take('line'), hExit = take('exit');
  const hSample = take('sample'), hUsage = take('usage'), hSnapshot = take('snapshot'), hFinish = take('finish');
  const now = wb.now;
  // Configurable, so the engine can make it a lexical binding no reflection lists (run.ts, hideHookGlobals).
  const hidden = (name, value) => Object.defineProperty(g, name, { value, writable: false, configurable: true, enumerable: false });
  hidden('${MARKERS.start}', function () { hStart(now()); });
  hidden('${MARKERS.enter}', function (i) { return hEnter(i, now()); });
  hidden('${MARKERS.line}', function (f, l) { hLine(f, l, now()); });
  hidden('${MARKERS.exit}', function (f) { hExit(f, now()); });
  hidden('${MARKERS.top}', function (l) { hSample(now()); });

  const api = (name, value) => Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });
  api('memoryUsage', function memoryUsage() {
    return { heapBytes: hUsage(0, now()), wasmBytes: hUsage(1, now()) };
  });
  api('heapSnapshot', function heapSnapshot(label) {
    return hSnapshot(label === undefined ? 'snapshot' : String(label), now(), 0);
  });
  api('heapRegion', function heapRegion(label, fn) {
    if (typeof fn !== 'function') throw new TypeError('heapRegion(label, fn) needs a function to run');
    const name = String(label);
    hSnapshot(name, now(), 1);
    try { return fn(); } finally { hSnapshot(name, now(), 2); }
  });

  if (${options.sampleSleep ? 'true' : 'false'}) {
    const inner = g.sleep;
    const sleep = { sleep(seconds) { hSample(now(), 1); try { return inner(seconds); } finally { hSample(now(), 1); } } }.sleep;
    Object.defineProperty(g, 'sleep', { value: sleep, writable: true, configurable: true, enumerable: false });
  }

  wb.register('memory', function () { hFinish(now()); return 1; });
  if (${options.startNow ? 'true' : 'false'}) hStart(now());
})();
`;
}
