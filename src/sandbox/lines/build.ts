/**
 * Turns what the VM recorder collected (untrusted: it crossed from the VM)
 * into the LineProfile model: one table per profiled function, each line's
 * time with the calibrated cost of the events it contains subtracted.
 */
import type { LinePlan } from './transform';
import type { LineProfile, LineTimeTable } from './types';

export interface LineRaw {
  hits: number[];
  timeMs: number[];
  events: number[];
  eventMs: number;
}

export interface LineBuildContext {
  plan: LinePlan;
  code: string;
  filename: string;
  simulatedMs: number;
  partial: boolean;
  /** Cost of one event to subtract, ms (the lowest calibration seen so far). */
  eventMs: number;
}

const finite = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);

/** The raw data if it has the shape the plan expects, else undefined. */
export function readRaw(raw: unknown, slots: number): LineRaw | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  const column = (v: unknown) => (Array.isArray(v) && v.length === slots ? v.map(finite) : undefined);
  const hits = column(r.hits);
  const timeMs = column(r.timeMs);
  const events = column(r.events);
  if (!hits || !timeMs || !events) return undefined;
  return { hits: hits.map(Math.round), timeMs, events, eventMs: finite(r.eventMs) };
}

/** The line of the `// @profile` comment right above a function's header, which kernprof's table starts with (its decorator). */
function markedBy(source: string[], headerLine: number): number | undefined {
  return /^\s*\/\/\s*@profile\b/.test(source[headerLine - 2] ?? '') ? headerLine - 1 : undefined;
}

export function buildLineProfile(raw: LineRaw, ctx: LineBuildContext): LineProfile {
  const source = ctx.code.split('\n');
  const functions: LineTimeTable[] = ctx.plan.functions.map((fn) => {
    const rows = [];
    const first = markedBy(source, fn.startLine) ?? fn.startLine;
    for (let line = first; line <= fn.endLine; line++) {
      const s = fn.base + line - fn.startLine;
      const timeMs = line < fn.startLine ? 0 : Math.max(0, raw.timeMs[s] - raw.events[s] * ctx.eventMs);
      rows.push({ line, text: (source[line - 1] ?? '').replace(/\r$/, ''), hits: line < fn.startLine ? 0 : raw.hits[s], timeMs });
    }
    const totalMs = rows.reduce((sum, r) => sum + r.timeMs, 0);
    return { name: fn.name, file: ctx.filename, startLine: first, endLine: fn.endLine, totalMs, rows };
  });
  return {
    functions,
    missing: ctx.plan.missing,
    overheadPerEventNs: ctx.eventMs * 1e6,
    overheadCorrected: true,
    simulatedMs: ctx.simulatedMs,
    partial: ctx.partial,
  };
}
