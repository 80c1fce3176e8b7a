/**
 * Large recorded results go in files of their own (src/markdown/record/
 * recorded-files.ts): the page points at a file named by the content's hash,
 * the file holds exactly the result the cell recorded, a small result stays
 * inline, and the end of the build copies what the pages point at (and
 * refuses a page whose file is gone).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyRecordedFiles, INLINE_MAX_BYTES, RECORDED_URL_DIR, storeRecorded } from '../../../src/markdown/record/recorded-files';
import { renderChapter } from './render';

const fence = (meta: string, body: string) => `\`\`\`js ${meta}\n${body}\n\`\`\`\n`;
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wb-recorded-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('recorded results in files of their own', () => {
  it('a large result is written to the store and the page points at it; a small one stays inline', async () => {
    const store = tempDir();
    // About 60 KB of output: over the inline limit.
    const big = fence('cell id=big', 'for (let i = 0; i < 600; i++) console.log("line " + i + " " + "x".repeat(90));');
    const small = fence('cell id=small', 'console.log("hello")');
    const { document } = await renderChapter(`${big}\n${small}`, { record: true, recordedStoreDir: store });

    const bigData = document.querySelector<HTMLElement>('#cell-big script[data-cell-recorded]')!;
    const href = bigData.dataset.src!;
    expect(href).toMatch(new RegExp(`^${RECORDED_URL_DIR}[0-9a-f]{16}\\.json$`));
    expect(bigData.textContent).toBe('');
    const stored = readFileSync(path.join(store, path.basename(href)), 'utf8');
    expect(stored.length).toBeGreaterThan(INLINE_MAX_BYTES);
    const result = JSON.parse(stored);
    expect(result.status).toBe('ok');
    expect(result.console).toHaveLength(600);
    expect(result.console[599].text).toBe(`line 599 ${'x'.repeat(90)}`);
    // The static results are still in the page, readable without JavaScript.
    expect(document.querySelector('#cell-big .wb-cell-results')!.textContent).toContain('line 599');

    const smallData = document.querySelector<HTMLElement>('#cell-small script[data-cell-recorded]')!;
    expect(smallData.dataset.src).toBeUndefined();
    expect(JSON.parse(smallData.textContent!).console[0].text).toBe('hello');
  });

  it('names a file by its content: the same result is stored once, a different one apart', () => {
    const store = tempDir();
    const a = storeRecorded('{"status":"ok","n":1}', store);
    expect(storeRecorded('{"status":"ok","n":1}', store)).toBe(a);
    expect(storeRecorded('{"status":"ok","n":2}', store)).not.toBe(a);
  });

  it('copies into the site exactly the files its pages point at, and drops the others from the store', () => {
    const store = tempDir();
    const out = tempDir();
    const used = storeRecorded('{"status":"ok","used":true}', store);
    const unused = storeRecorded('{"status":"ok","used":false}', store);
    writeFileSync(path.join(store, 'notes.txt'), 'not a recorded result');
    mkdirSync(path.join(out, 'chapter'));
    const page = path.join(out, 'chapter', 'index.html');
    writeFileSync(page, `<wb-cell><script type="application/json" data-cell-recorded data-src="${used}"></script></wb-cell>`);

    expect(copyRecordedFiles(out, [page], store)).toEqual({ copied: 1, bytes: '{"status":"ok","used":true}'.length, dropped: 1 });
    expect(readFileSync(path.join(out, used), 'utf8')).toBe('{"status":"ok","used":true}');
    expect(existsSync(path.join(out, unused))).toBe(false);
    expect(existsSync(path.join(store, path.basename(used)))).toBe(true);
    expect(existsSync(path.join(store, path.basename(unused)))).toBe(false);
    expect(existsSync(path.join(store, 'notes.txt'))).toBe(true); // only the store's own files go
  });

  it('fails the build, saying what to do, when a page points at a file the store lost', () => {
    const store = tempDir();
    const out = tempDir();
    const gone = storeRecorded('{"status":"ok"}', store);
    rmSync(path.join(store, path.basename(gone)));
    const page = path.join(out, 'index.html');
    writeFileSync(page, `<script type="application/json" data-cell-recorded data-src="${gone}"></script>`);
    expect(() => copyRecordedFiles(out, [page], store)).toThrow(/gone from .*Delete the Astro cache/);
    expect(existsSync(path.join(out, gone))).toBe(false);
  });
});
