/**
 * The `time` view: wall versus CPU time, like the shell's `time` command,
 * plus the simulated part (sleep) and the clock's resolution. When the cell
 * ran before, the previous figures sit beside the new ones.
 */
import type { Timing } from '../../../sandbox/types';
import { cpuLabel } from '../../../sandbox/cpu-label';
import type { ViewProps } from '../types';
import { formatDeltaInScale, formatInScale, formatResolution, timingScale, type TimeScale } from './format-time';

type TimingFigure = 'wallMs' | 'cpuMs' | 'simulatedMs' | 'resolutionMs';

/** The rows; the CPU row is named for what this run could measure (cpuKind). */
function rows(timing: Timing): Array<{ key: TimingFigure; label: string; hint: string }> {
  const cpu = cpuLabel(timing.cpuKind);
  return [
    { key: 'wallMs', label: 'real', hint: 'clock time from start to end, sleep included' },
    { key: 'cpuMs', label: cpu.short, hint: cpu.meaning },
    { key: 'simulatedMs', label: 'simulated', hint: 'time that sleep() and timers skipped ahead' },
    { key: 'resolutionMs', label: 'timer resolution', hint: 'the smallest step the clock can measure' },
  ];
}

function cell(key: TimingFigure, timing: Timing, scale: TimeScale): string {
  return key === 'resolutionMs' ? formatResolution(timing[key]) : formatInScale(timing[key], scale);
}

export function TimeView({ result, previous }: ViewProps) {
  const before = previous?.timing;
  const scale = timingScale(result.timing, before);
  return (
    <div className="wb-time">
      <table className="wb-time-table">
        <caption className="wb-visually-hidden">Time of this run{before ? ' compared with the previous run' : ''}</caption>
        <thead>
          <tr>
            <th scope="col">measure</th>
            <th scope="col">this run</th>
            {before && <th scope="col">previous run</th>}
            {before && <th scope="col">change</th>}
            <th scope="col" className="wb-time-hint-col">meaning</th>
          </tr>
        </thead>
        <tbody>
          {rows(result.timing).map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td className="wb-num">{cell(row.key, result.timing, scale)}</td>
              {before && <td className="wb-num">{cell(row.key, before, scale)}</td>}
              {before && (
                <td className="wb-num">{row.key === 'resolutionMs' ? '' : formatDeltaInScale(result.timing[row.key] - before[row.key], scale)}</td>
              )}
              <td className="wb-time-hint-col">{row.hint}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="wb-time-note">
        {(result.timing.cpuKind ?? 'busy') === 'busy'
          ? 'Real time is busy time plus simulated time: a program that mostly waits has a large real time and a small busy time. This page has no CPU clock: busy time also counts moments the machine gave to other programs.'
          : 'Real time is at least CPU time plus simulated time: a program that mostly waits has a large real time and a small CPU time.'}
      </p>
    </div>
  );
}
