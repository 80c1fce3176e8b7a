/**
 * A draggable split between a chart and the table under it (the expanded
 * inspector): drag with the pointer, or focus it and use the arrow keys,
 * Page Up/Down, Home and End (the WAI-ARIA window splitter pattern).
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

const MIN = 120;
const STEP = 24;

export function SplitHandle({ height, onChange }: { height: number; onChange(height: number): void }) {
  const drag = useRef<{ startY: number; startHeight: number } | undefined>(undefined);
  const max = typeof window === 'undefined' ? 2000 : Math.max(MIN, window.innerHeight - 160);
  const set = (value: number) => onChange(Math.round(Math.min(max, Math.max(MIN, value))));

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const moves: Record<string, number> = { ArrowUp: -STEP, ArrowDown: STEP, PageUp: -4 * STEP, PageDown: 4 * STEP };
    if (event.key in moves) set(height + moves[event.key]);
    else if (event.key === 'Home') set(MIN);
    else if (event.key === 'End') set(max);
    else return;
    event.preventDefault();
  }
  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    drag.current = { startY: event.clientY, startHeight: height };
    event.currentTarget.setPointerCapture?.(event.pointerId);
  }
  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    const start = drag.current;
    if (start) set(start.startHeight + event.clientY - start.startY);
  }
  return (
    <div
      className="wb-split-handle"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize the chart and the table"
      aria-valuemin={MIN}
      aria-valuemax={max}
      aria-valuenow={height}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (drag.current = undefined)}
      onPointerCancel={() => (drag.current = undefined)}
    />
  );
}
