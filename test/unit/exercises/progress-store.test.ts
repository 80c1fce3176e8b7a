/** Saved progress: versioned, merged on import, and never throwing when storage fails. */
import { describe, expect, it } from 'vitest';
import { PROGRESS_KEY, ProgressStore, mergeEntries } from '../../../src/components/exercise/progress-store';
import { indexExercises } from '../../../src/components/exercise/exercise-index';

/** A real (in-memory) implementation of the Web Storage interface. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
}

class FullStorage extends MemoryStorage {
  setItem(): void {
    throw new DOMException('quota', 'QuotaExceededError');
  }
}

describe('ProgressStore', () => {
  it('saves solved exercises under a versioned key, and reads them back in a new store', () => {
    const storage = new MemoryStorage();
    const store = new ProgressStore(() => storage);
    store.noteHints('profiling/a', 2);
    store.markSolved('profiling/a');
    expect(JSON.parse(storage.getItem(PROGRESS_KEY)!).v).toBe(1);
    const again = new ProgressStore(() => storage).get('profiling/a');
    expect(again).toMatchObject({ status: 'solved', hints: 2, solutionShown: false });
    expect(again?.solvedAt).toBeGreaterThan(0);
  });

  it('keeps the first solve time and never goes back from solved to started', () => {
    const store = new ProgressStore(() => new MemoryStorage());
    const first = store.markSolved('memory/x');
    const later = store.markTried('memory/x');
    expect(later.status).toBe('solved');
    expect(later.solvedAt).toBe(first.solvedAt);
  });

  it('ignores data of another version or garbage, and says it could not read it', () => {
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, '{not json');
    const store = new ProgressStore(() => storage);
    expect(store.load().exercises).toEqual({});
    expect(store.unreadable).toBe(true);
    storage.setItem(PROGRESS_KEY, JSON.stringify({ v: 99, exercises: { 'a/b': { status: 'solved' } } }));
    expect(new ProgressStore(() => storage).load().exercises).toEqual({});
  });

  it('keeps working in memory when storage is missing or full, and says progress is not persistent', () => {
    for (const getStorage of [() => undefined, () => new FullStorage()]) {
      const store = new ProgressStore(getStorage);
      expect(() => store.markSolved('profiling/a')).not.toThrow();
      expect(store.persistent).toBe(false);
    }
  });

  it('exports a file that imports into another browser, merging without losing a solve', () => {
    const here = new ProgressStore(() => new MemoryStorage());
    here.markSolved('profiling/a');
    here.noteSolutionShown('memory/b');
    const file = JSON.stringify(here.toFile(new Date('2025-01-02T03:04:05Z')));
    expect(JSON.parse(file)).toMatchObject({ format: 'workbook-progress', version: 1, exportedAt: '2025-01-02T03:04:05.000Z' });

    const there = new ProgressStore(() => new MemoryStorage());
    there.markSolved('memory/b');
    there.noteHints('profiling/a', 3);
    expect(there.importText(file)).toEqual({ ok: true, count: 2 });
    expect(there.get('profiling/a')).toMatchObject({ status: 'solved', hints: 3 });
    expect(there.get('memory/b')).toMatchObject({ status: 'solved', solutionShown: true });
  });

  it('refuses files that are not progress files, changing nothing', () => {
    const store = new ProgressStore(() => new MemoryStorage());
    store.markSolved('profiling/a');
    expect(store.importText('hello')).toMatchObject({ ok: false });
    expect(store.importText('{"format":"something-else"}')).toMatchObject({ ok: false });
    expect(store.importText('{"format":"workbook-progress","version":7,"exercises":{}}')).toMatchObject({ ok: false, reason: expect.stringContaining('version 7') });
    expect(Object.keys(store.load().exercises)).toEqual(['profiling/a']);
  });

  it('drops malformed records from an imported file', () => {
    const store = new ProgressStore(() => new MemoryStorage());
    const file = { format: 'workbook-progress', version: 1, exercises: { 'a/ok': { status: 'solved', hints: 1 }, 'a/bad': { status: 'done' }, 'no-slash': { status: 'solved' } } };
    expect(store.importText(JSON.stringify(file))).toEqual({ ok: true, count: 1 });
    expect(Object.keys(store.load().exercises)).toEqual(['a/ok']);
  });

  it('forgets everything on reset', () => {
    const storage = new MemoryStorage();
    const store = new ProgressStore(() => storage);
    store.markSolved('profiling/a');
    store.reset();
    expect(storage.getItem(PROGRESS_KEY)).toBeNull();
    expect(store.load().exercises).toEqual({});
  });

  it('merges two records of one exercise', () => {
    const merged = mergeEntries(
      { status: 'started', hints: 2, solutionShown: true, updatedAt: 5 },
      { status: 'solved', hints: 1, solutionShown: false, solvedAt: 3, updatedAt: 4 },
    );
    expect(merged).toEqual({ status: 'solved', hints: 2, solutionShown: true, solvedAt: 3, updatedAt: 5 });
  });
});

describe('indexExercises', () => {
  const exercise = (id: string) =>
    [`::::exercise{id=${id} title="T ${id}"}`, '```js cell id=' + id + '-code', '1;', '```', '```js check', 'pass();', '```', ':::hint', 'h', ':::', ':::solution', '```js', '2;', '```', ':::', '::::'].join('\n');

  it('lists chapters with exercises in sidebar order, with their links', () => {
    const index = indexExercises(
      [
        { id: 'memory', title: 'Memory', body: exercise('m1'), isMdx: false },
        { id: 'profiling', title: 'Profiling', body: `${exercise('p1')}\n\n${exercise('p2')}`, isMdx: false },
        { id: 'index', title: 'Home', body: 'No exercises.', isMdx: true },
      ],
      [{ type: 'link', href: '/' }, { type: 'group', entries: [{ type: 'link', href: '/profiling/' }, { type: 'link', href: '/memory/' }] }],
    );
    expect(index).toEqual([
      { chapter: 'profiling', title: 'Profiling', href: '/profiling/', exercises: [{ id: 'p1', title: 'T p1' }, { id: 'p2', title: 'T p2' }] },
      { chapter: 'memory', title: 'Memory', href: '/memory/', exercises: [{ id: 'm1', title: 'T m1' }] },
    ]);
  });

  it('fails, naming the chapter and exercise, when an exercise is broken', () => {
    expect(() => indexExercises([{ id: 'memory', title: 'Memory', body: exercise('m1').replace(':::hint\nh\n:::', ''), isMdx: false }])).toThrow(
      /memory:\d+: exercise "m1": an exercise needs at least one :::hint/,
    );
  });
});
