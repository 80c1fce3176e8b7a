/**
 * Astro integration for the security headers. `astro build` writes
 * `dist/_headers` (Netlify, Cloudflare Pages) with a CSP that allows exactly the
 * inline scripts found in the built pages; `astro preview` sends that file's
 * headers (astro.config.mjs reads it through previewHeaders); `astro dev`
 * computes the same policy for each page it renders.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile } from './csp';
import { HEADERS_FILE, headersForBuild } from './dist-headers';
import { cspDevMiddleware } from './dev-middleware';

export function securityHeadersIntegration(): AstroIntegration {
  return {
    name: 'workbook-security-headers',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(cspDevMiddleware());
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const headers = headersForBuild(outDir);
        writeFileSync(path.join(outDir, HEADERS_FILE), headersFile(headers));
        const hashes = headers['Content-Security-Policy'].match(/'sha256-/g)?.length ?? 0;
        logger.info(`${HEADERS_FILE} written: CSP with ${hashes} inline-script hash(es), COOP/COEP`);
      },
    },
  };
}
