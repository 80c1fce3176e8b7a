/**
 * Checking on the page, loaded on the first "Check my answer": the shared
 * sandbox client, one run at a time with the cells (the page's run queue), and
 * the same checkAttempt() the tests use.
 */
import { enqueueRun, type Turn } from '../cell/run-queue';
import { sandboxClient } from '../cell/sandbox-access';
import { holdIdleWork } from '../cell/idle';
import { syntheticResult } from '../cell/synthetic-result';
import { checkAttempt, type CheckedAttempt } from '../../sandbox/exercises/run-exercise';
import type { ExerciseAttempt } from '../../sandbox/exercises/types';

export function checkInPage(attempt: ExerciseAttempt, turn: Turn): Promise<CheckedAttempt> {
  return checkAttempt(attempt, async (request) => {
    const sandbox = sandboxClient();
    // The page's idle work waits while the check runs (idle.ts).
    const release = holdIdleWork();
    return enqueueRun(turn, () => sandbox.run(request), () => syntheticResult('stopped')).finally(release);
  });
}

/** Stops a check: a waiting one gives up its turn, a running one stops the sandbox. */
export async function stopCheck(turn: Turn): Promise<void> {
  turn.cancelled = true;
  if (turn.started) sandboxClient().stop();
}
