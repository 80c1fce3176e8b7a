/**
 * pyinstrument's call tree: collapsible rows with total and own time, `[self]`
 * rows, built-in frames folded with a count, a hide-below threshold, expand all,
 * and the WAI-ARIA tree pattern (↑ ↓ move, → opens or steps in, ← closes or steps
 * out, Home/End, Enter toggles). Only the rows in view are mounted, so a
 * 5,000-node tree scrolls without freezing. "Copy as text" gives the CLI's text.
 */
import { requestSource } from '../../source-link';
import { useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type UIEvent } from 'react';
import type { ViewProps } from '../../types';
import { expandableKeys, treeRows, type TreeRow } from '../../../../sandbox/profile/layout/tree-rows';
import { treeText } from '../common/text';
import { shareBand } from '../../../../sandbox/profile/layout/colour';
import { ProfileNotes } from '../common/ProfileNotes';
import { ExportBar } from '../exports/ExportBar';
import { copyText } from '../exports/download';
import { formatInScale, formatPercent, profileTimeScale, type TimeScale } from '../common/format';
import { shortName } from '../common/frame-text';

const ROW = 26;
const VIEWPORT_ROWS = 18;
const OVERSCAN = 8;
const THRESHOLDS = [0, 0.001, 0.01, 0.05, 0.1];

export function CallTreeView({ result, cellId, recorded }: ViewProps) {
  const profile = result.profile!;
  const [hideBelow, setHideBelow] = useState(0.01);
  const [collapseBuiltins, setCollapseBuiltins] = useState(true);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [focusKey, setFocusKey] = useState<string>('');
  const [scrollTop, setScrollTop] = useState(0);
  const [copied, setCopied] = useState('');
  const viewport = useRef<HTMLDivElement>(null);

  const rows = useMemo(
    () => treeRows(profile, { minFraction: hideBelow, hideBuiltins: collapseBuiltins, collapsed }),
    [profile, hideBelow, collapseBuiltins, collapsed],
  );
  const index = useMemo(() => new Map(rows.map((row, i) => [row.key, i])), [rows]);
  const focusIndex = index.get(focusKey) ?? 0;
  const total = profile.root.totalMs || 1;
  const scale = useMemo(() => profileTimeScale(profile), [profile]);

  const virtual = !recorded && rows.length > VIEWPORT_ROWS + OVERSCAN;
  const first = virtual ? Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN) : 0;
  const last = virtual ? Math.min(rows.length, first + VIEWPORT_ROWS + OVERSCAN * 2) : Math.min(rows.length, 2_000);

  function toggle(row: TreeRow, open?: boolean) {
    if (!row.expandable) return;
    const want = open ?? !row.expanded;
    const update = (set: ReadonlySet<string>, add: boolean) => {
      const next = new Set(set);
      if (add) next.add(row.key);
      else next.delete(row.key);
      return next;
    };
    setCollapsed((set) => update(set, !want));
  }

  function moveTo(target: number) {
    const row = rows[Math.max(0, Math.min(rows.length - 1, target))];
    if (!row) return;
    setFocusKey(row.key);
    const element = viewport.current;
    const at = index.get(row.key)! * ROW;
    if (element && (at < element.scrollTop || at > element.scrollTop + element.clientHeight - ROW)) {
      element.scrollTop = at - element.clientHeight / 2;
      setScrollTop(element.scrollTop);
    }
    requestAnimationFrame(() =>
      viewport.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(row.key)}"]`)?.focus(),
    );
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const row = rows[focusIndex];
    if (!row) return;
    const parent = row.parentKey !== undefined ? index.get(row.parentKey) : undefined;
    const handled: Record<string, () => void> = {
      ArrowDown: () => moveTo(focusIndex + 1),
      ArrowUp: () => moveTo(focusIndex - 1),
      Home: () => moveTo(0),
      End: () => moveTo(rows.length - 1),
      ArrowRight: () => (row.expandable && !row.expanded ? toggle(row, true) : row.expanded ? moveTo(focusIndex + 1) : undefined),
      ArrowLeft: () => (row.expanded ? toggle(row, false) : parent !== undefined ? moveTo(parent) : undefined),
      Enter: () => {
        toggle(row);
        if (row.frame >= 0) requestSource(event.currentTarget, profile.frames[row.frame]);
      },
      ' ': () => toggle(row),
    };
    const action = handled[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  }

  async function copy() {
    const text = await treeText(profile, { minFraction: hideBelow, hideBuiltins: collapseBuiltins });
    setCopied((await copyText(text)) ? 'Copied the tree as text (as the CLI prints it).' : 'The browser refused the clipboard.');
  }

  return (
    <div className="wb-prof wb-prof-tree">
      <ProfileNotes profile={profile} />
      <p className="wb-prof-unit">Times in {scale.name}.</p>
      {!recorded && (
        <div className="wb-prof-controls" role="group" aria-label="Call tree controls">
          <label>
            Hide below{' '}
            <select value={hideBelow} onChange={(event) => setHideBelow(Number(event.target.value))}>
              {THRESHOLDS.map((value) => (
                <option key={value} value={value}>
                  {value === 0 ? 'nothing' : formatPercent(value, value < 0.01 ? 1 : 0)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input type="checkbox" checked={collapseBuiltins} onChange={(event) => setCollapseBuiltins(event.target.checked)} /> Fold
            built-in frames
          </label>
          <button
            type="button"
            onClick={() => setCollapsed(new Set())}
          >
            Expand all
          </button>
          <button
            type="button"
            onClick={() => setCollapsed(new Set(expandableKeys(profile, { minFraction: hideBelow, hideBuiltins: collapseBuiltins })))}
          >
            Collapse all
          </button>
          <button type="button" onClick={() => void copy()}>
            Copy as text
          </button>
          <span role="status">{copied}</span>
        </div>
      )}
      <div
        ref={viewport}
        className="wb-tree-viewport"
        data-virtual={virtual || undefined}
        style={virtual ? { height: VIEWPORT_ROWS * ROW } : undefined}
        onScroll={(event: UIEvent<HTMLDivElement>) => setScrollTop(event.currentTarget.scrollTop)}
      >
        <div
          role="tree"
          aria-label={`Call tree of ${profile.meta.filename}, times in ${scale.name}`}
          className="wb-tree"
          onKeyDown={onKeyDown}
          style={virtual ? { height: rows.length * ROW, position: 'relative' } : undefined}
        >
          {rows.slice(first, last).map((row, offset) => (
            <TreeRowView
              key={row.key}
              row={row}
              profile={profile}
              total={total}
              scale={scale}
              focused={first + offset === focusIndex}
              top={virtual ? (first + offset) * ROW : undefined}
              onToggle={(event) => {
                setFocusKey(row.key);
                toggle(row);
                if (row.frame >= 0) requestSource(event.currentTarget, profile.frames[row.frame]);
              }}
              onFocus={() => setFocusKey(row.key)}
            />
          ))}
        </div>
      </div>
      {!recorded && <ExportBar profile={profile} cellId={cellId} />}
    </div>
  );
}

function TreeRowView(props: {
  row: TreeRow;
  profile: NonNullable<ViewProps['result']['profile']>;
  total: number;
  scale: TimeScale;
  focused: boolean;
  top?: number;
  onToggle(event: MouseEvent<HTMLDivElement>): void;
  onFocus(): void;
}) {
  const { row, profile, total } = props;
  const share = row.totalMs / total;
  const frame = row.frame >= 0 ? profile.frames[row.frame] : undefined;
  const label = row.kind === 'frame' ? shortName(frame!) : row.label;
  return (
    <div
      role="treeitem"
      data-key={row.key}
      data-kind={row.kind}
      data-band={shareBand(share)}
      data-builtin={frame?.builtin || undefined}
      aria-level={row.level}
      aria-posinset={row.position}
      aria-setsize={row.siblings}
      aria-expanded={row.expandable ? row.expanded : undefined}
      aria-selected={props.focused}
      tabIndex={props.focused ? 0 : -1}
      className="wb-tree-row"
      style={{ paddingInlineStart: `${(row.level - 1) * 1.1}em`, ...(props.top !== undefined ? { position: 'absolute', top: props.top, left: 0, right: 0 } : {}) }}
      onClick={props.onToggle}
      onFocus={props.onFocus}
    >
      <span className="wb-tree-twisty" aria-hidden="true">
        {row.expandable ? (row.expanded ? '▾' : '▸') : ''}
      </span>
      <span className="wb-tree-time" title="total time">
        {formatInScale(row.totalMs, props.scale)}
      </span>
      <span className="wb-tree-name">{label}</span>
      {row.kind === 'frame' && row.expandable && (
        <span className="wb-tree-self" title="own time">
          own {formatInScale(row.selfMs, props.scale)}
        </span>
      )}
      <span className="wb-tree-where">{frame && row.kind === 'frame' ? (frame.builtin ? 'built-in' : `${frame.file}:${frame.line}`) : ''}</span>
      <span className="wb-visually-hidden">
        , {formatPercent(share)} of the run{row.calls !== undefined ? `, ${row.calls} calls` : ''}
      </span>
    </div>
  );
}
