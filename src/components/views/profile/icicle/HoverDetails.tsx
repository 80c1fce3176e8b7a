/** SnakeViz's info panel: the box under the pointer (or keyboard focus), in words. */
import type { Profile } from '../../../../sandbox/types';
import type { PartitionCell } from '../../../../sandbox/profile/layout/partition';
import { formatInScale, formatPercent, formatCount, profileTimeScale } from '../common/format';
import { location, shortName } from '../common/frame-text';

export function HoverDetails({ cell, profile, zoomTotalMs }: { cell?: PartitionCell; profile: Profile; zoomTotalMs: number }) {
  if (!cell) {
    return <p className="wb-prof-hover wb-prof-hover-empty">Point at a box (or focus it with the arrow keys) for details.</p>;
  }
  const frame = profile.frames[cell.frame];
  const total = profile.root.totalMs || 1;
  // The run's unit, so that moving from box to box never switches between ms and s.
  const scale = profileTimeScale(profile);
  return (
    <dl className="wb-prof-hover" aria-live="polite">
      <div>
        <dt>Function</dt>
        <dd>
          {shortName(frame)}
          {cell.kind === 'self' ? ' [self]' : ''}
          {frame.builtin ? ' (built-in)' : ''}
        </dd>
      </div>
      <div>
        <dt>{cell.kind === 'self' ? 'Own time' : 'Cumulative'}</dt>
        <dd>
          {formatInScale(cell.totalMs, scale)} · {formatPercent(cell.totalMs / total)} of the run
          {zoomTotalMs !== total ? ` · ${formatPercent(cell.totalMs / (zoomTotalMs || 1))} of the view` : ''}
        </dd>
      </div>
      {cell.kind === 'call' && (
        <div>
          <dt>Own time</dt>
          <dd>{formatInScale(cell.selfMs, scale)}</dd>
        </div>
      )}
      <div>
        <dt>Calls</dt>
        <dd>{formatCount(cell.calls)}</dd>
      </div>
      <div>
        <dt>Where</dt>
        <dd>{location(frame)}</dd>
      </div>
    </dl>
  );
}
