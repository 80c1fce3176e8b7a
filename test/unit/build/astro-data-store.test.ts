/**
 * The postinstall patch of Astro's content data store
 * (scripts/patch-astro-data-store.mjs), on the installed Astro: a save asked for
 * while another is writing must (1) write the newest data, and (2) not return
 * before that data is on disk. The build awaits the store's saves and then
 * reads the file; without (2), a loaded CI build read a store without the
 * profiling chapter and failed ("The slug `profiling` … does not exist").
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MutableDataStore } from '../../../node_modules/astro/dist/content/mutable-data-store.js';

interface Store {
  set(collection: string, key: string, value: unknown): void;
  writeToDisk(): Promise<void>;
  waitUntilSaveComplete(): Promise<void>;
}

async function storeIn(dir: string): Promise<{ store: Store; file: string }> {
  const file = path.join(dir, 'data-store.json');
  return { store: (await MutableDataStore.fromFile(pathToFileURL(file))) as Store, file };
}

describe("Astro's data store, as patched", () => {
  it('a save asked for during another returns only once the newest data is on disk', async () => {
    const { store, file } = await storeIn(mkdtempSync(path.join(tmpdir(), 'wb-store-')));
    store.set('docs', 'profiling', { title: 'Profiling' });
    const first = store.writeToDisk();
    // Asked for while the first write is in flight: it must wait for it, and write after it.
    store.set('docs', 'memory', { title: 'Memory' });
    const second = store.writeToDisk();
    await second;
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('profiling');
    expect(text).toContain('memory');
    await first;
  });

  it('a save with nothing new to write still waits for the write in flight', async () => {
    const { store, file } = await storeIn(mkdtempSync(path.join(tmpdir(), 'wb-store-')));
    store.set('docs', 'profiling', { padding: 'x'.repeat(500_000) });
    const first = store.writeToDisk();
    // The data is already being written (as when a debounced save took it): nothing is dirty.
    await store.writeToDisk();
    expect(readFileSync(file, 'utf8')).toContain('profiling');
    await first;
  });

  it('waitUntilSaveComplete resolves with every entry written, however the saves overlapped', async () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const { store, file } = await storeIn(mkdtempSync(path.join(tmpdir(), 'wb-store-')));
      const writes: Array<Promise<void>> = [];
      for (let k = 0; k < 5; k++) {
        store.set('docs', `page-${k}`, { n: k, padding: 'x'.repeat(200_000) });
        writes.push(store.writeToDisk());
      }
      await store.waitUntilSaveComplete();
      await writes[writes.length - 1];
      const text = readFileSync(file, 'utf8');
      for (let k = 0; k < 5; k++) expect(text, `attempt ${attempt}`).toContain(`page-${k}`);
      await Promise.all(writes);
    }
  });
});
