/**
 * Shared by test/content/shortcuts-*.test.ts: one chapter's exercises by id, an
 * edit of an exercise's code that must find what it replaces, and the
 * expectation every shortcut meets: the check says no (outcome "failed", never
 * an error or a run that broke).
 */
import path from 'node:path';
import { expect } from 'vitest';
import { DOCS_DIR } from '../../../src/markdown/find-cells';
import { exercisesOfFile } from '../../../src/markdown/remark-exercises';
import { runExercise } from '../../../src/sandbox/exercises/node';

export function chapterShortcuts(chapter: 'profiling' | 'optimisation' | 'memory') {
  const exercises = exercisesOfFile(path.join(DOCS_DIR, `${chapter}.md`));

  function exercise(id: string) {
    const found = exercises.find((candidate) => candidate.spec.id === id);
    if (!found) throw new Error(`no exercise "${id}" in the ${chapter} chapter`);
    return found;
  }

  /** The check's message for code (and an answer) that must fail. */
  async function expectFails(id: string, code: string, answer?: string): Promise<string> {
    const result = await runExercise({ exercise: exercise(id).spec, code, answer });
    expect(result, result.message).toMatchObject({ passed: false, outcome: 'failed' });
    return result.message;
  }

  return { exercises, exercise, expectFails };
}

/** `code` with `from` replaced by `to`; fails the test if `from` is not there. */
export function edit(code: string, from: string | RegExp, to: string): string {
  const found = typeof from === 'string' ? code.includes(from) : from.test(code);
  expect(found, `no ${String(from)} in the code`).toBe(true);
  return code.replace(from, to);
}
