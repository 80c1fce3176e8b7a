import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every file under `dir`, recursively, in a stable order; none when `dir` does not exist. */
export function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.sort().flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** The built pages under `outDir`. */
export const htmlFilesUnder = (outDir: string): string[] => filesUnder(outDir).filter((file) => file.endsWith('.html'));
