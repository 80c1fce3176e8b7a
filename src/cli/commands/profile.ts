/**
 * `workbook profile [options] file.js`: runs a script under the sandbox's
 * profiler and prints what `python -m cProfile -s calls file.py` prints (or,
 * with --sampling, what pyinstrument prints). The program's own output comes
 * first, as it runs. On an uncaught error or a limit the profile recorded up to
 * that point is still printed, then the error, and the exit code is 1.
 */
import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import { formatRunError, runGuarded } from '../../sandbox/node';
import { ALL_TOOLS } from '../../sandbox/tools';
import { profilerTool } from '../../sandbox/profiler/tool';
import { renderTreeText } from '../../sandbox/profile/index';
import type { RunRequest } from '../../sandbox/types';
import { parseArgs, parseLimitValue } from '../options';
import { EXPORT_HELP, exporterFor, extensionList } from '../formats';
import { SORT_HELP, printTables, statsTextOptions } from '../table-options';
import { printEntry } from './run';
import { escapeControls, escapeControlsKeepingColour } from '../terminal';
import { cliLimitAdvice } from '../../sandbox/engine/limits';

const USAGE = `Usage: workbook profile [options] file.js

Runs file.js in the workbook's QuickJS sandbox under a profiler and prints the
profile, like \`python -m cProfile -s calls file.py\` (or pyinstrument with --sampling).

  --sort KEY[,KEY]   order of the table (pstats keys): ${SORT_HELP}
  --limit R          restrict the rows: N (top N), 0.F (that fraction) or a regex, repeatable
  --callers          also print who called each listed function
  --callees          also print what each listed function called
  --sampling         sample the stack instead of recording every call (pyinstrument's way)
  --interval MS      sampling interval on the instrumented clock (default 1)
  --tree             print the call tree (default with --sampling)
  --table            print the table (default without --sampling)
  --no-builtins      leave built-in functions (sleep, console.*, Math.* ...) out
  --out FILE         also write the profile: ${EXPORT_HELP}
  --timeout 10s  --memory 64MB  --seed N   limits, as for \`workbook run\``;

export default async function profile(argv: string[]): Promise<number> {
  const valueOptions = ['sort', 's', 'limit', 'interval', 'out', 'o', 'timeout', 'memory', 'seed'];
  const { positionals, options } = parseArgs(argv, valueOptions);
  if (options.help || options.h || positionals.length !== 1) {
    console.log(USAGE);
    return options.help || options.h ? 0 : 2;
  }
  const textOptions = statsTextOptions(argv, options);
  if ('error' in textOptions) {
    process.stderr.write(textOptions.error + '\n');
    return 2;
  }
  const out = typeof options.out === 'string' ? options.out : typeof options.o === 'string' ? options.o : undefined;
  if (out && !exporterFor(out)) {
    process.stderr.write(`Cannot tell the format of "${out}": use ${extensionList()}\n`);
    return 2;
  }
  const sampling = options.sampling === true;
  const interval = typeof options.interval === 'string' ? Number(options.interval) : undefined;
  const path = resolve(positionals[0]);
  let code: string;
  try {
    code = await readFile(path, 'utf8');
  } catch (e) {
    process.stderr.write(`Cannot read ${positionals[0]}: ${(e as Error).message}\n`);
    return 2;
  }
  const request: RunRequest = {
    code,
    filename: basename(path),
    limits: {
      timeoutMs: typeof options.timeout === 'string' ? parseLimitValue(options.timeout, 'duration') : undefined,
      memoryBytes: typeof options.memory === 'string' ? parseLimitValue(options.memory, 'bytes') : undefined,
    },
    ...(typeof options.seed === 'string' ? { seed: Number(options.seed) } : {}),
    profile: { kind: sampling ? 'sampling' : 'deterministic', builtins: options['no-builtins'] !== true, ...(interval && interval > 0 ? { intervalMs: interval } : {}) },
  };
  const tools = [...ALL_TOOLS.filter((t) => t.id !== profilerTool.id), profilerTool];
  const result = await runGuarded(request, tools, { onConsole: printEntry });

  const prof = result.profile;
  if (prof) {
    const showTree = options.tree === true || (sampling && options.table !== true);
    const showTable = options.table === true || !showTree;
    printTables(prof, textOptions, { table: showTable, callers: options.callers === true, callees: options.callees === true });
    if (showTree) process.stdout.write(escapeControlsKeepingColour(renderTreeText(prof, { color: process.stdout.isTTY === true })));
    if (prof.meta.overheadCorrected) {
      process.stderr.write(`(profiler overhead of ~${Math.round(prof.meta.overheadPerEventNs)} ns per event subtracted from the times)\n`);
    }
    if (out) {
      await writeFile(out, exporterFor(out)!(prof));
      process.stderr.write(`Wrote ${out}\n`);
    }
  } else {
    process.stderr.write('No profile was recorded.\n');
  }
  if (result.error) process.stderr.write(escapeControls(formatRunError(result.error)) + '\n');
  if (result.limitHit) process.stderr.write(escapeControls(result.limitHit.message + cliLimitAdvice(result.limitHit)) + '\n');
  return result.status === 'ok' && prof ? 0 : 1;
}
