/**
 * The timeline: a flame chart in call order on the instrumented clock (what
 * pyinstrument's and speedscope's "time order" views show). Sleeper's six
 * one-second sleeps appear one after another. Zoom with the buttons, the wheel
 * (Ctrl/⌘ + wheel) or + / − keys; pan with ← →; hover or focus a block for details.
 * The blocks take the keyboard too (one Tab stop): arrows move between calls
 * (block-keys.ts), Enter shows the function's source in the cell.
 */
import { requestSource } from '../../source-link';
import { useMemo, useState, type KeyboardEvent, type WheelEvent } from 'react';
import type { ViewProps } from '../../types';
import {
  layoutTimeline,
  panWindow,
  timelineExtent,
  timelineTicks,
  zoomWindow,
  type TimelineBlock,
} from '../../../../sandbox/profile/layout/timeline';
import { functionHue } from '../../../../sandbox/profile/layout/colour';
import { ProfileNotes } from '../common/ProfileNotes';
import { ExportBar } from '../exports/ExportBar';
import { formatInScale, timeScale, type TimeScale } from '../common/format';
import { shortName } from '../common/frame-text';
import { BLOCK_KEYS, moveFrom } from './block-keys';

const LANE = 20;

/**
 * A tick's label is centred on its tick, except near the ends of the axis, where
 * half of it would fall outside the chart: there it starts at, or ends at, its tick.
 */
function tickEdge(percent: number): 'start' | 'end' | undefined {
  if (percent < 8) return 'start';
  if (percent > 92) return 'end';
  return undefined;
}

export function TimelineView({ result, cellId }: ViewProps) {
  const profile = result.profile!;
  const extent = useMemo(() => timelineExtent(profile), [profile]);
  const [window, setWindow] = useState(extent);
  const [hover, setHover] = useState<TimelineBlock | undefined>();
  const [activeSpan, setActiveSpan] = useState<number | undefined>();
  const layout = useMemo(() => layoutTimeline(profile, { window }), [profile, window]);
  // The block that holds the Tab stop: the last one the learner moved to, else the first.
  const active = layout.blocks.find((b) => b.span === activeSpan) ?? layout.blocks[0];
  const ticks = useMemo(() => timelineTicks(layout.window), [layout.window]);
  const width = layout.window.end - layout.window.start;
  // One unit for the axis, the window and the calls, chosen from what the window shows.
  // Ticks get the decimals their step needs; the window and the calls a thousandth of the window.
  const farthest = Math.max(Math.abs(layout.window.start), Math.abs(layout.window.end));
  const axisScale = useMemo(() => timeScale(farthest, ticks.length > 1 ? ticks[1] - ticks[0] : undefined), [farthest, ticks]);
  const scale = useMemo(() => timeScale(farthest, width / 1000), [farthest, width]);
  const t = (ms: number) => formatInScale(ms, scale);
  const x = (ms: number) => ((ms - layout.window.start) / width) * 100;

  const zoom = (factor: number, focus?: number) => setWindow((w) => zoomWindow(w, extent, factor, focus));
  const pan = (fraction: number) => setWindow((w) => panWindow(w, extent, (w.end - w.start) * fraction));

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const actions: Record<string, () => void> = {
      '+': () => zoom(0.5),
      '=': () => zoom(0.5),
      '-': () => zoom(2),
      ArrowLeft: () => pan(-0.2),
      ArrowRight: () => pan(0.2),
      '0': () => setWindow(extent),
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  }
  function onBlockKeyDown(event: KeyboardEvent<HTMLDivElement>, block: TimelineBlock) {
    const frame = block.frame >= 0 ? profile.frames[block.frame] : undefined;
    if (event.key === 'Enter') {
      event.preventDefault();
      event.stopPropagation();
      if (frame) requestSource(event.currentTarget, frame);
      return;
    }
    const move = BLOCK_KEYS[event.key];
    if (!move) return; // + − 0 still zoom, from the timeline around it
    event.preventDefault();
    event.stopPropagation();
    const next = moveFrom(layout.blocks, block, move);
    if (!next) return;
    setActiveSpan(next.span);
    setHover(next);
    const lanes = event.currentTarget.parentElement;
    requestAnimationFrame(() => lanes?.querySelector<HTMLElement>(`[data-span="${next.span}"]`)?.focus());
  }
  function onWheel(event: WheelEvent<HTMLDivElement>) {
    if (!event.ctrlKey && !event.metaKey) return;
    const box = event.currentTarget.getBoundingClientRect();
    const focus = layout.window.start + ((event.clientX - box.left) / (box.width || 1)) * width;
    zoom(event.deltaY < 0 ? 0.8 : 1.25, focus);
  }

  return (
    <div className="wb-prof wb-prof-timeline">
      <ProfileNotes profile={profile} />
      <div className="wb-prof-controls" role="group" aria-label="Timeline zoom">
        <button type="button" onClick={() => zoom(0.5)} aria-label="Zoom in">
          Zoom in
        </button>
        <button type="button" onClick={() => zoom(2)} aria-label="Zoom out">
          Zoom out
        </button>
        <button type="button" onClick={() => setWindow(extent)}>
          Whole run
        </button>
        <span className="wb-prof-window" role="status">
          {t(layout.window.start)} – {t(layout.window.end)}
        </span>
      </div>
      <div
        className="wb-timeline"
        tabIndex={0}
        role="group"
        aria-label="Timeline in call order: + and − zoom, arrow keys pan, 0 shows the whole run; Tab on to its calls, where arrows move between calls and Enter shows the source"
        onKeyDown={onKeyDown}
        onWheel={onWheel}
        onPointerLeave={() => setHover(undefined)}
      >
        <div className="wb-timeline-axis" aria-hidden="true">
          {ticks.map((tick) => (
            <span key={tick} style={{ left: `${x(tick)}%` }} data-edge={tickEdge(x(tick))}>
              {formatInScale(tick, axisScale)}
            </span>
          ))}
        </div>
        <div className="wb-timeline-lanes" style={{ height: Math.max(layout.lanes, 1) * LANE }}>
          {layout.blocks.map((block) => {
            const frame = block.frame >= 0 ? profile.frames[block.frame] : undefined;
            const left = Math.max(0, x(block.start));
            const right = Math.min(100, x(block.end));
            const name = frame ? shortName(frame) : `${block.count} calls`;
            return (
              <div
                key={block.span}
                className="wb-timeline-block"
                role="button"
                tabIndex={block === active ? 0 : -1}
                aria-label={`${name}: ${t(block.start)} to ${t(block.end)}, ${t(block.end - block.start)}`}
                data-span={block.span}
                data-frame={block.frame}
                data-builtin={frame?.builtin || undefined}
                data-merged={block.count > 1 || undefined}
                style={{
                  left: `${left}%`,
                  width: `max(1px, ${right - left}%)`,
                  top: block.depth * LANE,
                  ['--wb-hue' as string]: frame ? functionHue(frame) : 0,
                }}
                onPointerEnter={() => setHover(block)}
                onFocus={() => {
                  setHover(block);
                  setActiveSpan(block.span);
                }}
                onKeyDown={(event) => onBlockKeyDown(event, block)}
                onClick={(event) => {
                  setHover(block);
                  if (frame) requestSource(event.currentTarget, frame);
                }}
                onDoubleClick={() => setWindow(zoomWindow({ start: block.start, end: block.end }, extent, 1.1))}
              >
                {right - left > 4 ? <span className="wb-timeline-label">{name}</span> : null}
              </div>
            );
          })}
        </div>
      </div>
      <p className="wb-prof-hover" aria-live="polite">
        {hover
          ? `${hover.frame >= 0 ? shortName(profile.frames[hover.frame]) : 'several functions'}${
              hover.count > 1 ? ` (${hover.count} calls merged)` : ''
            }: ${t(hover.start)} → ${t(hover.end)}, ${t(hover.end - hover.start)}`
          : 'Point at or Tab to a block for its start, end and duration; double-click zooms to it, Enter shows its source.'}
      </p>
      {layout.truncated && (
        <p className="wb-prof-note">The recording kept the first {profile.spans.length.toLocaleString('en-US')} calls; later calls are in the other views but not here.</p>
      )}
      <TimelineText profile={profile} blocks={layout.blocks} scale={scale} />
      <ExportBar profile={profile} cellId={cellId} />
    </div>
  );
}

/** Screen-reader alternative: the calls in order with their times (first 200). */
function TimelineText({ profile, blocks, scale }: { profile: ViewProps['result']['profile'] & object; blocks: TimelineBlock[]; scale: TimeScale }) {
  const t = (ms: number) => formatInScale(ms, scale);
  // Mounted only when opened: a closed <details> should not cost hundreds of nodes.
  const [open, setOpen] = useState(false);
  const shown = open ? blocks.slice(0, 200) : [];
  return (
    <details className="wb-prof-text" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Calls in order, as text</summary>
      <ol>
        {shown.map((block) => (
          <li key={block.span} data-frame={block.frame}>
            {'  '.repeat(block.depth)}
            {block.frame >= 0 ? shortName(profile.frames[block.frame]) : `${block.count} calls`} at {t(block.start)} for{' '}
            {t(block.end - block.start)}
          </li>
        ))}
      </ol>
      {open && blocks.length > shown.length && <p>…and {blocks.length - shown.length} more.</p>}
    </details>
  );
}
