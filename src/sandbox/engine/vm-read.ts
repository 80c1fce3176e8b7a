/**
 * Bounds on what the host reads back from the VM, and the checks that turn
 * that untrusted text into plain data. Every size is decided before the host
 * copies a string out of the VM or parses it.
 */

/** Longest string a host function receives (console text is capped further by the output cap). */
export const HOST_STRING_MAX_CHARS = 1024 * 1024 + 1;
/** Longest error message or stack text read from a thrown value. */
export const THROWN_MAX_CHARS = 64 * 1024;
/** Largest JSON text of one tool's collected data (profile, memory records). */
export const COLLECT_MAX_CHARS = 32 * 1024 * 1024;

/** Cuts a text to maxChars and maxLines, saying so at the end. */
export function boundErrorText(text: string, maxChars: number, maxLines = Infinity): string {
  let end = Math.min(text.length, maxChars);
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    if (++lines > maxLines) {
      end = i;
      break;
    }
  }
  return end < text.length ? `${text.slice(0, end)} … (message truncated: ${text.length.toLocaleString('en-US')} characters)` : text;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The collected JSON as {toolId: data}; anything else becomes {} with a note. */
export function parseCollected(text: string): { raw: Record<string, unknown>; notes: string[] } {
  if (!text) return { raw: {}, notes: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { raw: {}, notes: ['The tools\' data of this run could not be read, and was dropped.'] };
  }
  if (!isPlainObject(parsed)) return { raw: {}, notes: ['The tools\' data of this run was not in the expected shape, and was dropped.'] };
  const raw: Record<string, unknown> = Object.create(null);
  const notes: string[] = [];
  for (const [id, data] of Object.entries(parsed)) {
    raw[id] = data;
    if (isPlainObject(data) && data.dropped === true) notes.push(`The ${id} tool's data was dropped: ${typeof data.error === 'string' ? data.error : 'it was too large'}.`);
  }
  return { raw, notes };
}

/** "now,simulated,resolution" as numbers, or undefined if any is not a finite number. */
export function parseTiming(text: string): { now: number; simulated: number; resolution: number } | undefined {
  const parts = text.split(',').map(Number);
  if (parts.length !== 3 || !parts.every(Number.isFinite)) return undefined;
  const [now, simulated, resolution] = parts;
  return { now, simulated, resolution };
}
