/**
 * A result made on the page rather than by the sandbox: a run cancelled
 * before it started, or a sandbox that failed to answer. Views render it
 * like any other result.
 */
import type { RunResult, RunStatus } from '../../sandbox/types';

export function syntheticResult(status: RunStatus, systemMessage?: string): RunResult {
  return {
    status,
    console: systemMessage ? [{ level: 'system', text: systemMessage, at: 0 }] : [],
    outputTruncated: false,
    timing: { wallMs: 0, cpuMs: 0, simulatedMs: 0, resolutionMs: 0 },
  };
}
