/**
 * The processor time a run used, where the platform can tell it.
 *
 * - Node on Linux: this thread's CPU time from /proc/thread-self/schedstat
 *   (the scheduler's sum_exec_runtime, in ns; it advances at context switches
 *   and scheduler ticks, so its resolution is a few ms at worst). A run blocks
 *   its thread, so this is the run's own CPU time, whatever else the process
 *   or the machine does. Node 20 has no process.threadCpuUsage().
 * - Node elsewhere: process.cpuUsage(), user + system time of the whole process
 *   (other threads such as the GC's helpers count too), named as such.
 * - The browser has no CPU clock: the figure is busy time, the run's real
 *   elapsed time minus simulated sleep, and is named that.
 */
import type { CpuTimeKind } from '../types';

interface CpuClock {
  kind: Exclude<CpuTimeKind, 'busy'>;
  /** CPU time so far, ms; undefined if it could not be read this time. */
  read(): number | undefined;
}

interface NodeFs {
  readFileSync(path: string, encoding: 'utf8'): string;
}
interface NodeProcess {
  platform?: string;
  cpuUsage?(): { user: number; system: number };
  getBuiltinModule?(id: string): unknown;
}

function threadClock(proc: NodeProcess): CpuClock | undefined {
  if (proc.platform !== 'linux' || typeof proc.getBuiltinModule !== 'function') return undefined;
  const fs = proc.getBuiltinModule('node:fs') as NodeFs | undefined;
  if (!fs) return undefined;
  const read = (): number | undefined => {
    try {
      const ns = Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
      return Number.isFinite(ns) ? ns / 1e6 : undefined;
    } catch {
      return undefined;
    }
  };
  return read() === undefined ? undefined : { kind: 'thread', read };
}

function processClock(proc: NodeProcess): CpuClock | undefined {
  if (typeof proc.cpuUsage !== 'function') return undefined;
  const usage = proc.cpuUsage.bind(proc);
  return { kind: 'process', read: () => { const u = usage(); return (u.user + u.system) / 1000; } };
}

let detected: CpuClock | null | undefined;
function cpuClock(): CpuClock | null {
  if (detected !== undefined) return detected;
  const proc = (globalThis as { process?: NodeProcess }).process;
  detected = (proc && (threadClock(proc) ?? processClock(proc))) || null;
  return detected;
}

export interface CpuMeasure {
  /** The CPU time (ms) since the start and what it is; undefined where no CPU clock exists (then: busy time). */
  stop(): { cpuMs: number; cpuKind: CpuTimeKind } | undefined;
}

/** Starts measuring; call stop() when the run's own work is over. */
export function startCpuMeasure(): CpuMeasure {
  const clock = cpuClock();
  const start = clock?.read();
  return {
    stop() {
      const end = clock?.read();
      if (!clock || start === undefined || end === undefined) return undefined;
      return { cpuMs: Math.max(0, end - start), cpuKind: clock.kind };
    },
  };
}

/**
 * Time this thread has spent waiting for a processor (ms so far), where the
 * platform says: the second field of /proc/thread-self/schedstat (run_delay,
 * exact to the nanosecond once the thread runs again). Subtracted from a timed
 * round, it takes out the time other programs held the cores, which on a busy
 * machine can double a round; undefined elsewhere.
 */
export function waitingClock(): (() => number) | undefined {
  const proc = (globalThis as { process?: NodeProcess }).process;
  if (!proc || proc.platform !== 'linux' || typeof proc.getBuiltinModule !== 'function') return undefined;
  const fs = proc.getBuiltinModule('node:fs') as NodeFs | undefined;
  if (!fs) return undefined;
  const read = (): number => {
    try {
      const ns = Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[1]);
      return Number.isFinite(ns) ? ns / 1e6 : NaN;
    } catch {
      return NaN;
    }
  };
  return Number.isFinite(read()) ? read : undefined;
}
