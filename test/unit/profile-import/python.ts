/** The machine's python3 as the oracle: cProfile makes .pstats files, pstats prints them. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChecked, runProcess } from '../../support/run-process';

export const tempDir = () => mkdtempSync(join(tmpdir(), 'wb-import-'));

/** `python3 -m cProfile -o out script` (run in the script's folder, so paths stay short). */
export async function cprofile(script: string, cwd: string, out: string): Promise<void> {
  await runChecked('python3', ['-m', 'cProfile', '-o', out, script], { cwd });
}

/** What `pstats.Stats(path).sort_stats(*keys).print_stats()` (and print_callers/callees) prints. */
export async function pstatsPrint(path: string, keys: string[], what: 'stats' | 'callers' | 'callees' = 'stats'): Promise<string> {
  const code = [
    'import pstats, sys',
    's = pstats.Stats(sys.argv[1])',
    'keys = [k for k in sys.argv[3:]]',
    'if keys: s.sort_stats(*keys)',
    'getattr(s, "print_" + sys.argv[2])()',
  ].join('\n');
  const r = await runProcess('python3', ['-c', code, path, what, ...keys]);
  if (r.status !== 0) throw new Error(`pstats failed: ${r.stderr}`);
  return r.stdout;
}

/**
 * The table part of a print_stats() listing: from the "N function calls" line
 * on (pstats first prints the file's name and date), lines right-trimmed, the
 * trailing blank lines dropped.
 */
export function tablePart(text: string): string[] {
  const lines = text.split('\n').map((l) => l.trimEnd());
  const start = lines.findIndex((l) => /function calls/.test(l));
  if (start < 0) throw new Error(`no table in:\n${text}`);
  const out = lines.slice(start);
  while (out.length && out[out.length - 1] === '') out.pop();
  return out;
}
