/**
 * How a tool (profiler, memory profiler, benchmark helper, exercise check)
 * plugs into a run without the engine knowing about it.
 *
 * Order of a run:
 *   1. core prelude (console, sleep, clock, seeded random, timers) -> global `__wb`
 *   2. each tool's `prelude` (VM-side JavaScript, evaluated as its own script); then
 *      our `__wb…` globals become lexical bindings under this run's names (hook-names.ts)
 *   3. request.setup (hidden lines), then the learner's code after every tool's
 *      `transform` (transforms never add or remove a line break)
 *   4. promise jobs and timers are pumped until idle (timers on the simulated clock);
 *      meanwhile each tool's `interruptFunction` is called from the interrupt handler
 *   5. request.after (exercise checks): a script that evaluates to a function, called
 *      with the sandbox object (never reachable by name), then pumped again
 *   6. VM-side collection: `__wb.collect()` returns JSON of everything tools
 *      registered with `__wb.register(toolId, () => data)`; this also runs after an
 *      error or timeout (with the interrupt disarmed), best effort after OOM
 *   7. each tool's `finish(raw, env)` turns its raw data into result fields
 *
 * Host functions receive and return primitives only (numbers, strings,
 * booleans, undefined): the host never touches a VM object, which is what keeps
 * learner code from reaching the page.
 */
import type { RunRequest, RunResult, MemoryUsageSnapshot } from '../types';
import type { HookNames } from './hook-names';

export type Primitive = string | number | boolean | undefined | null;

export interface HostEnv {
  request: RunRequest;
  /** Real monotonic time in ms (host clock). */
  realNow(): number;
  /** QuickJS heap and wasm memory right now (walks the heap: ~1 ms per 1e5 objects). */
  memoryUsage(): MemoryUsageSnapshot;
  /** Full QuickJS accounting (JS_ComputeMemoryUsage) as a plain object of numbers. */
  memoryDetails(): Record<string, number>;
}

export interface SandboxTool {
  id: string;
  /** Is this tool needed for the request? */
  wants(request: RunRequest): boolean;
  /** VM-side JavaScript evaluated after the core prelude. */
  prelude?(request: RunRequest): string;
  /**
   * Source transform of the learner's code; must keep every line break. What it
   * inserts names our hooks through `names.rename` (this run's names, hook-names.ts).
   */
  transform?(code: string, request: RunRequest, names: HookNames): string;
  /** Host functions installed as `__wb_host_<name>` globals (deleted from globalThis by the prelude if it wants). */
  hostFunctions?(env: HostEnv): Record<string, (...args: Primitive[]) => Primitive>;
  /**
   * Name of a VM global function the engine calls from QuickJS's interrupt
   * handler (every ~10,000 calls or loop iterations) while the learner's code
   * runs. It runs on top of the interrupted program's stack, so `new Error().stack`
   * there shows what was running: a sampling profiler needs nothing more.
   * Errors it throws are dropped; it is never re-entered.
   */
  interruptFunction?(request: RunRequest): string | undefined;
  /**
   * Host-side work at each interrupt poll while the learner's code runs (the
   * memory tool samples the heap here, as mprof samples at an interval). It is
   * called often (~every 0.5 ms of busy code), so it must be cheap or rate-limit
   * itself; it must not run VM code. Errors are dropped; never called after the run.
   */
  onInterrupt?(env: HostEnv): void;
  /** Turn the raw collected data (JSON-parsed) into result fields. */
  finish?(raw: unknown, result: RunResult, env: HostEnv): Partial<RunResult>;
  /**
   * Memory the tool's own bookkeeping may take in the VM, granted on top of the
   * learner's limit (the module's memory cap grows by it), so that a program that
   * runs plainly also runs with the tool. The tool bounds its data to fit.
   */
  memoryAllowanceBytes?(request: RunRequest): number;
}
