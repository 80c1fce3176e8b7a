/**
 * Checking an attempt: run the learner's code with the exercise's check after
 * it, and read the verdict. Works wherever a run function does: the page passes
 * the sandbox client's run, Node passes runInSandbox (see node.ts).
 *
 * An exercise whose check reads the profile is run twice: first with the
 * deterministic profiler (the same run the learner's profile view shows, same
 * seed), then without it, with that profile's summary handed to the check. The
 * profiler therefore never slows the code that a timing check measures.
 */
import type { RunRequest, RunResult } from '../types';
import type { CheckResult, ExerciseAttempt, ExerciseSpec } from './types';
import { summariseProfile, type ProfileSummary } from './profile-summary';
import { CHECK_FILENAME } from './types';
import { checkScript, makeNonce } from './script';
import { checkResultOf, runFailure } from './verdict';

export type RunFunction = (request: RunRequest) => Promise<RunResult>;

export interface CheckedAttempt {
  check: CheckResult;
  /** The checked run (console output, timing...), for showing beside the verdict. */
  result: RunResult;
  /**
   * The run to show in the exercise's cell: the profiled one when the check read a
   * profile (same code, same seed, and the profile the cell's views draw), else the checked one.
   */
  shown: RunResult;
}

/** The request for running code as the exercise's starter cell would (no check). */
export function exerciseRequest(exercise: ExerciseSpec, code: string): RunRequest {
  const { run } = exercise;
  const request: RunRequest = { code, filename: run.filename };
  if (run.setup) request.setup = run.setup;
  if (run.limits && Object.keys(run.limits).length > 0) request.limits = { ...run.limits };
  if (run.seed !== undefined) request.seed = run.seed;
  return request;
}

export async function checkAttempt(attempt: ExerciseAttempt, run: RunFunction): Promise<CheckedAttempt> {
  const { exercise, code } = attempt;
  const base = exerciseRequest(exercise, code);

  let profile: ProfileSummary | undefined;
  let profiledRun: RunResult | undefined;
  if (exercise.profile) {
    const profiled = await run({ ...base, profile: { kind: 'deterministic', builtins: true } });
    const failed = runFailure(profiled);
    if (failed) return { check: failed, result: profiled, shown: profiled };
    if (!profiled.profile) {
      return {
        check: { passed: false, outcome: 'no-check', message: 'Not checked: this exercise needs the profiler, which did not record anything.' },
        result: profiled,
        shown: profiled,
      };
    }
    profile = summariseProfile(profiled.profile);
    profiledRun = profiled;
  }

  const source = checkScript(
    { check: exercise.check, code, starter: exercise.starter, answer: attempt.answer, profile },
    makeNonce(),
  );
  const result = await run({ ...base, after: { filename: CHECK_FILENAME, source } });
  return { check: checkResultOf(result), result, shown: profiledRun ?? result };
}
