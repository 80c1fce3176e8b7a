/**
 * The cost of a Math.random in one QuickJS context against another, measured
 * interleaved in the same process: many short rounds alternating which context
 * goes first, the median of the per-round ratios (a burst of load spoils few
 * rounds and favours neither side). Used by test/unit/sandbox/random.test.ts
 * and test/bench/profiler-random.bench.ts.
 */
import type { QuickJSContext } from 'quickjs-emscripten-core';

/** ns per call over one chunk; ten calls per iteration keep the loop's own cost small (no subtraction). */
export const RANDOM_CHUNK = `(() => {
  const f = Math.random, n = 2000;
  const t = performance.now();
  let x = 0;
  for (let k = 0; k < n; k++) x += f() + f() + f() + f() + f() + f() + f() + f() + f() + f();
  return (performance.now() - t) / (n * 10) * 1e6;
})()`;

export function timeRandomChunk(ctx: QuickJSContext): number {
  const v = ctx.unwrapResult(ctx.evalCode(RANDOM_CHUNK));
  const ns = ctx.getNumber(v);
  v.dispose();
  return ns;
}

export interface RandomCost {
  /** Median over rounds of (subject ns / reference ns). */
  ratio: number;
  subjectNs: number;
  referenceNs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];

/** `rounds` should be odd, so the median is one round's ratio. */
export function compareRandomCost(subject: QuickJSContext, reference: QuickJSContext, rounds = 101): RandomCost {
  const ratios: number[] = [];
  const subjectNs: number[] = [];
  const referenceNs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let s: number;
    let r: number;
    if (round % 2) {
      s = timeRandomChunk(subject);
      r = timeRandomChunk(reference);
    } else {
      r = timeRandomChunk(reference);
      s = timeRandomChunk(subject);
    }
    subjectNs.push(s);
    referenceNs.push(r);
    ratios.push(s / Math.max(r, 1e-3));
  }
  return { ratio: median(ratios), subjectNs: median(subjectNs), referenceNs: median(referenceNs) };
}
