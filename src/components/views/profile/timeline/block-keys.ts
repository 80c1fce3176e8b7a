/**
 * Keyboard moves between the timeline's blocks, as between boxes of a flame
 * chart: ← → the previous / next call at the same depth, ↑ the caller (the
 * block one level up that spans this one), ↓ the first call it made.
 */
import type { TimelineBlock } from '../../../../sandbox/profile/layout/timeline';

export type BlockMove = 'previous' | 'next' | 'caller' | 'callee';

export const BLOCK_KEYS: Record<string, BlockMove> = {
  ArrowLeft: 'previous',
  ArrowRight: 'next',
  ArrowUp: 'caller',
  ArrowDown: 'callee',
};

/** The block a move lands on, or undefined when there is none that way. */
export function moveFrom(blocks: readonly TimelineBlock[], from: TimelineBlock, move: BlockMove): TimelineBlock | undefined {
  const sameDepth = (depth: number) => blocks.filter((b) => b.depth === depth).sort((a, b) => a.start - b.start);
  if (move === 'previous' || move === 'next') {
    const lane = sameDepth(from.depth);
    const at = lane.indexOf(from);
    return lane[move === 'next' ? at + 1 : at - 1];
  }
  if (move === 'caller') {
    // The call one level up that was running when this one started.
    return sameDepth(from.depth - 1).find((b) => b.start <= from.start && b.end >= from.end) ?? sameDepth(from.depth - 1).filter((b) => b.start <= from.start).pop();
  }
  return sameDepth(from.depth + 1).find((b) => b.start >= from.start && b.start < from.end);
}
