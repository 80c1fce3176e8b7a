/**
 * The viewer's parsing worker: a file's bytes in, the profile model (or the
 * importer's message) out, so a 50 MB file never blocks the page.
 */
import { ImportError, importProfile } from '../../sandbox/profile/import/index';
import type { Profile } from '../../sandbox/types';

export interface ImportRequest {
  bytes: ArrayBuffer;
  filename: string;
}
export type ImportReply = { ok: true; profile: Profile; ms: number } | { ok: false; message: string };

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  const started = performance.now();
  let reply: ImportReply;
  try {
    reply = { ok: true, profile: importProfile(new Uint8Array(event.data.bytes), event.data.filename), ms: performance.now() - started };
  } catch (e) {
    reply = { ok: false, message: e instanceof ImportError ? e.message : `could not read it (${(e as Error)?.message ?? String(e)})` };
  }
  (self as unknown as Worker).postMessage(reply);
};
