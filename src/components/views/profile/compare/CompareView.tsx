/**
 * Compare with the previous run (none of the Python tools does this): a summary
 * line ("2.4× faster overall; prepY 10× fewer calls") and, per function, Δ time,
 * Δ calls and speed-up, coloured (green faster, red slower) and also marked in
 * words so the colour is never the only signal; then the differential flame graph.
 */
import { useMemo, useState } from 'react';
import type { ViewProps } from '../../types';
import { diffProfiles, type DiffRow } from '../common/processors';
import { formatCount, formatDeltaInScale, formatInScale, formatRatio, timeScale, type TimeScale } from '../common/format';
import { ExportBar } from '../exports/ExportBar';
import { frameLocation } from '../../../../sandbox/profile/model';
import { DiffFlame } from './DiffFlame';

const TOP = 25;

function signed(ms: number, scale: TimeScale): string {
  return Math.abs(ms) < 1e-6 ? '±0' : formatDeltaInScale(ms, scale);
}
function signedCount(n: number): string {
  return n === 0 ? '±0' : `${n > 0 ? '+' : '−'}${formatCount(Math.abs(n))}`;
}
function trend(row: DiffRow): 'faster' | 'slower' | 'same' | 'new' | 'gone' {
  if (!row.before) return 'new';
  if (!row.after) return 'gone';
  if (row.speedup === undefined || Math.abs(row.speedup - 1) < 0.05) return 'same';
  return row.speedup > 1 ? 'faster' : 'slower';
}

export function CompareView({ result, previous, cellId }: ViewProps) {
  const [showAll, setShowAll] = useState(false);
  const profile = result.profile!;
  const before = previous?.profile;
  const diff = useMemo(() => (before ? diffProfiles(before, profile) : undefined), [before, profile]);
  if (!before || !diff) {
    return (
      <div className="wb-prof wb-prof-compare">
        <p className="wb-view-empty">
          Edit the code and run the cell again: this tab then compares the new run with the one before it.
        </p>
        <ExportBar profile={profile} cellId={cellId} />
      </div>
    );
  }
  const rows = showAll ? diff.rows : diff.rows.slice(0, TOP);
  // Both runs in one unit, chosen from the longer one.
  const scale = timeScale(Math.max(diff.summary.beforeMs, diff.summary.afterMs));
  return (
    <div className="wb-prof wb-prof-compare">
      <p className="wb-compare-summary" data-testid="compare-summary" data-trend={(diff.summary.speedup ?? 1) >= 1 ? 'faster' : 'slower'}>
        <strong>{diff.headline}</strong> ({formatInScale(diff.summary.beforeMs, scale)} → {formatInScale(diff.summary.afterMs, scale)})
      </p>
      <div className="wb-stats-scroll">
        <table className="wb-compare-table">
          <caption className="wb-visually-hidden">Change per function from the previous run to this one, biggest change in time first; times in {scale.name}</caption>
          <thead>
            <tr>
              <th scope="col">function</th>
              <th scope="col" className="wb-num">calls before → after</th>
              <th scope="col" className="wb-num">Δ calls</th>
              <th scope="col" className="wb-num">Δ own time</th>
              <th scope="col" className="wb-num">Δ cumulative</th>
              <th scope="col" className="wb-num">speed-up</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const t = trend(row);
              return (
                <tr key={row.key} data-trend={t} data-builtin={row.builtin || undefined} data-name={row.name}>
                  <th scope="row">
                    {row.builtin ? <span className="wb-builtin-tag">built-in</span> : null} {row.name}
                    {!row.builtin && row.after ? <span className="wb-stats-file"> {frameLocation(profile.frames[row.after.frame])}</span> : null}
                  </th>
                  <td className="wb-num">
                    {row.before ? formatCount(row.before.calls) : '—'} → {row.after ? formatCount(row.after.calls) : '—'}
                  </td>
                  <td className="wb-num">{signedCount(row.deltaCalls)}</td>
                  <td className="wb-num">{signed(row.deltaSelfMs, scale)}</td>
                  <td className="wb-num">{signed(row.deltaTotalMs, scale)}</td>
                  <td className="wb-num wb-compare-speedup">
                    {t === 'new' ? 'new' : t === 'gone' ? 'gone' : row.speedup === undefined ? '—' : row.speedup >= 1 ? `${formatRatio(row.speedup)} faster` : `${formatRatio(1 / row.speedup)} slower`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {diff.rows.length > TOP && (
        <button type="button" onClick={() => setShowAll((v) => !v)}>
          {showAll ? `Show the top ${TOP} only` : `Show all ${diff.rows.length}`}
        </button>
      )}
      <DiffFlame before={before} after={profile} scale={scale} />
      <ExportBar profile={profile} cellId={cellId} />
    </div>
  );
}
