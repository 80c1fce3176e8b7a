/**
 * A timing check must not flip on a noisy machine: it compares the learner's
 * code with the starter in the same run, by medians of interleaved repeats.
 * The fixture is the documented example (docs/AUTHORING.md, "Exercises").
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exercisesOfFile } from '../../../src/markdown/remark-exercises';
import { runExercise } from '../../../src/sandbox/exercises/node';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/faster-primes.md');
const [exercise] = exercisesOfFile(fixture);
const RUNS = 20;

describe('a timing check (faster-primes)', () => {
  it('is recognised as a timing check', () => {
    expect(exercise.spec).toMatchObject({ id: 'faster-primes', timing: true, profile: false, hints: 3 });
  });

  it(`passes the reference solution ${RUNS} runs in a row, with the measured speed-up in the message`, { timeout: 180_000 }, async () => {
    for (let run = 1; run <= RUNS; run++) {
      const result = await runExercise({ exercise: exercise.spec, code: exercise.reference.code });
      expect(result.passed, `run ${run}: ${result.message}`).toBe(true);
      expect(result.message).toMatch(/\d+(\.\d)?× faster/);
    }
  });

  it(`fails the starter ${RUNS} runs in a row, saying how fast it was`, { timeout: 180_000 }, async () => {
    for (let run = 1; run <= RUNS; run++) {
      const result = await runExercise({ exercise: exercise.spec, code: exercise.spec.starter });
      expect(result, `run ${run}: ${result.message}`).toMatchObject({ passed: false, outcome: 'failed' });
      expect(result.message).toMatch(/only \d+(\.\d)?× as fast/);
    }
  });

  it('fails a faster program whose answer is wrong, before timing it', async () => {
    const wrong = exercise.reference.code.replace('d * d <= n', 'd * d < n');
    const result = await runExercise({ exercise: exercise.spec, code: wrong });
    expect(result).toMatchObject({ passed: false, outcome: 'failed' });
    expect(result.message).toMatch(/returned \d+, but there are 303 primes/);
  });
});
