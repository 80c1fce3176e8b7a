/**
 * Exercise checks: what a check needs to run (ExerciseSpec, built from the
 * chapter's Markdown at build time) and what it returns (CheckResult, found in
 * RunResult.check). Types and one constant, shared by the build, the page, the CLI and tests.
 */
import type { Limits } from '../types';

/** The file name a check's errors carry, so they are told apart from the learner's own. */
export const CHECK_FILENAME = 'check.js';

/** The kind of answer the learner types next to the code, if any. */
export type AnswerSpec =
  | { kind: 'number' }
  | { kind: 'choice'; choices: string[] }
  | { kind: 'text' };

/** How the starter cell runs (taken from its fence options at build time). */
export interface ExerciseRun {
  /** Name shown in errors, stacks and profiles, e.g. "cell-hot-function.js". */
  filename: string;
  /** Hidden setup lines of the starter cell, run before the learner's code. */
  setup?: string;
  limits?: Partial<Limits>;
  seed?: number;
}

export interface ExerciseSpec {
  /** Unique within the chapter; the key for progress. */
  id: string;
  chapter: string;
  title: string;
  /** Line of the `:::exercise` directive in the chapter, for error messages. */
  line: number;
  /** Id of the starter cell (an ordinary cell inside the exercise). */
  starterCellId: string;
  /** The starter code exactly as the starter cell shows it. */
  starter: string;
  /** The reference solution (the `:::solution` fence). */
  solution: string;
  /** VM-side JavaScript run after the learner's code (the hidden `check` fence). */
  check: string;
  run: ExerciseRun;
  answer?: AnswerSpec;
  /** Turn the deterministic profiler on for checked runs (the check calls check.profile()). */
  profile: boolean;
  /** The check compares speeds (calls check.time or check.compare). */
  timing: boolean;
  /** Number of hints (their text lives in the page, not here). */
  hints: number;
}

/** Why a check ended the way it did. */
export type CheckOutcome =
  | 'passed' // the check called pass()
  | 'failed' // the check called fail()
  | 'check-error' // the check (or code it called) threw
  | 'no-verdict' // the check ended without calling pass() or fail()
  | 'run-failed' // the learner's code did not finish (error, timeout, memory, stopped...)
  | 'no-check'; // the run carried no check result at all (tool missing, crash)

export interface CheckResult {
  passed: boolean;
  outcome: CheckOutcome;
  /** In a learner's words: what was achieved, or what failed and the figure measured. */
  message: string;
}

/** What the learner submits. */
export interface ExerciseAttempt {
  exercise: ExerciseSpec;
  code: string;
  /** The typed answer (for exercises that ask for a number or a choice). */
  answer?: string;
}
