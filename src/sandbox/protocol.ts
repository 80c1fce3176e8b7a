/** Messages between the page (client.ts) and the sandbox worker (sandbox-worker.ts). */
import type { ConsoleEntry, RunRequest, RunResult } from './types';

export type ToWorker =
  | { type: 'run'; id: number; request: RunRequest }
  /** engineFromPage: the page is compiling the engine and will send it ('engine'), so wait for it. */
  | { type: 'warm'; engineFromPage?: boolean }
  /** The engine the page compiled, or null when it could not: the worker then compiles its own. */
  | { type: 'engine'; module: WebAssembly.Module | null };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'started'; id: number }
  | { type: 'console'; id: number; entries: ConsoleEntry[] }
  | { type: 'result'; id: number; result: RunResult }
  | { type: 'fatal'; id?: number; message: string }
  /** The engine the worker compiled itself, for the page to hand to the workers that replace it. */
  | { type: 'engine'; module: WebAssembly.Module };
