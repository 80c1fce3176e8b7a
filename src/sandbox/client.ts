/**
 * The page's handle on the sandbox worker. Runs are queued one at a time.
 * Stop, a watchdog past the deadline (QuickJS's interrupt handler cannot fire
 * inside a long C built-in) and a crashed worker all end the same way: the
 * worker is terminated, the pending run resolves with a status saying why,
 * and a fresh worker takes its place for the next run.
 */
import { limitHit, resolveLimits } from './engine/limits';
import type { ConsoleEntry, RunRequest, RunResult, RunStatus } from './types';
import type { FromWorker, ToWorker } from './protocol';
import { compileEngineFrom } from './engine/compile-engine';
import { ENGINE_WASM_URL } from './engine-url';
import { takeEarlyWorker, type EarlyWorker } from './early-worker';

export interface RunCallbacks {
  /** Console entries as they are printed (batched), before the result arrives. */
  onConsole?(entries: ConsoleEntry[]): void;
  /** Called about every 100 ms while the run is going, with the elapsed real time. */
  onTick?(elapsedMs: number): void;
  /** The worker has started this run (it may have waited in the queue). */
  onStart?(): void;
}

interface Pending {
  id: number;
  request: RunRequest;
  callbacks: RunCallbacks;
  resolve(result: RunResult): void;
  startedAt?: number;
  /** What the run printed so far: kept when it is stopped or killed, so no output is lost. */
  printed: ConsoleEntry[];
  watchdog?: ReturnType<typeof setTimeout>;
  ticker?: ReturnType<typeof setInterval>;
}

/** Extra time the watchdog allows beyond the run's own deadline (module load included). */
const WATCHDOG_GRACE_MS = 1000;
const FIRST_LOAD_GRACE_MS = 10_000;

export type WorkerFactory = () => Worker;
/** Compiles the engine on the page, to hand to each worker (see expectEngineFromPage in engine/module.ts). */
export type EngineCompiler = () => Promise<WebAssembly.Module>;

const defaultFactory: WorkerFactory = () => new Worker(new URL('./sandbox-worker.ts', import.meta.url), { type: 'module', name: 'workbook-sandbox' });
/** The worker a page's inline script started before the client existed (early-worker.ts), taken once. */
export type EarlyWorkerSource = () => EarlyWorker | undefined;

export class SandboxClient {
  private worker?: Worker;
  private ready = false;
  private nextId = 1;
  private queue: Pending[] = [];
  private current?: Pending;
  private loadError?: string;
  /** Workers created so far (a page test checks that Stop does not leak them). */
  workersCreated = 0;

  /**
   * The engine for the next worker: the one the page compiled (null when it could not),
   * or the one an early worker compiled and sent.
   */
  private engine?: Promise<WebAssembly.Module | null>;

  constructor(
    private readonly factory: WorkerFactory = defaultFactory,
    private readonly compileEngine?: EngineCompiler,
    private readonly earlyWorker?: EarlyWorkerSource,
  ) {}

  /** Starts the worker and loads the wasm, so the first Run is fast. */
  warmUp(): void {
    this.ensureWorker();
  }

  get busy(): boolean {
    return Boolean(this.current);
  }

  run(request: RunRequest, callbacks: RunCallbacks = {}): Promise<RunResult> {
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, request, callbacks, resolve, printed: [] });
      this.pumpQueue();
    });
  }

  /** Ends the current run (and any queued ones) at once. */
  stop(): void {
    const cancelled = [this.current, ...this.queue].filter(Boolean) as Pending[];
    this.queue = [];
    this.current = undefined;
    this.replaceWorker();
    for (const p of cancelled) this.finish(p, synthetic('stopped', p, 'Stopped: you pressed Stop.'));
  }

  dispose(): void {
    this.stop();
    this.worker?.terminate();
    this.worker = undefined;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const early = this.workersCreated === 0 ? this.adoptableEarlyWorker() : undefined;
    const worker = early?.worker ?? this.factory();
    this.workersCreated++;
    this.ready = false;
    worker.onmessage = (event: MessageEvent<FromWorker>) => this.onMessage(worker, event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.onWorkerDied(worker, `The sandbox worker failed: ${event.message || 'it could not start or it crashed'}.`);
    };
    worker.onmessageerror = () => this.onWorkerDied(worker, 'The sandbox sent a message the page could not read.');
    this.worker = worker;
    if (early) {
      // Already told to warm up, compiling its own engine: hear what it said before we listened.
      for (const message of early.messages) this.onMessage(worker, message);
      return worker;
    }
    worker.postMessage({ type: 'warm', engineFromPage: Boolean(this.compileEngine) } satisfies ToWorker);
    this.sendEngine(worker);
    return worker;
  }

  /** The page's early worker, unless it failed to start: then it is dropped and a worker is started as usual. */
  private adoptableEarlyWorker(): EarlyWorker | undefined {
    const early = this.earlyWorker?.();
    if (!early?.failure) return early;
    early.worker.terminate();
    return undefined;
  }

  /**
   * Every worker the client starts gets a compiled engine, so a replacement after Stop starts
   * without compiling at all: the one the early worker compiled and sent, when it has; else
   * the page compiles it once (where no early worker ran, the dev server, this is the first
   * worker's too). Always sent, null on failure, since the worker waits for it.
   */
  private sendEngine(worker: Worker): void {
    if (!this.compileEngine) return;
    this.engine ??= this.compileEngine().catch(() => null);
    void this.engine.then((module) => {
      if (worker !== this.worker) return; // replaced meanwhile: the new worker gets its own copy
      try {
        worker.postMessage({ type: 'engine', module } satisfies ToWorker);
      } catch {
        // A browser that cannot send a compiled module: the worker compiles its own.
        worker.postMessage({ type: 'engine', module: null } satisfies ToWorker);
      }
    });
  }

  private replaceWorker(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.ensureWorker();
  }

  private pumpQueue(): void {
    if (this.current || !this.queue.length) return;
    const p = this.queue.shift()!;
    this.current = p;
    const worker = this.ensureWorker();
    const limits = resolveLimits(p.request.limits);
    const grace = WATCHDOG_GRACE_MS + (this.ready ? 0 : FIRST_LOAD_GRACE_MS);
    p.startedAt = performance.now();
    p.watchdog = setTimeout(() => this.onWatchdog(p), limits.timeoutMs + grace);
    p.ticker = setInterval(() => p.callbacks.onTick?.(performance.now() - (p.startedAt ?? 0)), 100);
    worker.postMessage({ type: 'run', id: p.id, request: p.request } satisfies ToWorker);
  }

  private onMessage(worker: Worker, message: FromWorker): void {
    if (worker !== this.worker) return; // a message from a worker we already replaced
    if (message.type === 'ready') {
      this.ready = true;
      this.loadError = undefined;
      return;
    }
    if (message.type === 'engine') {
      // The worker compiled its own engine: its replacements start from it, with no compile on the page.
      this.engine ??= Promise.resolve(message.module);
      return;
    }
    if (message.type === 'fatal' && message.id === undefined) {
      this.loadError = message.message;
      return;
    }
    const p = this.current;
    if (!p || !('id' in message) || message.id !== p.id) return;
    if (message.type === 'started') {
      p.startedAt = performance.now();
      p.callbacks.onStart?.();
    } else if (message.type === 'console') {
      p.printed.push(...message.entries);
      p.callbacks.onConsole?.(message.entries);
    }
    else if (message.type === 'result') this.complete(p, message.result);
    else if (message.type === 'fatal') {
      this.current = undefined;
      this.replaceWorker();
      this.finish(p, synthetic('crashed', p, this.loadError ?? message.message));
      this.pumpQueue();
    }
  }

  private onWatchdog(p: Pending): void {
    if (this.current !== p) return;
    this.current = undefined;
    this.replaceWorker();
    const limits = resolveLimits(p.request.limits);
    const result = synthetic('timeout', p, limitHit('timeoutMs', limits).message);
    result.limitHit = limitHit('timeoutMs', limits);
    this.finish(p, result);
    this.pumpQueue();
  }

  private onWorkerDied(worker: Worker, message: string): void {
    if (worker !== this.worker) return;
    const p = this.current;
    this.current = undefined;
    this.worker = undefined;
    worker.terminate();
    const why = this.loadError ?? message;
    if (p) this.finish(p, synthetic('crashed', p, `${why} A fresh sandbox will be used for the next run.`));
    this.pumpQueue();
  }

  private complete(p: Pending, result: RunResult): void {
    this.current = undefined;
    this.finish(p, result);
    this.pumpQueue();
  }

  private finish(p: Pending, result: RunResult): void {
    clearTimeout(p.watchdog);
    clearInterval(p.ticker);
    p.resolve(result);
  }
}

function synthetic(status: RunStatus, p: Pending, message: string): RunResult {
  const elapsed = p.startedAt ? performance.now() - p.startedAt : 0;
  return {
    status,
    // What was printed before the end stays; the ending itself is said once, by the results view.
    console: [...p.printed],
    outputTruncated: false,
    error: status === 'stopped' ? undefined : { name: status === 'timeout' ? 'Timeout' : 'SandboxError', message, stack: [] },
    timing: { wallMs: elapsed, cpuMs: elapsed, simulatedMs: 0, resolutionMs: 0 },
  };
}

let shared: SandboxClient | undefined;

/** The page's one sandbox client (one worker shared by every cell). */
export function getSandboxClient(): SandboxClient {
  shared ??= new SandboxClient(defaultFactory, () => compileEngineFrom(ENGINE_WASM_URL), takeEarlyWorker);
  return shared;
}
