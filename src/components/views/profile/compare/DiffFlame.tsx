/**
 * The differential flame graph of Compare runs: this run's icicle, each box
 * coloured by how its call path's time changed since the previous run (red took
 * longer, blue took less, pale about the same, as in Brendan Gregg's
 * differential flame graphs). Every box also says its change in words, and the
 * details line gives the two times, so colour is never the only signal.
 */
import { useMemo, useState } from 'react';
import type { Profile } from '../../../../sandbox/types';
import { layoutPartition, type PartitionCell } from '../../../../sandbox/profile/layout/partition';
import { parentId, ROOT_ID } from '../../../../sandbox/profile/layout/node-path';
import { boxChanges, type BoxChange } from '../common/processors';
import { formatInScale, type TimeScale } from '../common/format';
import { shortName } from '../common/frame-text';
import { IcicleChart } from '../icicle/IcicleChart';

/** Boxes narrower than this share of the zoom root are not drawn (under a pixel). */
const MIN_WIDTH = 0.0008;

function words(change: BoxChange, scale: TimeScale): string {
  if (change.direction === 'new') return `new in this run (${formatInScale(change.afterMs, scale)})`;
  const times = `${formatInScale(change.beforeMs, scale)} → ${formatInScale(change.afterMs, scale)}`;
  if (change.direction === 'same') return `about the same (${times})`;
  return `${change.direction} (${times})`;
}

export function DiffFlame({ before, after, scale }: { before: Profile; after: Profile; scale: TimeScale }) {
  const [rootId, setRootId] = useState(ROOT_ID);
  const [focusKey, setFocusKey] = useState<string | undefined>();
  const [hover, setHover] = useState<PartitionCell | undefined>();
  const layout = useMemo(() => layoutPartition(after, { rootId, maxDepth: 10, minWidth: MIN_WIDTH }), [after, rootId]);
  const changes = useMemo(() => boxChanges(before, after, layout.cells), [before, after, layout]);
  const hovered = hover && changes.get(hover.key);
  return (
    <section className="wb-diff-flame" aria-label="Differential flame graph: this run's calls, coloured by their change since the previous run">
      <p className="wb-diff-flame-legend">
        Width: this run's time. Colour: the change since the previous run, <span data-change="slower">red took longer</span>,{' '}
        <span data-change="faster">blue took less</span>, <span data-change="same">pale about the same</span>,{' '}
        <span data-change="new">purple is new</span>. Click a box to zoom in; Escape zooms out.
      </p>
      <IcicleChart
        layout={layout}
        frames={after.frames}
        matches={new Set()}
        hotFrame={hover?.frame}
        focusKey={focusKey}
        onFocusKey={setFocusKey}
        onHover={setHover}
        onActivate={(cell) => cell.kind === 'call' && cell.key !== layout.rootId && setRootId(cell.nodeId)}
        onZoomOut={() => setRootId(rootId === ROOT_ID ? ROOT_ID : parentId(rootId))}
        changeOf={(cell) => {
          const change = changes.get(cell.key);
          return change && { direction: change.direction, strength: change.strength, words: words(change, scale) };
        }}
      />
      <p className="wb-prof-hover" aria-live="polite">
        {hover && hovered
          ? `${shortName(after.frames[hover.frame])}${hover.kind === 'self' ? ' [self]' : ''}: ${words(hovered, scale)}`
          : 'Point at a box (or focus it with the arrow keys) for its time in both runs.'}
      </p>
    </section>
  );
}
