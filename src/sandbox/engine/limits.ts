/** Limits of a run: defaults, request overrides, and the message a learner sees when one is hit. */
import { DEFAULT_LIMITS, type LimitHit, type Limits } from '../types';

export function resolveLimits(overrides: Partial<Limits> | undefined): Limits {
  const limits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(overrides ?? {}) as Array<[keyof Limits, number | undefined]>) {
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) limits[key] = value;
  }
  return limits;
}

const mb = (bytes: number) => `${Math.round((bytes / 1048576) * 10) / 10} MB`;
const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** Names the limit, its value, and the cell option that raises it. */
export function limitHit(limit: keyof Limits, limits: Limits, detail = ''): LimitHit {
  const value = limits[limit];
  const messages: Record<keyof Limits, string> = {
    timeoutMs: `Stopped after ${seconds(value)}: the run reached its time limit. If the code is meant to run longer, raise it with timeout=30s in the cell options.`,
    memoryBytes: `Out of memory: the run used more than its ${mb(value)} memory limit${detail}. Use less memory, or raise the limit with memory=128MB in the cell options.`,
    stackBytes: `Stack overflow: calls nested deeper than the ${Math.round(value / 1024)} KB stack allows${detail}. Look for recursion without a base case.`,
    maxOutputLines: `Output stopped after ${value.toLocaleString('en-US')} lines: the run printed more than the console keeps, so it was ended. Print less (a summary, or every 1000th value).`,
    maxOutputBytes: `Output stopped after ${mb(value)}: the run printed more than the console keeps, so it was ended. Print less.`,
  };
  return { limit, value, message: messages[limit] };
}
