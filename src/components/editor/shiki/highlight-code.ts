/**
 * Highlights a cell's code on the page into the same `<pre class="shiki">` the build
 * makes (src/markdown/highlight.ts): CSS-variable colours for both themes, one
 * `span.line` per line, and no tabindex (the code's wrapper is the focusable element).
 */
import { CELL_THEMES, CELL_TOKENIZE_OPTIONS } from '../../../cells/code-themes';
import { loadHighlighter } from './highlighter';

export async function highlightedPre(code: string): Promise<HTMLPreElement | undefined> {
  const highlighter = await loadHighlighter();
  const html = highlighter.codeToHtml(code, { lang: 'javascript', themes: CELL_THEMES, defaultColor: false, ...CELL_TOKENIZE_OPTIONS });
  const template = document.createElement('template');
  template.innerHTML = html;
  const pre = template.content.querySelector('pre');
  pre?.removeAttribute('tabindex');
  return pre ?? undefined;
}
