/**
 * A watchdog for runs in Node (the CLI and the Node API). The engine's own
 * deadline needs QuickJS's cooperation; a single long native operation (a
 * huge BigInt to string, a catastrophic regex) gives it none. So each run
 * goes to a worker thread, and a worker that has not answered by the run's
 * deadline plus a grace is terminated; the next run gets a fresh one, as the
 * page's Stop does with its Web Worker.
 */
import { Worker } from 'node:worker_threads';
import { limitHit, resolveLimits } from '../engine/limits';
import type { SandboxTool } from '../engine/tool';
import { runInSandbox, type RunHooks } from '../engine/run';
import type { ConsoleEntry, RunRequest, RunResult } from '../types';
import type { RunMessage, WorkerReply } from './protocol';

/** How long past its deadline a run may take to stop by itself (collection included). */
export const WATCHDOG_GRACE_MS = 2000;
/** The worker's own JavaScript heap (the host side of a run): past it the worker is ended. */
const WORKER_HEAP_MB = 256;
/**
 * A worker that holds more than this after a run is retired, and the next run gets a fresh
 * one. A module that grew or reached its cap is dropped after its run (engine/module.ts),
 * but its wasm memory is only freed when the worker's garbage collector gets to it: runs
 * that each drop one (memory bombs, huge profiles) piled them up to 0.5 GB resident in
 * this process. Ending the worker frees everything at once; a fresh one costs about half
 * a second on the next run, and ordinary runs stay well below this.
 */
const RETIRE_AFTER_HELD_BYTES = 256 * 1024 * 1024;

export interface GuardedHooks extends RunHooks {
  /** The worker has begun the run: the deadline and the watchdog count from here (not from loading a worker). */
  onStarted?(): void;
}

interface Pending {
  id: number;
  entries: ConsoleEntry[];
  hooks: GuardedHooks;
  timeoutMs: number;
  startedAt?: number;
  timer?: ReturnType<typeof setTimeout>;
  settle(result: RunResult | Error): void;
}

const BOOT = new URL('./boot.mjs', import.meta.url).href;

let worker: Worker | undefined;
let current: Pending | undefined;
let queue: Promise<unknown> = Promise.resolve();
/** A retired worker's end: the next worker starts after it, so two never hold memory at once. */
let retired: Promise<unknown> = Promise.resolve();
let nextId = 1;

/** Runs a request on the watchdog's worker with the given tools (by id, in order). One run at a time. */
export function runGuarded(request: RunRequest, tools: SandboxTool[], hooks: GuardedHooks = {}): Promise<RunResult> {
  // Where this module is not a file (a DOM-like test environment serves it by URL), no worker
  // can be started from it: run in this thread, without the watchdog.
  if (!BOOT.startsWith('file:')) return runInSandbox(request, tools, hooks);
  const run = queue.then(() => retired).then(() => runOnWorker(request, tools.map((t) => t.id), hooks));
  queue = run.catch(() => undefined);
  return run;
}

function runOnWorker(request: RunRequest, toolIds: string[], hooks: GuardedHooks): Promise<RunResult> {
  const timeoutMs = resolveLimits(request.limits).timeoutMs;
  return new Promise<RunResult>((resolve, reject) => {
    const id = nextId++;
    current = {
      id, entries: [], hooks, timeoutMs,
      settle(result) {
        if (current?.id !== id) return;
        clearTimeout(current.timer);
        current = undefined;
        worker?.unref();
        if (result instanceof Error) reject(result);
        else resolve(result);
      },
    };
    const w = ensureWorker();
    w.ref();
    w.postMessage({ id, request, toolIds } satisfies RunMessage);
  });
}

function ensureWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL(BOOT), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  started.on('message', (reply: WorkerReply) => onReply(reply));
  started.on('error', (error) => endWorker(started, `the sandbox's worker failed: ${String((error as Error)?.message ?? error).slice(0, 500)}`));
  started.on('exit', () => endWorker(started, "the sandbox's worker stopped unexpectedly"));
  worker = started;
  return started;
}

function onReply(reply: WorkerReply): void {
  const run = current;
  if (!run || reply.id !== run.id) return;
  if (reply.type === 'started') {
    // The clock starts when the worker begins the run, so loading the worker never counts against it.
    run.startedAt = performance.now();
    run.timer = setTimeout(() => overrun(run), run.timeoutMs + WATCHDOG_GRACE_MS);
    run.hooks.onStarted?.();
  } else if (reply.type === 'console') {
    run.entries.push(reply.entry);
    run.hooks.onConsole?.(reply.entry);
  } else if (reply.type === 'done') {
    run.settle(reply.result);
    if (reply.heldBytes > RETIRE_AFTER_HELD_BYTES) retired = retireWorker().catch(() => undefined);
  } else run.settle(new Error(reply.message));
}

/** Ends the worker; the next run starts a fresh one. */
function retireWorker(): Promise<unknown> {
  const w = worker;
  worker = undefined; // first: the exit that follows is then no crash (endWorker)
  return w?.terminate() ?? Promise.resolve();
}

/** The run did not stop by itself: end the worker and report the time limit. */
function overrun(run: Pending): void {
  // Not waited for: a worker stuck in a long native operation may take a moment to end.
  void retireWorker();
  const limits = resolveLimits(undefined);
  const hit = limitHit('timeoutMs', { ...limits, timeoutMs: run.timeoutMs });
  const wallMs = performance.now() - (run.startedAt ?? performance.now());
  const note: ConsoleEntry = { level: 'system', text: 'The run did not stop at its time limit (a long built-in operation lets no interrupt in), so its sandbox was ended.', at: wallMs };
  run.hooks.onConsole?.(note);
  run.settle({
    status: 'timeout',
    console: [...run.entries, note],
    outputTruncated: false,
    limitHit: hit,
    timing: { wallMs, cpuMs: wallMs, simulatedMs: 0, resolutionMs: 0 },
    peakMemory: { heapBytes: 0, wasmBytes: 0 },
  });
}

/** A worker that died on its own (out of its heap, a crash): the run in flight is reported as crashed. */
function endWorker(w: Worker, why: string): void {
  // A worker the watchdog ended itself is already forgotten, and its run already answered.
  if (worker !== w) return;
  worker = undefined;
  const run = current;
  if (!run) return;
  run.settle({
    status: 'crashed',
    console: run.entries,
    outputTruncated: false,
    error: { name: 'InternalError', message: `The sandbox crashed: ${why}. A fresh one will be used for the next run.`, stack: [] },
    timing: { wallMs: 0, cpuMs: 0, simulatedMs: 0, resolutionMs: 0 },
    peakMemory: { heapBytes: 0, wasmBytes: 0 },
  });
}
