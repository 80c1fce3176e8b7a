/**
 * `workbook lineprofile file.js [--csv out.csv]`: `kernprof -l -v` for the
 * sandbox. Runs the file with its `// @profile` functions (or --function NAME)
 * timed line by line and prints line_profiler's text; --csv also writes the
 * rows as CSV. Exits 1 when the run failed, 2 on bad usage.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { runGuarded } from '../../sandbox/node';
import { ALL_TOOLS } from '../../sandbox/tools';
import { lineTool } from '../../sandbox/lines/tool';
import type { LineProfile } from '../../sandbox/lines/types';
import { renderKernprofText, renderLineCsv } from '../../sandbox/profile/render/kernprof';
import { escapeControls } from '../terminal';
import { parseArgs, parseLimitValue } from '../options';
import { functionNames } from './memprofile';
import { printEntry, printOutcome } from './run';

const USAGE = `Usage: workbook lineprofile [--csv out.csv] [--function NAME] [--timeout 10s] [--memory 64MB] file.js

Runs file.js in the workbook's sandbox and prints, like "kernprof -l -v", each line of
every function marked with a "// @profile" comment on the line above it: how often it
ran (Hits), the time spent on it, calls made on the line included (Time, Per Hit, in
the timer unit), and its share of the function's time (% Time).
  --csv FILE       also write the rows as CSV (times in microseconds)
  --function NAME  profile this function too (repeatable: --function a --function b)
  --timeout, --memory  limits, as for "workbook run"`;

export default async function lineprofile(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, ['csv', 'function', 'timeout', 'memory']);
  if (options.help || options.h || positionals.length !== 1 || options.csv === true) {
    console.log(USAGE);
    return options.help || options.h ? 0 : 2;
  }
  const path = resolve(positionals[0]);
  let code: string;
  try {
    code = await readFile(path, 'utf8');
  } catch (e) {
    console.error(`workbook lineprofile: cannot read ${positionals[0]}: ${(e as Error).message}`);
    return 2;
  }
  const names = functionNames(argv);
  const timeoutMs = typeof options.timeout === 'string' ? parseLimitValue(options.timeout, 'duration') : undefined;
  const memoryBytes = typeof options.memory === 'string' ? parseLimitValue(options.memory, 'bytes') : undefined;
  const tools = ALL_TOOLS.some((t) => t.id === lineTool.id) ? ALL_TOOLS : [...ALL_TOOLS, lineTool];
  // Through the watchdog, like every CLI run: it ends even if the engine cannot interrupt.
  const result = await runGuarded(
    { code, filename: basename(path), limits: { timeoutMs, memoryBytes }, lines: names.length ? names : true },
    tools,
    { onConsole: printEntry },
  );
  const profile = result.lines as LineProfile | undefined;
  if (profile) {
    process.stdout.write(escapeControls(renderKernprofText(profile))); // line contents are the learner's
    if (!profile.functions.length) process.stderr.write('No function is profiled: put a `// @profile` comment on the line above one.\n');
    if (profile.missing.length) process.stderr.write(`No function named ${profile.missing.join(', ')} in the code.\n`);
    process.stderr.write(`Each line event costs ~${Math.round(profile.overheadPerEventNs)} ns here; that cost was measured and subtracted from every line.\n`);
    if (typeof options.csv === 'string') {
      await writeFile(options.csv, renderLineCsv(profile));
      process.stderr.write(`Wrote ${options.csv}\n`);
    }
  }
  return printOutcome(result);
}
