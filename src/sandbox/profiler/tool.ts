/**
 * The profilers as a sandbox tool: `request.profile` in, `result.profile` out.
 *
 *  - deterministic (cProfile): every call, return and exception of the
 *    learner's functions and of built-ins, timed on the instrumented clock,
 *    with the hooks' calibrated cost subtracted;
 *  - sampling (pyinstrument): the call stack sampled at a fixed interval of
 *    the instrumented clock. The default sampler ('events') reads the clock at
 *    every call and return (the deterministic recorder's inline code, without
 *    its timing) and gives each sample to the call that was running when it
 *    fell due, leaf functions included. The 'poll' sampler reads the stack from
 *    the engine's interrupt handler (no hooks in the code), so it only sees
 *    where QuickJS polls: biased, kept to show that bias.
 *
 * The transform (transform.ts) and the VM recorders (vm/*.ts) do the recording;
 * build-*.ts turn what was recorded into the Profile model of src/sandbox/types.ts.
 */
import type { HostEnv, SandboxTool } from '../engine/tool';
import type { Profile, ProfileOptions, RunRequest, RunResult } from '../types';
import { buildDeterministic, type DeterministicRaw } from './build-deterministic';
import { buildSampling, type SamplingRaw } from './build-sampling';
import { buildEventSampling, type EventSamplingRaw } from './build-event-sampling';
import type { Calibration } from './overhead';
import { WRITTEN_NAMES, type HookNames } from '../engine/hook-names';
import { HOOKS, instrument, originalColumn, type InstrumentMode, type Instrumented } from './transform';
import { BUILTINS_SOURCE, LANGUAGE_BUILTINS, SANDBOX_BUILTINS, type BuiltinSpec } from './vm/builtins';
import { DETERMINISTIC_SOURCE, EVENT_SAMPLING_SOURCE, type DeterministicConfig } from './vm/deterministic';
import { SAMPLING_SOURCE, type SamplingConfig } from './vm/sampling';

export const PROFILER_TOOL_ID = 'profiler';

/** Spans kept for the timeline before only long calls are kept (then `spansTruncated`). */
const MAX_SPANS = 10_000;
/**
 * Call paths the recorders keep (a node is ~200 bytes in QuickJS's heap, so
 * ~10 MB), within the memory allowance below. Ordinary programs have hundreds.
 */
const MAX_NODES = 50_000;
/**
 * The recorder's own memory (nodes, spans, ticks and their collection) comes on
 * top of the learner's limit, so a program that runs plainly also runs profiled.
 */
export const PROFILER_MEMORY_ALLOWANCE_BYTES = 32 * 1024 * 1024;
/**
 * The instrumented source is the recorder's too: the inline entry and exit make it up to
 * ~10x the learner's code (a 1.6 MB file of 40,000 small functions became 16 MB), and
 * QuickJS holds it while it compiles. So the allowance grows with the code, 16 bytes a character.
 */
const ALLOWANCE_BYTES_PER_SOURCE_CHAR = 16;

function memoryAllowance(request: RunRequest): number {
  return PROFILER_MEMORY_ALLOWANCE_BYTES + ALLOWANCE_BYTES_PER_SOURCE_CHAR * (request.code.length + (request.setup?.length ?? 0));
}
/** Event sampler: tick records kept for its timeline (3 numbers each). */
const MAX_TICKS = 50_000;

/** The hooks' cost measured once per process/worker; later runs reuse it. */
let calibration: Calibration | null = null;

/** For tests and benchmarks: forget the calibration so the next run measures again. */
export function resetCalibration(): void {
  calibration = null;
}

interface Plan {
  input: string;
  /** The run's hook-name tag the code was instrumented with. */
  tag: string;
  instrumented: Instrumented;
}
const plans = new WeakMap<RunRequest, Plan>();

function options(request: RunRequest): Required<ProfileOptions> {
  const p = request.profile ?? { kind: 'deterministic' };
  const interval = Number(p.intervalMs);
  return {
    kind: p.kind === 'sampling' ? 'sampling' : 'deterministic',
    builtins: p.builtins !== false,
    intervalMs: interval > 0 ? interval : 1,
    sampler: p.sampler === 'poll' ? 'poll' : 'events',
  };
}

/** What the transform inserts: the deterministic hooks, the event sampler's, or only `__wbS();` (poll). */
function instrumentMode(request: RunRequest): InstrumentMode {
  const o = options(request);
  if (o.kind === 'deterministic') return 'deterministic';
  return o.sampler === 'poll' ? 'sampling' : 'events';
}

function plan(code: string, request: RunRequest, names: HookNames = WRITTEN_NAMES): Plan {
  const known = plans.get(request);
  if (known && known.input === code && known.tag === names.tag) return known;
  const made = { input: code, tag: names.tag, instrumented: instrument(code, instrumentMode(request), names) };
  plans.set(request, made);
  return made;
}

/** The VM function the sampler runs from the engine's interrupt handler (vm/sampling.ts). */
const SAMPLE_FUNCTION = '__wbSample';

function preludeSource(request: RunRequest): string {
  const o = options(request);
  const mode = instrumentMode(request);
  let specs: BuiltinSpec[];
  let recorder: string;
  if (mode === 'events') {
    const cfg: DeterministicConfig = { maxSpans: 0, maxNodes: MAX_NODES, sampleMs: o.intervalMs, maxTicks: MAX_TICKS };
    recorder = `(${EVENT_SAMPLING_SOURCE})(${JSON.stringify(cfg)}, shared);`;
    // Without built-in rows nothing is wrapped: a sleep's samples fall due in its caller.
    specs = o.builtins ? [...SANDBOX_BUILTINS, ...LANGUAGE_BUILTINS] : [];
  } else if (o.kind === 'sampling') {
    const cfg: SamplingConfig = { intervalMs: o.intervalMs, builtins: o.builtins };
    recorder = `(${SAMPLING_SOURCE})(${JSON.stringify(cfg)}, shared);`;
    specs = SANDBOX_BUILTINS;
  } else {
    const cfg: DeterministicConfig = { maxSpans: MAX_SPANS, maxNodes: MAX_NODES };
    recorder = `(${DETERMINISTIC_SOURCE})(${JSON.stringify(cfg)}, shared);`;
    // Without built-in rows nothing is wrapped: the recorder learns of simulated time from wb.simulated itself.
    specs = o.builtins ? [...SANDBOX_BUILTINS, ...LANGUAGE_BUILTINS] : [];
  }
  return [
    // The deterministic recorder's current node, which the inline entries and exits move:
    // a global let (~20 ns more per access than a closure variable, but no call needed).
    ...(mode !== 'sampling' ? [`let ${HOOKS.current} = null;`] : []),
    // The event sampler's due time, read by its inline code (Infinity until recording starts).
    ...(mode === 'events' ? [`let ${HOOKS.due} = Infinity;`] : []),
    '(function () {',
    'const shared = {};',
    recorder,
    `(${BUILTINS_SOURCE})(shared, ${JSON.stringify(specs)});`,
    `__wb.register(${JSON.stringify(PROFILER_TOOL_ID)}, () => shared.collect());`,
    '})();',
    // The engine then turns the hooks into global lexical bindings (run.ts, hideHookGlobals),
    // which QuickJS also looks up faster than properties of the global object (~100 ns per call).
  ].join('\n');
}

/** Columns in errors point into the instrumented code: give the learner theirs back. */
function mapErrorColumns(result: RunResult, filename: string, p: Plan): RunResult['error'] {
  const error = result.error;
  if (!error || !p.instrumented.ok) return error;
  const fix = (line: number | undefined, column: number | undefined) =>
    line && column ? originalColumn(p.input, p.instrumented.insertions, line, column) : column;
  return {
    ...error,
    ...(error.location && error.location.file === filename
      ? { location: { ...error.location, column: fix(error.location.line, error.location.column) ?? error.location.column } }
      : {}),
    stack: error.stack.map((f) => (f.file === filename ? { ...f, column: fix(f.line, f.column) } : f)),
  };
}

function finishProfile(raw: unknown, result: RunResult, env: HostEnv): Partial<RunResult> {
  const request = env.request;
  const filename = request.filename ?? 'cell.js';
  const p = plans.get(request) ?? plan(request.code, request);
  const error = mapErrorColumns(result, filename, p);
  const data = raw as (DeterministicRaw | SamplingRaw | EventSamplingRaw | { error: string }) | undefined;
  if (!data || 'error' in data) {
    const why = data && 'error' in data ? data.error : 'nothing was recorded';
    result.console.push({ level: 'system', text: `The profiler recorded nothing: ${why}`, at: result.timing.wallMs });
    return error ? { error } : {};
  }
  const meta = {
    wallMs: result.timing.wallMs,
    cpuMs: result.timing.cpuMs,
    cpuKind: result.timing.cpuKind,
    simulatedMs: result.timing.simulatedMs,
    resolutionMs: result.timing.resolutionMs,
    partial: result.status !== 'ok',
  };
  let profile: Profile;
  if (data.kind === 'events') {
    profile = buildEventSampling(data, { filename, sites: p.instrumented.sites, meta, maxSpans: MAX_SPANS });
  } else if (data.kind === 'sampling') {
    profile = buildSampling(data, {
      filename,
      sites: p.instrumented.sites,
      meta,
      code: p.input,
      insertions: p.instrumented.insertions,
      builtins: options(request).builtins,
    });
  } else {
    // Each run measures the hooks at its end, warm, in its own conditions (a busy
    // machine makes them dearer, as it makes the learner's code): that is what gets
    // subtracted. The lowest figure ever seen under-compensated, leaving callers inflated.
    const measured = data.calibration;
    if (measured) calibration = measured;
    profile = buildDeterministic({ ...data, calibration: calibration ?? { innerNs: 0, outerNs: 0 } }, { filename, sites: p.instrumented.sites, meta });
  }
  return { profile, ...(error ? { error } : {}) };
}

export const profilerTool: SandboxTool = {
  id: PROFILER_TOOL_ID,
  wants: (request) => !!request.profile,
  prelude: preludeSource,
  transform(code, request, names) {
    return plan(code, request, names).instrumented.code;
  },
  interruptFunction: (request) => (instrumentMode(request) === 'sampling' ? SAMPLE_FUNCTION : undefined),
  memoryAllowanceBytes: memoryAllowance,
  finish: finishProfile,
};
