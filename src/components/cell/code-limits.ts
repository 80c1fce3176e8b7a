/**
 * How much code a cell accepts from outside the build (a share link, saved
 * edits): a page must never freeze because a 2 KB link decompresses to a
 * million lines. Far above any chapter's cell, far below what hurts.
 */
export const MAX_CODE_CHARS = 256 * 1024;
export const MAX_CODE_LINES = 5000;

/** Why this code is refused, in a learner's words; undefined when it fits. */
export function codeTooLarge(code: string): string | undefined {
  if (code.length > MAX_CODE_CHARS) return `it is longer than ${MAX_CODE_CHARS / 1024} KB`;
  let lines = 1;
  for (let at = code.indexOf('\n'); at >= 0; at = code.indexOf('\n', at + 1)) {
    if (++lines > MAX_CODE_LINES) return `it has more than ${MAX_CODE_LINES.toLocaleString('en-US')} lines`;
  }
  return undefined;
}
