/** Messages between the watchdog (./runner.ts) and its worker thread (./worker.ts). */
import type { ConsoleEntry, RunRequest, RunResult } from '../types';

export interface RunMessage {
  id: number;
  request: RunRequest;
  /** Tool ids in the order their preludes and transforms apply. */
  toolIds: string[];
}

export type WorkerReply =
  | { id: number; type: 'started' }
  | { id: number; type: 'console'; entry: ConsoleEntry }
  /** heldBytes: the worker's JavaScript heap and external memory (wasm memories included) after the run. */
  | { id: number; type: 'done'; result: RunResult; heldBytes: number }
  | { id: number; type: 'failed'; message: string };
