/**
 * The Monaco editor of one cell, rendered by @monaco-editor/react into the cell's container.
 * Every cell gets its own model (a unique `path`) inside the page's single Monaco.
 */
import { createRoot } from 'react-dom/client';
import Editor from '@monaco-editor/react';
import type { editor as MonacoEditor } from 'monaco-editor/esm/vs/editor/editor.api';
import type { EditorHandle, EditorOptions } from '../types';
import { createKeyboardHint } from '../keyboard-hint';
import { currentColorScheme } from '../color-scheme';
import { lineCount, MAX_VISIBLE_LINES, readCodeMetrics, visibleLines } from '../layout';
import { loadMonaco } from './load-monaco';
import { monacoThemeFor } from './shiki-highlighting';
import { followContentHeight } from './auto-height';
import { leaveWithEscapeThenTab } from './escape-then-tab';
import { toMonacoMarkers, MARKER_OWNER } from './markers';

let modelCounter = 0;

export async function mountMonacoEditor(container: HTMLElement, opts: EditorOptions): Promise<EditorHandle> {
  const monaco = await loadMonaco();

  const wrapper = document.createElement('div');
  wrapper.className = 'wb-editor wb-editor--monaco not-content';
  const surface = document.createElement('div');
  surface.className = 'wb-editor__surface';
  const hint = createKeyboardHint();
  wrapper.append(surface, hint);
  container.append(wrapper);

  const metrics = readCodeMetrics(wrapper);
  const minLines = opts.minLines ?? lineCount(opts.code);
  const heightFor = (lines: number) => lines * metrics.lineHeight + 2 * metrics.paddingBlock;
  // Sized before Monaco lays out, so the page does not jump while the editor appears.
  surface.style.height = `${heightFor(visibleLines(lineCount(opts.code), minLines))}px`;

  let applyingSetValue = false;
  const root = createRoot(surface);
  const editor = await new Promise<MonacoEditor.IStandaloneCodeEditor>((resolve) => {
    root.render(
      <Editor
        defaultValue={opts.code}
        defaultLanguage={opts.language ?? 'javascript'}
        path={`file:///workbook/cell-${++modelCounter}.js`}
        theme={monacoThemeFor(currentColorScheme())}
        loading={null}
        width="100%"
        height="100%"
        options={{
          ariaLabel: opts.ariaLabel,
          fontFamily: metrics.fontFamily,
          fontSize: metrics.fontSize,
          lineHeight: metrics.lineHeight,
          padding: { top: metrics.paddingBlock, bottom: metrics.paddingBlock },
          tabSize: 2,
          insertSpaces: true,
          detectIndentation: false,
          minimap: { enabled: false },
          // No gutter: the code starts exactly where the static render's padding puts it.
          lineNumbers: 'off',
          glyphMargin: false,
          folding: false,
          lineDecorationsWidth: metrics.paddingInline,
          renderLineHighlightOnlyWhenFocus: true,
          scrollBeyondLastLine: false,
          // Long lines wrap, as in the static code view: nothing is cut off at any width.
          wordWrap: 'on',
          wrappingIndent: 'indent',
          overviewRulerLanes: 0,
          hideCursorInOverviewRuler: true,
          automaticLayout: true,
          fixedOverflowWidgets: true,
          contextmenu: true,
          // The static render does not colour brackets by depth; the editor must not either.
          bracketPairColorization: { enabled: false },
          guides: { indentation: false, bracketPairs: false },
          quickSuggestions: false,
          wordBasedSuggestions: 'off',
          scrollbar: {
            // A short editor must not swallow the wheel: the page keeps scrolling past it.
            alwaysConsumeMouseWheel: false,
            verticalScrollbarSize: 10,
            horizontalScrollbarSize: 10,
          },
        }}
        onMount={(mounted) => resolve(mounted)}
        onChange={(value) => {
          if (!applyingSetValue) opts.onChange?.(value ?? '');
        }}
      />,
    );
  });

  const model = editor.getModel();
  if (!model) throw new Error('Monaco mounted without a model');
  // Bracket colours are a model option in standalone Monaco (the editor option is not enough).
  model.updateOptions({ bracketColorizationOptions: { enabled: false, independentColorPoolPerBracketType: false } });

  const textarea = editor.getDomNode()?.querySelector('textarea');
  textarea?.setAttribute('aria-describedby', hint.id);

  const stopFollowingHeight = followContentHeight(editor, surface, {
    minHeight: heightFor(Math.max(1, minLines)),
    maxHeight: heightFor(Math.max(minLines, MAX_VISIBLE_LINES)),
  });
  const stopEscapeThenTab = leaveWithEscapeThenTab(editor, monaco);

  editor.addAction({
    id: 'workbook.runCell',
    label: 'Run cell',
    keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
    contextMenuGroupId: 'navigation',
    contextMenuOrder: 0,
    run: () => opts.onRun?.(),
  });

  let disposed = false;
  // Gutter heat and the line a view pointed at: decorations, which follow edits.
  const heatDecorations = editor.createDecorationsCollection();
  const targetDecorations = editor.createDecorationsCollection();
  return {
    kind: 'monaco',
    setLineHeat(heat) {
      heatDecorations.set(
        heat
          .filter((h) => h.share > 0 && h.line <= model.getLineCount())
          .map((h) => ({
            range: new monaco.Range(h.line, 1, h.line, 1),
            options: { linesDecorationsClassName: `wb-heat-${Math.max(1, Math.min(5, Math.ceil(h.share * 5)))}`, linesDecorationsTooltip: h.label },
          })),
      );
    },
    revealLine(line) {
      if (line < 1 || line > model.getLineCount()) return;
      targetDecorations.set([{ range: new monaco.Range(line, 1, line, 1), options: { isWholeLine: true, className: 'wb-line-target-editor' } }]);
      editor.revealLineInCenterIfOutsideViewport(line);
      editor.setPosition({ lineNumber: line, column: 1 });
    },
    getValue: () => model.getValue(),
    setValue(code: string) {
      if (code === model.getValue()) return;
      monaco.editor.setModelMarkers(model, MARKER_OWNER, []); // they pointed into the old text
      applyingSetValue = true;
      try {
        // An edit operation rather than model.setValue(), so Ctrl+Z can bring the old text back.
        model.pushStackElement();
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text: code }], () => null);
        model.pushStackElement();
      } finally {
        applyingSetValue = false;
      }
    },
    setMarkers(markers) {
      monaco.editor.setModelMarkers(model, MARKER_OWNER, toMonacoMarkers(model, markers, monaco));
    },
    clearMarkers() {
      monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
    },
    focus: () => editor.focus(),
    dispose() {
      if (disposed) return;
      disposed = true;
      stopFollowingHeight();
      stopEscapeThenTab();
      root.unmount(); // @monaco-editor/react disposes the editor and this cell's model
      wrapper.remove();
    },
  };
}
