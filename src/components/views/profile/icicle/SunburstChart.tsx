/**
 * The sunburst: the icicle's partition bent into rings (SnakeViz's second chart).
 * Click an arc to zoom in; click the centre to go up one level. Keyboard users
 * get the same moves as in the icicle through the shared cell navigation.
 */
import { useMemo, type KeyboardEvent } from 'react';
import { sunburstArcs } from '../../../../sandbox/profile/layout/sunburst';
import { functionHue } from '../../../../sandbox/profile/layout/colour';
import { shortName } from '../common/frame-text';
import { cellNeighbours } from './cell-navigation';
import type { ChartProps } from './IcicleChart';

const RADIUS = 200;

export function SunburstChart(props: ChartProps) {
  const { layout, frames, matches, hotFrame, onHover, onActivate, onZoomOut } = props;
  const arcs = useMemo(() => sunburstArcs(layout, RADIUS), [layout]);
  const neighbours = useMemo(() => cellNeighbours(layout.cells), [layout]);
  const focusKey = props.focusKey && neighbours.has(props.focusKey) ? props.focusKey : layout.cells[0]?.key;
  const focused = focusKey !== undefined ? neighbours.get(focusKey) : undefined;

  function onKeyDown(event: KeyboardEvent<SVGSVGElement>) {
    if (!focused) return;
    const next = { ArrowUp: focused.up, ArrowDown: focused.down, ArrowLeft: focused.left, ArrowRight: focused.right }[
      event.key as 'ArrowUp'
    ];
    if (next) {
      event.preventDefault();
      props.onFocusKey(next);
      onHover(neighbours.get(next)?.cell);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onActivate(focused.cell);
    } else if (event.key === 'Escape' || event.key === 'Backspace') {
      event.preventDefault();
      onZoomOut();
    }
  }

  return (
    <svg
      className="wb-sunburst"
      viewBox={`${-RADIUS - 2} ${-RADIUS - 2} ${RADIUS * 2 + 4} ${RADIUS * 2 + 4}`}
      role="group"
      tabIndex={0}
      aria-label="Sunburst chart: arrow keys move between arcs, Enter zooms in, Escape zooms out"
      aria-activedescendant={focusKey !== undefined ? `wb-arc-${encodeURIComponent(focusKey)}` : undefined}
      onKeyDown={onKeyDown}
      onPointerLeave={() => onHover(undefined)}
    >
      {arcs.map(({ cell, d, labelX, labelY, sweep }) => {
        const frame = frames[cell.frame];
        const ringLabel = sweep * ((cell.depth + 0.5) * (RADIUS / (layout.depth + 1))) > 40 || cell.depth === 0;
        return (
          <g key={cell.key}>
            <path
              id={`wb-arc-${encodeURIComponent(cell.key)}`}
              d={d}
              className="wb-sunburst-arc"
              data-key={cell.key}
              data-frame={cell.frame}
              data-kind={cell.kind}
              data-builtin={frame.builtin || undefined}
              data-match={matches.has(cell.frame) || undefined}
              data-hot={hotFrame === cell.frame || undefined}
              data-focused={cell.key === focusKey || undefined}
              style={{ ['--wb-hue' as string]: functionHue(frame) }}
              onPointerEnter={() => onHover(cell)}
              onClick={() => {
                props.onFocusKey(cell.key);
                if (cell.depth === 0) onZoomOut();
                else onActivate(cell);
              }}
            >
              <title>{cell.kind === 'self' ? `${shortName(frame)} [self]` : shortName(frame)}</title>
            </path>
            {ringLabel && (
              <text x={labelX} y={labelY} className="wb-sunburst-label" textAnchor="middle" dominantBaseline="middle">
                {truncate(cell.kind === 'self' ? '[self]' : shortName(frame), cell.depth === 0 ? 18 : 10)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
