/**
 * `workbook view [options] FILE`: prints the cProfile-style table of a profile
 * file made elsewhere: cProfile's .pstats, Node's or Chrome's .cpuprofile, a
 * DevTools trace, speedscope JSON or collapsed stacks.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ImportError, importProfile } from '../../sandbox/profile/import/index';
import { parseArgs } from '../options';
import { SORT_HELP, printTables, statsTextOptions } from '../table-options';
import { escapeControls } from '../terminal';

const USAGE = `Usage: workbook view [options] FILE

Prints the cProfile-style table of a profile file: .pstats (python -m cProfile -o),
.cpuprofile (node --cpu-prof, DevTools), a DevTools Performance trace, speedscope
JSON or collapsed stacks (a;b;c 42).

  --sort KEY[,KEY]   order of the table (pstats keys): ${SORT_HELP}
  --limit R          restrict the rows: N (top N), 0.F (that fraction) or a regex, repeatable
  --callers          also print who called each listed function
  --callees          also print what each listed function called`;

/** Reads and imports a profile file, printing the problem and returning undefined when it cannot. */
export async function readProfileFile(path: string) {
  try {
    return importProfile(new Uint8Array(await readFile(path)), basename(path));
  } catch (e) {
    const problem = e instanceof ImportError ? e.message : `cannot read it: ${(e as Error).message}`;
    process.stderr.write(escapeControls(`${path}: ${problem}`) + '\n');
    return undefined;
  }
}

export default async function view(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, ['sort', 's', 'limit']);
  if (options.help || options.h || positionals.length !== 1) {
    console.log(USAGE);
    return options.help || options.h ? 0 : 2;
  }
  const textOptions = statsTextOptions(argv, options);
  if ('error' in textOptions) {
    process.stderr.write(textOptions.error + '\n');
    return 2;
  }
  const profile = await readProfileFile(positionals[0]);
  if (!profile) return 1;
  printTables(profile, textOptions, { table: true, callers: options.callers === true, callees: options.callees === true });
  if (profile.meta.note) process.stderr.write(`(${profile.meta.note})\n`);
  return 0;
}
