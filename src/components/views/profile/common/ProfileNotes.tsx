/**
 * The lines every profile view shows above its chart: which profiler, how much
 * of the time was simulated, and whether the run ended early (a partial profile).
 */
import type { Profile } from '../../../../sandbox/types';
import { formatInScale, profileTimeScale } from './format';
import { callPathsNote } from './processors';

export function ProfileNotes({ profile }: { profile: Profile }) {
  const { meta } = profile;
  if (meta.source) return <ImportedNotes profile={profile} />;
  const scale = profileTimeScale(profile);
  return (
    <p className="wb-prof-notes">
      <span>{meta.kind === 'sampling' ? `Sampling profiler, every ${meta.intervalMs ?? 1} ms` : 'Deterministic profiler'}</span>
      {' · '}
      <span>
        {formatInScale(meta.wallMs, scale)} on the instrumented clock
        {meta.simulatedMs > 0 ? `, of which ${formatInScale(meta.simulatedMs, scale)} simulated by sleep()` : ''}
      </span>
      {meta.partial && (
        <>
          {' · '}
          <strong className="wb-prof-partial">Partial: the run ended early, so the figures stop where it stopped.</strong>
        </>
      )}
      {meta.callPathsCapped !== undefined && (
        <>
          {' · '}
          <strong className="wb-prof-partial">The run had {callPathsNote(meta.callPathsCapped)}.</strong>
        </>
      )}
    </p>
  );
}

/** A profile opened from a file: its format, its total, and what the format lacks (meta.note). */
function ImportedNotes({ profile }: { profile: Profile }) {
  const { meta } = profile;
  return (
    <p className="wb-prof-notes" data-imported={meta.source}>
      <span>
        {meta.kind === 'sampling' ? `Sampling profile (${meta.sampleCount ?? 0} samples)` : 'Deterministic profile'} read from a {meta.source} file
      </span>
      {' · '}
      <span>{formatInScale(meta.wallMs, profileTimeScale(profile))} in total</span>
      {meta.note && (
        <>
          {' · '}
          <span className="wb-prof-imported-note">{meta.note}</span>
        </>
      )}
    </p>
  );
}
