/**
 * The one mechanism that points a view at the code: a view dispatches
 * `wb-show-source` (bubbling) with the frame a learner chose; the cell that
 * holds the view highlights the function's definition in its code, or says
 * that a built-in has no source. The reverse, `wb-highlight-line`, goes from a
 * line of the code to the views (the line table marks its row).
 */
import type { Frame } from '../../sandbox/types';

export const SOURCE_EVENT = 'wb-show-source';
export const LINE_EVENT = 'wb-highlight-line';

export interface SourceRequest {
  name: string;
  file: string;
  line: number;
  builtin: boolean;
}

/** Asks the enclosing cell to show a frame's source. */
export function requestSource(from: EventTarget | null | undefined, frame: Frame): void {
  if (!from || !(from as Element).dispatchEvent) return;
  const detail: SourceRequest = { name: frame.name, file: frame.file, line: frame.line, builtin: frame.builtin };
  (from as Element).dispatchEvent(new CustomEvent(SOURCE_EVENT, { detail, bubbles: true }));
}

/** What the cell says for a built-in (which has no source in the cell). */
export function builtinNote(name: string): string {
  return `${name} is a built-in: no source to show.`;
}
