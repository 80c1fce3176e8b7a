/**
 * `workbook run file.js`: runs a script in the sandbox and prints its console
 * output as it comes; exits 1 on an uncaught error or a limit, 2 on bad usage.
 */
import { resolve } from 'node:path';
import { formatRunError, runFile } from '../../sandbox/node';
import type { ConsoleEntry, RunResult } from '../../sandbox/types';
import { parseArgs, parseLimitValue } from '../options';
import { escapeControls } from '../terminal';
import { cpuLabel } from '../../sandbox/cpu-label';
import { cliLimitAdvice } from '../../sandbox/engine/limits';

const USAGE = `Usage: workbook run [--timeout 10s] [--memory 64MB] [--seed N] [--timing] file.js

Runs file.js in the same QuickJS sandbox as the workbook's cells and prints its output.
  --timeout   real-time limit (default 10s)     --memory  heap limit (default 64MB)
  --seed      seed for Math.random (default 1)  --timing  print real, CPU and simulated time
(CPU is this thread's processor time on Linux, the whole process's elsewhere)`;

export function printEntry(entry: ConsoleEntry): void {
  const stream = entry.level === 'error' || entry.level === 'warn' || entry.level === 'system' ? process.stderr : process.stdout;
  stream.write(escapeControls(entry.text) + '\n');
}

export function printOutcome(result: RunResult): number {
  if (result.error) process.stderr.write(escapeControls(formatRunError(result.error)) + '\n');
  if (result.limitHit) process.stderr.write(escapeControls(result.limitHit.message + cliLimitAdvice(result.limitHit)) + '\n');
  return result.status === 'ok' ? 0 : 1;
}

export function formatTiming(result: RunResult): string {
  const s = (ms: number) => (ms / 1000).toFixed(3) + 's';
  const t = result.timing;
  const cpu = (t.cpuKind ?? 'busy') === 'busy' ? 'busy (wall minus simulated)' : cpuLabel(t.cpuKind).short.toLowerCase();
  return `real ${s(t.wallMs)}  ${cpu} ${s(t.cpuMs)}  simulated ${s(t.simulatedMs)}  (timer resolution ${(t.resolutionMs * 1000).toFixed(2)} µs)`;
}

export default async function run(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, ['timeout', 'memory', 'seed']);
  if (options.help || options.h || positionals.length !== 1) {
    console.log(USAGE);
    return options.help || options.h ? 0 : 2;
  }
  const timeoutMs = typeof options.timeout === 'string' ? parseLimitValue(options.timeout, 'duration') : undefined;
  const memoryBytes = typeof options.memory === 'string' ? parseLimitValue(options.memory, 'bytes') : undefined;
  const result = await runFile(
    resolve(positionals[0]),
    { limits: { timeoutMs, memoryBytes }, seed: typeof options.seed === 'string' ? Number(options.seed) : undefined },
    { onConsole: printEntry },
  );
  if (options.timing) process.stderr.write(formatTiming(result) + '\n');
  return printOutcome(result);
}
