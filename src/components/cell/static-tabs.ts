/**
 * Tab switching for results recorded at build time (static HTML from
 * ssr.tsx), so they are usable before React ever loads. Same markup and keys
 * as the live Results component; it stops mattering once a live run replaces
 * the recorded results. `onSelect` tells the cell, whose live results (perhaps
 * being rendered at this moment) open on the learner's choice.
 */
export function enableStaticTabs(results: HTMLElement, onSelect: (viewId: string) => void = () => {}): void {
  const tabs = () => Array.from(results.querySelectorAll<HTMLButtonElement>('.wb-results[data-snapshot] [role="tab"]'));

  const select = (tab: HTMLButtonElement) => {
    for (const other of tabs()) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(other.getAttribute('aria-controls') ?? '');
      if (panel) panel.hidden = !selected;
    }
    if (tab.dataset.view) onSelect(tab.dataset.view);
  };

  results.addEventListener('click', (event) => {
    const tab = (event.target as Element | null)?.closest<HTMLButtonElement>('.wb-results[data-snapshot] [role="tab"]');
    if (tab) select(tab);
  });
  results.addEventListener('keydown', (event) => {
    const all = tabs();
    const index = all.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;
    const next =
      event.key === 'ArrowRight'
        ? all[(index + 1) % all.length]
        : event.key === 'ArrowLeft'
          ? all[(index - 1 + all.length) % all.length]
          : event.key === 'Home'
            ? all[0]
            : event.key === 'End'
              ? all[all.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    select(next);
    next.focus();
  });
}
