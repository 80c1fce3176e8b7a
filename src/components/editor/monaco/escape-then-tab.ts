/**
 * Monaco keeps Tab for indentation, which traps keyboard users. As in other code editors
 * (CodeMirror's convention), Escape arms an exit: the next Tab (or Shift+Tab) leaves the
 * editor instead of indenting. Monaco's own Ctrl+M (tab moves focus) keeps working too.
 */
import type { editor as MonacoEditor } from 'monaco-editor/esm/vs/editor/editor.api';
import type { Monaco } from './load-monaco';

export function leaveWithEscapeThenTab(editor: MonacoEditor.IStandaloneCodeEditor, monaco: Monaco): () => void {
  let armed = false;
  const keys = editor.onKeyDown((event) => {
    if (event.keyCode === monaco.KeyCode.Escape) {
      armed = true;
      return;
    }
    if (armed && event.keyCode === monaco.KeyCode.Tab && !event.ctrlKey && !event.altKey && !event.metaKey) {
      // Keep Monaco's keybinding service from seeing the key, and let the browser's default
      // action (moving focus to the next or previous element) happen.
      event.browserEvent.stopPropagation();
    }
    armed = false;
  });
  const blur = editor.onDidBlurEditorText(() => (armed = false));
  return () => {
    keys.dispose();
    blur.dispose();
  };
}
