/** Checking exercises from Node (tests, CLI): the real engine with every tool and the check tool. */
import { runInSandbox } from '../engine/run';
import { ALL_TOOLS } from '../tools';
import type { RunRequest } from '../types';
import { checkAttempt, type CheckedAttempt } from './run-exercise';
import { checkTool } from './tool';
import type { CheckResult, ExerciseAttempt } from './types';

const tools = [...ALL_TOOLS.filter((tool) => tool.id !== checkTool.id), checkTool];

export const runWithCheckTool = (request: RunRequest) => runInSandbox(request, tools);

export async function runExercise(attempt: ExerciseAttempt): Promise<CheckResult> {
  return (await checkAttempt(attempt, runWithCheckTool)).check;
}

export function checkAttemptInNode(attempt: ExerciseAttempt): Promise<CheckedAttempt> {
  return checkAttempt(attempt, runWithCheckTool);
}
