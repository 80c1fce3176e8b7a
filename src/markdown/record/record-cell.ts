/**
 * Build-time recording: runs a cell in Node with the same sandbox engine and
 * tools the browser uses, and renders its result to static HTML ("recorded when
 * the site was built"). Loaded lazily by the remark plugin, only during
 * `astro build`, so `astro dev` never pays for QuickJS.
 */
import { DEFAULT_LIMITS, type RunRequest, type RunResult } from '../../sandbox/types';
import type { CellSource, CellSpec } from '../../cells/cell-info';
import { runInSandbox } from '../../sandbox/engine/run';
import { ALL_TOOLS } from '../../sandbox/tools';
import { renderResultsToHtml } from '../../components/cell/ssr';
import { buildRunRequest } from '../../components/cell/run-support';
import { preloadProfileViews } from '../../components/views/profile/index';
import { layOutCallGraphAtBuild } from './callgraph-svg';

export class CellRecordingError extends Error {
  constructor(spec: CellSpec, detail: string) {
    super(`${spec.chapter}:${spec.line}: cell "${spec.id}" failed at build time: ${detail}`);
    this.name = 'CellRecordingError';
  }
}

function describeFailure(result: RunResult): string {
  const error = result.error;
  if (error) {
    const where = error.location ? ` (${error.location.file}:${error.location.line}:${error.location.column})` : '';
    return `${result.status}: ${error.name}: ${error.message}${where}`;
  }
  if (result.limitHit) return `${result.status}: ${result.limitHit.message}`;
  return result.status;
}

export interface Recording {
  result: RunResult;
  /** Static HTML of the results area. */
  html: string;
}

/**
 * A cell's time limit is there to stop a learner's runaway loop. A build on a
 * busy machine (CI with both cores taken) can take several times longer than a
 * learner's browser for the same program: a cell that is not meant to time out
 * gets one more try with a deadline this many times longer before the build fails.
 */
const BUILD_DEADLINE_FACTOR = 6;

function withBuildDeadline(request: RunRequest): RunRequest {
  const timeoutMs = (request.limits?.timeoutMs ?? DEFAULT_LIMITS.timeoutMs) * BUILD_DEADLINE_FACTOR;
  return { ...request, limits: { ...request.limits, timeoutMs } };
}

export async function recordCell(spec: CellSpec, source: CellSource): Promise<Recording> {
  let result: RunResult;
  try {
    // Exactly the request the page builds on Run (views' prepare() included), so the
    // recorded result is the one a learner will see.
    const request = buildRunRequest({ chapter: spec.chapter, options: spec.options, filename: spec.filename, show: spec.show, ...source });
    result = await runInSandbox(request, ALL_TOOLS);
    if (result.status === 'timeout' && spec.expect !== 'timeout') result = await runInSandbox(withBuildDeadline(request), ALL_TOOLS);
  } catch (error) {
    throw new CellRecordingError(spec, `the sandbox threw: ${(error as Error).stack ?? error}`);
  }
  if (result.status !== spec.expect) {
    const expected = spec.expect === 'ok' ? '' : ` (expected ${spec.expect}, see expect=)`;
    throw new CellRecordingError(spec, `${describeFailure(result)}${expected}`);
  }
  let html: string;
  try {
    // The profile views are lazy chunks in the browser; load them so the static render is complete.
    await preloadProfileViews();
    if (spec.show.includes('callgraph') && result.profile) await layOutCallGraphAtBuild(result.profile);
    html = renderResultsToHtml({ result, show: spec.show, code: source.code, cellId: spec.id });
  } catch (error) {
    throw new CellRecordingError(spec, `its result could not be rendered: ${(error as Error).stack ?? error}`);
  }
  return { result, html };
}
