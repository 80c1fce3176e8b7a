/**
 * Build time: which exercises each chapter holds, in sidebar order, for the
 * progress page and the sidebar's "2/3" badges. Reads the chapters' Markdown
 * with the same grammar (and the same validation) as the exercise plugin, so a
 * broken exercise fails the build here too, naming its chapter and id.
 */
import { listExercises, type ListedExercise } from '../../markdown/remark-exercises';
import { parseMarkdown } from '../../markdown/collect-cells';

export interface ChapterExercises {
  chapter: string;
  title: string;
  href: string;
  exercises: Array<Pick<ListedExercise, 'id' | 'title'>>;
}

export interface ChapterSource {
  /** Collection id, e.g. "profiling" (the page is served at /profiling/). */
  id: string;
  title: string;
  body: string;
  isMdx: boolean;
}

/** Starlight's sidebar entries, as far as this needs them. */
export type SidebarItem = { type: 'link'; href: string } | { type: 'group'; entries: SidebarItem[] };

function linkOrder(sidebar: SidebarItem[]): string[] {
  return sidebar.flatMap((entry) => (entry.type === 'link' ? [entry.href] : linkOrder(entry.entries)));
}

const pathOf = (href: string) => href.replace(/[?#].*$/, '').replace(/\/?$/, '/');

export function indexExercises(sources: ChapterSource[], sidebar: SidebarItem[] = [], base = '/'): ChapterExercises[] {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const chapters = sources
    .map((source): ChapterExercises => ({
      chapter: source.id,
      title: source.title,
      href: `${prefix}${source.id}/`,
      exercises: listExercises(parseMarkdown(source.body, source.isMdx), source.id).map(({ id, title }) => ({ id, title })),
    }))
    .filter((chapter) => chapter.exercises.length > 0);
  const order = linkOrder(sidebar).map(pathOf);
  const rank = (chapter: ChapterExercises) => {
    const index = order.indexOf(pathOf(chapter.href));
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  return chapters.sort((a, b) => rank(a) - rank(b) || a.chapter.localeCompare(b.chapter));
}
