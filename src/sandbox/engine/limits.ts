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

/**
 * The most a learner can raise a limit to from the page or the CLI (the fence
 * options allow the same: cell-info.ts), and the next step up from a value.
 */
export const RAISE_CAPS = { timeoutMs: 120_000, memoryBytes: 512 * 1048576 } as const;
export type RaisableLimit = keyof typeof RAISE_CAPS;

export function nextLimit(limit: RaisableLimit, value: number): number | undefined {
  const floor = limit === 'timeoutMs' ? 30_000 : 128 * 1048576;
  const next = Math.min(RAISE_CAPS[limit], Math.max(floor, value * 2));
  return next > value ? next : undefined;
}

/**
 * How to raise a limit, in the words of the place the learner is: the CLI
 * names its flag. (The page offers a button instead: RunStatusNote.)
 */
export function cliLimitAdvice(hit: LimitHit): string {
  if (hit.limit !== 'timeoutMs' && hit.limit !== 'memoryBytes') return '';
  const next = nextLimit(hit.limit, hit.value);
  if (next === undefined) return '';
  return hit.limit === 'timeoutMs' ? ` If the code is meant to run longer, raise the limit with --timeout ${seconds(next).replace(' ', '')}.` : ` To allow more, use --memory ${Math.round(next / 1048576)}MB.`;
}

/**
 * Names the limit and its value; each front end adds how to raise it there.
 * `allowanceBytes`: memory granted beside the limit to the run's tools (the profiler's records).
 */
export function limitHit(limit: keyof Limits, limits: Limits, detail = '', allowanceBytes = 0): LimitHit {
  const value = limits[limit];
  const cap = wasmMemoryCapBytes(value + allowanceBytes);
  const sum = allowanceBytes > 0 ? `the limit, plus ${mb(allowanceBytes)} for the profiler's records and instrumented code, and 16 MB for the engine itself` : 'the limit plus 16 MB for the engine itself';
  // Below 16 MB the cap is the module's 32 MB floor, not the sum: say which.
  const beside = cap > Math.ceil((value + allowanceBytes + ENGINE_HEADROOM_BYTES) / WASM_PAGE_BYTES) * WASM_PAGE_BYTES ? `the smallest the engine runs in; ${sum} would be less` : sum;
  const messages: Record<keyof Limits, string> = {
    timeoutMs: `Stopped after ${seconds(value)}: the run reached its time limit.`,
    memoryBytes:
      `Out of memory: the run needed more than its ${mb(value)} memory limit${detail}. ` +
      `The limit caps the sandbox's whole memory at ${mb(cap)} (${beside}), ` +
      `which holds the live heap and the allocator's free space; no single allocation may exceed ${mb(value + allowanceBytes)}. ` +
      `Use less memory, or raise the limit.`,
    stackBytes: `Stack overflow: calls nested deeper than the ${Math.round(value / 1024)} KB stack allows${detail}. Look for recursion without a base case.`,
    maxOutputLines: `Output stopped after ${value.toLocaleString('en-US')} lines: the run printed more than the console keeps, so it was ended. Print less (a summary, or every 1000th value).`,
    maxOutputBytes: `Output stopped after ${mb(value)}: the run printed more than the console keeps, so it was ended. Print less.`,
  };
  return { limit, value, message: messages[limit] };
}
