/**
 * The one-line time summary under the console, in the spirit of the `time`
 * command: real time, the CPU time (or, without a CPU clock, busy time), the part that sleep()
 * simulated, and how fine the clock was.
 */
import type { Timing } from '../../../sandbox/types';
import { cpuLabel } from '../../../sandbox/cpu-label';
import { formatInScale, formatResolution, timingScale } from './format-time';

export function TimeSummary({ timing }: { timing: Timing }) {
  const scale = timingScale(timing);
  return (
    <div className="wb-console-time" aria-label="Time">
      <span>real {formatInScale(timing.wallMs, scale)}</span>
      <span title={cpuLabel(timing.cpuKind).meaning}>{cpuLabel(timing.cpuKind).short} {formatInScale(timing.cpuMs, scale)}</span>
      <span>simulated {formatInScale(timing.simulatedMs, scale)}</span>
      <span>timer resolution {formatResolution(timing.resolutionMs)}</span>
    </div>
  );
}
