/**
 * Astro integration: once the site is built, writes the sandbox worker's URL
 * into each page's early-start script (src/sandbox/early-worker.ts). It lives
 * with the rest of the build's page pipeline, which depends on the sandbox,
 * never the other way round. Only the client build
 * knows the worker's hashed file name, and the pages are rendered before it is
 * written, so the pages carry a placeholder until this step.
 *
 * It must run before the security headers' integration, which hashes the
 * pages' inline scripts (the URL is in an attribute, so the hash would not
 * change, but the pages it reads should be the final ones).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { WORKER_URL_ATTRIBUTE, WORKER_URL_PLACEHOLDER } from '../sandbox/early-worker';
import { htmlFilesUnder } from './files-under';

/** How the worker's file is named (src/sandbox/sandbox-worker.ts, hashed by Vite). */
const WORKER_FILE = /^sandbox-worker-[\w-]+\.js$/;
const PLACEHOLDER_ATTRIBUTE = `${WORKER_URL_ATTRIBUTE}="${WORKER_URL_PLACEHOLDER}"`;

/** The URL of the one built sandbox worker in `assetsDir`; an error when there is none or more than one. */
export function sandboxWorkerUrl(assetsDir: string, assetsUrl: string): string {
  const files = readdirSync(assetsDir).filter((name) => WORKER_FILE.test(name));
  if (files.length !== 1) {
    throw new Error(`expected one sandbox worker in ${assetsDir}, found ${files.length ? files.join(', ') : 'none'}`);
  }
  return `${assetsUrl.replace(/\/?$/, '/')}${files[0]}`;
}

/** The page with its early-start script pointed at `url`, and whether it had one. */
export function fillWorkerUrl(html: string, url: string): { html: string; filled: boolean } {
  if (!html.includes(PLACEHOLDER_ATTRIBUTE)) return { html, filled: false };
  return { html: html.replaceAll(PLACEHOLDER_ATTRIBUTE, `${WORKER_URL_ATTRIBUTE}="${url}"`), filled: true };
}

/** Fills in every built page under `outDir`; returns how many had an early-start script. */
export function fillWorkerUrls(outDir: string, base: string, assets: string): number {
  let pages = 0;
  let url: string | undefined;
  for (const file of htmlFilesUnder(outDir)) {
    const html = readFileSync(file, 'utf8');
    if (!html.includes(PLACEHOLDER_ATTRIBUTE)) continue;
    url ??= sandboxWorkerUrl(path.join(outDir, assets), path.posix.join(base, assets));
    writeFileSync(file, fillWorkerUrl(html, url).html);
    pages++;
  }
  return pages;
}

export function earlyWorkerIntegration(): AstroIntegration {
  let base = '/';
  let assets = '_astro';
  return {
    name: 'workbook-early-sandbox-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        assets = config.build.assets;
      },
      'astro:build:done': ({ dir, logger }) => {
        const pages = fillWorkerUrls(fileURLToPath(dir), base, assets);
        logger.info(`the sandbox worker's URL written into ${pages} page(s)`);
      },
    },
  };
}
