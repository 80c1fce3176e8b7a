/**
 * The page's one shiki highlighter: the JavaScript grammar, the cells' two themes
 * and shiki's JavaScript regex engine (instead of the Oniguruma wasm, 231 KB gzip).
 * The editor drives Monaco's tokenizer with it, and cells showing code that is not
 * the build's original (restored edits) highlight with it, so both load one chunk once.
 */
import { createHighlighterCore, type HighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';

let highlighter: Promise<HighlighterCore> | undefined;

export function loadHighlighter(): Promise<HighlighterCore> {
  highlighter ??= createHighlighterCore({
    themes: [import('shiki/themes/github-light.mjs'), import('shiki/themes/github-dark.mjs')],
    langs: [import('shiki/langs/javascript.mjs')],
    engine: createJavaScriptRegexEngine(),
  });
  // A failed load (a chunk that did not arrive) may be tried again later.
  highlighter.catch(() => {
    highlighter = undefined;
  });
  return highlighter;
}
