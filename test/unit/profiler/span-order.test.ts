/**
 * The recorded call order survives a coarse clock. Truth by construction: the
 * sleeper's calls, whose order the program fixes, and hand-made exit orders
 * whose times tie or differ only by a rounding error.
 *
 * The bug this guards: in a browser (a 5 µs clock that starts near 0 in a
 * worker), a caller and its first callee started in one clock tick; after the
 * sleeps moved the caller's start back five times, rounding put it an ulp after
 * the callee's, and sorting the spans by time nested the callee wrongly. The
 * speedscope export then fell back to an unordered profile (once in ~60 runs).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callEvents, toSpeedscope, type SpeedscopeEvented } from '../../../src/sandbox/profile/index';
import { spansInCallOrder } from '../../../src/sandbox/profiler/span-order';
import type { CallNode, Profile, Span } from '../../../src/sandbox/types';
import { example, profileCode } from './helpers';

/** The sleeper's calls in the order the program makes them (frame names, opens and closes). */
const SLEEPER_ORDER = [
  'O main', 'O function1',
  ...Array.from({ length: 5 }, () => ['O sleepOneSecond', 'O sleep', 'C sleep', 'C sleepOneSecond']).flat(),
  'C function1', 'O function2', 'O sleepOneSecond', 'O sleep', 'C sleep', 'C sleepOneSecond', 'C function2',
  'O console.log', 'C console.log', 'C main',
];

function openCloseNames(profile: Profile): string[] {
  const events = callEvents(profile);
  if (!events) throw new Error(`no call order: ${JSON.stringify(profile.spans)}`);
  return events.map((e) => `${e.type} ${profile.frames[e.frame].name}`);
}

describe('the recorder with a coarse clock that starts near 0, as in a browser worker', () => {
  afterEach(() => vi.restoreAllMocks());

  // Ticks of 5 µs (Chromium, cross-origin isolated) and of 100 µs (without isolation): most calls
  // at the start of the sleeper then share a tick, and their starts are shifted by every sleep.
  for (const tickMs of [0.005, 0.1]) {
    it(`keeps the sleeper's call order in 20 runs with a ${tickMs * 1000} µs clock`, async () => {
      const real = performance.now.bind(performance);
      const origin = real();
      vi.spyOn(performance, 'now').mockImplementation(() => Math.floor((real() - origin) / tickMs) * tickMs + 0.035);
      for (let run = 0; run < 20; run++) {
        const { profile } = await profileCode(example('sleeper.js'));
        expect(openCloseNames(profile)).toEqual(['O <module>', ...SLEEPER_ORDER, 'C <module>']);
        const speedscope = toSpeedscope(profile).profiles[0];
        expect(speedscope.type).toBe('evented');
        expect((speedscope as SpeedscopeEvented).events).toHaveLength(2 * 17);
      }
    });
  }
});

describe('spansInCallOrder', () => {
  const span = (frame: number, depth: number, start: number, end: number): Span => ({ frame, depth, start, end });

  it('nests by exit order and depth when a callee starts an ulp before its caller', () => {
    // Exit order: g (depth 2) inside f (depth 1), then h (depth 1); g's start is below f's by rounding.
    const f = span(1, 1, 0.06500000000050932, 5);
    const g = span(2, 2, 0.06500000000005457, 1);
    const h = span(3, 1, 5, 6);
    const root = span(0, 0, 0, 6);
    const ordered = spansInCallOrder([g, f, h, root]);
    expect(ordered.map((s) => s.frame)).toEqual([0, 1, 2, 3]);
    // Only the rounding error moved: g now starts with f.
    expect(ordered[2].start).toBe(f.start);
    expect(ordered[2].end).toBe(1);
  });

  it('keeps a callee that ends its caller in that caller, when the next call starts in the same tick', () => {
    // f calls g last; g, f's end and h's start all read the same tick (t = 2).
    const g = span(2, 2, 2, 2);
    const f = span(1, 1, 1, 2);
    const h = span(3, 1, 2, 3);
    const x = span(4, 2, 2, 3); // h's callee, in the same tick as h
    const ordered = spansInCallOrder([g, f, x, h, span(0, 0, 0, 3)]);
    expect(ordered.map((s) => s.frame)).toEqual([0, 1, 2, 3, 4]);
  });

  it('gives the exports that order: a profile whose tree matches these spans is evented, in that order', () => {
    const node = (frame: number, calls: number, children: CallNode[] = []): CallNode => ({ frame, calls, selfMs: 0, totalMs: 1, children });
    const root = node(0, 1, [node(1, 1, [node(2, 1)]), node(3, 1, [node(4, 1)])]);
    const frames = ['<module>', 'f', 'g', 'h', 'x'].map((name) => ({ name, file: 't.js', line: 1, column: 1, builtin: false }));
    const spans = spansInCallOrder([span(2, 2, 2, 2), span(1, 1, 1, 2), span(4, 2, 2, 3), span(3, 1, 2, 3), span(0, 0, 0, 3)]);
    const profile = { meta: { kind: 'deterministic', filename: 't.js', wallMs: 3, cpuMs: 3 }, frames, root, spans, spansTruncated: false } as unknown as Profile;
    expect(openCloseNames(profile)).toEqual(['O <module>', 'O f', 'O g', 'C g', 'C f', 'O h', 'O x', 'C x', 'C h', 'C <module>']);
  });

  it('leaves calls whose caller never ended (a run stopped early) at the top, in time order', () => {
    // A depth-2 call ended, its depth-1 caller never did; a later depth-1 call did.
    const ordered = spansInCallOrder([span(2, 2, 1, 2), span(3, 3, 5, 6), span(0, 0, 0, 9)]);
    expect(ordered.map((s) => [s.frame, s.depth])).toEqual([[0, 0], [2, 2], [3, 3]]);
  });
});
