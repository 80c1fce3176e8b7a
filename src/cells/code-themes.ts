/**
 * The two shiki themes every view of a cell's code uses: the build's static
 * highlighting (src/markdown/highlight.ts), the page's highlighting of edited
 * code, and the editor. One constant, so the colours never change when one
 * takes over from another.
 */
export const CELL_THEMES = { light: 'github-light', dark: 'github-dark' } as const;
