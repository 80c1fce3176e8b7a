/**
 * On every page (from the sidebar override): the sidebar's progress badges,
 * and the exercise elements only where a page has them. Kept tiny: the
 * exercise UI, the checker and the comparison load when a page needs them.
 */
import { readExerciseIndex } from './progress-summary';
import { showSidebarProgress } from './sidebar-progress';

function start(): void {
  showSidebarProgress(readExerciseIndex());
  if (document.querySelector('wb-exercise')) void import('./wb-exercise');
  if (document.querySelector('wb-progress-page')) void import('./progress-page');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
