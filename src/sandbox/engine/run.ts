/**
 * One run of learner code: a fresh QuickJS runtime and context on a cached
 * wasm module, the sandbox's globals, the tools the request asks for, limits
 * enforced by an interrupt handler (time, output), QuickJS's own limits
 * (memory, stack) and the wasm memory cap. Works in Node and in a Web Worker.
 *
 * A run is five steps, each a function below: open the session (runtime,
 * limits, interrupt handler), install host functions and preludes, evaluate
 * the program and pump its jobs, collect the tools' data, assemble the result.
 * The runtime is released on every path (runOnModule's finally).
 *
 * Everything read back from the VM is untrusted: it goes through functions the
 * core prelude captured before learner code ran, and is bounded in size
 * before the host copies or parses it (see ./vm-read.ts).
 */
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from 'quickjs-emscripten-core';
import type { ConsoleLevel, Limits, MemoryUsageSnapshot, RunRequest, RunResult, RunStatus } from '../types';
import type { ConsoleEntry } from '../types';
import type { HostEnv, Primitive, SandboxTool } from './tool';
import { getModule, releaseIfSpent, type LoadedModule } from './module';
import { limitHit, resolveLimits } from './limits';
import { toRunError, withRecoveredPosition } from './errors';
import { seedNativeRandom } from './native-random';
import { startCpuMeasure } from './cpu-clock';
import { heapWalker, type HeapWalker } from './heap-walk';
import { hookNamesFor, type HookNames } from './hook-names';
import { createConsoleOutput, type ConsoleOutput, type OutputLimit } from './output';
import { boundErrorText, COLLECT_MAX_CHARS, HOST_STRING_MAX_CHARS, parseCollected, parseTiming, THROWN_MAX_CHARS } from './vm-read';
import { CORE_SOURCE } from './vm/core';
import { INSPECT_SOURCE } from './vm/inspect';

export interface RunHooks {
  /** Called for each console entry as it is printed (for streaming to the page). */
  onConsole?(entry: ConsoleEntry): void;
  /**
   * Called with the result once it is complete, before the runtime is torn down: freeing a
   * runtime whose heap is full takes tens of ms, and a worker that posts the result here lets
   * the page show it meanwhile. The thread is still busy until the teardown ends, so nothing
   * else can start on this module before then. runInSandbox returns the same result.
   */
  onResult?(result: RunResult): void;
}

type Interrupt = 'timeout' | OutputLimit | undefined;

const realNow = () => performance.now();
const LEVELS = new Set<ConsoleLevel>(['log', 'info', 'warn', 'error', 'table']);
/** Promise jobs run in batches of this many, so a stop is noticed between batches. */
const JOB_BATCH = 1000;
/** The host's own calls into the VM after a run (collection, error reading) get this long. */
const HOST_CALL_MS = 2000;
/** The preludes' own allowance before the learner's deadline starts (they take ~50 ms; more on a loaded machine). */
const PRELUDE_MS = 5000;

/** The sandbox's captured VM functions the host calls (never learner-replaceable globals). */
interface VmFunctions {
  /** The sandbox's own object (`__wb` in our sources), held from before the learner's code ran. */
  wb: QuickJSHandle;
  collect: QuickJSHandle;
  timing: QuickJSHandle;
  describeThrown: QuickJSHandle;
  sliceString: QuickJSHandle;
  runNextTimer: QuickJSHandle;
}

/** The state of one run, shared by its steps. */
interface Session {
  loaded: LoadedModule;
  request: RunRequest;
  limits: Limits;
  tools: SandboxTool[];
  sources: Record<string, string>;
  filename: string;
  runtime: QuickJSRuntime;
  ctx: QuickJSContext;
  output: ConsoleOutput;
  env: HostEnv;
  started: number;
  deadline: number;
  /** Set once the run must stop; the interrupt handler then answers true to the learner's code for good. */
  interrupt: Interrupt;
  /** While the host itself calls into the VM (after the run), with a deadline of its own. */
  hostCallUntil: number | undefined;
  status: RunStatus;
  error?: RunResult['error'];
  crashed?: unknown;
  peak: MemoryUsageSnapshot;
  /** Reads the live heap, with room kept aside for the reading (heap-walk.ts). */
  heap: HeapWalker;
  vm?: VmFunctions;
  /** This run's names for our globals and hooks (hook-names.ts). */
  names: HookNames;
  /** Tools' VM functions called from the interrupt handler (see SandboxTool.interruptFunction). */
  interruptCalls: QuickJSHandle[];
  /** Tools' host-side interrupt hooks (SandboxTool.onInterrupt); emptied when the run ends. */
  interruptHooks: SandboxTool[];
  inInterruptCall: boolean;
  /** Notes for the learner added by the host (transform fallbacks, dropped data). */
  notes: string[];
  /** This run's processor time, measured where the platform can (cpu-clock.ts). */
  cpu: ReturnType<typeof startCpuMeasure>;
  cpuUsed?: ReturnType<ReturnType<typeof startCpuMeasure>['stop']>;
}

function toolAllowance(tools: SandboxTool[], request: RunRequest): number {
  return tools.reduce((sum, tool) => sum + Math.max(0, tool.memoryAllowanceBytes?.(request) ?? 0), 0);
}

/**
 * A run blocks its thread until it ends. In Node, let the event loop go round once
 * first, so back-to-back runs (tests, checks, the CLI) never starve timers and I/O:
 * a timer, then an immediate, because I/O is polled between the two. An immediate
 * alone can run before the next poll, and then a message that arrived during the
 * last run is read only after the next one (vitest's worker, waiting 60 s for such
 * a message, failed a run that way).
 */
async function letTheEventLoopTurn(): Promise<void> {
  if (typeof setImmediate !== 'function') return;
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  await new Promise<void>((resolve) => setImmediate(resolve));
}

export async function runInSandbox(request: RunRequest, tools: SandboxTool[] = [], hooks: RunHooks = {}): Promise<RunResult> {
  const limits = resolveLimits(request.limits);
  const active = tools.filter((t) => t.wants(request));
  // The learner's limit, plus what the active tools' bookkeeping may take beside it.
  const loaded = await getModule(limits.memoryBytes + toolAllowance(active, request));
  await letTheEventLoopTurn();
  try {
    const result = runOnModule(loaded, request, limits, active, hooks);
    // After an allocation failed, QuickJS may not have given everything back (a failed
    // runtime teardown, a half-built object): the next run gets a fresh module.
    if (result.status === 'out-of-memory') loaded.broken = true;
    return result;
  } finally {
    releaseIfSpent(loaded);
  }
}

function runOnModule(loaded: LoadedModule, request: RunRequest, limits: Limits, tools: SandboxTool[], hooks: RunHooks): RunResult {
  const s = openSession(loaded, request, limits, tools, hooks);
  try {
    installHostFunctions(s);
    startPreludes(s);
    evaluateProgram(s);
    const collected = collectResults(s);
    const result = finishTools(s, assembleResult(s, collected.clock), collected.raw);
    // Where QuickJS's own position is unreliable, the one recovered from the source (errors.ts).
    if (result.error) result.error = withRecoveredPosition(result.error, s.sources);
    hooks.onResult?.(result);
    return result;
  } finally {
    closeSession(s);
  }
}

/* ------------------------------------------------------------ 1. session */

function openSession(loaded: LoadedModule, request: RunRequest, limits: Limits, tools: SandboxTool[], hooks: RunHooks): Session {
  const filename = request.filename ?? 'cell.js';
  const sources: Record<string, string> = { [filename]: request.code };
  if (request.setup) sources['setup.js'] = request.setup;
  const started = realNow();
  const runtime: QuickJSRuntime = loaded.module.newRuntime();
  let ctx: QuickJSContext;
  try {
    runtime.setMemoryLimit(loaded.capBytes);
    runtime.setMaxStackSize(limits.stackBytes);
    ctx = runtime.newContext();
  } catch (e) {
    disposeQuietly(loaded, runtime);
    throw e;
  }
  const s = {
    loaded, request, limits, tools, sources, filename, runtime, ctx,
    output: createConsoleOutput(limits, hooks.onConsole),
    started, deadline: started + limits.timeoutMs + PRELUDE_MS, interrupt: undefined, hostCallUntil: undefined,
    status: 'ok', peak: { heapBytes: 0, wasmBytes: loaded.memory.buffer.byteLength },
    interruptCalls: [], interruptHooks: tools.filter((t) => t.onInterrupt), inInterruptCall: false, notes: [], cpu: startCpuMeasure(),
    names: hookNamesFor([request.code, request.setup ?? '', request.after?.source ?? '']),
    heap: heapWalker(loaded, runtime, ctx),
  } as unknown as Session;
  s.env = { request, realNow, memoryUsage: () => memoryUsage(s), memoryDetails: () => s.heap.details() };
  runtime.setInterruptHandler(() => shouldInterrupt(s));
  return s;
}

/** The interrupt handler: once a run is stopped it stays stopped, whatever the program does. */
function shouldInterrupt(s: Session): boolean {
  if (s.hostCallUntil !== undefined) return realNow() > s.hostCallUntil;
  if (s.interrupt) return true;
  if (realNow() > s.deadline) {
    s.interrupt = 'timeout';
    return true;
  }
  if (s.interruptCalls.length > 0 && !s.inInterruptCall) callInterruptFunctions(s);
  if (s.interruptHooks.length > 0) callInterruptHooks(s.interruptHooks, s.env);
  return false;
}

/** Each tool's host-side interrupt hook; a failing hook never stops the run. */
function callInterruptHooks(tools: SandboxTool[], env: HostEnv): void {
  for (const tool of tools) {
    try {
      tool.onInterrupt!(env);
    } catch {
      /* the hook's own problem (e.g. a heap that can no longer be walked) */
    }
  }
}

function callInterruptFunctions(s: Session): void {
  s.inInterruptCall = true;
  try {
    for (const fn of s.interruptCalls) {
      const r = s.ctx.callFunction(fn, s.ctx.undefined);
      if (r.error) r.error.dispose();
      else r.value.dispose();
    }
  } catch {
    // The module failed underneath (it is about to report that itself): stop calling.
    s.interruptCalls = [];
  } finally {
    s.inInterruptCall = false;
  }
}

function disarmInterruptFunctions(s: Session): void {
  s.interruptHooks = [];
  const calls = s.interruptCalls;
  s.interruptCalls = [];
  for (const fn of calls) disposeHandle(fn);
}

function memoryUsage(s: Session): MemoryUsageSnapshot {
  const snapshot = { heapBytes: s.heap.bytes(), wasmBytes: s.loaded.memory.buffer.byteLength };
  if (snapshot.heapBytes > s.peak.heapBytes) s.peak = { ...s.peak, heapBytes: snapshot.heapBytes };
  if (snapshot.wasmBytes > s.peak.wasmBytes) s.peak = { ...s.peak, wasmBytes: snapshot.wasmBytes };
  return snapshot;
}

function closeSession(s: Session): void {
  disarmInterruptFunctions(s);
  if (s.vm) for (const fn of Object.values(s.vm)) disposeHandle(fn);
  s.vm = undefined;
  disposeQuietly(s.loaded, s.runtime, s.ctx);
  s.heap.release();
}

function disposeHandle(h: QuickJSHandle): void {
  try {
    if (h.alive) h.dispose();
  } catch {
    /* a crashed module: nothing left to free */
  }
}

function disposeQuietly(loaded: LoadedModule, runtime: QuickJSRuntime, ctx?: QuickJSContext): void {
  try {
    ctx?.dispose();
    runtime.dispose();
  } catch {
    // Disposing after out-of-memory can abort (quickjs-emscripten#257): never reuse this module.
    loaded.broken = true;
  }
}

/* ------------------------------------------------- 2. host side and preludes */

/** Host functions see primitives only, and strings no longer than HOST_STRING_MAX_CHARS. */
function installHostFunctions(s: Session): void {
  const { ctx } = s;
  const install = (name: string, fn: (...args: Primitive[]) => Primitive) => {
    const renamed = s.names.rename(name);
    const handle = ctx.newFunction(renamed, (...args) => toHandle(s, fn(...args.map((a) => primitiveArg(s, a)))));
    ctx.setProp(ctx.global, renamed, handle);
    handle.dispose();
  };
  install('__wb_host_out', (level, text, at) => {
    const kept = s.output.print(LEVELS.has(level as ConsoleLevel) ? (level as ConsoleLevel) : 'log', String(text), Number(at) || 0);
    if (!kept) s.interrupt ??= s.output.limit;
    return undefined;
  });
  for (const tool of s.tools) {
    for (const [name, fn] of Object.entries(tool.hostFunctions?.(s.env) ?? {})) install(`__wb_host_${name}`, fn);
  }
  // Math.random is the engine's own generator, seeded by the host (native-random.ts).
  const nativeRandom = seedNativeRandom(ctx, s.loaded.memory, runSeed(s.request));
  if (nativeRandom) install('__wb_host_seedRandom', (n) => void nativeRandom.reseed(Number(n)));
}

function runSeed(request: RunRequest): number {
  return Number.isFinite(request.seed) ? Number(request.seed) : 1;
}

function primitiveArg(s: Session, h: QuickJSHandle): Primitive {
  const t = s.ctx.typeof(h);
  if (t === 'string') return readString(s, h, HOST_STRING_MAX_CHARS);
  return t === 'number' || t === 'boolean' || t === 'undefined' ? (s.ctx.dump(h) as Primitive) : undefined;
}

function toHandle(s: Session, v: Primitive): QuickJSHandle {
  const { ctx } = s;
  if (typeof v === 'string') return ctx.newString(v);
  if (typeof v === 'number') return ctx.newNumber(v);
  if (typeof v === 'boolean') return v ? ctx.true : ctx.false;
  return v === null ? ctx.null : ctx.undefined;
}

/** A VM string, cut to maxChars inside the VM before the host copies it. */
function readString(s: Session, h: QuickJSHandle, maxChars: number): string {
  const { ctx } = s;
  const lengthHandle = ctx.getProp(h, 'length');
  const length = ctx.getNumber(lengthHandle);
  lengthHandle.dispose();
  if (length <= maxChars || !s.vm) return length <= maxChars ? ctx.getString(h) : '';
  const end = ctx.newNumber(maxChars);
  const r = ctx.callFunction(s.vm.sliceString, ctx.undefined, h, end);
  end.dispose();
  if (r.error) {
    r.error.dispose();
    return '';
  }
  const text = ctx.typeof(r.value) === 'string' ? ctx.getString(r.value) : '';
  r.value.dispose();
  return text.slice(0, maxChars);
}

function startPreludes(s: Session): void {
  const epoch = Date.now();
  const seed = runSeed(s.request);
  const ours = (source: string) => s.names.rename(source);
  if (!evaluate(s, ours(`(${CORE_SOURCE})(${INSPECT_SOURCE}, ${seed}, ${epoch});`), 'wb:core')) throw new Error(`The sandbox failed to start: ${s.error?.message ?? String(s.crashed)}`);
  for (const tool of s.tools) {
    const prelude = tool.prelude?.(s.request);
    if (prelude && !evaluate(s, ours(prelude), `wb:${tool.id}`)) throw new Error(`The ${tool.id} tool failed to start: ${s.error?.message ?? String(s.crashed)}`);
  }
  captureVmFunctions(s);
  for (const tool of s.tools) {
    const name = tool.interruptFunction?.(s.request);
    if (!name) continue;
    const fn = s.ctx.getProp(s.ctx.global, ours(name));
    if (s.ctx.typeof(fn) === 'function') s.interruptCalls.push(fn);
    else fn.dispose();
  }
  hideHookGlobals(s);
}

/**
 * Turns our globals into global lexical bindings of the same names: the code we
 * inserted still finds them (QuickJS looks those up faster than properties, too),
 * while Object.getOwnPropertyNames(globalThis), `in` and `with` see the global
 * object exactly as a plain run does. Runs after everything the host takes by name.
 */
function hideHookGlobals(s: Session): void {
  const hide = s.names.rename(`(function (g) {
    const names = Object.getOwnPropertyNames(g).filter((name) => name.startsWith('__wb') || name.startsWith('$wb$'));
    return names.join(' ');
  })(globalThis)`);
  const listed = evaluate(s, hide, 'wb:hide', true);
  if (typeof listed === 'boolean') throw new Error(`The sandbox failed to start: ${s.error?.message ?? String(s.crashed)}`);
  // Our own names, listed before any learner code ran; still, only identifiers go into the script.
  const names = s.ctx.getString(listed).split(' ').filter((name) => /^[\w$]+$/.test(name));
  listed.dispose();
  if (!names.length) return;
  const bind = `const ${names.map((name) => `${name} = globalThis.${name}`).join(', ')};
${names.map((name) => `delete globalThis.${name};`).join('\n')}`;
  if (!evaluate(s, bind, 'wb:hide')) throw new Error(`The sandbox failed to start: ${s.error?.message ?? String(s.crashed)}`);
}

/** Takes the sandbox's functions after every tool wrapped them and before learner code can touch them. */
function captureVmFunctions(s: Session): void {
  const { ctx } = s;
  const wb = ctx.getProp(ctx.global, s.names.rename('__wb'));
  const get = (name: string) => ctx.getProp(wb, name);
  s.vm = { wb, collect: get('collect'), timing: get('timing'), describeThrown: get('describeThrown'), sliceString: get('sliceString'), runNextTimer: get('runNextTimer') };
}

/* -------------------------------------------------- 3. evaluation and pump */

/** Evaluates one script; returns its value if keepValue, true if it ran, false (and records why) if it failed. */
function evaluate(s: Session, source: string, file: string, keepValue = false): QuickJSHandle | boolean {
  let result;
  try {
    result = s.ctx.evalCode(source, file, { type: 'global' });
  } catch (e) {
    s.crashed = e;
    return false;
  }
  if (result.error) {
    recordThrown(s, result.error);
    result.error.dispose();
    return false;
  }
  if (keepValue) return result.value;
  result.value.dispose();
  return true;
}

/** Calls a captured VM function; returns its value, or undefined (having recorded why) if it failed. */
function callVm(s: Session, fn: QuickJSHandle, ...args: QuickJSHandle[]): QuickJSHandle | undefined {
  let result;
  try {
    result = s.ctx.callFunction(fn, s.ctx.undefined, ...args);
  } catch (e) {
    s.crashed = e;
    return undefined;
  }
  if (result.error) {
    recordThrown(s, result.error);
    result.error.dispose();
    return undefined;
  }
  return result.value;
}

function evaluateProgram(s: Session): void {
  const { request } = s;
  // The time limit is the learner's: it starts when their code does, not with the sandbox's preludes.
  s.deadline = realNow() + s.limits.timeoutMs;
  if (request.setup) evaluate(s, request.setup, 'setup.js');
  if (running(s)) {
    const completion = evaluate(s, instrumented(s), s.filename, true);
    if (typeof completion !== 'boolean') {
      pump(s);
      reportRejectedCompletion(s, completion);
      completion.dispose();
    }
  }
  // Out of memory inside a promise callback only rejects that callback's promise:
  // the job chain just stops and the script "finishes". Name the limit instead.
  if (running(s) && jobRanOutOfMemory(s)) {
    s.status = 'out-of-memory';
    s.error = { name: 'InternalError', message: 'out of memory (inside a promise callback or timer)', stack: [] };
  }
  if (request.after && running(s)) runAfter(s, request.after);
  stopIfInterrupted(s);
}

/**
 * The script that runs after the program (an exercise's check) evaluates to a
 * function; it is called with the sandbox's object, which the learner's code
 * cannot name, so nothing the program defined can stand in for it.
 */
function runAfter(s: Session, after: NonNullable<RunRequest['after']>): void {
  s.sources[after.filename] = after.source;
  const fn = evaluate(s, after.source, after.filename, true);
  if (typeof fn === 'boolean') return;
  const returned = s.vm && s.ctx.typeof(fn) === 'function' ? callVm(s, fn, s.vm.wb) : undefined;
  returned?.dispose();
  fn.dispose();
  pump(s);
}

/** Is the run still going: no error, no crash, no stop? */
function running(s: Session): boolean {
  stopIfInterrupted(s);
  return s.status === 'ok' && !s.crashed;
}

/**
 * An interrupt can land where the program catches it (an async generator turns
 * it into a rejected promise) or where no error surfaces at all: the stop
 * stands either way.
 */
function stopIfInterrupted(s: Session): void {
  if (!s.interrupt || s.status !== 'ok' || s.crashed) return;
  s.status = s.interrupt === 'timeout' ? 'timeout' : 'output-limit';
}

/** The learner's code after every tool's transform; a transform that fails leaves the code as it is, with a note. */
function instrumented(s: Session): string {
  let code = s.request.code;
  for (const tool of s.tools) {
    if (!tool.transform) continue;
    try {
      code = tool.transform(code, s.request, s.names);
    } catch (e) {
      s.notes.push(`The ${tool.id} tool could not instrument this code (${boundErrorText(String((e as Error)?.message ?? e), 200)}); it ran without that tool's instrumentation.`);
    }
  }
  return code;
}

/** The last expression of a script is often `main()`: a rejected, unhandled promise there is an unhandled rejection. */
function reportRejectedCompletion(s: Session, completion: QuickJSHandle): void {
  if (!running(s)) return;
  const state = s.ctx.getPromiseState(completion);
  if (state.type === 'rejected') {
    recordThrown(s, state.error, true);
    state.error.dispose();
  } else if (state.type === 'fulfilled' && !state.notAPromise) state.value.dispose();
}

/** Did a promise callback fail for lack of memory (the core prelude notes it)? */
function jobRanOutOfMemory(s: Session): boolean {
  if (!s.vm) return false;
  let flag: QuickJSHandle;
  try {
    flag = s.ctx.getProp(s.vm.wb, 'jobOutOfMemory');
  } catch (e) {
    s.crashed = e;
    return false;
  }
  const ranOut = s.ctx.typeof(flag) === 'boolean' && s.ctx.dump(flag) === true;
  flag.dispose();
  return ranOut;
}

/** Runs promise jobs and timers (on the simulated clock) until nothing is left or the run stops. */
function pump(s: Session): boolean {
  for (;;) {
    if (!running(s)) return false;
    let jobs;
    try {
      jobs = s.runtime.executePendingJobs(JOB_BATCH);
    } catch (e) {
      s.crashed = e;
      return false;
    }
    if (jobs.error) {
      recordThrown(s, jobs.error);
      jobs.error.dispose();
      return false;
    }
    if (s.runtime.hasPendingJob()) continue;
    if (!running(s) || !s.vm) return false;
    const ran = callVm(s, s.vm.runNextTimer);
    if (!ran) return false;
    const more = s.ctx.typeof(ran) === 'boolean' && s.ctx.dump(ran) === true;
    ran.dispose();
    if (!more) return true;
  }
}

/* ------------------------------------------------------------ errors */

function recordThrown(s: Session, thrown: QuickJSHandle, unhandledRejection = false): void {
  if (s.status !== 'ok') return;
  recordError(s, readThrown(s, thrown), unhandledRejection);
}

/** A thrown value as {name, message, stack}, read through the captured describer and bounded. */
function readThrown(s: Session, thrown: QuickJSHandle): unknown {
  const { ctx } = s;
  const t = ctx.typeof(thrown);
  if (t !== 'object' && t !== 'string' && t !== 'function') return ctx.dump(thrown);
  if (!s.vm) return t === 'string' ? readString(s, thrown, THROWN_MAX_CHARS) : { name: 'Error', message: '(the thrown value could not be read)' };
  const text = hostCall(s, () => {
    const max = ctx.newNumber(THROWN_MAX_CHARS);
    const r = ctx.callFunction(s.vm!.describeThrown, ctx.undefined, thrown, max);
    max.dispose();
    if (r.error) {
      r.error.dispose();
      return undefined;
    }
    const json = ctx.typeof(r.value) === 'string' ? readString(s, r.value, THROWN_MAX_CHARS * 4) : undefined;
    r.value.dispose();
    return json;
  });
  try {
    const parsed = text === undefined ? undefined : (JSON.parse(text) as unknown);
    if (parsed && typeof parsed === 'object') return parsed;
  } catch {
    /* fall through */
  }
  return { name: 'Uncaught', message: '(the thrown value could not be read)' };
}

/** Runs a host read in the VM with a deadline of its own, even after the run was stopped. */
function hostCall<T>(s: Session, read: () => T): T {
  const outer = s.hostCallUntil;
  s.hostCallUntil = realNow() + HOST_CALL_MS;
  try {
    return read();
  } finally {
    s.hostCallUntil = outer;
  }
}

function recordError(s: Session, dumped: unknown, unhandledRejection = false): void {
  if (s.status !== 'ok') return;
  const err = toRunError(dumped, s.sources);
  err.message = boundErrorText(err.message, s.limits.maxOutputBytes, s.limits.maxOutputLines);
  if (unhandledRejection) err.unhandledRejection = true;
  const msg = err.message.toLowerCase();
  // Once the run is stopped, whatever it throws next is the stop's doing (an interrupt
  // caught by an async function can resurface as any error): the limit is the cause.
  if (s.interrupt || (err.name === 'InternalError' && msg.includes('interrupted'))) {
    s.status = s.interrupt === 'timeout' || !s.interrupt ? 'timeout' : 'output-limit';
    return;
  }
  if ((err.name === 'InternalError' && msg.includes('out of memory')) || looksLikeExhaustedMemory(s, err)) {
    s.status = 'out-of-memory';
    // At the edge QuickJS may throw null instead of an error: say what happened.
    if (err.name !== 'InternalError') Object.assign(err, { name: 'InternalError', message: 'out of memory' });
  } else if ((err.name === 'InternalError' || err.name === 'RangeError') && (msg.includes('stack overflow') || msg.includes('call stack size'))) s.status = 'stack-overflow';
  else s.status = 'error';
  s.error = err;
}

/**
 * At the very edge of the limit QuickJS may fail to allocate even the error
 * object and throw an empty value instead: judge by how full the heap is.
 */
function looksLikeExhaustedMemory(s: Session, err: { name: string; message: string }): boolean {
  if (err.name !== 'Uncaught' && err.name !== 'InternalError') return false;
  try {
    const used = memoryUsage(s);
    return used.heapBytes > s.limits.memoryBytes * 0.9 || (used.wasmBytes >= s.loaded.memory.buffer.byteLength && used.wasmBytes > s.limits.memoryBytes);
  } catch {
    return true;
  }
}

/* ------------------------------------------------------------ 4. collection */

interface Collected {
  raw: Record<string, unknown>;
  clock: { now: number; simulated: number; resolution: number };
}

/** Collection runs even after an error or a timeout, with a short deadline of its own. */
function collectResults(s: Session): Collected {
  s.cpuUsed = s.cpu.stop();
  disarmInterruptFunctions(s);
  const collected: Collected = { raw: {}, clock: { now: realNow() - s.started, simulated: 0, resolution: 0 } };
  if (s.crashed || !s.vm) return collected;
  const vm = s.vm;
  hostCall(s, () => {
    const max = s.ctx.newNumber(COLLECT_MAX_CHARS);
    const json = callVm(s, vm.collect, max);
    max.dispose();
    if (json) {
      const text = s.ctx.typeof(json) === 'string' ? readString(s, json, COLLECT_MAX_CHARS * 2) : '';
      json.dispose();
      const parsed = parseCollected(text);
      collected.raw = parsed.raw;
      s.notes.push(...parsed.notes);
    }
    const timing = callVm(s, vm.timing);
    if (timing) {
      const text = s.ctx.typeof(timing) === 'string' ? readString(s, timing, 200) : '';
      timing.dispose();
      collected.clock = parseTiming(text) ?? collected.clock;
    }
  });
  try {
    memoryUsage(s);
  } catch {
    /* out of memory: keep the last figure */
  }
  return collected;
}

/* ------------------------------------------------------- 5. result assembly */

function assembleResult(s: Session, clock: Collected['clock']): RunResult {
  const result: RunResult = {
    status: s.status,
    console: s.output.entries,
    outputTruncated: s.output.truncated,
    ...(s.error ? { error: s.error } : {}),
    timing: {
      wallMs: clock.now,
      ...(s.cpuUsed ?? { cpuMs: Math.max(0, clock.now - clock.simulated), cpuKind: 'busy' as const }),
      simulatedMs: clock.simulated,
      resolutionMs: clock.resolution,
    },
    peakMemory: s.peak,
  };
  if (s.crashed) describeCrash(s, result);
  result.limitHit = describeLimit(s, result.status);
  if (!result.limitHit) delete result.limitHit;
  for (const text of s.notes) result.console.push({ level: 'system', text, at: clock.now });
  return result;
}

function describeCrash(s: Session, result: RunResult): void {
  // Either way this module must not be reused.
  s.loaded.broken = true;
  const crashed = s.crashed as Error | undefined;
  if (crashed instanceof RangeError && /call stack/i.test(crashed.message)) {
    // The host's own stack ran out inside QuickJS before QuickJS's limit did: still a stack overflow for the learner.
    result.status = 'stack-overflow';
    result.error = { name: 'InternalError', message: 'stack overflow', stack: [] };
  } else if (crashedWhileMemoryFull(s, crashed)) {
    // Some engine paths (the parser of a huge function body, for one) do not check a failed
    // allocation and trap instead. The module's memory had grown past the limit, so the cause is memory.
    result.status = 'out-of-memory';
    result.error = { name: 'InternalError', message: `out of memory (the engine stopped with "${boundErrorText(String(crashed?.message), 200)}" while its memory was full)`, stack: [] };
  } else {
    result.status = 'crashed';
    result.error = { name: 'InternalError', message: `The sandbox crashed: ${boundErrorText(String(crashed?.message ?? crashed), 500)}. A fresh one will be used for the next run.`, stack: [] };
  }
}

/** A wasm trap after the module's memory grew past the run's memory limit: an allocation failed unchecked. */
function crashedWhileMemoryFull(s: Session, crashed: Error | undefined): boolean {
  return crashed?.name === 'RuntimeError' && s.peak.wasmBytes >= s.loaded.capBytes;
}

function describeLimit(s: Session, status: RunStatus): RunResult['limitHit'] {
  const { limits, peak } = s;
  if (status === 'timeout') return limitHit('timeoutMs', limits);
  if (status === 'output-limit') return limitHit(s.output.limit ?? (s.interrupt === 'maxOutputBytes' ? 'maxOutputBytes' : 'maxOutputLines'), limits);
  if (status === 'stack-overflow') return limitHit('stackBytes', limits);
  if (status !== 'out-of-memory') return undefined;
  // After an out-of-memory error the heap may not be measurable any more; the wasm memory always is.
  // Past the edge the heap can no longer be walked: a small last figure is not the peak.
  const peakText = peak.heapBytes > limits.memoryBytes * 0.5 ? `the heap peaked at ${(peak.heapBytes / 1048576).toFixed(1)} MB` : `the module's memory reached ${(peak.wasmBytes / 1048576).toFixed(1)} MB`;
  return limitHit('memoryBytes', limits, `; ${peakText}`, s.loaded.capBytes - limits.memoryBytes);
}

function finishTools(s: Session, result: RunResult, raw: Record<string, unknown>): RunResult {
  for (const tool of s.tools) {
    if (!tool.finish) continue;
    try {
      result = { ...result, ...tool.finish(raw[tool.id], result, s.env) };
    } catch (e) {
      result.console.push({ level: 'system', text: `The ${tool.id} tool could not finish: ${boundErrorText(String((e as Error)?.message ?? e), 500)}`, at: result.timing.wallMs });
    }
  }
  return result;
}
