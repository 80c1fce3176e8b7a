/**
 * One run of learner code: a fresh QuickJS runtime and context on a cached
 * wasm module, the sandbox's globals, the tools the request asks for, limits
 * enforced by an interrupt handler (time, output), QuickJS's own limits
 * (memory, stack) and the wasm memory cap. Works in Node and in a Web Worker.
 */
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from 'quickjs-emscripten-core';
import type { ConsoleEntry, ConsoleLevel, Limits, MemoryUsageSnapshot, RunRequest, RunResult, RunStatus } from '../types';
import type { HostEnv, Primitive, SandboxTool } from './tool';
import { getModule, releaseIfSpent, type LoadedModule } from './module';
import { limitHit, resolveLimits } from './limits';
import { toRunError } from './errors';
import { CORE_SOURCE } from './vm/core';
import { INSPECT_SOURCE } from './vm/inspect';

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

export interface RunHooks {
  /** Called for each console entry as it is printed (for streaming to the page). */
  onConsole?(entry: ConsoleEntry): void;
}

type Interrupt = 'timeout' | 'maxOutputLines' | 'maxOutputBytes' | undefined;

const realNow = () => performance.now();
const LEVELS = new Set<ConsoleLevel>(['log', 'info', 'warn', 'error', 'table']);

export async function runInSandbox(request: RunRequest, tools: SandboxTool[] = [], hooks: RunHooks = {}): Promise<RunResult> {
  const limits = resolveLimits(request.limits);
  const loaded = await getModule(limits.memoryBytes);
  // A run blocks its thread until it ends. In Node, give the event loop one turn
  // first, so back-to-back runs (tests, checks, the CLI) never starve timers and I/O.
  if (typeof setImmediate === 'function') await new Promise<void>((r) => setImmediate(r));
  const active = tools.filter((t) => t.wants(request));
  try {
    return runOnModule(loaded, request, limits, active, hooks);
  } finally {
    releaseIfSpent(loaded);
  }
}

function runOnModule(loaded: LoadedModule, request: RunRequest, limits: Limits, tools: SandboxTool[], hooks: RunHooks): RunResult {
  const filename = request.filename ?? 'cell.js';
  const sources: Record<string, string> = { [filename]: request.code };
  if (request.setup) sources['setup.js'] = request.setup;

  const consoleEntries: ConsoleEntry[] = [];
  let outputLines = 0;
  let outputBytes = 0;
  let outputTruncated = false;
  let interrupt: Interrupt;
  const started = realNow();
  let deadline = started + limits.timeoutMs;
  let peak: MemoryUsageSnapshot = { heapBytes: 0, wasmBytes: loaded.memory.buffer.byteLength };

  const runtime: QuickJSRuntime = loaded.module.newRuntime();
  runtime.setMemoryLimit(limits.memoryBytes);
  runtime.setMaxStackSize(limits.stackBytes);
  runtime.setInterruptHandler(() => {
    if (interrupt) return true;
    if (realNow() > deadline) {
      interrupt = 'timeout';
      return true;
    }
    if (interruptCalls.length > 0 && !inInterruptCall) callInterruptFunctions();
    if (interruptHooks.length > 0) callInterruptHooks(interruptHooks, env);
    return false;
  });
  const ctx: QuickJSContext = runtime.newContext();

  /** Tools' VM functions called from the interrupt handler (see SandboxTool.interruptFunction). */
  let interruptCalls: QuickJSHandle[] = [];
  let inInterruptCall = false;
  const callInterruptFunctions = () => {
    inInterruptCall = true;
    try {
      for (const fn of interruptCalls) {
        const r = ctx.callFunction(fn, ctx.undefined);
        if (r.error) r.error.dispose();
        else r.value.dispose();
      }
    } catch {
      // The module failed underneath (it is about to report that itself): stop calling.
      interruptCalls = [];
    } finally {
      inInterruptCall = false;
    }
  };
  /** Tools' host-side interrupt hooks (SandboxTool.onInterrupt); emptied when the run ends. */
  let interruptHooks = tools.filter((t) => t.onInterrupt);
  const disarmInterruptFunctions = () => {
    interruptHooks = [];
    const calls = interruptCalls;
    interruptCalls = [];
    for (const fn of calls) {
      try {
        fn.dispose();
      } catch {
        /* a crashed module: nothing left to free */
      }
    }
  };

  const memoryDetails = (): Record<string, number> => {
    const handle = runtime.computeMemoryUsage();
    try {
      return ctx.dump(handle) as Record<string, number>;
    } finally {
      handle.dispose();
    }
  };
  /** Reads one figure of the usage object: about 4x cheaper than dumping all of it. */
  const heapBytesNow = (): number => {
    const handle = runtime.computeMemoryUsage();
    try {
      const used = ctx.getProp(handle, 'memory_used_size');
      const bytes = ctx.getNumber(used);
      used.dispose();
      return bytes;
    } finally {
      handle.dispose();
    }
  };
  const memoryUsage = (): MemoryUsageSnapshot => {
    const snapshot = { heapBytes: heapBytesNow(), wasmBytes: loaded.memory.buffer.byteLength };
    if (snapshot.heapBytes > peak.heapBytes) peak = { ...peak, heapBytes: snapshot.heapBytes };
    if (snapshot.wasmBytes > peak.wasmBytes) peak = { ...peak, wasmBytes: snapshot.wasmBytes };
    return snapshot;
  };
  const env: HostEnv = { request, realNow, memoryUsage, memoryDetails };

  const print = (level: ConsoleLevel, text: string, at: number) => {
    if (outputTruncated) return;
    const lines = text.split('\n').length;
    if (outputLines + lines > limits.maxOutputLines || outputBytes + text.length > limits.maxOutputBytes) {
      outputTruncated = true;
      interrupt ??= outputLines + lines > limits.maxOutputLines ? 'maxOutputLines' : 'maxOutputBytes';
      const entry: ConsoleEntry = { level: 'system', text: '… output truncated', at };
      consoleEntries.push(entry);
      hooks.onConsole?.(entry);
      return;
    }
    outputLines += lines;
    outputBytes += text.length;
    const entry: ConsoleEntry = { level, text, at };
    consoleEntries.push(entry);
    hooks.onConsole?.(entry);
  };

  // Host functions see primitives only: a VM object never reaches the host.
  const primitiveArg = (h: QuickJSHandle): Primitive => {
    const t = ctx.typeof(h);
    return t === 'string' || t === 'number' || t === 'boolean' || t === 'undefined' ? (ctx.dump(h) as Primitive) : undefined;
  };
  const toHandle = (v: Primitive): QuickJSHandle => {
    if (typeof v === 'string') return ctx.newString(v);
    if (typeof v === 'number') return ctx.newNumber(v);
    if (typeof v === 'boolean') return v ? ctx.true : ctx.false;
    return v === null ? ctx.null : ctx.undefined;
  };
  const install = (name: string, fn: (...args: Primitive[]) => Primitive) => {
    const handle = ctx.newFunction(name, (...args) => toHandle(fn(...args.map(primitiveArg))));
    ctx.setProp(ctx.global, name, handle);
    handle.dispose();
  };
  install('__wb_host_out', (level, text, at) => {
    print(LEVELS.has(level as ConsoleLevel) ? (level as ConsoleLevel) : 'log', String(text), Number(at) || 0);
    return undefined;
  });
  for (const tool of tools) {
    for (const [name, fn] of Object.entries(tool.hostFunctions?.(env) ?? {})) install(`__wb_host_${name}`, fn);
  }

  let status: RunStatus = 'ok';
  let error: RunResult['error'];
  let crashed: unknown;

  /** Evaluates one script; returns false (and records why) if it failed. */
  const evaluate = (source: string, file: string, keepValue = false): QuickJSHandle | boolean => {
    let result;
    try {
      result = ctx.evalCode(source, file, { type: 'global' });
    } catch (e) {
      crashed = e;
      return false;
    }
    if (result.error) {
      recordError(ctx.dump(result.error));
      result.error.dispose();
      return false;
    }
    if (keepValue) return result.value;
    result.value.dispose();
    return true;
  };
  const recordError = (dumped: unknown, unhandledRejection = false) => {
    if (status !== 'ok') return;
    const err = toRunError(dumped, sources);
    if (unhandledRejection) err.unhandledRejection = true;
    const msg = err.message.toLowerCase();
    if (err.name === 'InternalError' && msg.includes('interrupted')) {
      status = interrupt === 'timeout' || !interrupt ? 'timeout' : 'output-limit';
      return;
    }
    if ((err.name === 'InternalError' && msg.includes('out of memory')) || looksLikeExhaustedMemory(err)) {
      status = 'out-of-memory';
      // At the edge QuickJS may throw null instead of an error: say what happened.
      if (err.name !== 'InternalError') Object.assign(err, { name: 'InternalError', message: 'out of memory' });
    }
    else if ((err.name === 'InternalError' || err.name === 'RangeError') && (msg.includes('stack overflow') || msg.includes('call stack size'))) status = 'stack-overflow';
    else status = 'error';
    error = err;
  };
  /**
   * At the very edge of the limit QuickJS may fail to allocate even the error
   * object and throw an empty value instead: judge by how full the heap is.
   */
  const looksLikeExhaustedMemory = (err: { name: string; message: string }): boolean => {
    if (err.name !== 'Uncaught' && err.name !== 'InternalError') return false;
    try {
      const used = memoryUsage();
      return used.heapBytes > limits.memoryBytes * 0.9 || used.wasmBytes >= loaded.memory.buffer.byteLength && used.wasmBytes > limits.memoryBytes;
    } catch {
      return true;
    }
  };
  /** Did a promise callback fail for lack of memory (the core prelude notes it)? */
  const jobRanOutOfMemory = (): boolean => {
    const flag = evaluate('__wb.jobOutOfMemory === true', 'wb:oom', true);
    if (typeof flag === 'boolean') return false; // could not even ask: evaluate() recorded why
    const ranOut = ctx.dump(flag) === true;
    flag.dispose();
    return ranOut;
  };
  /** Runs promise jobs and timers (on the simulated clock) until nothing is left. */
  const pump = (): boolean => {
    for (;;) {
      if (status !== 'ok' || crashed) return false;
      let jobs;
      try {
        jobs = runtime.executePendingJobs();
      } catch (e) {
        crashed = e;
        return false;
      }
      if (jobs.error) {
        recordError(ctx.dump(jobs.error));
        jobs.error.dispose();
        return false;
      }
      if (runtime.hasPendingJob()) continue;
      const ran = evaluate('__wb.runNextTimer()', 'wb:timers', true);
      if (typeof ran === 'boolean') return ran;
      const more = ctx.dump(ran);
      ran.dispose();
      if (!more) return true;
    }
  };

  const epoch = Date.now();
  const seed = Number.isFinite(request.seed) ? Number(request.seed) : 1;
  const coreOk = evaluate(`(${CORE_SOURCE})(${INSPECT_SOURCE}, ${seed}, ${epoch});`, 'wb:core');
  if (!coreOk) throw new Error(`The sandbox failed to start: ${error?.message ?? String(crashed)}`);
  for (const tool of tools) {
    const prelude = tool.prelude?.(request);
    if (prelude && !evaluate(prelude, `wb:${tool.id}`)) throw new Error(`The ${tool.id} tool failed to start: ${error?.message ?? String(crashed)}`);
  }

  for (const tool of tools) {
    const name = tool.interruptFunction?.(request);
    if (!name) continue;
    const fn = ctx.getProp(ctx.global, name);
    if (ctx.typeof(fn) === 'function') interruptCalls.push(fn);
    else fn.dispose();
  }

  if (request.setup) evaluate(request.setup, 'setup.js');
  if (status === 'ok' && !crashed) {
    let code = request.code;
    for (const tool of tools) if (tool.transform) code = tool.transform(code, request);
    const completion = evaluate(code, filename, true);
    if (typeof completion !== 'boolean') {
      pump();
      // The last expression of a script is often `main()`: if it is a promise that
      // rejected and nothing handled it, report it as an unhandled rejection.
      if (status === 'ok' && !crashed) {
        const state = ctx.getPromiseState(completion);
        if (state.type === 'rejected') {
          recordError(ctx.dump(state.error), true);
          state.error.dispose();
        } else if (state.type === 'fulfilled' && !state.notAPromise) state.value.dispose();
      }
      completion.dispose();
    }
  }
  // Out of memory inside a promise callback only rejects that callback's promise:
  // the job chain just stops and the script "finishes". Name the limit instead.
  if (status === 'ok' && !crashed && jobRanOutOfMemory()) {
    status = 'out-of-memory';
    error = { name: 'InternalError', message: 'out of memory (inside a promise callback or timer)', stack: [] };
  }
  if (request.after && status === 'ok' && !crashed) {
    sources[request.after.filename] = request.after.source;
    if (evaluate(request.after.source, request.after.filename)) pump();
  }

  // Collection runs even after an error or a timeout, with a short deadline of its own.
  disarmInterruptFunctions();
  const endedReal = realNow();
  const wasInterrupted = interrupt;
  interrupt = undefined;
  deadline = realNow() + 2000;
  let raw: Record<string, unknown> = {};
  let clock = { now: endedReal - started, simulated: 0, resolution: 0 };
  if (!crashed) {
    const collected = evaluate('__wb.collect()', 'wb:collect', true);
    if (typeof collected !== 'boolean') {
      try {
        raw = JSON.parse(String(ctx.dump(collected)));
      } catch {
        raw = {};
      }
      collected.dispose();
    }
    const timing = evaluate('JSON.stringify([__wb.now(), __wb.simulated, __wb.resolutionMs])', 'wb:timing', true);
    if (typeof timing !== 'boolean') {
      const [now, simulated, resolution] = JSON.parse(String(ctx.dump(timing))) as number[];
      clock = { now, simulated, resolution };
      timing.dispose();
    }
    try {
      memoryUsage();
    } catch {
      /* out of memory: keep the last figure */
    }
  }

  let result: RunResult = {
    status,
    console: consoleEntries,
    outputTruncated,
    ...(error ? { error } : {}),
    timing: {
      wallMs: clock.now,
      cpuMs: Math.max(0, clock.now - clock.simulated),
      simulatedMs: clock.simulated,
      resolutionMs: clock.resolution,
    },
    peakMemory: peak,
  };
  if (crashed && crashed instanceof RangeError && /call stack/i.test(crashed.message)) {
    // The host's own stack ran out inside QuickJS before QuickJS's limit did:
    // still a stack overflow for the learner, but this module must not be reused.
    loaded.broken = true;
    result.status = 'stack-overflow';
    result.error = { name: 'InternalError', message: 'stack overflow', stack: [] };
  } else if (crashed) {
    loaded.broken = true;
    result.status = 'crashed';
    result.error = { name: 'InternalError', message: `The sandbox crashed: ${String((crashed as Error)?.message ?? crashed)}. A fresh one will be used for the next run.`, stack: [] };
  }
  if (result.status === 'timeout') result.limitHit = limitHit('timeoutMs', limits);
  else if (result.status === 'output-limit') result.limitHit = limitHit(wasInterrupted === 'maxOutputBytes' ? 'maxOutputBytes' : 'maxOutputLines', limits);
  else if (result.status === 'out-of-memory') {
    // After an out-of-memory error the heap may not be measurable any more; the wasm memory always is.
    // Past the edge the heap can no longer be walked: a small last figure is not the peak.
    const peakText = peak.heapBytes > limits.memoryBytes * 0.5 ? `the heap peaked at ${(peak.heapBytes / 1048576).toFixed(1)} MB` : `the module's memory reached ${(peak.wasmBytes / 1048576).toFixed(1)} MB`;
    result.limitHit = limitHit('memoryBytes', limits, `; ${peakText}`);
  }
  else if (result.status === 'stack-overflow') result.limitHit = limitHit('stackBytes', limits);

  for (const tool of tools) {
    if (!tool.finish) continue;
    try {
      result = { ...result, ...tool.finish(raw[tool.id], result, env) };
    } catch (e) {
      result.console.push({ level: 'system', text: `The ${tool.id} tool could not finish: ${(e as Error).message}`, at: clock.now });
    }
  }

  try {
    ctx.dispose();
    runtime.dispose();
  } catch {
    // Disposing after out-of-memory can abort (quickjs-emscripten#257): never reuse this module.
    loaded.broken = true;
  }
  return result;
}
