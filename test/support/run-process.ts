/**
 * Child processes for tests, without blocking the test's event loop.
 *
 * Why not spawnSync: vitest's worker must get answers to its own messages (test
 * updates to the main process) within 60 s. A file whose tests ran blocking child
 * processes back to back (CLI runs, python3's cProfile) held the loop for 26 s on
 * an idle machine, longer on a busy one, and vitest then failed the whole run with
 * "Timeout calling onTaskUpdate" although every test had passed.
 */
import { spawn } from 'node:child_process';

export interface ProcessResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface ProcessOptions {
  cwd?: string;
  input?: string;
  env?: NodeJS.ProcessEnv;
  /** Killed (SIGKILL) after this long; the result then has `signal`. */
  timeoutMs?: number;
}

export function runProcess(command: string, args: string[], options: ProcessOptions = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
    child.stdin.on('error', () => undefined); // a child that exits without reading its input
    child.stdin.end(options.input ?? '');
  });
}

/** Like execFileSync: the output, or an error naming the command and what it printed. */
export async function runChecked(command: string, args: string[], options: ProcessOptions = {}): Promise<string> {
  const r = await runProcess(command, args, options);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status ?? r.signal}:\n${r.stderr.slice(0, 4000)}`);
  return r.stdout;
}
