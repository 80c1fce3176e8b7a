// @vitest-environment jsdom
/**
 * The cell's saved edits and share links, on jsdom's real localStorage:
 * versioned keys, corrupt or unavailable storage reported (never thrown),
 * and links that round-trip any code through lz-string.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { EDIT_STORE_VERSION, EditStore, editKey, fingerprint } from '../../../src/components/cell/edit-store';
import { decodeSharedCode, parseShareHash, shareUrl } from '../../../src/components/cell/share-link';
import { initialView, orderViews, parseShow } from '../../../src/components/cell/view-order';

afterEach(() => {
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('EditStore', () => {
  test('saves and restores per chapter and cell, under a versioned key', () => {
    const store = new EditStore('profiling', 'sleeper', 'original();');
    expect(store.load()).toEqual({ kind: 'none' });
    expect(store.save('edited();')).toBe(true);
    expect(store.key).toBe(editKey('profiling', 'sleeper'));
    expect(store.key).toContain(`v${EDIT_STORE_VERSION}`);
    expect(new EditStore('profiling', 'sleeper', 'original();').load()).toEqual({
      kind: 'saved',
      code: 'edited();',
      originalChanged: false,
    });
    expect(new EditStore('memory', 'sleeper', 'original();').load()).toEqual({ kind: 'none' });
    expect(new EditStore('profiling', 'other', 'original();').load()).toEqual({ kind: 'none' });
  });

  test('notices when the author changed the original since the edit', () => {
    new EditStore('c', 'x', 'version one').save('mine');
    expect(new EditStore('c', 'x', 'version two').load()).toEqual({ kind: 'saved', code: 'mine', originalChanged: true });
    expect(fingerprint('version one')).not.toBe(fingerprint('version two'));
  });

  test('garbage under the key is reported once and removed', () => {
    const store = new EditStore('c', 'x', 'o');
    localStorage.setItem(store.key, '{not json');
    expect(store.load()).toEqual({ kind: 'unreadable' });
    expect(localStorage.getItem(store.key)).toBeNull();
    localStorage.setItem(store.key, JSON.stringify({ v: 999, code: 'future format' }));
    expect(store.load()).toEqual({ kind: 'unreadable' });
  });

  test('full or disabled storage is reported, not thrown', () => {
    const store = new EditStore('c', 'x', 'o');
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    expect(store.save('code')).toBe(false);
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(store.load()).toEqual({ kind: 'unavailable' });
  });
});

describe('share links', () => {
  test('round-trip code, unicode and all, and keep the cell anchor first', async () => {
    const code = 'const s = "héllo → 世界";\nfor (let i = 0; i < 3; i++) console.log(s, i);\n';
    const url = await shareUrl('http://127.0.0.1:4321/profiling/#old-anchor', 'sleeper', code);
    const hash = new URL(url).hash;
    expect(hash.startsWith('#cell-sleeper&code=')).toBe(true);
    expect(url.startsWith('http://127.0.0.1:4321/profiling/#cell-sleeper')).toBe(true);
    const shared = parseShareHash(hash)!;
    expect(shared.cellId).toBe('sleeper');
    expect(decodeSharedCode(shared.packed)).toEqual({ kind: 'ok', code });
  });

  test('ordinary anchors and damaged links carry no code', async () => {
    expect(parseShareHash('#cell-sleeper')).toBeUndefined();
    expect(parseShareHash('#profile-before-you-optimise')).toBeUndefined();
    expect(parseShareHash('#cell-&code=abc')).toBeUndefined();
    expect(decodeSharedCode('%%%not-lz%%%')).toEqual({ kind: 'corrupt' });
  });
});

describe('view order', () => {
  test('the show= order, the console always offered (last when not listed), no duplicates, unknown views dropped', () => {
    const known = (id: string) => ['console', 'time', 'profile'].includes(id);
    expect(orderViews(parseShow('profile, time,console'), known)).toEqual(['profile', 'time', 'console']);
    expect(orderViews(parseShow('console,profile'), known)).toEqual(['console', 'profile']);
    expect(orderViews(parseShow('profile,nope,profile'), known)).toEqual(['profile', 'console']);
    expect(parseShow(null)).toEqual([]);
  });

  test('the first tab is the first of show=, a chosen tab wins, a failed run without data opens on the console', () => {
    const views = ['profile', 'tree', 'console'];
    expect(initialView(views)).toBe('profile');
    expect(initialView(views, { chosen: 'tree' })).toBe('tree');
    expect(initialView(views, { chosen: 'gone' })).toBe('profile');
    expect(initialView(views, { failed: true, hasData: () => false })).toBe('console');
    expect(initialView(views, { failed: true, hasData: () => true })).toBe('profile');
  });
});
