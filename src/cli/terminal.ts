/**
 * What the CLI writes to the learner's terminal. Learner output may hold
 * terminal control sequences (an OSC 52 clipboard write, a title change, a
 * cursor move that hides earlier lines): every C0 and C1 control except line
 * feed and tab is shown visibly instead, e.g. ESC as `\x1b`.
 */

// C0 controls but \t (0x09) and \n (0x0a), DEL, and the C1 range.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
// The renderers' own colours (SGR: ESC [ digits ; m) when colour output is on.
// eslint-disable-next-line no-control-regex
const SGR = /\x1b\[[0-9;]*m/g;

const visible = (c: string) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

/** The text with every control character but \n and \t written out visibly. */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, visible);
}

/** As escapeControls, but keeps colour sequences (for renderers that colour their own output). */
export function escapeControlsKeepingColour(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(SGR)) {
    out += escapeControls(text.slice(last, m.index)) + m[0];
    last = m.index! + m[0].length;
  }
  return out + escapeControls(text.slice(last));
}

export const writeOut = (text: string): void => void process.stdout.write(escapeControls(text));
export const writeErr = (text: string): void => void process.stderr.write(escapeControls(text));
