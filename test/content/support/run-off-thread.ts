/**
 * `runOffThread(request)`: runCode (src/sandbox/node.ts) on a worker thread, so a
 * long synchronous QuickJS run never blocks the test runner (see cell-worker.mjs).
 * The worker is the same engine with the same tools; only the thread differs.
 */
import { Worker } from 'node:worker_threads';
import type { RunRequest, RunResult } from '../../../src/sandbox/types';

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (result: RunResult) => void; reject: (error: Error) => void }>();

function startWorker(): Worker {
  const started = new Worker(new URL('./cell-worker.mjs', import.meta.url));
  started.on('message', ({ id, result, error }: { id: number; result?: RunResult; error?: string }) => {
    const waiting = pending.get(id);
    pending.delete(id);
    if (error !== undefined) waiting?.reject(new Error(`the sandbox threw: ${error}`));
    else waiting?.resolve(result as RunResult);
  });
  started.on('error', (error: unknown) => {
    const reason = error instanceof Error ? error : new Error(String(error));
    for (const waiting of pending.values()) waiting.reject(reason);
    pending.clear();
    worker = undefined;
  });
  // The worker must not keep the test process alive once every run is answered.
  started.unref();
  return started;
}

export function runOffThread(request: RunRequest): Promise<RunResult> {
  worker ??= startWorker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker!.postMessage({ id, request });
  });
}
