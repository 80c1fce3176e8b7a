/** A small exercise built in code, for tests of the check runtime. */
import type { ExerciseSpec } from '../../../src/sandbox/exercises/types';

export function exercise(check: string, extra: Partial<ExerciseSpec> = {}): ExerciseSpec {
  return {
    id: 'test-exercise',
    chapter: 'testing',
    title: 'A test exercise',
    line: 1,
    starterCellId: 'test-exercise-code',
    starter: 'function square(x) { return x * x; }\nconsole.log(square(4));',
    solution: 'function square(x) { return x ** 2; }\nconsole.log(square(4));',
    check,
    run: { filename: 'cell-test-exercise-code.js' },
    profile: false,
    timing: false,
    hints: 1,
    ...extra,
  };
}
