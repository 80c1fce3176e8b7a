/**
 * The cProfile table: pstats' six columns with its per-call rules, a sortable
 * header (click or Enter/Space, aria-sort), built-ins marked, a filter box, the
 * top N rows with "show all", and a row's callers and callees on click.
 * Used full size by the `profile` view and compact beside the icicle.
 */
import { requestSource } from '../../source-link';
import { Fragment, useDeferredValue, useMemo, useState, type KeyboardEvent } from 'react';
import type { Profile } from '../../../../sandbox/types';
import { callersAndCallees, samplingSummary, statsRows, statsSummary, type SortKey, type StatsRow } from '../common/processors';
import { defaultTableUnit, formatCount, formatTableTime, type TimeUnit } from '../common/format';
import { locatedName, shortName } from '../common/frame-text';
import { PartnersPanel } from './PartnersPanel';

interface Column {
  key: SortKey;
  label: string;
  title: string;
  numeric: boolean;
}

export const COLUMNS: Column[] = [
  { key: 'calls', label: 'ncalls', title: 'number of calls (total/primitive when recursive)', numeric: true },
  { key: 'tottime', label: 'tottime', title: 'time in the function itself, callees excluded', numeric: true },
  { key: 'percall-self', label: 'percall', title: 'tottime divided by ncalls', numeric: true },
  { key: 'cumtime', label: 'cumtime', title: 'time in the function and everything it called', numeric: true },
  { key: 'percall-total', label: 'percall', title: 'cumtime divided by primitive calls', numeric: true },
  { key: 'nfl', label: 'filename:lineno(function)', title: 'where the function is defined', numeric: false },
];

/**
 * A sampling profiler knows how often a function was on the stack, not how
 * often it was called: its table shows samples and times, as pyinstrument
 * does, and no call counts it cannot know.
 */
export const SAMPLING_COLUMNS: Column[] = [
  { key: 'samples', label: 'samples', title: 'samples whose stack passed through the function', numeric: true },
  { key: 'tottime', label: 'own time', title: 'time in the function itself (its share of the samples × the interval)', numeric: true },
  { key: 'cumtime', label: 'total time', title: 'time in the function and everything it called', numeric: true },
  { key: 'nfl', label: 'filename:lineno(function)', title: 'where the function is defined', numeric: false },
];

/** The header line: pstats' for call-counting profiles, pyinstrument's for sampled ones. */
export function tableHeader(profile: Profile, summary: { calls: number; primitiveCalls: number; totalMs: number }): string {
  const seconds = (summary.totalMs / 1000).toFixed(3);
  if (profile.meta.kind === 'sampling') return samplingSummary(profile.meta, profile.root.samples, summary.totalMs);
  return summary.calls === summary.primitiveCalls
    ? `${formatCount(summary.calls)} function calls in ${seconds} seconds`
    : `${formatCount(summary.calls)} function calls (${formatCount(summary.primitiveCalls)} primitive calls) in ${seconds} seconds`;
}

const DEFAULT_TOP = 25;

export interface StatsTableProps {
  profile: Profile;
  caption?: string;
  compact?: boolean;
  defaultSort?: SortKey;
  selectedFrame?: number;
  onRowHover?(frame: number | undefined): void;
  onRowSelect?(frame: number): void;
  /** Static HTML at build time: every row up to the cap, no callers panel. */
  recorded?: boolean;
}

export function ncallsText(row: Pick<StatsRow, 'calls' | 'primitiveCalls'>): string {
  return row.calls === row.primitiveCalls ? String(row.calls) : `${row.calls}/${row.primitiveCalls}`;
}

export function StatsTable(props: StatsTableProps) {
  const { profile, compact, onRowHover, onRowSelect } = props;
  const [sort, setSort] = useState<{ key: SortKey; reverse: boolean }>({ key: props.defaultSort ?? 'tottime', reverse: false });
  const [filter, setFilter] = useState('');
  const [showAll, setShowAll] = useState(false);
  const [unit, setUnit] = useState<TimeUnit>(() => defaultTableUnit(profile));
  const [openFrame, setOpenFrame] = useState<number | undefined>();
  const query = useDeferredValue(filter.trim().toLowerCase());

  const rows = useMemo(() => statsRows(profile, sort.key, sort.reverse), [profile, sort]);
  const summary = useMemo(() => statsSummary(rows), [rows]);
  const filtered = useMemo(
    () => (query ? rows.filter((row) => locatedName(profile.frames[row.frame]).toLowerCase().includes(query)) : rows),
    [rows, query, profile],
  );
  const top = compact ? 15 : DEFAULT_TOP;
  const shown = showAll ? filtered : filtered.slice(0, top);
  const selected = props.selectedFrame ?? openFrame;

  function sortBy(key: SortKey) {
    setSort((current) => (current.key === key ? { key, reverse: !current.reverse } : { key, reverse: false }));
  }
  function ariaSort(key: SortKey): 'ascending' | 'descending' | 'none' {
    if (sort.key !== key) return 'none';
    const ascending = (key === 'nfl') !== sort.reverse;
    return ascending ? 'ascending' : 'descending';
  }
  function selectRow(frame: number, from?: EventTarget) {
    setOpenFrame((current) => (current === frame && !onRowSelect ? undefined : frame));
    onRowSelect?.(frame);
    requestSource(from, profile.frames[frame]);
  }
  function onRowKey(event: KeyboardEvent<HTMLTableRowElement>, frame: number) {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      selectRow(frame, event.currentTarget);
    }
  }

  const header = tableHeader(profile, summary);
  const sampled = profile.meta.kind === 'sampling';
  const columns = sampled ? SAMPLING_COLUMNS : COLUMNS;

  return (
    <div className="wb-stats" data-compact={compact || undefined}>
      <p className="wb-stats-header" data-testid="stats-header">
        {header}
      </p>
      <div className="wb-prof-controls">
        <label className="wb-prof-search">
          Filter{' '}
          <input type="search" value={filter} placeholder="name or file" onChange={(event) => setFilter(event.target.value)} />
        </label>
        <label>
          Unit{' '}
          <select value={unit} onChange={(event) => setUnit(event.target.value as TimeUnit)}>
            <option value="s">seconds (as cProfile)</option>
            <option value="ms">milliseconds</option>
          </select>
        </label>
      </div>
      <div className="wb-stats-scroll">
        <table className="wb-stats-table">
          <caption className="wb-visually-hidden">
            {props.caption ?? 'Profile table'}, ordered by {(columns.find((c) => c.key === sort.key) ?? COLUMNS.find((c) => c.key === sort.key))?.label ?? sort.key}
            {sort.reverse ? ' (reversed)' : ''}; times in {unit === 's' ? 'seconds' : 'milliseconds'}
          </caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={ariaSort(column.key)}
                  className={column.numeric ? 'wb-num' : undefined}
                  data-col={column.key}
                >
                  <button type="button" title={`Sort by ${column.title}`} onClick={() => sortBy(column.key)}>
                    {column.label}
                    <span className="wb-sort-mark" aria-hidden="true">
                      {ariaSort(column.key) === 'ascending' ? ' ▲' : ariaSort(column.key) === 'descending' ? ' ▼' : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const frame = profile.frames[row.frame];
              const open = !onRowSelect && openFrame === row.frame && !props.recorded;
              return (
                <Fragment key={row.frame}>
                  <tr
                    data-frame={row.frame}
                    data-builtin={frame.builtin || undefined}
                    // A plain table's rows may not carry aria-selected/aria-expanded (only grids may):
                    // the chosen row is the current one, and its open callers panel is the next row.
                    aria-current={selected === row.frame ? 'true' : undefined}
                    data-open={open || undefined}
                    tabIndex={props.recorded ? undefined : 0}
                    onClick={(event) => selectRow(row.frame, event.currentTarget)}
                    onKeyDown={(event) => onRowKey(event, row.frame)}
                    onPointerEnter={() => onRowHover?.(row.frame)}
                    onPointerLeave={() => onRowHover?.(undefined)}
                    onFocus={() => onRowHover?.(row.frame)}
                    onBlur={() => onRowHover?.(undefined)}
                  >
                    {sampled ? (
                      <>
                        <td className="wb-num">{formatCount(row.samples ?? 0)}</td>
                        <td className="wb-num">{formatTableTime(row.selfMs, unit)}</td>
                        <td className="wb-num">{formatTableTime(row.totalMs, unit)}</td>
                      </>
                    ) : (
                      <>
                        <td className="wb-num">{ncallsText(row)}</td>
                        <td className="wb-num">{formatTableTime(row.selfMs, unit)}</td>
                        <td className="wb-num">{formatTableTime(row.selfPerCall, unit)}</td>
                        <td className="wb-num">{formatTableTime(row.totalMs, unit)}</td>
                        <td className="wb-num">{formatTableTime(row.totalPerCall, unit)}</td>
                      </>
                    )}
                    <td className="wb-stats-name">
                      {frame.builtin ? (
                        <>
                          <span className="wb-builtin-tag">built-in</span> {locatedName(frame)}
                        </>
                      ) : (
                        <>
                          <span className="wb-stats-file">
                            {frame.file}:{frame.line}
                          </span>
                          ({shortName(frame)})
                        </>
                      )}
                    </td>
                  </tr>
                  {open && (
                    <tr className="wb-stats-partners-row">
                      <td colSpan={columns.length}>
                        <PartnersPanel profile={profile} frame={row.frame} partners={callersAndCallees(profile, row.frame)} unit={unit} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="wb-stats-footer">
        {filtered.length > shown.length ? (
          <>
            Showing the top {shown.length} of {filtered.length} functions.{' '}
            {!props.recorded && (
              <button type="button" onClick={() => setShowAll(true)}>
                Show all {filtered.length}
              </button>
            )}
          </>
        ) : showAll && filtered.length > top ? (
          <button type="button" onClick={() => setShowAll(false)}>
            Show the top {top} only
          </button>
        ) : (
          `${filtered.length} ${filtered.length === 1 ? 'function' : 'functions'}${query ? ' match the filter' : ''}.`
        )}
      </p>
    </div>
  );
}
