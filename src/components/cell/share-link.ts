/**
 * Links that carry a cell's code: `#cell-<id>&code=<lz-string>`. The part
 * before `&` is the ordinary anchor of the cell, so the link still lands on
 * the right cell if the code part is lost. lz-string is loaded only when a
 * link is made; opening one uses the bounded decoder of lz-decode.ts.
 */

import { codeTooLarge, MAX_CODE_CHARS } from './code-limits';
import { decodeLzUriBounded } from './lz-decode';

const CODE_MARK = '&code=';

export interface SharedCode {
  cellId: string;
  /** Compressed code, still to be decoded with decodeSharedCode. */
  packed: string;
}

/** Reads a location hash; undefined when it carries no code. */
export function parseShareHash(hash: string): SharedCode | undefined {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const at = text.indexOf(CODE_MARK);
  if (!text.startsWith('cell-') || at < 0) return undefined;
  const cellId = text.slice('cell-'.length, at);
  const packed = text.slice(at + CODE_MARK.length);
  return cellId && packed ? { cellId, packed } : undefined;
}

type LzString = typeof import('lz-string');

/** lz-string is CommonJS: bundlers hand it over as the default export or as the namespace. */
async function loadLzString(): Promise<LzString> {
  const module = (await import('lz-string')) as LzString & { default?: LzString };
  return module.default ?? module;
}

export type SharedCodeOutcome = { kind: 'ok'; code: string } | { kind: 'corrupt' } | { kind: 'too-large'; why: string };

/** Decodes a link's code within the cell's size bounds (code-limits.ts); never expands past them. */
export function decodeSharedCode(packed: string): SharedCodeOutcome {
  const decoded = decodeLzUriBounded(packed, MAX_CODE_CHARS);
  if (decoded.kind === 'too-large') return { kind: 'too-large', why: `it is longer than ${MAX_CODE_CHARS / 1024} KB` };
  if (decoded.kind === 'corrupt' || decoded.text.length === 0) return { kind: 'corrupt' };
  const why = codeTooLarge(decoded.text);
  return why ? { kind: 'too-large', why } : { kind: 'ok', code: decoded.text };
}

export async function shareUrl(pageUrl: string, cellId: string, code: string): Promise<string> {
  const lz = await loadLzString();
  const base = pageUrl.split('#')[0];
  return `${base}#cell-${cellId}${CODE_MARK}${lz.compressToEncodedURIComponent(code)}`;
}
