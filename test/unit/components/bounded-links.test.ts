// @vitest-environment jsdom
/**
 * Share links and saved edits that would freeze the page (issue 15, item 6):
 * the bounded lz-string decoder agrees with lz-string itself on every text it
 * accepts, and refuses a link that expands past the bound without expanding it.
 */
import { describe, expect, test } from 'vitest';
import lz from 'lz-string';
import { decodeLzUriBounded } from '../../../src/components/cell/lz-decode';
import { decodeSharedCode } from '../../../src/components/cell/share-link';
import { EditStore, editKey, EDIT_STORE_VERSION } from '../../../src/components/cell/edit-store';
import { MAX_CODE_CHARS, MAX_CODE_LINES } from '../../../src/components/cell/code-limits';

/** A deterministic pseudo-random text (xorshift), mixing ASCII, newlines and astral characters. */
function randomText(seed: number, length: number): string {
  let x = seed || 1;
  const pool = 'abc xyz{}();=>\n\t"\'\\é€世😀\u0000\u2028';
  const chars = [...pool];
  let out = '';
  for (let i = 0; i < length; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    out += chars[(x >>> 0) % chars.length];
  }
  return out;
}

describe('the bounded lz-string decoder', () => {
  test('decodes what lz-string encodes, exactly (200 texts, lz-string as the oracle)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const text = randomText(seed, seed * 7);
      const packed = lz.compressToEncodedURIComponent(text);
      expect(decodeLzUriBounded(packed, 1e6)).toEqual({ kind: 'ok', text });
      expect(lz.decompressFromEncodedURIComponent(packed)).toBe(text);
    }
  });

  test('says corrupt where lz-string gives nothing', () => {
    for (const bad of ['%%%', 'A', '', 'zzzz', lz.compressToEncodedURIComponent('hello').slice(0, 3)]) {
      expect(decodeLzUriBounded(bad, 1e6).kind).not.toBe('ok');
    }
  });

  test('refuses a 2 KB link of a million lines without building it', () => {
    const bomb = lz.compressToEncodedURIComponent('\n'.repeat(1_000_000));
    expect(bomb.length).toBeLessThan(4096);
    const t0 = performance.now();
    expect(decodeLzUriBounded(bomb, MAX_CODE_CHARS)).toEqual({ kind: 'too-large' });
    expect(decodeSharedCode(bomb).kind).toBe('too-large');
    // Work proportional to the bound, not to the expansion (lz-string itself builds the 1 MB text).
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  test('refuses code of too many short lines, and accepts code at the bound', () => {
    const many = 'x\n'.repeat(MAX_CODE_LINES);
    expect(decodeSharedCode(lz.compressToEncodedURIComponent(many))).toMatchObject({ kind: 'too-large', why: expect.stringMatching(/lines/) });
    const fits = 'x\n'.repeat(MAX_CODE_LINES - 1) + 'x';
    expect(decodeSharedCode(lz.compressToEncodedURIComponent(fits))).toEqual({ kind: 'ok', code: fits });
  });
});

describe('oversized saved edits', () => {
  test('are refused, dropped and explained, never returned as code', () => {
    const store = new EditStore('testing', 'big', 'original();');
    for (const code of ['y;\n'.repeat(MAX_CODE_LINES + 1), 'z'.repeat(MAX_CODE_CHARS + 1)]) {
      localStorage.setItem(editKey('testing', 'big'), JSON.stringify({ v: EDIT_STORE_VERSION, code, base: 'x', savedAt: 1 }));
      expect(store.load()).toMatchObject({ kind: 'too-large' });
      expect(localStorage.getItem(editKey('testing', 'big'))).toBeNull();
    }
    localStorage.setItem(editKey('testing', 'big'), 'x'.repeat(MAX_CODE_CHARS * 3));
    expect(store.load()).toMatchObject({ kind: 'too-large' });
  });

  test('the backup slot is a store of its own', () => {
    const store = new EditStore('testing', 'pair', 'original();');
    store.save('mine();');
    store.backup().save('older();');
    expect(store.load()).toMatchObject({ kind: 'saved', code: 'mine();' });
    expect(store.backup().load()).toMatchObject({ kind: 'saved', code: 'older();' });
    store.backup().clear();
    expect(store.load()).toMatchObject({ kind: 'saved', code: 'mine();' });
  });
});
