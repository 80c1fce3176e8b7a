/** Messages between the page (client.ts) and the sandbox worker (worker.ts). */
import type { ConsoleEntry, RunRequest, RunResult } from './types';

export type ToWorker = { type: 'run'; id: number; request: RunRequest } | { type: 'warm' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'started'; id: number }
  | { type: 'console'; id: number; entries: ConsoleEntry[] }
  | { type: 'result'; id: number; result: RunResult }
  | { type: 'fatal'; id?: number; message: string };
