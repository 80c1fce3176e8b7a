/**
 * Serving the built site for a browser benchmark: `astro preview` on a free
 * loopback port (or WB_BENCH_URL when a server is already running; WB_DIST to
 * serve another build folder). Stop it with `stopPreview`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startPreview(): Promise<{ origin: string; server?: ChildProcess }> {
  if (process.env.WB_BENCH_URL) return { origin: process.env.WB_BENCH_URL.replace(/\/$/, '') };
  const port = await freePort();
  const args = ['astro', 'preview', '--host', '127.0.0.1', '--port', String(port)];
  if (process.env.WB_DIST) args.push('--outDir', process.env.WB_DIST);
  const server = spawn('npx', args, { stdio: 'ignore', detached: true });
  const origin = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(`${origin}/`)).ok) return { origin, server };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('astro preview did not start');
}

/** Stops a preview started by startPreview (the whole process group). */
export function stopPreview(server: ChildProcess | undefined): void {
  if (server?.pid) process.kill(-server.pid);
}
