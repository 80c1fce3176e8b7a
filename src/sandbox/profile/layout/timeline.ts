/**
 * The timeline (a flame chart in call order on the instrumented clock): which spans
 * fall in the visible window, one lane per depth. Runs of spans narrower than
 * `minMs` on the same lane are merged into one "N calls" block, so a window over a
 * million tiny calls still draws a few hundred rectangles.
 */
import type { Profile, Span } from '../../types';

export interface TimelineBlock {
  /** Index into profile.spans of the first span in the block. */
  span: number;
  frame: number;
  depth: number;
  start: number;
  end: number;
  /** Spans merged into this block (1 = a single call); frame is -1 when they differ. */
  count: number;
}

export interface TimelineWindow {
  start: number;
  end: number;
}

export interface TimelineLayout {
  window: TimelineWindow;
  blocks: TimelineBlock[];
  lanes: number;
  /** Start and end of the whole recording. */
  extent: TimelineWindow;
  truncated: boolean;
}

export interface TimelineOptions {
  window?: TimelineWindow;
  /** Spans shorter than this (ms) are merged with their neighbours. */
  minMs?: number;
  maxLanes?: number;
}

export function timelineExtent(profile: Profile): TimelineWindow {
  let end = profile.meta.wallMs;
  for (const span of profile.spans) if (span.end > end) end = span.end;
  return { start: 0, end: end > 0 ? end : 1 };
}

export function layoutTimeline(profile: Profile, options: TimelineOptions = {}): TimelineLayout {
  const extent = timelineExtent(profile);
  const window = clampWindow(options.window ?? extent, extent);
  const minMs = options.minMs ?? (window.end - window.start) / 400;
  const maxLanes = options.maxLanes ?? 64;
  const blocks: TimelineBlock[] = [];
  // The open merge block per lane, so merging never crosses a lane.
  const open = new Map<number, TimelineBlock>();
  let lanes = 0;
  profile.spans.forEach((span: Span, index) => {
    if (span.end < window.start || span.start > window.end || span.depth >= maxLanes) return;
    lanes = Math.max(lanes, span.depth + 1);
    const last = open.get(span.depth);
    const small = span.end - span.start < minMs;
    if (small && last && last.count > 0 && span.start - last.end < minMs && last.end - last.start < minMs * 2) {
      last.end = Math.max(last.end, span.end);
      last.count += 1;
      if (last.frame !== span.frame) last.frame = -1; // a mixed block
      return;
    }
    const block: TimelineBlock = { span: index, frame: span.frame, depth: span.depth, start: span.start, end: span.end, count: 1 };
    blocks.push(block);
    open.set(span.depth, block);
  });
  return { window, blocks, lanes, extent, truncated: profile.spansTruncated };
}

export function clampWindow(window: TimelineWindow, extent: TimelineWindow): TimelineWindow {
  const span = Math.max(extent.end - extent.start, 1e-6);
  const width = Math.min(Math.max(window.end - window.start, span / 1e6), span);
  let start = Math.max(extent.start, Math.min(window.start, extent.end - width));
  if (!Number.isFinite(start)) start = extent.start;
  return { start, end: start + width };
}

/** Zoom around `focus` (ms) by `factor` (< 1 zooms in). */
export function zoomWindow(window: TimelineWindow, extent: TimelineWindow, factor: number, focus?: number): TimelineWindow {
  const at = focus ?? (window.start + window.end) / 2;
  const start = at - (at - window.start) * factor;
  const end = at + (window.end - at) * factor;
  return clampWindow({ start, end }, extent);
}

export function panWindow(window: TimelineWindow, extent: TimelineWindow, deltaMs: number): TimelineWindow {
  return clampWindow({ start: window.start + deltaMs, end: window.end + deltaMs }, extent);
}

/** Round tick positions (1, 2, 5 × 10^k ms) for an axis over the window. */
export function timelineTicks(window: TimelineWindow, approxCount = 6): number[] {
  const span = window.end - window.start;
  if (!(span > 0)) return [window.start];
  const raw = span / approxCount;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? power * 10;
  const ticks: number[] = [];
  for (let t = Math.ceil(window.start / step) * step; t <= window.end + 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}
