/**
 * Drives Monaco's tokenizer with shiki: the same TextMate grammar and the same
 * github-light / github-dark themes as the static render of the cells, so that switching
 * from static code to the editor changes no colour. Shiki's JavaScript regex engine is used
 * instead of the Oniguruma wasm (231 KB gzip).
 */
import { createHighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { shikiToMonaco } from '@shikijs/monaco';
import type { ColorScheme } from '../color-scheme';

/** The shiki themes of the static render; keep in step with src/markdown. */
export const SHIKI_THEMES = { light: 'github-light', dark: 'github-dark' } as const;

export function monacoThemeFor(scheme: ColorScheme): string {
  return SHIKI_THEMES[scheme];
}

export async function installShikiHighlighting(monaco: unknown): Promise<void> {
  const highlighter = await createHighlighterCore({
    themes: [import('shiki/themes/github-light.mjs'), import('shiki/themes/github-dark.mjs')],
    langs: [import('shiki/langs/javascript.mjs')],
    engine: createJavaScriptRegexEngine(),
  });
  // @shikijs/monaco is typed against monaco-editor-core, which has the same API as the
  // monaco-editor build bundled here; the cast only bridges the two package names.
  shikiToMonaco(highlighter, monaco as Parameters<typeof shikiToMonaco>[1]);
}
