/**
 * `workbook memprofile file.js [--timeline out.csv]`: memory_profiler in the
 * terminal. Runs the file with its `// @profile` functions (or --function NAME)
 * profiled line by line and prints the table; --timeline writes the heap
 * samples (mprof's data) as CSV. Exits 1 when the run failed, 2 on bad usage.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { runGuarded } from '../../sandbox/node';
import { writeOut } from '../terminal';
import { ALL_TOOLS } from '../../sandbox/tools';
import { memoryTool } from '../../sandbox/memory/tool';
import { benchTool } from '../../sandbox/bench/tool';
import { renderLineTables, renderSpans, renderTimelineCsv } from '../../sandbox/memory/text';
import { formatBytes } from '../../sandbox/memory/format';
import type { MemoryReport } from '../../sandbox/memory/types';
import type { SandboxTool } from '../../sandbox/engine/tool';
import { parseArgs, parseLimitValue } from '../options';
import { printEntry, printOutcome } from './run';

const USAGE = `Usage: workbook memprofile [--timeline out.csv] [--function NAME] [--timeout 10s] [--memory 64MB] file.js

Runs file.js in the workbook's sandbox and prints, for each function marked with a
"// @profile" comment on the line above it, the memory after each line (QuickJS's
live heap), the increment summed over all runs of the line, and how often it ran.
  --timeline FILE  also write heap samples against the sandbox clock as CSV
  --function NAME  profile this function too (repeatable: --function a --function b)
  --timeout, --memory  limits, as for "workbook run"`;

/** The tools of a page run, with the memory and bench tools there even before they are registered. */
function toolsWithMemory(): SandboxTool[] {
  const tools = [...ALL_TOOLS];
  for (const t of [memoryTool, benchTool]) if (!tools.some((x) => x.id === t.id)) tools.push(t);
  return tools;
}

/** --function may repeat; parseArgs keeps the last, so collect them from argv. */
export function functionNames(argv: string[]): string[] {
  const names: string[] = [];
  argv.forEach((arg, i) => {
    if (arg === '--function' && argv[i + 1]) names.push(argv[i + 1]);
    else if (arg.startsWith('--function=')) names.push(arg.slice('--function='.length));
  });
  return names;
}

export default async function memprofile(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, ['timeline', 'function', 'timeout', 'memory']);
  if (options.help || options.h || positionals.length !== 1 || options.timeline === true) {
    console.log(USAGE);
    return options.help || options.h ? 0 : 2;
  }
  const path = resolve(positionals[0]);
  let code: string;
  try {
    code = await readFile(path, 'utf8');
  } catch (e) {
    console.error(`workbook memprofile: cannot read ${positionals[0]}: ${(e as Error).message}`);
    return 2;
  }
  const names = functionNames(argv);
  const timeoutMs = typeof options.timeout === 'string' ? parseLimitValue(options.timeout, 'duration') : undefined;
  const memoryBytes = typeof options.memory === 'string' ? parseLimitValue(options.memory, 'bytes') : undefined;
  const result = await runGuarded(
    {
      code,
      filename: basename(path),
      limits: { timeoutMs, memoryBytes },
      memory: { lines: names.length ? names : true, timeline: typeof options.timeline === 'string', heap: false },
    },
    toolsWithMemory(),
    { onConsole: printEntry },
  );
  const report = result.memory as MemoryReport | undefined;
  if (report) {
    writeOut('\n' + renderLineTables(report) + '\n');
    if (report.timeline && typeof options.timeline === 'string') {
      await writeFile(options.timeline, renderTimelineCsv(report.timeline));
      const spans = renderSpans(report.timeline);
      writeOut(
        `\nTimeline: ${report.timeline.samples.length} samples written to ${options.timeline}; ` +
          `peak ${formatBytes(report.timeline.peak.heapBytes)} at ${(report.timeline.peak.t / 1000).toFixed(3)} s.\n` +
          (spans ? spans + '\n' : ''),
      );
    }
    if (report.oom) process.stderr.write(report.oom.message + '\n');
  }
  return printOutcome(result);
}
