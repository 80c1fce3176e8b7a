/**
 * The two shiki themes every view of a cell's code uses: the build's static
 * highlighting (src/markdown/highlight.ts), the page's highlighting of edited
 * code, and the editor. One constant, so the colours never change when one
 * takes over from another.
 */
export const CELL_THEMES = { light: 'github-light', dark: 'github-dark' } as const;

/**
 * How the build and the page tokenize a cell's code, so both make the same markup.
 * shiki stops a line after 500 ms by default and leaves the rest uncoloured in one
 * theme only; on a busy machine the first line (where the grammar's regexes are
 * compiled) crossed that, at build time or on the page. No time limit, then; the
 * line length cap bounds the work instead (a longer line stays plain).
 */
export const CELL_TOKENIZE_OPTIONS = { tokenizeTimeLimit: 0, tokenizeMaxLineLength: 2000 } as const;
