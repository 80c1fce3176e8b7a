/**
 * Saved edits of one cell in localStorage, under a versioned key per chapter
 * and cell. Storage may be missing, disabled, full or hold garbage: every
 * method reports instead of throwing, so editing never depends on it.
 */

/** Bump when the stored shape changes; old entries are then ignored. */
export const EDIT_STORE_VERSION = 1;
const KEY_PREFIX = `workbook:edits:v${EDIT_STORE_VERSION}:`;

interface StoredEdit {
  v: number;
  code: string;
  /** Hash of the original code the edit started from: tells when the author changed it since. */
  base: string;
  savedAt: number;
}

export type LoadOutcome =
  | { kind: 'none' }
  | { kind: 'saved'; code: string; originalChanged: boolean }
  | { kind: 'unreadable' }
  | { kind: 'unavailable' };

export function editKey(chapter: string, cellId: string): string {
  return `${KEY_PREFIX}${chapter}/${cellId}`;
}

/** FNV-1a: a short, stable fingerprint of the original code (not security). */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

function storage(): Storage | undefined {
  try {
    // Reading the property itself throws when cookies/storage are blocked.
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export class EditStore {
  readonly key: string;
  private readonly base: string;

  constructor(chapter: string, cellId: string, original: string) {
    this.key = editKey(chapter, cellId);
    this.base = fingerprint(original);
  }

  load(): LoadOutcome {
    const store = storage();
    if (!store) return { kind: 'unavailable' };
    let raw: string | null;
    try {
      raw = store.getItem(this.key);
    } catch {
      return { kind: 'unavailable' };
    }
    if (raw === null) return { kind: 'none' };
    try {
      const parsed = JSON.parse(raw) as Partial<StoredEdit>;
      if (parsed?.v !== EDIT_STORE_VERSION || typeof parsed.code !== 'string') throw new Error('bad shape');
      return { kind: 'saved', code: parsed.code, originalChanged: parsed.base !== this.base };
    } catch {
      // Garbage under our key: drop it so it cannot fail again on every load.
      this.clear();
      return { kind: 'unreadable' };
    }
  }

  /** Saves the code; returns false when it could not be kept. */
  save(code: string): boolean {
    const store = storage();
    if (!store) return false;
    const entry: StoredEdit = { v: EDIT_STORE_VERSION, code, base: this.base, savedAt: Date.now() };
    try {
      store.setItem(this.key, JSON.stringify(entry));
      return true;
    } catch {
      return false;
    }
  }

  clear(): boolean {
    const store = storage();
    if (!store) return false;
    try {
      store.removeItem(this.key);
      return true;
    } catch {
      return false;
    }
  }
}
