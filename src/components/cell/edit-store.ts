/**
 * Saved edits of one cell in localStorage, under a versioned key per chapter
 * and cell. Storage may be missing, disabled, full or hold garbage: every
 * method reports instead of throwing, so editing never depends on it.
 */
import { codeTooLarge, MAX_CODE_CHARS } from './code-limits';

/** Bump when the stored shape changes; old entries are then ignored. */
export const EDIT_STORE_VERSION = 1;
const KEY_PREFIX = `workbook:edits:v${EDIT_STORE_VERSION}:`;
/** The learner's own version, kept when they adopt a link's code over it (see wb-cell.ts). */
const BACKUP_SUFFIX = ':before-link';

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
  | { kind: 'too-large'; why: string }
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

  /** The learner's version from before they adopted a link's code (a store of its own). */
  backup(): EditStore {
    const other = Object.create(EditStore.prototype) as EditStore;
    Object.assign(other, { key: this.key + BACKUP_SUFFIX, base: this.base });
    return other;
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
    // A stored entry is read whole by JSON.parse: refuse one that could not hold code of a bounded size.
    if (raw.length > MAX_CODE_CHARS * 2 + 1024) return this.refuse(`it is longer than ${MAX_CODE_CHARS / 1024} KB`);
    try {
      const parsed = JSON.parse(raw) as Partial<StoredEdit>;
      if (parsed?.v !== EDIT_STORE_VERSION || typeof parsed.code !== 'string') throw new Error('bad shape');
      const why = codeTooLarge(parsed.code);
      if (why) return this.refuse(why);
      return { kind: 'saved', code: parsed.code, originalChanged: parsed.base !== this.base };
    } catch {
      // Garbage under our key: drop it so it cannot fail again on every load.
      this.clear();
      return { kind: 'unreadable' };
    }
  }

  /** Oversized edits are dropped (they would freeze the page on every load), and the learner is told why. */
  private refuse(why: string): LoadOutcome {
    this.clear();
    return { kind: 'too-large', why };
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
