/** Limits of a run: defaults, request overrides, and the message a learner sees when one is hit. */
import { DEFAULT_LIMITS, type LimitHit, type Limits } from '../types';

export function resolveLimits(overrides: Partial<Limits> | undefined): Limits {
  const limits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(overrides ?? {}) as Array<[keyof Limits, number | undefined]>) {
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) limits[key] = value;
  }
  return limits;
}

const WASM_PAGE_BYTES = 64 * 1024;
/** Room for the module's own data, stack and QuickJS bookkeeping beyond the memory limit. */
export const ENGINE_HEADROOM_BYTES = 16 * 1024 * 1024;
/** The module declares 16 MB of its own; its memory never starts below 32 MB of cap (512 pages). */
const MIN_CAP_PAGES = 512;

/**
 * What `memory=` really bounds: the wasm memory of the module that runs the cell,
 * capped at the limit plus the engine's headroom (whole 64 KB pages, at least
 * 32 MB). It holds everything: the engine's own data and stack, the live heap and
 * the allocator's free space. QuickJS's own allocation limit is set to the limit
 * too, but in this wasm build it counts 8 bytes per allocation and not its size
 * (emscripten's malloc gives it no usable size), so it only refuses a single
 * allocation larger than the limit.
 */
export function wasmMemoryCapBytes(memoryBytes: number): number {
  return Math.max(Math.ceil((memoryBytes + ENGINE_HEADROOM_BYTES) / WASM_PAGE_BYTES), MIN_CAP_PAGES) * WASM_PAGE_BYTES;
}

const mb = (bytes: number) => `${Math.round((bytes / 1048576) * 10) / 10} MB`;
const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** Names the limit, its value, and the cell option that raises it. */
export function limitHit(limit: keyof Limits, limits: Limits, detail = ''): LimitHit {
  const value = limits[limit];
  const messages: Record<keyof Limits, string> = {
    timeoutMs: `Stopped after ${seconds(value)}: the run reached its time limit. If the code is meant to run longer, raise it with timeout=30s in the cell options.`,
    memoryBytes:
      `Out of memory: the run needed more than its ${mb(value)} memory limit${detail}. ` +
      `The limit caps the sandbox's whole memory at ${mb(wasmMemoryCapBytes(value))} (the limit plus 16 MB for the engine itself), ` +
      `which holds the live heap and the allocator's free space; no single allocation may exceed ${mb(value)}. ` +
      `Use less memory, or raise the limit with memory=128MB in the cell options.`,
    stackBytes: `Stack overflow: calls nested deeper than the ${Math.round(value / 1024)} KB stack allows${detail}. Look for recursion without a base case.`,
    maxOutputLines: `Output stopped after ${value.toLocaleString('en-US')} lines: the run printed more than the console keeps, so it was ended. Print less (a summary, or every 1000th value).`,
    maxOutputBytes: `Output stopped after ${mb(value)}: the run printed more than the console keeps, so it was ended. Print less.`,
  };
  return { limit, value, message: messages[limit] };
}
