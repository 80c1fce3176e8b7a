/**
 * SnakeViz's view: an icicle or a sunburst (switchable), sized by time, one
 * colour per function; click to zoom into a subtree, a breadcrumb back up; depth
 * and cutoff controls; search that highlights; hover details; and the stats table
 * beside it, linked both ways (hover a row lights its boxes, click a box selects
 * its row, click a row zooms to that function's heaviest call path).
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { SplitHandle } from '../common/SplitHandle';
import type { ViewProps } from '../../types';
import { layoutPartition, type PartitionCell } from '../../../../sandbox/profile/layout/partition';
import { parentId, ROOT_ID } from '../../../../sandbox/profile/layout/node-path';
import { heaviestPathTo } from '../../../../sandbox/profile/layout/heaviest-path';
import { ProfileNotes } from '../common/ProfileNotes';
import { ExportBar } from '../exports/ExportBar';
import { IcicleChart } from './IcicleChart';
import { SunburstChart } from './SunburstChart';
import { HoverDetails } from './HoverDetails';
import { StatsTable } from '../table/StatsTable';

const DEPTHS = [3, 5, 10, 15, 20];
const CUTOFFS: Array<{ value: number; label: string }> = [
  { value: 0.001, label: '1/1000' },
  { value: 0.01, label: '1/100' },
  { value: 0, label: 'none' },
];
/** Boxes narrower than this share of the zoom root are not drawn (under a pixel). */
const MIN_WIDTH = 0.0008;

export function IcicleView({ result, cellId, expanded }: ViewProps) {
  const profile = result.profile!;
  const [mode, setMode] = useState<'icicle' | 'sunburst'>('icicle');
  const [rootId, setRootId] = useState(ROOT_ID);
  const [depth, setDepth] = useState(10);
  const [cutoff, setCutoff] = useState(0.001);
  const [search, setSearch] = useState('');
  const [hover, setHover] = useState<PartitionCell | undefined>();
  const [rowHover, setRowHover] = useState<number | undefined>();
  const [selectedFrame, setSelectedFrame] = useState<number | undefined>();
  // In the expanded inspector the chart sits above its table; the learner drags the split.
  const [chartHeight, setChartHeight] = useState(() => (typeof window === 'undefined' ? 400 : Math.round(window.innerHeight * 0.45)));
  const [focusKey, setFocusKey] = useState<string | undefined>();
  const query = useDeferredValue(search.trim().toLowerCase());

  const layout = useMemo(
    () => layoutPartition(profile, { rootId, maxDepth: depth, cutoff, minWidth: MIN_WIDTH }),
    [profile, rootId, depth, cutoff],
  );
  const matches = useMemo(() => {
    const found = new Set<number>();
    if (query) profile.frames.forEach((frame, index) => frame.name.toLowerCase().includes(query) && found.add(index));
    return found;
  }, [profile, query]);
  const visibleMatches = useMemo(() => layout.cells.filter((cell) => matches.has(cell.frame)).length, [layout, matches]);

  const chartProps = {
    layout,
    frames: profile.frames,
    matches,
    hotFrame: rowHover ?? hover?.frame,
    focusKey,
    onFocusKey: setFocusKey,
    onHover: setHover,
    onActivate: (cell: PartitionCell) => {
      setSelectedFrame(cell.frame);
      if (cell.kind === 'call' && cell.nodeId !== layout.rootId) setRootId(cell.nodeId);
    },
    onZoomOut: () => setRootId((id) => (id === ROOT_ID ? id : parentId(id))),
  };

  return (
    <div className="wb-prof wb-prof-icicle" data-mode={mode}>
      <ProfileNotes profile={profile} />
      <div className="wb-prof-controls" role="group" aria-label="Chart controls">
        <div className="wb-prof-switch" role="radiogroup" aria-label="Chart style">
          {(['icicle', 'sunburst'] as const).map((value) => (
            <label key={value}>
              <input type="radio" name={`${cellId}-chart-style`} checked={mode === value} onChange={() => setMode(value)} />
              {value === 'icicle' ? 'Icicle' : 'Sunburst'}
            </label>
          ))}
        </div>
        <label>
          Depth{' '}
          <select value={depth} onChange={(event) => setDepth(Number(event.target.value))}>
            {DEPTHS.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
        <label>
          Cutoff{' '}
          <select value={cutoff} onChange={(event) => setCutoff(Number(event.target.value))}>
            {CUTOFFS.map(({ value, label }) => (
              <option key={label} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="wb-prof-search">
          Search{' '}
          <input type="search" value={search} placeholder="function name" onChange={(event) => setSearch(event.target.value)} />
        </label>
        {query && (
          <span className="wb-prof-match-count" role="status">
            {visibleMatches} {visibleMatches === 1 ? 'box matches' : 'boxes match'}
          </span>
        )}
      </div>
      <nav className="wb-prof-breadcrumb" aria-label="Zoom path">
        <ol>
          {layout.trail.map((step, index) => {
            const last = index === layout.trail.length - 1;
            return (
              <li key={step.nodeId || 'root'}>
                <button type="button" aria-current={last ? 'location' : undefined} disabled={last} onClick={() => setRootId(step.nodeId)}>
                  {profile.frames[step.frame].name}
                </button>
              </li>
            );
          })}
        </ol>
        {layout.rootId !== ROOT_ID && (
          <button type="button" className="wb-prof-reset" onClick={() => setRootId(ROOT_ID)}>
            Reset zoom
          </button>
        )}
      </nav>
      <div className="wb-prof-split">
        <div className="wb-prof-chart" style={expanded ? { height: `${chartHeight}px` } : undefined}>
          {mode === 'icicle' ? <IcicleChart {...chartProps} /> : <SunburstChart {...chartProps} />}
          <HoverDetails cell={hover} profile={profile} zoomTotalMs={layout.totalMs} />
        </div>
        {expanded && <SplitHandle height={chartHeight} onChange={setChartHeight} />}
        <StatsTable
          profile={profile}
          compact
          caption="Functions (linked to the chart)"
          selectedFrame={selectedFrame}
          onRowHover={setRowHover}
          onRowSelect={(frame) => {
            setSelectedFrame(frame);
            const path = heaviestPathTo(profile.root, frame);
            if (path !== undefined) setRootId(path);
          }}
        />
      </div>
      <ExportBar profile={profile} cellId={cellId} />
    </div>
  );
}
