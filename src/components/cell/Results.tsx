/**
 * The results area of a cell: one tab per view the cell offers (console
 * first), following the WAI-ARIA tabs pattern (roving tabindex, arrow keys,
 * Home/End, automatic activation). The same component renders the static
 * "recorded when the site was built" results (recorded=true, every panel in
 * the HTML so the small tab script of the page can switch them) and the live
 * results in the browser (only the selected panel is mounted).
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import type { ConsoleEntry, RunResult } from '../../sandbox/types';
import type { ViewDescriptor } from '../views/types';
import { VIEWS } from '../views/registry';
import { ConsoleLines } from '../views/console/ConsoleLines';
import { orderViews } from './view-order';
import { ViewBoundary } from './ViewBoundary';

export interface ResultsProps {
  /** The latest finished run; absent before the first run finishes. */
  result?: RunResult;
  /** The run before it, for views that compare. */
  previous?: RunResult;
  /** Console entries of a run still in progress. */
  live?: ConsoleEntry[];
  show: string[];
  code: string;
  cellId: string;
  recorded?: boolean;
  /** A profile opened from a file (the profile viewer): no run, so no console tab. */
  imported?: boolean;
}

/** A fresh key per result, so a view that failed on one run gets a clean slate on the next. */
const resultKeys = new WeakMap<RunResult, number>();
let nextResultKey = 0;
function runKey(result: RunResult): number {
  let key = resultKeys.get(result);
  if (key === undefined) resultKeys.set(result, (key = nextResultKey++));
  return key;
}

export function tabId(cellId: string, viewId: string) {
  return `wb-${cellId}-tab-${viewId}`;
}
export function panelId(cellId: string, viewId: string) {
  return `wb-${cellId}-panel-${viewId}`;
}

export function Results(props: ResultsProps) {
  const { result, previous, live, show, code, cellId, recorded, imported } = props;
  const viewIds = imported ? show.filter((id) => id in VIEWS && id !== 'console') : orderViews(show, (id) => id in VIEWS);
  const [selected, setSelected] = useState(viewIds[0]);
  const tabs = useRef(new Map<string, HTMLButtonElement | null>());
  const current = viewIds.includes(selected) ? selected : viewIds[0];

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = viewIds.indexOf(current);
    const next =
      event.key === 'ArrowRight'
        ? viewIds[(index + 1) % viewIds.length]
        : event.key === 'ArrowLeft'
          ? viewIds[(index - 1 + viewIds.length) % viewIds.length]
          : event.key === 'Home'
            ? viewIds[0]
            : event.key === 'End'
              ? viewIds[viewIds.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    setSelected(next);
    tabs.current.get(next)?.focus();
  }

  const running = live !== undefined;
  return (
    <div className="wb-results" data-recorded={recorded ? '' : undefined} aria-busy={running || undefined}>
      {recorded && (
        <p className="wb-results-recorded">Recorded when the site was built. Press Run to run it yourself.</p>
      )}
      {viewIds.length > 1 && (
        <div className="wb-results-tabs" role="tablist" aria-label={`Results of cell ${cellId}`} onKeyDown={onKeyDown}>
          {viewIds.map((id) => (
            <button
              key={id}
              ref={(element) => {
                tabs.current.set(id, element);
              }}
              type="button"
              role="tab"
              id={tabId(cellId, id)}
              aria-selected={id === current}
              aria-controls={panelId(cellId, id)}
              tabIndex={id === current ? 0 : -1}
              data-view={id}
              onClick={() => setSelected(id)}
            >
              {VIEWS[id].label}
            </button>
          ))}
        </div>
      )}
      {viewIds.map((id) => {
        const isCurrent = id === current;
        const mountContent = isCurrent || recorded;
        return (
          <div
            key={id}
            className="wb-results-panel"
            role={viewIds.length > 1 ? 'tabpanel' : undefined}
            id={panelId(cellId, id)}
            aria-labelledby={viewIds.length > 1 ? tabId(cellId, id) : undefined}
            aria-label={viewIds.length > 1 ? undefined : VIEWS[id].label}
            tabIndex={viewIds.length > 1 ? 0 : undefined}
            hidden={!isCurrent}
            data-view={id}
          >
            {mountContent && (
              <PanelContent
                view={VIEWS[id]}
                result={result}
                previous={previous}
                live={live}
                code={code}
                cellId={cellId}
                recorded={recorded}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}

function PanelContent(props: {
  view: ViewDescriptor;
  result?: RunResult;
  previous?: RunResult;
  live?: ConsoleEntry[];
  code: string;
  cellId: string;
  recorded?: boolean;
}) {
  const { view, result, previous, live, code, cellId, recorded } = props;
  if (live && view.id === 'console') {
    return (
      <div className="wb-console" data-status="running">
        <ConsoleLines entries={live} />
        <div className="wb-console-line wb-console-running" data-level="system">
          Running…
        </div>
      </div>
    );
  }
  if (!result) {
    return <p className="wb-view-empty">{live ? 'Running…' : `Run the cell to see the ${view.label.toLowerCase()}.`}</p>;
  }
  if (view.available && !view.available(result)) {
    return (
      <p className="wb-view-empty">
        This run has nothing for the {view.label.toLowerCase()} view
        {result.status === 'ok' ? '.' : ` (it ended early: ${result.status}).`}
      </p>
    );
  }
  const View = view.component;
  return (
    <ViewBoundary key={runKey(result)} label={view.label}>
      <View result={result} previous={previous} code={code} cellId={cellId} recorded={recorded} />
    </ViewBoundary>
  );
}
