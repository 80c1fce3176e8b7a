/**
 * The site's security headers, as data: one Content-Security-Policy plus the
 * cross-origin isolation headers, built from the hashes of the few inline
 * scripts Starlight writes into every page (theme, search shortcut, sidebar
 * scroll). Pure functions: the build, the dev server and the tests share them.
 * Why each directive is there: docs/HOSTING.md, "Content Security Policy".
 */
import { createHash } from 'node:crypto';

/** Script types a browser executes; anything else (JSON data blocks) is inert and needs no hash. */
const EXECUTABLE_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript', 'text/ecmascript']);

const SCRIPT_TAG = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attributes);
  if (match) return match[1] ?? match[2] ?? match[3] ?? '';
  return new RegExp(`(?:^|\\s)${name}(?=\\s|$)`, 'i').test(attributes) ? '' : undefined;
}

/** The text of every inline script the browser would execute, exactly as written (what CSP hashes). */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const [, attributes, body] of html.matchAll(SCRIPT_TAG)) {
    if (attribute(attributes, 'src') !== undefined) continue;
    const type = (attribute(attributes, 'type') ?? '').trim().toLowerCase();
    if (!EXECUTABLE_TYPES.has(type)) continue;
    scripts.push(body);
  }
  return scripts;
}

/** A CSP source expression for one inline script: `'sha256-<base64>'`. */
export function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/** The sorted, de-duplicated hashes of the inline scripts of some pages. */
export function inlineScriptHashes(pages: Iterable<string>): string[] {
  const hashes = new Set<string>();
  for (const html of pages) for (const script of inlineScripts(html)) hashes.add(scriptHash(script));
  return [...hashes].sort();
}

export interface PolicyOptions {
  /** Hashes of the inline scripts the pages carry (from inlineScriptHashes). */
  scriptHashes: string[];
}

/**
 * The policy. Everything from the site's own origin, nothing from anywhere else.
 * 'wasm-unsafe-eval' lets WebAssembly compile (QuickJS in the sandbox worker,
 * Graphviz for the call graph, Pagefind's search index) without allowing eval().
 */
export function contentSecurityPolicy({ scriptHashes }: PolicyOptions): string {
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", "'wasm-unsafe-eval'", ...scriptHashes]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:']],
    ['connect-src', ["'self'"]],
    ['worker-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** Cross-origin isolation (a 5 µs clock in the sandbox, SharedArrayBuffer): docs/HOSTING.md. */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** Every header the site's responses carry. */
export function securityHeaders(options: PolicyOptions): Record<string, string> {
  return {
    ...ISOLATION_HEADERS,
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

/** The `_headers` file Netlify and Cloudflare Pages read: the same headers on every path. */
export function headersFile(headers: Record<string, string>): string {
  const lines = Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`);
  return ['# Written by src/security/integration.ts at build time; see docs/HOSTING.md.', '/*', ...lines, ''].join('\n');
}

/** Reads a `_headers` file back (the `/*` block), so the preview server sends what the host would. */
export function parseHeadersFile(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let inAll = false;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      inAll = line.trim() === '/*';
      continue;
    }
    const at = line.indexOf(':');
    if (inAll && at > 0) headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return headers;
}
