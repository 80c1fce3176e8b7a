/**
 * The sandbox worker a chapter's inline script starts before the page's own
 * scripts run (src/sandbox/early-worker.ts): the script itself, run in a
 * context of its own with a stand-in Worker; the page's client taking the
 * worker over without losing what it said; and the build step that writes
 * the worker's URL into the pages.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import {
  EARLY_WARM_MESSAGE,
  EARLY_WORKER_GLOBAL,
  EARLY_WORKER_SCRIPT,
  WORKER_URL_ATTRIBUTE,
  WORKER_URL_PLACEHOLDER,
  takeEarlyWorker,
  type EarlyWorker,
} from '../../../src/sandbox/early-worker';
import { fillWorkerUrl, fillWorkerUrls, sandboxWorkerUrl } from '../../../src/markdown/early-worker-integration';
import { SandboxClient } from '../../../src/sandbox/client';
import type { FromWorker, ToWorker } from '../../../src/sandbox/protocol';

/** A stand-in for a Worker: records how it was made and what was posted to it. */
class FakeWorker {
  static made: FakeWorker[] = [];
  posted: ToWorker[] = [];
  terminated = false;
  onmessage: ((event: { data: FromWorker }) => void) | null = null;
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  constructor(
    readonly url: string,
    readonly options: WorkerOptions,
  ) {
    FakeWorker.made.push(this);
  }
  postMessage(message: ToWorker) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
}

/** Runs the inline script as a page would, its attribute holding `url`; returns the page's global. */
function runScript(url: string | null, globals: Record<string, unknown> = {}): Record<string, unknown> {
  FakeWorker.made = [];
  const page: Record<string, unknown> = {
    document: { currentScript: { getAttribute: (name: string) => (name === WORKER_URL_ATTRIBUTE ? url : null) } },
    Worker: FakeWorker,
    ...globals,
  };
  page.window = page;
  runInNewContext(EARLY_WORKER_SCRIPT, page);
  return page;
}

describe('the inline script', () => {
  const URL_BUILT = '/_astro/sandbox-worker-abc.js';

  it('starts the module worker at the built URL at once, and asks it to warm up on its own engine', () => {
    const page = runScript(URL_BUILT);
    expect(FakeWorker.made).toHaveLength(1);
    const [worker] = FakeWorker.made;
    expect(worker.url).toBe(URL_BUILT);
    expect(worker.options).toEqual({ type: 'module', name: 'workbook-sandbox' });
    // No engineFromPage: the worker compiles its own engine, on its own thread.
    expect(worker.posted).toEqual([{ type: 'warm' }]);
    expect(EARLY_WARM_MESSAGE).toEqual({ type: 'warm' });
    expect((page[EARLY_WORKER_GLOBAL] as EarlyWorker).worker).toBe(worker);
  });

  it('keeps what the worker says until the client takes it over, and an error as the failure', () => {
    const page = runScript(URL_BUILT);
    const [worker] = FakeWorker.made;
    const early = page[EARLY_WORKER_GLOBAL] as EarlyWorker;
    worker.onmessage!({ data: { type: 'ready' } });
    worker.onmessage!({ data: { type: 'fatal', message: 'no engine' } });
    expect(early.messages).toEqual([{ type: 'ready' }, { type: 'fatal', message: 'no engine' }]);
    expect(early.failure).toBeUndefined();
    const preventDefault = vi.fn();
    worker.onerror!({ message: 'SyntaxError: nope', preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    expect(early.failure).toBe('SyntaxError: nope');
  });

  it('does nothing where the build has not written a URL (the dev server), or without one at all', () => {
    for (const url of [WORKER_URL_PLACEHOLDER, '', null]) {
      const page = runScript(url);
      expect(FakeWorker.made).toHaveLength(0);
      expect(page[EARLY_WORKER_GLOBAL]).toBeUndefined();
    }
  });

  it('leaves nothing behind and throws nothing when the browser refuses the worker', () => {
    const Refusing = function () {
      throw new Error('SecurityError');
    };
    const page = runScript(URL_BUILT, { Worker: Refusing });
    expect(page[EARLY_WORKER_GLOBAL]).toBeUndefined();
  });
});

describe("the page's client", () => {
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  const early = (messages: FromWorker[], failure?: string): EarlyWorker => ({
    worker: new FakeWorker('/early.js', { type: 'module' }) as unknown as Worker,
    messages,
    failure,
  });

  it('takes the early worker over: no second worker, no message of its own, and it hears what the worker said before', async () => {
    const engine = await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    const started = early([{ type: 'ready' }, { type: 'engine', module: engine }]);
    const factory = vi.fn(() => new FakeWorker('/fresh.js', { type: 'module' }) as unknown as Worker);
    const compile = vi.fn(async () => engine);
    const client = new SandboxClient(factory, compile, () => started);
    client.warmUp();
    await flush();
    expect(factory).not.toHaveBeenCalled();
    expect(client.workersCreated).toBe(1);
    const first = started.worker as unknown as FakeWorker;
    expect(first.posted).toEqual([]);

    void client.run({ code: '1' });
    expect(first.posted.map((message) => message.type)).toEqual(['run']);

    // After Stop, the replacement starts from the engine the early worker sent: nothing compiles on the page.
    client.stop();
    await flush();
    expect(first.terminated).toBe(true);
    expect(factory).toHaveBeenCalledTimes(1);
    const replacement = factory.mock.results[0].value as FakeWorker;
    expect(replacement.posted).toEqual([{ type: 'warm', engineFromPage: true }, { type: 'engine', module: engine }]);
    expect(compile).not.toHaveBeenCalled();
  });

  it('drops an early worker that failed to start and starts one the usual way', async () => {
    const failed = early([], 'it could not start');
    const fresh = new FakeWorker('/fresh.js', { type: 'module' });
    const client = new SandboxClient(() => fresh as unknown as Worker, undefined, () => failed);
    client.warmUp();
    await flush();
    expect((failed.worker as unknown as FakeWorker).terminated).toBe(true);
    expect(fresh.posted).toEqual([{ type: 'warm', engineFromPage: false }]);
  });

  it('reports a load failure the early worker sent before the client listened, on the first run', async () => {
    const started = early([{ type: 'fatal', message: 'The sandbox could not load its WebAssembly engine (404).' }]);
    const client = new SandboxClient(() => new FakeWorker('/fresh.js', { type: 'module' }) as unknown as Worker, undefined, () => started);
    const result = client.run({ code: '1' });
    const first = started.worker as unknown as FakeWorker;
    const run = first.posted.find((message) => message.type === 'run') as Extract<ToWorker, { type: 'run' }>;
    first.onmessage!({ data: { type: 'fatal', id: run.id, message: 'The sandbox failed: engine missing' } });
    expect((await result).status).toBe('crashed');
    expect((await result).error?.message).toContain('could not load its WebAssembly engine (404)');
  });

  it('takes the early worker only once', () => {
    const holder = globalThis as unknown as Record<string, unknown>;
    const started = early([]);
    holder[EARLY_WORKER_GLOBAL] = started;
    expect(takeEarlyWorker()).toBe(started);
    expect(takeEarlyWorker()).toBeUndefined();
  });
});

describe('the build step', () => {
  const site = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'early-worker-'));
    mkdirSync(path.join(dir, '_astro'));
    mkdirSync(path.join(dir, 'profiling'));
    return dir;
  };
  const page = `<main><script ${WORKER_URL_ATTRIBUTE}="${WORKER_URL_PLACEHOLDER}">(script)</script></main>`;

  it("writes the one sandbox worker's URL into the pages that start it, and leaves the others alone", () => {
    const dir = site();
    for (const name of ['sandbox-worker-By2Y_zo-x.js', 'graphviz-worker-Xs.js', 'import-worker-Ce.js', 'editor.worker-DE.js']) writeFileSync(path.join(dir, '_astro', name), '');
    writeFileSync(path.join(dir, 'profiling', 'index.html'), page);
    writeFileSync(path.join(dir, 'index.html'), '<main>no cells</main>');
    expect(fillWorkerUrls(dir, '/', '_astro')).toBe(1);
    expect(readFileSync(path.join(dir, 'profiling', 'index.html'), 'utf8')).toBe(
      `<main><script ${WORKER_URL_ATTRIBUTE}="/_astro/sandbox-worker-By2Y_zo-x.js">(script)</script></main>`,
    );
    expect(readFileSync(path.join(dir, 'index.html'), 'utf8')).toBe('<main>no cells</main>');
  });

  it('follows the base path', () => {
    const dir = site();
    writeFileSync(path.join(dir, '_astro', 'sandbox-worker-a1.js'), '');
    expect(sandboxWorkerUrl(path.join(dir, '_astro'), '/docs/_astro')).toBe('/docs/_astro/sandbox-worker-a1.js');
  });

  it('fails the build when there is no sandbox worker, or more than one, for a page that needs it', () => {
    const dir = site();
    writeFileSync(path.join(dir, 'profiling', 'index.html'), page);
    expect(() => fillWorkerUrls(dir, '/', '_astro')).toThrow(/found none/);
    writeFileSync(path.join(dir, '_astro', 'sandbox-worker-a1.js'), '');
    writeFileSync(path.join(dir, '_astro', 'sandbox-worker-b2.js'), '');
    expect(() => fillWorkerUrls(dir, '/', '_astro')).toThrow(/sandbox-worker-a1\.js, sandbox-worker-b2\.js/);
  });

  it('says whether a page had a script to fill in', () => {
    expect(fillWorkerUrl('<p>prose</p>', '/w.js')).toEqual({ html: '<p>prose</p>', filled: false });
    expect(fillWorkerUrl(page, '/w.js').filled).toBe(true);
  });
});
