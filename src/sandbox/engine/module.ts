/**
 * Loads the QuickJS (quickjs-ng, release-sync) wasm module with a hard cap on
 * its linear memory. QuickJS's own memory limit does not bound ArrayBuffers or
 * big strings (quickjs-emscripten#271), so the real cap is the wasm Memory's
 * `maximum`: past it, malloc fails and the program gets `InternalError: out of memory`.
 *
 * A module is reused across runs with the same cap, and dropped after a run
 * that grew its memory a lot (wasm memory never shrinks) or that crashed it.
 *
 * The wasm is compiled once per process and every module is an instance of it:
 * instances of one compiled module share the code the JavaScript engine has
 * optimised, so a replacement starts warm, and each instance gets a cheaper
 * clock import (wasm-clock.ts).
 */
import { newQuickJSWASMModuleFromVariant, newVariant, type EmscriptenModuleLoaderOptions, type QuickJSWASMModule } from 'quickjs-emscripten-core';
import baseVariant from '@jitl/quickjs-ng-wasmfile-release-sync';
import { wasmMemoryCapBytes } from './limits';
import { replaceClockImport } from './wasm-clock';
import { compileEngineFrom } from './compile-engine';

const PAGE = 64 * 1024;
/** Grown past this many bytes over its start, a module is replaced after the run. */
const REPLACE_AFTER_GROWTH_BYTES = 96 * 1024 * 1024;
/** Within this of the maximum, the memory counts as full (malloc needs room to grow). */
const NEAR_CAP_BYTES = 2 * 1024 * 1024;

let wasmLocation: string | undefined;

/** In the browser, Vite gives the wasm's URL (`?url` import); Node finds it itself. */
export function configureWasmLocation(url: string): void {
  wasmLocation = url;
}

export interface LoadedModule {
  module: QuickJSWASMModule;
  memory: WebAssembly.Memory;
  initialBytes: number;
  capBytes: number;
  /** The wasm memory's maximum, in bytes: the hard cap. */
  maximumBytes: number;
  /** Set when the module must not be used again (abort, crash). */
  broken: boolean;
  /** The engine reads its clock through our import (wasm-clock.ts), not the glue's. */
  clockImportReplaced: boolean;
}

const cache = new Map<number, Promise<LoadedModule>>();

function pagesFor(bytes: number): number {
  return Math.ceil(bytes / PAGE);
}

/** Emscripten's module options; quickjs-emscripten's type leaves out `printErr`, which emscripten reads. */
const quietAssertions = {
  printErr: (text: string) => (/^Aborted\(Assertion failed/.test(text) ? undefined : console.error(text)),
} as EmscriptenModuleLoaderOptions;

type Imports = Record<string, Record<string, unknown>>;
interface NodeBuiltins {
  getBuiltinModule?(id: string): unknown;
}

let compiled: Promise<WebAssembly.Module> | undefined;
/** Set while the worker waits for the module the page compiled (expectEngineFromPage). */
let deliverFromPage: ((module: WebAssembly.Module | null) => void) | undefined;

/**
 * A worker the page's client starts gets a compiled engine from the page (client.ts):
 * it waits for that rather than fetching and compiling the same file once more. If
 * the page could not compile it, it sends null and the worker compiles its own.
 * (The worker a chapter starts early, early-worker.ts, compiles its own and sends
 * it to the page for the workers that replace it.)
 */
export function expectEngineFromPage(): void {
  if (compiled) return;
  const fromPage = new Promise<WebAssembly.Module | null>((resolve) => (deliverFromPage = resolve));
  compiled = fromPage.then((module) => module ?? compileOwn() ?? Promise.reject(new Error('the engine has no file to load')));
  compiled.catch(() => (compiled = undefined));
}

/** The page's compiled module arrived (or null: it could not compile one). */
export function receiveEngineFromPage(module: WebAssembly.Module | null): void {
  deliverFromPage?.(module instanceof WebAssembly.Module ? module : null);
  deliverFromPage = undefined;
}

/** From its URL in the browser (configureWasmLocation), from the package's file in Node; undefined where neither is at hand. */
function compileOwn(): Promise<WebAssembly.Module> | undefined {
  if (wasmLocation) return compileEngineFrom(wasmLocation);
  // Node only, without a static import of node:fs that a browser bundle would trip on.
  const node = (globalThis as { process?: NodeBuiltins }).process;
  const fs = node?.getBuiltinModule?.('node:fs') as typeof import('node:fs') | undefined;
  const nodeModule = node?.getBuiltinModule?.('node:module') as typeof import('node:module') | undefined;
  if (!fs || !nodeModule) return undefined;
  const file = nodeModule.createRequire(import.meta.url).resolve('@jitl/quickjs-ng-wasmfile-release-sync/wasm');
  return WebAssembly.compile(fs.readFileSync(file));
}

/** The engine's wasm, compiled once. Undefined where there is nothing to compile it from: the glue then loads it itself. */
function compiledEngine(): Promise<WebAssembly.Module> | undefined {
  if (compiled) return compiled;
  compiled = compileOwn();
  if (!compiled) return undefined;
  compiled.catch(() => (compiled = undefined));
  return compiled;
}

async function load(capBytes: number): Promise<LoadedModule> {
  // The module declares its own minimum (initial) memory; start there and cap at the limit.
  const maximum = pagesFor(wasmMemoryCapBytes(capBytes));
  const memory = new WebAssembly.Memory({ initial: 256, maximum });
  const engine = compiledEngine();
  let clockImportReplaced = false;
  let instantiateFailed: (error: unknown) => void = () => {};
  const failure = new Promise<never>((_, reject) => (instantiateFailed = reject));
  const emscriptenModule = engine
    ? {
        ...quietAssertions,
        // Emscripten's hook for instantiating the wasm ourselves: the glue waits for receive().
        instantiateWasm(imports: Imports, receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) {
          clockImportReplaced = replaceClockImport(imports, memory);
          engine
            .then(async (module) => receive(await WebAssembly.instantiate(module, imports as WebAssembly.Imports), module))
            .catch(instantiateFailed);
          return {};
        },
      }
    : quietAssertions;
  const variant = newVariant(baseVariant, {
    wasmMemory: memory,
    ...(wasmLocation ? { wasmLocation } : {}),
    // Disposing a runtime after out-of-memory can trip an assertion in QuickJS
    // (quickjs-emscripten#257); the run already reported it and the module is
    // replaced, so keep that one message out of the learner's console.
    emscriptenModule: emscriptenModule as EmscriptenModuleLoaderOptions,
  });
  const module = await Promise.race([newQuickJSWASMModuleFromVariant(variant), failure]);
  return { module, memory, initialBytes: memory.buffer.byteLength, capBytes, maximumBytes: maximum * PAGE, broken: false, clockImportReplaced };
}

export function getModule(memoryLimitBytes: number): Promise<LoadedModule> {
  let p = cache.get(memoryLimitBytes);
  if (!p) {
    p = load(memoryLimitBytes);
    cache.set(memoryLimitBytes, p);
    p.catch(() => cache.delete(memoryLimitBytes));
  }
  return p;
}

/** The module's memory can grow no further: a run that got here ran out of memory. */
export function atMemoryCap(loaded: LoadedModule): boolean {
  return loaded.memory.buffer.byteLength > loaded.maximumBytes - NEAR_CAP_BYTES;
}

/**
 * After a run: forget modules that crashed, grew a lot, or reached their cap,
 * so the next run starts clean (and so reaching the cap always means this run did it).
 */
export function releaseIfSpent(loaded: LoadedModule): void {
  const grown = loaded.memory.buffer.byteLength - loaded.initialBytes;
  if (loaded.broken || grown > REPLACE_AFTER_GROWTH_BYTES || atMemoryCap(loaded)) cache.delete(loaded.capBytes);
}

/** The compiled engine every module here is an instance of, once there is one (to share with the page). */
export function compiledEngineModule(): Promise<WebAssembly.Module> | undefined {
  return compiled;
}

/** Loads the default module ahead of the first run. */
export function warmUpModule(memoryLimitBytes: number): Promise<unknown> {
  return getModule(memoryLimitBytes);
}
