/**
 * Large recorded results in files of their own. A deterministic profile of the
 * chapters' million-call examples carries its timeline (10,000 spans), about
 * 0.8 MB of JSON: inline, five such cells made the optimisation page 5.8 MB of
 * HTML that every visit downloads and parses before its first paint, for data
 * the page reads only when a learner reaches for a cell's results. So a result
 * over INLINE_MAX_BYTES is written once, named by its content's hash, and the
 * cell's markup points at it (`<script data-cell-recorded data-src=…>`, see
 * cell-hast.ts); the page fetches it when it brings the recorded views to life.
 *
 * The files are kept in Astro's cache directory while Markdown renders, since
 * Astro reuses its cached rendering of an unchanged page on the next build
 * (without running this plugin again), and copied into the site at the end of
 * every build: `copyRecordedFiles` copies what the built pages point at.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Recorded results up to this size stay in the page: a file costs a request, and most results are a few KB. */
export const INLINE_MAX_BYTES = 32 * 1024;
/** Where the files are served from: under `_astro/`, whose content-hashed names hosts cache for good. */
export const RECORDED_URL_DIR = '/_astro/recorded/';
const REFERENCE = /data-src="\/_astro\/recorded\/([0-9a-f]{16}\.json)"/g;
const STORED_NAME = /^[0-9a-f]{16}\.json$/;

/** Writes `json` into `storeDir` under a name made of its hash; returns the URL the page fetches it from. */
export function storeRecorded(json: string, storeDir: string): string {
  const name = `${createHash('sha256').update(json).digest('hex').slice(0, 16)}.json`;
  const file = path.join(storeDir, name);
  if (!existsSync(file)) {
    mkdirSync(storeDir, { recursive: true });
    writeFileSync(file, json);
  }
  return RECORDED_URL_DIR + name;
}

/**
 * Copies every recorded file the built pages (`pages`, in `outDir`) point at
 * from `storeDir` into the site, and drops the rest from the store (results
 * no page shows any more: each changed recording would otherwise add its
 * megabytes for good). A page that points at a file the store lacks (its
 * cached rendering outlived the store) fails the build: the page would show a
 * result it cannot bring to life.
 */
export function copyRecordedFiles(outDir: string, pages: string[], storeDir: string): { copied: number; bytes: number; dropped: number } {
  const wanted = new Set<string>();
  for (const file of pages) {
    for (const match of readFileSync(file, 'utf8').matchAll(REFERENCE)) wanted.add(match[1]);
  }
  const missing = [...wanted].filter((name) => !existsSync(path.join(storeDir, name)));
  if (missing.length) {
    throw new Error(
      `${missing.length} recorded result file(s) the pages point at are gone from ${storeDir} (${missing.join(', ')}). ` +
        'Delete the Astro cache (node_modules/.astro) and build again, so the cells are recorded afresh.',
    );
  }
  const target = path.join(outDir, RECORDED_URL_DIR);
  let bytes = 0;
  for (const name of wanted) {
    mkdirSync(target, { recursive: true });
    copyFileSync(path.join(storeDir, name), path.join(target, name));
    bytes += statSync(path.join(target, name)).size;
  }
  const unused = existsSync(storeDir) ? readdirSync(storeDir).filter((name) => STORED_NAME.test(name) && !wanted.has(name)) : [];
  for (const name of unused) rmSync(path.join(storeDir, name));
  return { copied: wanted.size, bytes, dropped: unused.length };
}
