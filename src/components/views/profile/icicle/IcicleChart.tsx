/**
 * The icicle: one row per depth, each cell as wide as its share of the zoom
 * root's time. Cells are HTML boxes positioned in percent, so the chart fits any
 * width (390 px phones included) without measuring, and their names stay real
 * text. One cell at a time is in the tab order (roving tabindex); arrow keys move
 * between cells, Enter zooms in, Escape zooms out.
 */
import { requestSource } from '../../source-link';
import { useMemo, useRef, type KeyboardEvent } from 'react';
import type { Frame } from '../../../../sandbox/types';
import type { PartitionCell, PartitionLayout } from '../../../../sandbox/profile/layout/partition';
import { functionHue } from '../../../../sandbox/profile/layout/colour';
import { shortName } from '../common/frame-text';
import { cellNeighbours } from './cell-navigation';

export interface ChartProps {
  layout: PartitionLayout;
  frames: Frame[];
  /** Frames matching the search box. */
  matches: ReadonlySet<number>;
  /** Frame under the pointer (here or in the table): all its cells light up. */
  hotFrame?: number;
  focusKey?: string;
  onFocusKey(key: string): void;
  onHover(cell: PartitionCell | undefined): void;
  onActivate(cell: PartitionCell): void;
  onZoomOut(): void;
  /**
   * A differential flame graph's colouring: a box's change since the previous run
   * (`data-change` and `--wb-change` for the stylesheet, words for screen readers).
   */
  changeOf?(cell: PartitionCell): { direction: string; strength: number; words: string } | undefined;
}

export const ROW_HEIGHT = 22;

export function IcicleChart(props: ChartProps) {
  const { layout, frames, matches, hotFrame, onHover, onActivate, onZoomOut } = props;
  const container = useRef<HTMLDivElement>(null);
  const neighbours = useMemo(() => cellNeighbours(layout.cells), [layout]);
  const focusKey = props.focusKey && neighbours.has(props.focusKey) ? props.focusKey : layout.cells[0]?.key;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const links = focusKey !== undefined ? neighbours.get(focusKey) : undefined;
    if (!links) return;
    const next =
      event.key === 'ArrowUp'
        ? links.up
        : event.key === 'ArrowDown'
          ? links.down
          : event.key === 'ArrowLeft'
            ? links.left
            : event.key === 'ArrowRight'
              ? links.right
              : undefined;
    if (next) {
      event.preventDefault();
      props.onFocusKey(next);
      const element = container.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(next)}"]`);
      element?.focus();
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onActivate(links.cell);
      requestSource(event.target, frames[links.cell.frame]);
    } else if (event.key === 'Escape' || event.key === 'Backspace') {
      event.preventDefault();
      onZoomOut();
    }
  }

  return (
    <div
      ref={container}
      className="wb-icicle"
      role="group"
      aria-label="Icicle chart: arrow keys move between boxes, Enter zooms in, Escape zooms out"
      style={{ height: (layout.depth + 1) * ROW_HEIGHT }}
      onKeyDown={onKeyDown}
      onPointerLeave={() => onHover(undefined)}
    >
      {layout.cells.map((cell) => {
        const frame = frames[cell.frame];
        const width = (cell.x1 - cell.x0) * 100;
        const name = cell.kind === 'self' ? `${shortName(frame)} [self]` : shortName(frame);
        const change = props.changeOf?.(cell);
        return (
          <div
            key={cell.key}
            data-key={cell.key}
            data-frame={cell.frame}
            role="button"
            tabIndex={cell.key === focusKey ? 0 : -1}
            className="wb-icicle-cell"
            data-kind={cell.kind}
            data-builtin={frame.builtin || undefined}
            data-match={matches.has(cell.frame) || undefined}
            data-hot={hotFrame === cell.frame || undefined}
            data-truncated={cell.truncated || undefined}
            data-change={change?.direction}
            aria-label={`${name}, ${((cell.totalMs / (layout.totalMs || 1)) * 100).toFixed(1)} % of the view${change ? `, ${change.words}` : ''}`}
            // A narrow box cuts its name short: the tooltip (and the hover details) always give it whole.
            title={name}
            style={{
              left: `${cell.x0 * 100}%`,
              width: `${width}%`,
              top: cell.depth * ROW_HEIGHT,
              ['--wb-hue' as string]: functionHue(frame),
              ...(change ? { ['--wb-change' as string]: change.strength.toFixed(3) } : {}),
            }}
            onPointerEnter={() => onHover(cell)}
            onFocus={() => onHover(cell)}
            onClick={(event) => {
              props.onFocusKey(cell.key);
              onActivate(cell);
              requestSource(event.currentTarget, frame);
            }}
          >
            {width > 3 ? <span className="wb-icicle-label">{name}</span> : null}
          </div>
        );
      })}
    </div>
  );
}
