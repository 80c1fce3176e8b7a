/**
 * Reads any supported profile file into the one profile model, telling the
 * format from the content (the extension only breaks ties): .pstats (cProfile),
 * .cpuprofile (Node, Chrome), DevTools traces, speedscope JSON, collapsed stacks.
 * Every failure is an ImportError whose message names the problem.
 */
import type { Profile } from '../../types';
import { ImportError } from './errors';
import { checkSize } from './common';
import { importPstats, looksLikePstats } from './pstats';
import { importCpuProfile, looksLikeCpuProfile } from './cpuprofile';
import { importSpeedscope, looksLikeSpeedscope } from './speedscope';
import { importTrace, traceEvents } from './trace';
import { importCollapsed, looksLikeCollapsed } from './collapsed';

export { ImportError } from './errors';

/** Extensions the viewer's file picker offers (any file is still sniffed). */
export const IMPORT_EXTENSIONS = ['.pstats', '.prof', '.cpuprofile', '.json', '.speedscope.json', '.folded', '.collapsed', '.txt'];

function firstNonSpace(bytes: Uint8Array): number {
  for (let i = 0; i < Math.min(bytes.length, 4096); i++) if (![0x20, 0x09, 0x0a, 0x0d, 0xef, 0xbb, 0xbf].includes(bytes[i])) return bytes[i];
  return -1;
}

function parseJson(bytes: Uint8Array): unknown {
  const text = new TextDecoder('utf-8').decode(bytes);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ImportError(`corrupt or truncated JSON: ${(e as Error).message}`);
  }
}

export function importProfile(bytes: Uint8Array, filename: string): Profile {
  checkSize(bytes.length);
  if (bytes.length === 0) throw new ImportError('empty: the file has no content');
  if (looksLikePstats(bytes) || /\.(pstats|prof)$/i.test(filename)) return importPstats(bytes, filename);
  const first = firstNonSpace(bytes);
  if (first === 0x7b /* { */ || first === 0x5b /* [ */) {
    const json = parseJson(bytes);
    if (looksLikeSpeedscope(json)) return importSpeedscope(json, filename);
    if (looksLikeCpuProfile(json)) return importCpuProfile(json, filename);
    const events = traceEvents(json);
    if (events) return importTrace(events, filename);
    throw new ImportError('unsupported JSON: not a .cpuprofile, a DevTools trace or a speedscope file');
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  if (!text.includes('\u0000') && looksLikeCollapsed(text)) return importCollapsed(text, filename);
  throw new ImportError('unsupported format: not a .pstats, .cpuprofile, DevTools trace, speedscope JSON or collapsed-stacks file');
}
