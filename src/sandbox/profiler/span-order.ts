/**
 * The recorder writes a call's span when the call ends, so its spans come in
 * exit order: a call's spans after those of the calls it made. The model keeps
 * them in call order (types.ts, `Profile.spans`), which this module makes.
 *
 * The nesting is taken from the exit order and the depths alone, never from
 * comparing times. Times cannot be trusted to the last bit: a call's start
 * moves back by each simulated jump (sleep) while it is open, so after a
 * series of sleeps a caller and the callee it started in the same tick of a
 * coarse clock (5 µs in a browser) can differ by a rounding error either way,
 * and a callee at the very end of a call can share its start with the call
 * after it. Sorting by time then nests a call in the wrong parent (a
 * browser run of the sleeper did, about once in 60).
 *
 * So: children are the spans one deeper that ended since the last span of
 * their own depth; each span is then clamped into its parent and after the
 * span before it, which only ever moves a time by that rounding error.
 */
import type { Span } from '../types';

interface Nested {
  span: Span;
  children: Nested[];
}

/** Spans in exit order (the root, depth 0, last if it is there) to call order, nested by depth, times clamped into their parents. */
export function spansInCallOrder(exitOrder: Span[]): Span[] {
  const waiting: Nested[][] = []; // per depth: ended calls whose parent has not ended yet
  const orphans: Nested[] = [];
  for (const span of exitOrder) {
    const call: Nested = { span, children: waiting[span.depth + 1] ?? [] };
    // Ended calls two or more deeper cannot belong to a later call: their caller ended without a span.
    for (let d = span.depth + 2; d < waiting.length; d++) if (waiting[d]) orphans.push(...waiting[d]);
    waiting.length = span.depth + 1;
    (waiting[span.depth] ??= []).push(call);
  }
  // What no recorded call holds: the outermost calls, and calls whose caller was still open at the end.
  const tops = [...orphans, ...waiting.flatMap((list) => list ?? [])].sort((a, b) => a.span.start - b.span.start || a.span.depth - b.span.depth);
  return emit(tops);
}

/** Depth-first, a call before the calls it made; each start at or after the previous one, each span inside its parent. */
function emit(tops: Nested[]): Span[] {
  const out: Span[] = [];
  let previousStart = -Infinity;
  const stack: Array<{ call: Nested; parent?: Span }> = tops.map((call) => ({ call })).reverse();
  while (stack.length) {
    const { call, parent } = stack.pop()!;
    const lo = Math.max(previousStart, parent?.start ?? -Infinity);
    const hi = parent?.end ?? Infinity;
    const start = Math.min(Math.max(call.span.start, lo), hi);
    const span: Span = { ...call.span, start, end: Math.min(Math.max(call.span.end, start), hi) };
    out.push(span);
    previousStart = start;
    for (let i = call.children.length - 1; i >= 0; i--) stack.push({ call: call.children[i], parent: span });
  }
  return out;
}
