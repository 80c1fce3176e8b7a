/**
 * Every exercise of every chapter: the reference solution passes its own check
 * and the starter code fails it. A timing check must hold on a noisy machine,
 * so for those the solution passes 20 runs in a row and the starter fails 20.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCS_DIR } from '../../src/markdown/find-cells';
import { exercisesOfFile } from '../../src/markdown/remark-exercises';
import { runExercise } from '../../src/sandbox/exercises/node';

const chapters = readdirSync(DOCS_DIR)
  .filter((name) => /\.mdx?$/.test(name))
  .sort();
const exercises = chapters.flatMap((name) => exercisesOfFile(path.join(DOCS_DIR, name)));

const TIMING_RUNS = 20;

describe('chapter exercises', () => {
  it('exist, and every chapter file parses', () => {
    expect(exercises.length).toBeGreaterThan(0);
  });

  describe.each(exercises.map((exercise) => [`${exercise.spec.chapter}/${exercise.spec.id}`, exercise] as const))('%s', (_name, exercise) => {
    const runs = exercise.spec.timing ? TIMING_RUNS : 1;

    it(`passes with the reference solution (${runs} run${runs === 1 ? '' : 's'} in a row)`, { timeout: 180_000 }, async () => {
      for (let attempt = 1; attempt <= runs; attempt++) {
        const result = await runExercise({ exercise: exercise.spec, code: exercise.reference.code, answer: exercise.reference.answer });
        expect(result, `run ${attempt}: ${result.message}`).toMatchObject({ passed: true, outcome: 'passed' });
      }
    });

    it(`fails with the starter code (${runs} run${runs === 1 ? '' : 's'} in a row)`, { timeout: 180_000 }, async () => {
      for (let attempt = 1; attempt <= runs; attempt++) {
        const result = await runExercise({ exercise: exercise.spec, code: exercise.spec.starter });
        expect(result.passed, `run ${attempt}: ${result.message}`).toBe(false);
        // The check itself says no, or the run hits the limit the exercise is about (e.g. memory=16MB).
        // A check that throws or never decides means the exercise is broken, not that the starter fails.
        expect(['failed', 'run-failed'], `run ${attempt}: ${result.outcome}: ${result.message}`).toContain(result.outcome);
      }
    });
  });
});
