/**
 * Said wherever an error position recovered from the source is shown (the
 * console, the editor's marker, the CLI): a module of its own, so the page
 * can import it without the parser that does the recovering.
 */
export const RECOVERED_NOTE = 'position recovered from the source';
