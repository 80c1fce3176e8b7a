/**
 * Adds a stylesheet to the page when the module that needs it runs. The editor's CSS (and,
 * through vite-plugin-lazy-monaco-css.ts, Monaco's) is imported with `?inline` and injected
 * here, because Astro links every CSS file of a page script's module graph, dynamic imports
 * included, into the page's <head>: imported normally, 100 KB of Monaco CSS would load on
 * every chapter before anyone edits.
 */
const injected = new Set<string>();

export function injectCss(css: string): void {
  if (typeof document === 'undefined' || injected.has(css)) return;
  injected.add(css);
  const style = document.createElement('style');
  style.dataset.workbookEditor = '';
  style.textContent = css;
  document.head.append(style);
}
