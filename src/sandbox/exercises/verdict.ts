/**
 * Turns the end of a checked run into a CheckResult. The rule that matters:
 * only a run that finished normally AND whose check called pass() passes.
 * An error, a timeout, running out of memory, a Stop, a crash, a check that
 * threw or a check that never decided are all failures, each said plainly.
 */
import type { RunResult } from '../types';
import type { CheckResult } from './types';
import { CHECK_FILENAME } from './types';

/** What the check script reported through the host (first pass/fail wins; a throw always wins). */
export interface RecordedVerdict {
  kind: 'pass' | 'fail' | 'error' | 'none';
  message: string;
}

function where(result: RunResult): string {
  const at = result.error?.location;
  return at ? ` (line ${at.line} of ${at.file})` : '';
}

/** Why a run that did not end normally cannot count, in a learner's words. */
export function runFailure(result: Pick<RunResult, 'status' | 'error' | 'limitHit'>): CheckResult | undefined {
  if (result.status === 'error' && result.error?.location?.file === CHECK_FILENAME) {
    // The check itself does not compile or threw outside its body: the exercise is broken, not the learner's code.
    return {
      passed: false,
      outcome: 'check-error',
      message: `Not checked: the exercise's check is broken (${result.error.name}: ${result.error.message}, line ${result.error.location.line} of the check).`,
    };
  }
  const error = result.error ? `${result.error.name}: ${result.error.message}` : 'an error';
  const limit = result.limitHit?.message;
  const says: Partial<Record<RunResult['status'], string>> = {
    error: `Your code stopped with ${error}${where(result as RunResult)}, so it could not be checked. Fix the error and try again.`,
    timeout: `Not solved: the run did not finish in time. ${limit ?? ''}`.trim(),
    'out-of-memory': `Not solved: your code ran out of memory. ${limit ?? ''}`.trim(),
    'stack-overflow': `Not solved: your code overflowed the stack. ${limit ?? ''}`.trim(),
    'output-limit': `Not solved: your code printed too much. ${limit ?? ''}`.trim(),
    stopped: 'Not checked: the run was stopped before the check finished.',
    crashed: `Not checked: the sandbox crashed (${result.error?.message ?? 'no details'}). Try again.`,
  };
  if (result.status === 'ok') return undefined;
  return { passed: false, outcome: 'run-failed', message: says[result.status] ?? `Not solved: the run ended with "${result.status}".` };
}

export function judge(result: Pick<RunResult, 'status' | 'error' | 'limitHit'>, verdict: RecordedVerdict | undefined): CheckResult {
  const failedRun = runFailure(result);
  if (failedRun) return failedRun;
  if (!verdict) {
    return { passed: false, outcome: 'no-check', message: 'Not checked: the check did not run. Reload the page and try again.' };
  }
  switch (verdict.kind) {
    case 'pass':
      return { passed: true, outcome: 'passed', message: verdict.message || 'Solved.' };
    case 'fail':
      return { passed: false, outcome: 'failed', message: verdict.message || 'Not solved yet.' };
    case 'error':
      return {
        passed: false,
        outcome: 'check-error',
        message: `Not solved: checking your code stopped with ${verdict.message}.`,
      };
    default:
      return {
        passed: false,
        outcome: 'no-verdict',
        message: 'Not solved: the check reached no verdict, so this does not count. (The exercise may be broken; the author should make its check call pass() or fail().)',
      };
  }
}

/** The check result carried by a run, re-judged so a Stop or crash after the check can never pass. */
export function checkResultOf(result: RunResult): CheckResult {
  const failedRun = runFailure(result);
  if (failedRun) return failedRun;
  const carried = result.check as CheckResult | undefined;
  if (!carried || typeof carried.passed !== 'boolean' || typeof carried.message !== 'string') return judge(result, undefined);
  return carried;
}
