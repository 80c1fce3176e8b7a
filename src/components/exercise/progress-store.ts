/**
 * Exercise progress in localStorage, under one versioned key. Storage may be
 * missing, blocked, full or hold garbage: nothing here throws. When storage
 * fails, progress lives in memory for the rest of the visit and `persistent`
 * says so, so the page can tell the learner without breaking.
 *
 * Every change is announced with a `wb-progress-change` event on window (and
 * other tabs hear of it through the `storage` event), so the sidebar, the
 * progress page and each exercise stay in step.
 */

export const PROGRESS_VERSION = 1;
export const PROGRESS_KEY = `workbook:progress:v${PROGRESS_VERSION}`;
export const PROGRESS_EVENT = 'wb-progress-change';
/** The `format` field of an exported progress file. */
export const PROGRESS_FILE_FORMAT = 'workbook-progress';

export type ExerciseStatus = 'started' | 'solved';

export interface ExerciseProgress {
  status: ExerciseStatus;
  /** Hints revealed so far. */
  hints: number;
  /** The learner chose to see the solution. */
  solutionShown: boolean;
  /** When it was first solved (ms since 1970). */
  solvedAt?: number;
  updatedAt: number;
}

export interface ProgressData {
  v: number;
  /** Keyed by "chapter/exercise-id". */
  exercises: Record<string, ExerciseProgress>;
}

export interface ProgressFile {
  format: typeof PROGRESS_FILE_FORMAT;
  version: number;
  exportedAt: string;
  exercises: Record<string, ExerciseProgress>;
}

export const progressKey = (chapter: string, id: string) => `${chapter}/${id}`;

const KEY_PATTERN = /^[a-z0-9][a-z0-9/_-]*\/[a-z0-9][a-z0-9-]*$/;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** One exercise's entry if it has the right shape, cleaned; otherwise undefined. */
function cleanEntry(value: unknown): ExerciseProgress | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const entry = value as Partial<ExerciseProgress>;
  if (entry.status !== 'started' && entry.status !== 'solved') return undefined;
  const hints = Number.isInteger(entry.hints) && (entry.hints as number) >= 0 ? Math.min(entry.hints as number, 100) : 0;
  const updatedAt = typeof entry.updatedAt === 'number' && Number.isFinite(entry.updatedAt) ? entry.updatedAt : 0;
  const cleaned: ExerciseProgress = { status: entry.status, hints, solutionShown: entry.solutionShown === true, updatedAt };
  if (entry.status === 'solved' && typeof entry.solvedAt === 'number' && Number.isFinite(entry.solvedAt)) cleaned.solvedAt = entry.solvedAt;
  return cleaned;
}

function cleanExercises(value: unknown): Record<string, ExerciseProgress> {
  const out: Record<string, ExerciseProgress> = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    const entry = cleanEntry(raw);
    if (entry && KEY_PATTERN.test(key)) out[key] = entry;
  }
  return out;
}

/** The better of two records of one exercise: solved beats started; hints and a seen solution add up. */
export function mergeEntries(a: ExerciseProgress | undefined, b: ExerciseProgress): ExerciseProgress {
  if (!a) return b;
  const solved = a.status === 'solved' || b.status === 'solved';
  const merged: ExerciseProgress = {
    status: solved ? 'solved' : 'started',
    hints: Math.max(a.hints, b.hints),
    solutionShown: a.solutionShown || b.solutionShown,
    updatedAt: Math.max(a.updatedAt, b.updatedAt),
  };
  const solvedAt = [a.solvedAt, b.solvedAt].filter((t): t is number => typeof t === 'number');
  if (solved && solvedAt.length) merged.solvedAt = Math.min(...solvedAt);
  return merged;
}

export type ImportOutcome = { ok: true; count: number } | { ok: false; reason: string };

export class ProgressStore {
  private memory: ProgressData = { v: PROGRESS_VERSION, exercises: {} };
  /** False once storage has failed: progress is then kept for this visit only. */
  persistent = true;
  /** The stored data could not be read and was set aside. */
  unreadable = false;

  constructor(private readonly getStorage: () => Storage | undefined = storage) {}

  load(): ProgressData {
    const store = this.getStorage();
    if (!store) {
      this.persistent = false;
      return this.memory;
    }
    let raw: string | null;
    try {
      raw = store.getItem(PROGRESS_KEY);
    } catch {
      this.persistent = false;
      return this.memory;
    }
    if (raw === null) return (this.memory = { v: PROGRESS_VERSION, exercises: { ...this.memory.exercises } });
    try {
      const parsed = JSON.parse(raw) as Partial<ProgressData>;
      if (parsed?.v !== PROGRESS_VERSION) throw new Error('unknown version');
      this.memory = { v: PROGRESS_VERSION, exercises: cleanExercises(parsed.exercises) };
    } catch {
      this.unreadable = true;
    }
    return this.memory;
  }

  get(key: string): ExerciseProgress | undefined {
    return this.load().exercises[key];
  }

  /** Applies a change to one exercise and saves; returns the new entry. */
  update(key: string, change: (entry: ExerciseProgress) => ExerciseProgress): ExerciseProgress {
    const data = this.load();
    const base = data.exercises[key] ?? { status: 'started', hints: 0, solutionShown: false, updatedAt: 0 };
    const next = { ...change({ ...base }), updatedAt: Date.now() };
    data.exercises[key] = next;
    this.save(data);
    return next;
  }

  markSolved(key: string): ExerciseProgress {
    return this.update(key, (entry) => ({ ...entry, status: 'solved', solvedAt: entry.solvedAt ?? Date.now() }));
  }

  markTried(key: string): ExerciseProgress {
    return this.update(key, (entry) => entry);
  }

  noteHints(key: string, hints: number): ExerciseProgress {
    return this.update(key, (entry) => ({ ...entry, hints: Math.max(entry.hints, hints) }));
  }

  noteSolutionShown(key: string): ExerciseProgress {
    return this.update(key, (entry) => ({ ...entry, solutionShown: true }));
  }

  reset(): void {
    this.memory = { v: PROGRESS_VERSION, exercises: {} };
    this.unreadable = false;
    const store = this.getStorage();
    try {
      store?.removeItem(PROGRESS_KEY);
    } catch {
      this.persistent = false;
    }
    announce();
  }

  toFile(now = new Date()): ProgressFile {
    return { format: PROGRESS_FILE_FORMAT, version: PROGRESS_VERSION, exportedAt: now.toISOString(), exercises: { ...this.load().exercises } };
  }

  /** Merges an exported file into the saved progress (nothing already solved is lost). */
  importText(text: string): ImportOutcome {
    let parsed: Partial<ProgressFile>;
    try {
      parsed = JSON.parse(text) as Partial<ProgressFile>;
    } catch {
      return { ok: false, reason: 'This file is not a progress file (it is not JSON).' };
    }
    if (parsed?.format !== PROGRESS_FILE_FORMAT) return { ok: false, reason: 'This file is not a workbook progress file.' };
    if (parsed.version !== PROGRESS_VERSION) return { ok: false, reason: `This progress file has version ${String(parsed.version)}, which this workbook cannot read.` };
    const incoming = cleanExercises(parsed.exercises);
    const data = this.load();
    for (const [key, entry] of Object.entries(incoming)) data.exercises[key] = mergeEntries(data.exercises[key], entry);
    this.save(data);
    return { ok: true, count: Object.keys(incoming).length };
  }

  private save(data: ProgressData): void {
    this.memory = data;
    const store = this.getStorage();
    try {
      if (!store) throw new Error('no storage');
      store.setItem(PROGRESS_KEY, JSON.stringify(data));
      this.persistent = true;
      this.unreadable = false;
    } catch {
      this.persistent = false;
    }
    announce();
  }
}

function announce(): void {
  try {
    globalThis.dispatchEvent?.(new CustomEvent(PROGRESS_EVENT));
  } catch {
    /* no window (tests in Node): nobody to tell */
  }
}

/** Calls back on every change of progress, in this tab or another. Returns a function that stops listening. */
export function onProgressChange(callback: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === PROGRESS_KEY) callback();
  };
  window.addEventListener(PROGRESS_EVENT, callback);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(PROGRESS_EVENT, callback);
    window.removeEventListener('storage', onStorage);
  };
}

/** The page's one store. */
export const progress = new ProgressStore();
