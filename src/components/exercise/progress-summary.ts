/** Counting solved exercises per chapter, shared by the sidebar badges and the progress page. */
import type { ChapterExercises } from './exercise-index';
import { progressKey, type ProgressData } from './progress-store';

export interface ChapterCount {
  solved: number;
  total: number;
}

export function countSolved(chapter: Pick<ChapterExercises, 'chapter' | 'exercises'>, data: ProgressData): ChapterCount {
  const solved = chapter.exercises.filter((exercise) => data.exercises[progressKey(chapter.chapter, exercise.id)]?.status === 'solved').length;
  return { solved, total: chapter.exercises.length };
}

/** The exercise index the sidebar override writes into every page (empty when absent or unreadable). */
export function readExerciseIndex(): ChapterExercises[] {
  try {
    const parsed = JSON.parse(document.getElementById('wb-exercise-index')?.textContent ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as ChapterExercises[]) : [];
  } catch {
    return [];
  }
}
