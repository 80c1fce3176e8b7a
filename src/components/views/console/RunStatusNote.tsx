/**
 * Why a run ended early, in a learner's words. A limit names itself and says
 * how to raise it (the engine writes that sentence in result.limitHit); the
 * other endings get a sentence here.
 */
import type { LimitHit, RunResult } from '../../../sandbox/types';
import { nextLimit, type RaisableLimit } from '../../../sandbox/engine/limits';
import { RAISE_LIMIT_EVENT, type RaiseLimitDetail } from './raise-limit-event';

const FALLBACK: Partial<Record<RunResult['status'], string>> = {
  stopped: 'Stopped: you ended this run before it finished. Press Run to start again.',
  crashed: 'The sandbox crashed during this run and was replaced by a fresh one. Press Run to try again.',
  timeout: 'The run took longer than its time limit and was interrupted.',
  'out-of-memory': 'The run used more memory than its limit allows and was stopped.',
  'stack-overflow': 'The call stack grew past its limit (runaway recursion?) and the run was stopped.',
  'output-limit': 'The run printed more than the console keeps, so it was ended.',
};

export function RunStatusNote({ result }: { result: RunResult }) {
  // A sandbox failure already explains itself in the error block (e.g. the engine could not load).
  if (result.status === 'crashed' && result.error?.name === 'SandboxError') return null;
  const message = result.limitHit?.message ?? FALLBACK[result.status];
  if (!message) return null;
  const kind = result.limitHit ? 'limit' : result.status;
  return (
    <div className="wb-console-status" data-kind={kind} role="note">
      {message}
      {result.limitHit && <RaiseLimitButton hit={result.limitHit} />}
    </div>
  );
}

/** Raising a limit is one click on the page (up to the caps), not an edit of hidden cell options. */
function RaiseLimitButton({ hit }: { hit: LimitHit }) {
  if (hit.limit !== 'timeoutMs' && hit.limit !== 'memoryBytes') return null;
  const limit: RaisableLimit = hit.limit;
  const value = nextLimit(limit, hit.value);
  if (value === undefined) return <> This is the most the page allows.</>;
  const label = limit === 'timeoutMs' ? `Run again with a ${value / 1000} s limit` : `Run again with ${Math.round(value / 1048576)} MB`;
  return (
    <>
      {' '}
      <button
        type="button"
        className="wb-raise-limit"
        onClick={(event) =>
          event.currentTarget.dispatchEvent(new CustomEvent<RaiseLimitDetail>(RAISE_LIMIT_EVENT, { bubbles: true, detail: { limit, value } }))
        }
      >
        {label}
      </button>
    </>
  );
}
