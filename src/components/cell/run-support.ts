/**
 * Everything a Run needs besides the sandbox: the request builder shared with
 * the build, and what each view needs of a run. Part of the cell script (a few
 * KB) and free of React, so a Run clicked while the page loads sends its
 * request at once, while React and the views are still loading.
 */
import type { RunRequest } from '../../sandbox/types';
import { cellRequest } from '../../cells/cell-request';
import { specFromOptions, type CellOptions } from '../../cells/cell-info';
import { VIEW_PREPARE } from '../views/prepare';
import { orderViews } from './view-order';

export interface CellRunInput {
  chapter: string;
  options: CellOptions;
  filename: string;
  show: string[];
  code: string;
  setup?: string;
}

/**
 * The same request the build records with (`cellRequest`), then each offered
 * view's `prepare()` so that it gets its data (e.g. the profiler turned on).
 */
export function buildRunRequest(input: CellRunInput): RunRequest {
  const source = input.setup ? { code: input.code, setup: input.setup } : { code: input.code };
  let request: RunRequest;
  try {
    request = cellRequest(specFromOptions(input.options, { chapter: input.chapter, line: 0 }), source);
  } catch {
    // The build validated these options; if they still do not parse, run with the defaults.
    request = { ...source, filename: input.filename };
  }
  for (const id of orderViews(input.show, (view) => view in VIEW_PREPARE)) {
    request = VIEW_PREPARE[id]?.(request, input.options) ?? request;
  }
  return request;
}
