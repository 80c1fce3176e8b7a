/** Runs code with the memory and bench tools only, and reads the memory report. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInSandbox } from '../../../src/sandbox/engine/run';
import { memoryTool } from '../../../src/sandbox/memory/tool';
import { benchTool } from '../../../src/sandbox/bench/tool';
import type { RunRequest, RunResult } from '../../../src/sandbox/types';
import type { MemoryLineTable, MemoryReport } from '../../../src/sandbox/memory/types';

export function run(code: string, extra: Partial<RunRequest> = {}): Promise<RunResult> {
  return runInSandbox({ code, ...extra }, [memoryTool, benchTool]);
}

export function memoryOf(r: RunResult): MemoryReport {
  if (!r.memory) throw new Error(`no memory report (status ${r.status}: ${r.error?.message ?? ''})`);
  return r.memory as MemoryReport;
}

export function example(name: string): string {
  // From the repository root (vitest's cwd): under jsdom, import.meta.url is not a file URL.
  return readFileSync(join(process.cwd(), 'src/content/examples', name), 'utf8');
}

/** The row of a line table whose code contains `fragment`. */
export function rowWith(table: MemoryLineTable, fragment: string) {
  const row = table.rows.find((r) => r.text.includes(fragment));
  if (!row) throw new Error(`no line containing ${fragment}`);
  return row;
}

export const out = (r: RunResult) => r.console.filter((c) => c.level !== 'system').map((c) => c.text);
