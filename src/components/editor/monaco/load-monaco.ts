/**
 * One Monaco for the whole page, set up once: the locally bundled monaco-editor (never a CDN),
 * the JavaScript language only, the editor worker through Vite, and shiki's grammar and themes
 * so the editor's colours are the static render's colours.
 *
 * This module is reached only through a dynamic import (on the learner's first edit), because
 * Monaco touches `window` as soon as it is imported.
 */
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api';
// Only the editor features a cell needs, instead of editor.all.js (which drags in the diff
// editor, inline completions, code lenses...). Typing and cursor movement live in coreCommands.
import 'monaco-editor/esm/vs/editor/browser/coreCommands.js';
import 'monaco-editor/esm/vs/editor/browser/widget/codeEditor/codeEditorWidget.js';
import 'monaco-editor/esm/vs/editor/contrib/bracketMatching/browser/bracketMatching.js';
import 'monaco-editor/esm/vs/editor/contrib/clipboard/browser/clipboard.js';
import 'monaco-editor/esm/vs/editor/contrib/comment/browser/comment.js';
import 'monaco-editor/esm/vs/editor/contrib/contextmenu/browser/contextmenu.js';
import 'monaco-editor/esm/vs/editor/contrib/cursorUndo/browser/cursorUndo.js';
import 'monaco-editor/esm/vs/editor/contrib/find/browser/findController.js';
import 'monaco-editor/esm/vs/editor/contrib/gotoError/browser/gotoError.js';
import 'monaco-editor/esm/vs/editor/contrib/hover/browser/hoverContribution.js';
import 'monaco-editor/esm/vs/editor/contrib/indentation/browser/indentation.js';
import 'monaco-editor/esm/vs/editor/contrib/linesOperations/browser/linesOperations.js';
import 'monaco-editor/esm/vs/editor/contrib/multicursor/browser/multicursor.js';
import 'monaco-editor/esm/vs/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode.js';
import 'monaco-editor/esm/vs/editor/contrib/wordOperations/browser/wordOperations.js';
import 'monaco-editor/esm/vs/editor/common/standaloneStrings.js';
import 'monaco-editor/esm/vs/base/browser/ui/codicons/codiconStyles.js';
// Registers the language id and its brackets/comments configuration. Its Monarch tokenizer is
// only a fallback factory: the tokens provider set by shikiToMonaco takes precedence.
import 'monaco-editor/esm/vs/basic-languages/javascript/javascript.contribution.js';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import { loader } from '@monaco-editor/react';
import { installShikiHighlighting, monacoThemeFor } from './shiki-highlighting';
import { currentColorScheme, observeColorScheme } from '../color-scheme';

export type Monaco = typeof monaco;

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

let ready: Promise<Monaco> | undefined;

/** Resolves with the page's single Monaco instance, ready for @monaco-editor/react. */
export function loadMonaco(): Promise<Monaco> {
  ready ??= setUp().catch((error: unknown) => {
    ready = undefined; // a later edit may try again (e.g. after a network hiccup)
    throw error;
  });
  return ready;
}

async function setUp(): Promise<Monaco> {
  // JavaScript without IntelliSense needs only the generic editor worker (diffs, word ranges,
  // link detection); the 5-7 MB TypeScript worker is deliberately left out.
  self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

  await installShikiHighlighting(monaco);
  monaco.editor.setTheme(monacoThemeFor(currentColorScheme()));
  observeColorScheme((scheme) => monaco.editor.setTheme(monacoThemeFor(scheme)));

  // Must precede the first <Editor> mount, or @monaco-editor/react fetches Monaco from a CDN.
  loader.config({ monaco });
  await loader.init();
  return monaco;
}
