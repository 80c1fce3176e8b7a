/**
 * Drives Monaco's tokenizer with shiki: the same TextMate grammar and the same
 * github-light / github-dark themes as the static render of the cells, so that switching
 * from static code to the editor changes no colour.
 */
import { shikiToMonaco } from '@shikijs/monaco';
import { CELL_THEMES } from '../../../cells/code-themes';
import type { ColorScheme } from '../color-scheme';
import { loadHighlighter } from '../shiki/highlighter';

export function monacoThemeFor(scheme: ColorScheme): string {
  return CELL_THEMES[scheme];
}

export async function installShikiHighlighting(monaco: unknown): Promise<void> {
  const highlighter = await loadHighlighter();
  // @shikijs/monaco is typed against monaco-editor-core, which has the same API as the
  // monaco-editor build bundled here; the cast only bridges the two package names.
  shikiToMonaco(highlighter, monaco as Parameters<typeof shikiToMonaco>[1]);
}
