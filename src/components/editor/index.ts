/**
 * The cell editor. The cell element imports this module lazily, on the learner's first edit;
 * Monaco itself is a further dynamic import, so touch devices never download it.
 */
import editorCss from './editor.css?inline';
import { injectCss } from './inject-css';
import type { EditorHandle, EditorOptions } from './types';
import { mountEditorWith } from './mount-editor';

export type { EditorHandle, EditorMarker, EditorOptions } from './types';
export { isTouchDevice } from './touch';
export { MAX_VISIBLE_LINES } from './layout';

export function mountEditor(container: HTMLElement, opts: EditorOptions): Promise<EditorHandle> {
  injectCss(editorCss); // not a plain CSS import: see inject-css.ts
  return mountEditorWith(container, opts, async () => (await import('./monaco/mount-monaco')).mountMonacoEditor);
}
