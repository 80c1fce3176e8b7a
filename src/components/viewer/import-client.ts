/**
 * Sends a file to the parsing worker and waits for its answer. One worker per
 * file: a new file while one is still parsing ends the old worker at once.
 */
import type { ImportReply, ImportRequest } from './import-worker';

let current: Worker | undefined;

export async function importInWorker(file: File): Promise<ImportReply> {
  current?.terminate();
  const bytes = await file.arrayBuffer();
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'workbook-profile-import' });
  current = worker;
  return new Promise<ImportReply>((resolve) => {
    worker.onmessage = (event: MessageEvent<ImportReply>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      event.preventDefault();
      resolve({ ok: false, message: `the parser stopped (${event.message || 'out of memory?'})` });
    };
    const request: ImportRequest = { bytes, filename: file.name };
    worker.postMessage(request, [bytes]);
  });
}
