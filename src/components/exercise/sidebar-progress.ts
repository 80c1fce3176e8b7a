/**
 * The "2/3" next to each chapter in the sidebar: exercises solved out of the
 * chapter's exercises, read from saved progress and kept up to date.
 */
import type { ChapterExercises } from './exercise-index';
import { countSolved } from './progress-summary';
import { onProgressChange, progress } from './progress-store';

const samePath = (a: string, b: string) => a.replace(/\/?$/, '/') === b.replace(/\/?$/, '/');

export function showSidebarProgress(index: ChapterExercises[]): void {
  if (index.length === 0) return;
  const paint = () => {
    const data = progress.load();
    const links = Array.from(document.querySelectorAll<HTMLAnchorElement>('#starlight__sidebar a[href]'));
    for (const chapter of index) {
      const { solved, total } = countSolved(chapter, data);
      for (const link of links.filter((a) => samePath(new URL(a.href, location.href).pathname, chapter.href))) {
        let badge = link.querySelector<HTMLElement>('.wb-progress-badge');
        if (!badge) {
          badge = document.createElement('span');
          badge.className = 'wb-progress-badge';
          link.append(badge);
        }
        badge.dataset.complete = String(solved === total);
        badge.replaceChildren();
        const shown = document.createElement('span');
        shown.setAttribute('aria-hidden', 'true');
        shown.textContent = `${solved}/${total}`;
        const spoken = document.createElement('span');
        spoken.className = 'wb-visually-hidden';
        spoken.textContent = `, ${solved} of ${total} exercises solved`;
        badge.append(shown, spoken);
      }
    }
  };
  paint();
  onProgressChange(paint);
}
