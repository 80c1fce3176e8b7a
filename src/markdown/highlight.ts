/**
 * Static highlighting of cell code with shiki, in the same grammar and the same
 * two themes that the editor uses through @shikijs/monaco, so the colours do not
 * change when the editor takes over. Starlight's `data-theme` on <html> picks the
 * theme through CSS variables (see src/styles/cells.css), so no script is needed.
 */
import { createHighlighter, createJavaScriptRegexEngine, type Highlighter } from 'shiki';
import type { Element, ElementContent } from 'hast';
import { CELL_THEMES, CELL_TOKENIZE_OPTIONS } from '../cells/code-themes';

let highlighter: Promise<Highlighter> | undefined;

function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({
    themes: [CELL_THEMES.light, CELL_THEMES.dark],
    langs: ['javascript'],
    // The JavaScript regex engine is the one the editor uses in the browser.
    engine: createJavaScriptRegexEngine(),
  });
  return highlighter;
}

/** Highlights JavaScript into a shiki `<pre class="shiki">` element. */
export async function highlightCode(code: string): Promise<Element> {
  const shiki = await getHighlighter();
  const root = shiki.codeToHast(code, {
    lang: 'javascript',
    themes: CELL_THEMES,
    ...CELL_TOKENIZE_OPTIONS,
    // Only CSS variables: the stylesheet chooses light or dark from data-theme.
    defaultColor: false,
  });
  const pre = root.children.find(
    (node): node is Element => node.type === 'element' && node.tagName === 'pre',
  );
  if (!pre) throw new Error('shiki returned no <pre>');
  // The wrapper around the code is the one focusable, scrollable element.
  delete pre.properties.tabindex;
  delete pre.properties.tabIndex;
  return pre;
}

/** Number of lines the code occupies (an empty cell still takes one line). */
export function countLines(code: string): number {
  return Math.max(1, code.replace(/\n$/, '').split('\n').length);
}

export type { Element, ElementContent };
