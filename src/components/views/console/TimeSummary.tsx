/**
 * The one-line time summary under the console, in the spirit of the `time`
 * command: real time, the CPU time (or, without a CPU clock, busy time), the part that sleep()
 * simulated, and how fine the clock was.
 */
import type { Timing } from '../../../sandbox/types';
import { cpuLabel } from '../../../sandbox/cpu-label';
import { formatDuration, formatResolution } from './format-time';

export function TimeSummary({ timing }: { timing: Timing }) {
  return (
    <div className="wb-console-time" aria-label="Time">
      <span>real {formatDuration(timing.wallMs)}</span>
      <span title={cpuLabel(timing.cpuKind).meaning}>{cpuLabel(timing.cpuKind).short} {formatDuration(timing.cpuMs)}</span>
      <span>simulated {formatDuration(timing.simulatedMs)}</span>
      <span>timer resolution {formatResolution(timing.resolutionMs)}</span>
    </div>
  );
}
