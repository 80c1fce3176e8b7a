/** Picks the editor kind: Monaco on desktop, the textarea on touch screens or if Monaco fails. */
import type { EditorHandle, EditorOptions } from './types';
import { isTouchDevice } from './touch';
import { mountTextareaEditor } from './textarea/mount-textarea';

export type MonacoMounter = (container: HTMLElement, opts: EditorOptions) => Promise<EditorHandle>;

export async function mountEditorWith(
  container: HTMLElement,
  opts: EditorOptions,
  loadMonacoMounter: () => Promise<MonacoMounter>,
): Promise<EditorHandle> {
  if (isTouchDevice()) return mountTextareaEditor(container, opts);
  try {
    const mountMonaco = await loadMonacoMounter();
    return await mountMonaco(container, opts);
  } catch (error) {
    // A failed chunk download or a Monaco error must not cost the learner the ability to edit.
    console.warn('The code editor could not load; using a plain text area instead.', error);
    container.querySelectorAll(':scope > .wb-editor').forEach((partial) => partial.remove());
    return mountTextareaEditor(container, opts);
  }
}
