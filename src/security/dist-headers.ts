/**
 * The headers of a built site, read from its output folder: the hashes of the
 * inline scripts of every page, and the `_headers` file the build writes.
 * `astro preview` sends exactly what `dist/_headers` says, so a test against
 * the preview checks the headers a static host would send.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { htmlFilesUnder } from '../markdown/files-under';
import { inlineScriptHashes, ISOLATION_HEADERS, parseHeadersFile, securityHeaders } from './csp';

export const HEADERS_FILE = '_headers';

/** The headers for the pages in `outDir`, computed from the pages themselves. */
export function headersForBuild(outDir: string): Record<string, string> {
  const pages = htmlFilesUnder(outDir).map((file) => readFileSync(file, 'utf8'));
  return securityHeaders({ scriptHashes: inlineScriptHashes(pages) });
}

/**
 * What `astro preview` should send: the built `_headers` file when there is
 * one, else the headers computed from the pages; with no build at all, only
 * cross-origin isolation (there is nothing to serve yet).
 */
export function previewHeaders(outDir: string): Record<string, string> {
  const file = path.join(outDir, HEADERS_FILE);
  if (existsSync(file)) {
    const headers = parseHeadersFile(readFileSync(file, 'utf8'));
    if (headers['Content-Security-Policy']) return headers;
  }
  return htmlFilesUnder(outDir).length ? headersForBuild(outDir) : { ...ISOLATION_HEADERS };
}
