/**
 * The security headers as data: which inline scripts need a hash, the policy,
 * the `_headers` file round trip, and the dev-server middleware on a real
 * HTTP server.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headersFile, inlineScriptHashes, inlineScripts, parseHeadersFile, scriptHash, securityHeaders } from '../../../src/security/csp';
import { cspDevMiddleware } from '../../../src/security/dev-middleware';

describe('inline scripts', () => {
  it('finds executable inline scripts, not external or data scripts', () => {
    const html = [
      '<script>one()</script>',
      '<script type="module">two()</script>',
      '<SCRIPT aria-hidden="true">three()</SCRIPT>',
      '<script src="/a.js"></script>',
      '<script type="module" src=/b.js></script>',
      '<script type="application/json" data-cell-source>{"code":"x"}</script>',
      '<script type="application/ld+json">{}</script>',
    ].join('\n');
    expect(inlineScripts(html)).toEqual(['one()', 'two()', 'three()']);
  });

  it('hashes the exact text as CSP expects (sha256, base64)', () => {
    // Known vectors: sha256("") and sha256("alert(1)").
    expect(scriptHash('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    expect(scriptHash('alert(1)')).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
    // Whitespace counts: the same code indented differently is another script.
    expect(scriptHash(' alert(1)')).not.toBe(scriptHash('alert(1)'));
  });

  it('collects each hash once across pages, sorted', () => {
    const hashes = inlineScriptHashes(['<script>a()</script><script>b()</script>', '<script>a()</script>']);
    expect(hashes).toHaveLength(2);
    expect([...hashes].sort()).toEqual(hashes);
  });
});

describe('the policy', () => {
  const policy = contentSecurityPolicy({ scriptHashes: ["'sha256-abc='"] });
  const directive = (name: string) => policy.split('; ').find((part) => part.startsWith(`${name} `));

  it('allows scripts from the site and by hash only', () => {
    expect(directive('script-src')).toBe("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='");
    expect(policy).not.toContain("'unsafe-eval'");
    expect(directive('script-src')).not.toContain("'unsafe-inline'");
  });

  it('names no other origin', () => {
    expect(policy).not.toMatch(/https?:|wss?:|\*/);
  });

  it('goes into every response with the isolation headers', () => {
    const headers = securityHeaders({ scriptHashes: [] });
    expect(headers['Cross-Origin-Opener-Policy']).toBe('same-origin');
    expect(headers['Cross-Origin-Embedder-Policy']).toBe('require-corp');
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
  });

  it('survives the _headers file round trip', () => {
    const headers = securityHeaders({ scriptHashes: ["'sha256-xyz='"] });
    const text = headersFile(headers);
    expect(text).toMatch(/^# .*\n\/\*\n {2}Cross-Origin-Opener-Policy: same-origin\n/);
    expect(parseHeadersFile(text)).toEqual(headers);
    // Blocks for other paths are not ours to send everywhere.
    expect(parseHeadersFile(`${text}/other/*\n  X-Other: 1\n`)).toEqual(headers);
  });
});

describe('the dev middleware', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  async function serve(handler: (response: import('node:http').ServerResponse) => void): Promise<string> {
    const middleware = cspDevMiddleware();
    server = createServer((request, response) => middleware(request, response, () => handler(response)));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/`;
  }

  it('hashes the inline scripts of a streamed page, whatever order headers and chunks come in', async () => {
    const url = await serve((response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.write('<!doctype html><script>window.theme = 1;</script>');
      response.write(Buffer.from('<p>body</p><script type="module">go()</script>'));
      response.end('<script src="/x.js"></script>');
    });
    const response = await fetch(url, { headers: { accept: 'text/html' } });
    const policy = response.headers.get('content-security-policy')!;
    expect(policy).toContain(scriptHash('window.theme = 1;'));
    expect(policy).toContain(scriptHash('go()'));
    expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(await response.text()).toBe('<!doctype html><script>window.theme = 1;</script><p>body</p><script type="module">go()</script><script src="/x.js"></script>');
  });

  it('leaves other responses alone', async () => {
    const url = await serve((response) => {
      response.setHeader('content-type', 'text/javascript');
      response.end('export {}');
    });
    const response = await fetch(url);
    expect(response.headers.get('content-security-policy')).toBeNull();
    expect(await response.text()).toBe('export {}');
  });
});
