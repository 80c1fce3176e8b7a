/**
 * The results area of a cell: one tab per view the cell offers (console
 * first), following the WAI-ARIA tabs pattern (roving tabindex, arrow keys,
 * Home/End, automatic activation). The same component renders the static
 * "recorded when the site was built" results (recorded=true, every panel in
 * the HTML so the small tab script of the page can switch them) and the live
 * results in the browser (only the selected panel is mounted).
 */
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ConsoleEntry, RunResult } from '../../sandbox/types';
import type { ViewDescriptor } from '../views/types';
import { VIEWS } from '../views/registry';
import { ConsoleLines } from '../views/console/ConsoleLines';
import { RunStatusNote } from '../views/console/RunStatusNote';
import { initialView, orderViews } from './view-order';
import { ViewBoundary } from './ViewBoundary';
import { TRANSFORMABLE_VIEWS, useProfileTransforms, type ProfileTransforms } from './transform-state';
import type { ProfileTransform } from '../views/profile/common/processors';
import { TransformBar } from '../views/profile/common/TransformBar';

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
  /**
   * Static markup of a build-time recording (ssr.tsx): every panel is rendered
   * and the page's small tab script switches them. Views get `recorded` and
   * leave out what needs JavaScript.
   */
  recorded?: boolean;
  /** A profile opened from a file (the profile viewer): no run, so no console tab. */
  imported?: boolean;
  /** A build-time recording brought to life on the page: interactive, labelled as recorded. */
  fromBuild?: boolean;
  /** The recording was made for the original code, and the code on screen differs. */
  recordedForOtherCode?: boolean;
  /** The run an exercise check made of this cell's code, shown here so code and output agree. */
  fromCheck?: boolean;
  /** The tab to open on (the learner's choice before React took over). */
  initialTab?: string;
  /** Told when the learner picks a tab, so the choice can outlive this component. */
  onTabChange?(viewId: string): void;
  /** Opens these results in the expanded inspector (absent: no Expand button), on this tab and with these transforms. */
  onExpand?(viewId: string, transforms: ProfileTransform[]): void;
  /** The profile transforms to start with (the inspector opens with the cell's). They name frames of `result.profile`. */
  initialTransforms?: ProfileTransform[];
  /** Rendered inside the expanded inspector. */
  expanded?: boolean;
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
  const { result, previous, live, show, code, cellId, recorded, imported, fromBuild, onTabChange, onExpand, expanded } = props;
  const viewIds = imported ? show.filter((id) => id in VIEWS && id !== 'console') : orderViews(show, (id) => id in VIEWS);
  const opening = () =>
    initialView(viewIds, { chosen: props.initialTab, failed: result !== undefined && result.status !== 'ok', hasData: (id) => hasData(id, result) });
  const [selected, setSelectedState] = useState(opening);
  const transforms = useProfileTransforms(result, props.initialTransforms);
  const tabs = useRef(new Map<string, HTMLButtonElement | null>());
  const current = viewIds.includes(selected) ? selected : viewIds[0];
  const setSelected = (id: string) => {
    setSelectedState(id);
    onTabChange?.(id);
  };

  // A run that failed before the chosen view had anything to show opens on the console,
  // where the error is; otherwise the learner's tab stays what it was.
  useEffect(() => {
    if (result && result.status !== 'ok' && !hasData(current, result) && viewIds.includes('console')) setSelectedState('console');
    // Only a new result may move the tab: eslint-style exhaustive deps would undo the learner's choice.
  }, [result]); // eslint-disable-line react-hooks/exhaustive-deps

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
    <div
      className="wb-results"
      data-recorded={recorded || fromBuild ? '' : undefined}
      data-snapshot={recorded ? '' : undefined}
      data-expanded={expanded ? '' : undefined}
      aria-busy={running || undefined}
    >
      {onExpand && !recorded && result && (
        <button type="button" className="wb-results-expand" onClick={() => onExpand(current, transforms.transforms)} title="Open these results wide (Esc closes)">
          Expand<span aria-hidden="true"> ⤢</span>
        </button>
      )}
      {(recorded || fromBuild) && (
        <p className="wb-results-recorded" data-other-code={props.recordedForOtherCode ? '' : undefined}>
          {props.recordedForOtherCode
            ? 'Recorded when the site was built, for the original code: your code differs. Press Run to see its results.'
            : 'Recorded when the site was built. Press Run to run it yourself.'}
        </p>
      )}
      {props.fromCheck && !recorded && (
        <p className="wb-results-recorded wb-results-checked">The run that checked your answer: your code as it was when you pressed Check.</p>
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
      {/* Why a run ended early (and how to raise a limit) is said above every tab, not only in the console. */}
      {result && result.status !== 'ok' && current !== 'console' && !recorded && !live && (
        <div className="wb-results-status">
          <RunStatusNote result={result} />
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
                result={TRANSFORMABLE_VIEWS.has(id) ? transforms.transformed : result}
                bar={TRANSFORMABLE_VIEWS.has(id) && <ProfileTransformBar result={result} state={transforms} idPrefix={panelId(cellId, id)} />}
                previous={previous}
                live={live}
                code={code}
                cellId={cellId}
                recorded={recorded}
                expanded={expanded}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}

/** Does this view have something to show for this result? */
function hasData(viewId: string, result: RunResult | undefined): boolean {
  const view = VIEWS[viewId];
  if (!view || !result) return false;
  return !view.available || view.available(result);
}

/** The transform bar of a tree or table view, when the result has a profile to transform. */
function ProfileTransformBar({ result, state, idPrefix }: { result?: RunResult; state: ProfileTransforms; idPrefix: string }) {
  if (!result?.profile) return null;
  return <TransformBar profile={result.profile} transforms={state.transforms} onChange={state.setTransforms} idPrefix={idPrefix} />;
}

function PanelContent(props: {
  view: ViewDescriptor;
  /** What the view draws (a tree or table view gets the transformed profile). */
  result?: RunResult;
  /** Shown above the view when it has data (the transform bar). */
  bar?: ReactNode;
  previous?: RunResult;
  live?: ConsoleEntry[];
  code: string;
  cellId: string;
  recorded?: boolean;
  expanded?: boolean;
}) {
  const { view, result, bar, previous, live, code, cellId, recorded, expanded } = props;
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
    <>
      {bar}
      {/* Keyed by the (transformed) result: a new run or transform gives the view a clean slate. */}
      <ViewBoundary key={runKey(result)} label={view.label}>
        <View result={result} previous={previous} code={code} cellId={cellId} recorded={recorded} expanded={expanded} />
      </ViewBoundary>
    </>
  );
}
