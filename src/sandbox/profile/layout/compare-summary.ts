/**
 * The comparison's one-line headline, built from the diff processor's output:
 * the overall speed-up and the function whose call count changed the most,
 * e.g. "2.4× faster overall; prepY 10× fewer calls".
 */
import type { ProfileDiff } from '../diff';

function ratio(x: number): string {
  return `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}×`;
}

export function compareHeadline(diff: ProfileDiff): string {
  const speedup = diff.summary.speedup;
  const parts = [
    speedup === undefined
      ? 'no time to compare'
      : Math.abs(speedup - 1) < 0.05
        ? 'about as fast overall'
        : speedup > 1
          ? `${ratio(speedup)} faster overall`
          : `${ratio(1 / speedup)} slower overall`,
  ];
  const changed = diff.rows
    .filter((row) => row.before && row.after && row.before.calls > 0 && row.after.calls > 0 && row.name !== '<module>')
    .map((row) => ({ row, change: row.before!.calls / row.after!.calls }))
    .filter(({ change }) => change >= 2 || change <= 0.5)
    .sort((p, q) => Math.abs(Math.log(q.change)) - Math.abs(Math.log(p.change)) || q.row.before!.calls - p.row.before!.calls);
  const top = changed[0];
  if (top) parts.push(top.change > 1 ? `${top.row.name} ${ratio(top.change)} fewer calls` : `${top.row.name} ${ratio(1 / top.change)} more calls`);
  const newOnes = diff.rows.filter((row) => !row.before && row.after && !row.builtin).length;
  const goneOnes = diff.rows.filter((row) => row.before && !row.after && !row.builtin).length;
  if (newOnes) parts.push(`${newOnes} new function${newOnes === 1 ? '' : 's'}`);
  if (goneOnes) parts.push(`${goneOnes} function${goneOnes === 1 ? '' : 's'} gone`);
  return parts.join('; ');
}
