/** The exercise index of the site's own docs collection (Astro build only; cached per build). */
import { getCollection } from 'astro:content';
import { indexExercises, type ChapterExercises, type ChapterSource, type SidebarItem } from './exercise-index';

let sources: Promise<ChapterSource[]> | undefined;

function chapterSources(): Promise<ChapterSource[]> {
  sources ??= getCollection('docs').then((entries: Array<{ id: string; data: { title: string }; body?: string; filePath?: string }>) =>
    entries.map((entry): ChapterSource => ({
      id: entry.id,
      title: entry.data.title,
      body: entry.body ?? '',
      isMdx: (entry.filePath ?? '').endsWith('.mdx'),
    })),
  );
  return sources as Promise<ChapterSource[]>;
}

export async function siteExercises(sidebar: SidebarItem[]): Promise<ChapterExercises[]> {
  return indexExercises(await chapterSources(), sidebar, import.meta.env.BASE_URL);
}
