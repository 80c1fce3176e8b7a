/**
 * The check tool: plugs exercise checks into a run (see engine/tool.ts).
 * Active only when the request's `after` script is a check script (script.ts).
 * Host functions: the verdict (accepted only with this run's nonce) and the
 * current heap size. finish() turns the verdict and the run's ending into
 * RunResult.check, a CheckResult.
 */
import type { HostEnv, SandboxTool } from '../engine/tool';
import type { RunResult } from '../types';
import { CHECK_PRELUDE } from './prelude';
import { nonceOf } from './script';
import { judge, type RecordedVerdict } from './verdict';

// Per-run state, keyed by the env the engine passes to hostFunctions() and finish().
const verdicts = new WeakMap<HostEnv, { verdict?: RecordedVerdict }>();

const KINDS = new Set(['pass', 'fail', 'error', 'none']);

export const checkTool: SandboxTool = {
  id: 'check',
  wants: (request) => nonceOf(request.after?.source) !== undefined,

  prelude: () => CHECK_PRELUDE,

  hostFunctions(env) {
    const nonce = nonceOf(env.request.after?.source);
    const state: { verdict?: RecordedVerdict } = {};
    verdicts.set(env, state);
    return {
      check_verdict(given, kind, message) {
        if (nonce === undefined || given !== nonce || typeof kind !== 'string' || !KINDS.has(kind)) return false;
        const text = typeof message === 'string' ? message.slice(0, 2000) : '';
        const previous = state.verdict;
        // A throw always wins (a check that passes and then throws has failed); otherwise the first verdict stands.
        if (kind === 'error' || !previous || previous.kind === 'none') {
          if (!(kind === 'none' && previous)) state.verdict = { kind: kind as RecordedVerdict['kind'], message: text };
        }
        return true;
      },
      check_heap: () => env.memoryUsage().heapBytes,
    };
  },

  finish(_raw, result: RunResult, env): Partial<RunResult> {
    // The check ran (this tool was active) but never settled, e.g. it awaited forever: no verdict.
    return { check: judge(result, verdicts.get(env)?.verdict ?? { kind: 'none', message: '' }) };
  },
};
