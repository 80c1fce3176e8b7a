/**
 * Which result views a cell offers, in tab order: the console always comes
 * first (errors and output must never be hidden behind a missing `show=`),
 * then the cell's `show=` list, without duplicates or unknown names.
 */
export function orderViews(show: readonly string[], known: (id: string) => boolean): string[] {
  const ordered = ['console', ...show.filter((id) => id !== 'console')];
  return ordered.filter((id, index) => known(id) && ordered.indexOf(id) === index);
}

/** `data-show="console,profile"` → ['console', 'profile']. */
export function parseShow(attribute: string | null | undefined): string[] {
  return (attribute ?? '')
    .split(/[\s,]+/)
    .map((word) => word.trim())
    .filter(Boolean);
}
