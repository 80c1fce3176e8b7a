/// <reference lib="webworker" />
/**
 * The sandbox's Web Worker: loads the QuickJS wasm once, runs one request at a
 * time, streams console output in batches and posts the result. The page kills
 * and replaces this worker on Stop, on a watchdog timeout, or after a crash.
 */
import { ENGINE_WASM_URL } from './engine-url';
import { compiledEngineModule, configureWasmLocation, expectEngineFromPage, receiveEngineFromPage, warmUpModule } from './engine/module';
import { runInSandbox } from './engine/run';
import { ALL_TOOLS } from './tools';
import { DEFAULT_LIMITS, type ConsoleEntry } from './types';
import type { FromWorker, ToWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;
configureWasmLocation(ENGINE_WASM_URL);

const post = (message: FromWorker) => self.postMessage(message);
const BATCH_MS = 100;

/** Set once the wasm engine has loaded: a failure before that is a load failure, not the learner's. */
let engineLoaded = false;
/** Runs asked for so far: a learner's first Run that came during the warm-up needs no warm-up run before it. */
let runsAsked = 0;
const loadFailure = (e: unknown) =>
  `The sandbox could not load its WebAssembly engine (${(e as Error)?.message ?? String(e)}). The page's text still works; reload the page to try again.`;

/** Sends the page the engine this worker compiled, so a worker that replaces this one need not compile it. */
async function shareCompiledEngine(): Promise<void> {
  const module = await compiledEngineModule();
  if (!module) return;
  try {
    post({ type: 'engine', module });
  } catch {
    // A browser that cannot send a compiled module: a replacement compiles its own.
  }
}

async function warm(engineFromPage: boolean): Promise<void> {
  try {
    await warmUpModule(DEFAULT_LIMITS.memoryBytes);
    engineLoaded = true;
    if (!engineFromPage) await shareCompiledEngine();
    // A first tiny run lets the wasm tier up before the learner's first click, unless the
    // click came first: then it would only stand between the learner and their output.
    if (runsAsked === 0) await runInSandbox({ code: 'let s = 0; for (let i = 0; i < 2e4; i++) s += i;' }, ALL_TOOLS);
    post({ type: 'ready' });
  } catch (e) {
    if (!engineLoaded) post({ type: 'fatal', message: loadFailure(e) });
  }
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'engine') return receiveEngineFromPage(message.module);
  if (message.type === 'warm') {
    if (message.engineFromPage) expectEngineFromPage();
    return warm(Boolean(message.engineFromPage));
  }
  runsAsked++;
  const { id, request } = message;
  post({ type: 'started', id });
  let batch: ConsoleEntry[] = [];
  let lastFlush = performance.now();
  const flush = () => {
    if (batch.length) post({ type: 'console', id, entries: batch });
    batch = [];
    lastFlush = performance.now();
  };
  try {
    await runInSandbox(request, ALL_TOOLS, {
      onConsole(entry) {
        batch.push(entry);
        if (performance.now() - lastFlush > BATCH_MS) flush();
      },
      // Posted before the runtime is torn down, so the page renders it while this thread frees the heap.
      onResult(result) {
        engineLoaded = true;
        batch = []; // the result carries every entry
        post({ type: 'result', id, result });
      },
    });
  } catch (e) {
    post({ type: 'fatal', id, message: engineLoaded ? `The sandbox failed: ${(e as Error).message ?? String(e)}` : loadFailure(e) });
  }
};
