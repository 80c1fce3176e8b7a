/**
 * The page compiles the engine and hands the module to each worker it starts
 * (client.ts, engine/module.ts): a worker told so waits for the page's module
 * instead of loading the file again, falls back to its own copy when the page
 * sends none, and a worker the page replaces after Stop gets the same module
 * without a second compile.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import type { ToWorker } from '../../../src/sandbox/protocol';

const wasmFile = createRequire(import.meta.url).resolve('@jitl/quickjs-ng-wasmfile-release-sync/wasm');
const compileFromFile = () => WebAssembly.compile(readFileSync(wasmFile));
const settled = async <T>(p: Promise<T>) => Promise.race([p.then(() => true, () => true), new Promise((r) => setTimeout(() => r(false), 50))]);

/** A fresh copy of the engine's module loader (its compiled module is per module instance). */
async function freshLoader() {
  vi.resetModules();
  return import('../../../src/sandbox/engine/module');
}

describe("a worker given the page's engine", () => {
  it('waits for it, and runs on it without loading the file (which here cannot be loaded)', async () => {
    const loader = await freshLoader();
    loader.configureWasmLocation('http://127.0.0.1:9/unreachable.wasm');
    loader.expectEngineFromPage();
    const loading = loader.getModule(8 * 1048576);
    expect(await settled(loading)).toBe(false);
    loader.receiveEngineFromPage(await compileFromFile());
    const { module } = await loading;
    expect(module.evalCode('6 * 7')).toBe(42);
  });

  it('loads its own copy when the page sends none', async () => {
    const loader = await freshLoader();
    loader.expectEngineFromPage();
    const loading = loader.getModule(8 * 1048576);
    loader.receiveEngineFromPage(null);
    expect((await loading).module.evalCode('6 * 7')).toBe(42);
  });

  it('fails with the cause when neither the page nor its own file has the engine', async () => {
    const loader = await freshLoader();
    loader.configureWasmLocation('http://127.0.0.1:9/unreachable.wasm');
    loader.expectEngineFromPage();
    const loading = loader.getModule(8 * 1048576);
    loader.receiveEngineFromPage(null);
    await expect(loading).rejects.toThrow();
  });
});

/** A stand-in for the sandbox worker that records what the page posts to it. */
class RecordingWorker {
  posted: ToWorker[] = [];
  terminated = false;
  onmessage: unknown = null;
  onerror: unknown = null;
  onmessageerror: unknown = null;
  postMessage(message: ToWorker) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
}

describe("the page's client", () => {
  const flush = () => new Promise((r) => setTimeout(r, 0));

  it('tells each worker to wait, compiles once, and sends the module to the first worker and to its replacement after Stop', async () => {
    const { SandboxClient } = await import('../../../src/sandbox/client');
    const workers: RecordingWorker[] = [];
    const compiled = await compileFromFile();
    const compile = vi.fn(async () => compiled);
    const client = new SandboxClient(() => {
      const w = new RecordingWorker();
      workers.push(w);
      return w as unknown as Worker;
    }, compile);
    client.warmUp();
    await flush();
    client.stop();
    await flush();
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    for (const worker of workers) {
      expect(worker.posted[0]).toEqual({ type: 'warm', engineFromPage: true });
      expect(worker.posted[1]).toEqual({ type: 'engine', module: compiled });
    }
    expect(compile).toHaveBeenCalledTimes(1);
  });

  it('sends null when the page cannot compile the engine, so the worker loads its own', async () => {
    const { SandboxClient } = await import('../../../src/sandbox/client');
    const worker = new RecordingWorker();
    const client = new SandboxClient(() => worker as unknown as Worker, () => Promise.reject(new Error('blocked')));
    client.warmUp();
    await flush();
    expect(worker.posted).toEqual([{ type: 'warm', engineFromPage: true }, { type: 'engine', module: null }]);
  });

  it('without a compiler, asks the worker to load the engine itself', async () => {
    const { SandboxClient } = await import('../../../src/sandbox/client');
    const worker = new RecordingWorker();
    new SandboxClient(() => worker as unknown as Worker).warmUp();
    await flush();
    expect(worker.posted).toEqual([{ type: 'warm', engineFromPage: false }]);
  });
});
