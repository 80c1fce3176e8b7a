/**
 * Makes the editor exactly as tall as its content, between a floor (the static code's height)
 * and a cap past which Monaco scrolls inside: no inner scrollbar for short cells.
 */
import type { editor as MonacoEditor } from 'monaco-editor/esm/vs/editor/editor.api';

export function followContentHeight(
  editor: MonacoEditor.IStandaloneCodeEditor,
  surface: HTMLElement,
  bounds: { minHeight: number; maxHeight: number },
): () => void {
  const apply = () => {
    const height = Math.min(bounds.maxHeight, Math.max(bounds.minHeight, editor.getContentHeight()));
    if (surface.style.height !== `${height}px`) {
      surface.style.height = `${height}px`;
      editor.layout();
    }
  };
  const subscription = editor.onDidContentSizeChange(apply);
  apply();
  return () => subscription.dispose();
}
