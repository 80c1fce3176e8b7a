/**
 * Accuracy against truth made by construction (accuracy-corpus.ts): for each
 * program, the function under test's share of its caller, as each profiler
 * reports it, is within 10 percentage points of the share the program measured
 * for itself, plainly, by timing its caller with and without that function.
 *
 * Load: the truth is a median of interleaved pairs in one run; each profiler's
 * figure is the median of three profiled runs interleaved with the truth runs,
 * so one scheduler pause on a busy machine cannot decide a result.
 */
import { describe, expect, it } from 'vitest';
import { ACCURACY_CORPUS, measuredShare, trueShare } from './accuracy-corpus';
import type { ProfileOptions } from '../../../src/sandbox/types';

const TOLERANCE = 0.1;
const ROUNDS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const PROFILERS: Array<[string, ProfileOptions]> = [
  ['deterministic', { kind: 'deterministic' }],
  ['sampling (events, the default)', { kind: 'sampling' }],
];

describe('profiler accuracy corpus', () => {
  it('has at least 12 programs', () => {
    expect(ACCURACY_CORPUS.length).toBeGreaterThanOrEqual(12);
  });

  for (const program of ACCURACY_CORPUS) {
    it(`${program.name}: ${program.target}'s share of its caller within ${TOLERANCE * 100} points of the truth`, async () => {
      const truths: number[] = [];
      const shares = PROFILERS.map(() => [] as number[]);
      for (let r = 0; r < ROUNDS; r++) {
        truths.push(await trueShare(program));
        for (let k = 0; k < PROFILERS.length; k++) shares[k].push(await measuredShare(program, PROFILERS[k][1]));
      }
      const truth = median(truths);
      // A program whose truth is degenerate tests nothing.
      expect(truth).toBeGreaterThan(0.15);
      const report = PROFILERS.map(([name], k) => `${name} ${median(shares[k]).toFixed(3)}`).join(', ');
      for (let k = 0; k < PROFILERS.length; k++) {
        expect(Math.abs(median(shares[k]) - truth), `truth ${truth.toFixed(3)}; ${report}`).toBeLessThanOrEqual(TOLERANCE);
      }
    }, 180_000);
  }
});
