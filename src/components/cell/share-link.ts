/**
 * Links that carry a cell's code: `#cell-<id>&code=<lz-string>`. The part
 * before `&` is the ordinary anchor of the cell, so the link still lands on
 * the right cell if the code part is lost. lz-string is loaded only when a
 * link is made or opened, never with the page.
 */

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

export async function decodeSharedCode(packed: string): Promise<string | undefined> {
  const code = (await loadLzString()).decompressFromEncodedURIComponent(packed);
  // lz-string answers null or "" for text that is not one of its outputs.
  return typeof code === 'string' && code.length > 0 ? code : undefined;
}

export async function shareUrl(pageUrl: string, cellId: string, code: string): Promise<string> {
  const lz = await loadLzString();
  const base = pageUrl.split('#')[0];
  return `${base}#cell-${cellId}${CODE_MARK}${lz.compressToEncodedURIComponent(code)}`;
}
