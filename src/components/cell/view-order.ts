/**
 * Which result views a cell offers, in tab order, and which one opens first.
 *
 * The tabs follow the cell's `show=` list, so the first view it names is the
 * one the prose under the cell talks about. The console is always offered
 * (errors and output must never be unreachable): where `show=` names it, it
 * keeps its place; otherwise it comes last.
 */
export function orderViews(show: readonly string[], known: (id: string) => boolean): string[] {
  const listed = show.filter((id, index) => known(id) && show.indexOf(id) === index);
  if (!listed.includes('console') && known('console')) listed.push('console');
  return listed;
}

/**
 * The tab a result opens on: the one the learner chose, while it is still
 * offered; else the first of `show=`. A run that failed before a view had
 * anything to show opens on the console, where the error is.
 */
export function initialView(
  viewIds: readonly string[],
  options: { chosen?: string; failed?: boolean; hasData?: (id: string) => boolean } = {},
): string {
  const { chosen, failed, hasData } = options;
  if (chosen && viewIds.includes(chosen)) return chosen;
  const first = viewIds[0];
  if (failed && viewIds.includes('console') && hasData && !hasData(first)) return 'console';
  return first;
}

/** `data-show="console,profile"` → ['console', 'profile']. */
export function parseShow(attribute: string | null | undefined): string[] {
  return (attribute ?? '')
    .split(/[\s,]+/)
    .map((word) => word.trim())
    .filter(Boolean);
}
