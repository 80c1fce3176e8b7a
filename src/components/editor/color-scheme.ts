/**
 * Starlight resolves its theme switch ("auto" included) into
 * `<html data-theme="light|dark">`; the editor follows that attribute.
 */
export type ColorScheme = 'light' | 'dark';

export function currentColorScheme(): ColorScheme {
  return document.documentElement.dataset.theme === 'light' ? 'light' : 'dark';
}

/** Calls `onChange` whenever the page's theme flips; returns a function that stops observing. */
export function observeColorScheme(onChange: (scheme: ColorScheme) => void): () => void {
  let last = currentColorScheme();
  const observer = new MutationObserver(() => {
    const next = currentColorScheme();
    if (next !== last) {
      last = next;
      onChange(next);
    }
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
