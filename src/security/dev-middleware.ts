/**
 * `astro dev` renders pages on request, so their inline scripts (Starlight's,
 * plus whatever the dev server injects) are only known once a page is
 * rendered. This middleware holds back each HTML response, hashes its inline
 * scripts and sends the same policy the build would, so a CSP problem shows
 * up while writing, not only after deploying.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { inlineScriptHashes, securityHeaders } from './csp';

type Next = (error?: unknown) => void;
type Chunk = string | Uint8Array;

function toBuffer(chunk: Chunk, encoding?: BufferEncoding): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, encoding ?? 'utf8') : Buffer.from(chunk);
}

export function cspDevMiddleware() {
  return (request: IncomingMessage, response: ServerResponse, next: Next): void => {
    const wantsHtml = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (!wantsHtml) return next();

    const chunks: Buffer[] = [];
    let headArgs: unknown[] | undefined;
    const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
    const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;

    response.writeHead = ((...args: unknown[]) => {
      headArgs = args; // sent with the body, once the policy is known
      return response;
    }) as typeof response.writeHead;
    response.write = ((chunk: Chunk, encoding?: BufferEncoding | (() => void), callback?: () => void) => {
      chunks.push(toBuffer(chunk, typeof encoding === 'string' ? encoding : undefined));
      const done = typeof encoding === 'function' ? encoding : callback;
      done?.();
      return true;
    }) as typeof response.write;
    response.end = ((chunk?: Chunk | (() => void), encoding?: BufferEncoding | (() => void), callback?: () => void) => {
      if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') {
        chunks.push(toBuffer(chunk, typeof encoding === 'string' ? encoding : undefined));
      }
      const body = Buffer.concat(chunks);
      const headType = headArgs?.find((arg): arg is Record<string, unknown> => typeof arg === 'object' && arg !== null);
      const type = String(response.getHeader('content-type') ?? headType?.['content-type'] ?? headType?.['Content-Type'] ?? '');
      if (type.includes('text/html')) {
        const headers = securityHeaders({ scriptHashes: inlineScriptHashes([body.toString('utf8')]) });
        for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
      }
      if (headArgs) writeHead(...headArgs);
      const done = [chunk, encoding, callback].find((arg) => typeof arg === 'function');
      return end(body, done);
    }) as typeof response.end;
    next();
  };
}
