/**
 * The line-time profiler as a sandbox tool: `request.lines` in (true for the
 * `// @profile` functions, or a list of names besides them), `result.lines`
 * out. Transform in transform.ts, VM recorder in prelude.ts, model in build.ts.
 */
import type { HostEnv, SandboxTool } from '../engine/tool';
import type { RunRequest, RunResult } from '../types';
import { buildLineProfile, readRaw } from './build';
import { linePrelude } from './prelude';
import { instrumentLines, planLines, type LinePlan, type LineTargetOptions } from './transform';

export const LINES_TOOL_ID = 'lines';

function targetOptions(request: RunRequest): LineTargetOptions {
  return { names: Array.isArray(request.lines) ? request.lines.map(String) : undefined };
}

// Planned on the code as this tool receives it (after earlier tools' transforms).
const plans = new WeakMap<RunRequest, { input: string; plan: LinePlan }>();

function planFor(code: string, request: RunRequest): LinePlan {
  const known = plans.get(request);
  if (known && known.input === code) return known.plan;
  const plan = planLines(code, targetOptions(request));
  plans.set(request, { input: code, plan });
  return plan;
}

/** The lowest event cost measured in this process: a loaded run measures high, and over-subtracting would hide real time. */
let eventMs = Infinity;

/** For tests and benchmarks: forget the calibration. */
export function resetLineCalibration(): void {
  eventMs = Infinity;
}

export const lineTool: SandboxTool = {
  id: LINES_TOOL_ID,
  wants: (request) => !!request.lines,
  // The prelude needs the slot count, which the plan of the learner's code gives.
  prelude: (request) => linePrelude({ slots: planFor(request.code, request).slots }),
  transform(code, request, names) {
    planFor(code, request);
    return instrumentLines(code, targetOptions(request), names);
  },
  finish(raw: unknown, result: RunResult, env: HostEnv) {
    const request = env.request;
    const plan = plans.get(request)?.plan ?? planFor(request.code, request);
    const data = readRaw(raw, plan.slots);
    if (!data) {
      result.console.push({ level: 'system', text: 'The line profiler recorded nothing.', at: result.timing.wallMs });
      return {};
    }
    if (data.eventMs > 0) eventMs = Math.min(eventMs, data.eventMs);
    const lines = buildLineProfile(data, {
      plan,
      code: request.code,
      filename: request.filename ?? 'cell.js',
      simulatedMs: result.timing.simulatedMs,
      partial: result.status !== 'ok',
      eventMs: Number.isFinite(eventMs) ? eventMs : 0,
    });
    return { lines };
  },
};
