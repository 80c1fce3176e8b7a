/**
 * The line-time profile as the `line-profile` view reads it. RunResult.lines
 * is `unknown` in the shared contract; the cast lives here, in one place, and
 * the figures come from the kernprof renderer so the view and `workbook
 * lineprofile` print the same numbers.
 */
import type { RunRequest, RunResult } from '../../../sandbox/types';
import type { LineProfile, LineTimeTable } from '../../../sandbox/lines/types';
import { formatG, rowFigures, TIMER_UNIT_S } from '../../../sandbox/profile/render/kernprof';
import type { CellOptions } from '../types';

export { formatG, rowFigures, TIMER_UNIT_S };

export function lineProfile(result: RunResult): LineProfile | undefined {
  const p = result.lines as LineProfile | undefined;
  return p && Array.isArray(p.functions) ? p : undefined;
}

/** The line with the most time in a table (the one to spot first), if any ran. */
export function hottestLine(t: LineTimeTable): number | undefined {
  let best: { line: number; timeMs: number } | undefined;
  for (const r of t.rows) if (r.hits && (!best || r.timeMs > best.timeMs)) best = r;
  return best && best.timeMs > 0 ? best.line : undefined;
}

/** `lines=a,b` in the fence names functions to time besides the `// @profile` ones. */
export function prepareLines(request: RunRequest, options: CellOptions): RunRequest {
  const names = (options.lines ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return { ...request, lines: names.length ? names : request.lines || true };
}
