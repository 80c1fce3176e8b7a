/** What the profile views need of a run, React-free (the run path sends the request before React loads). */
import type { RunRequest } from '../../../sandbox/types';
import type { CellOptions } from '../types';

/** Turn the profiler on, as the cell's `profiler=` and `builtins=` options say. */
export function prepareProfile(request: RunRequest, options: CellOptions): RunRequest {
  request.profile ??= {
    kind: options.profiler === 'sampling' ? 'sampling' : 'deterministic',
    builtins: options.builtins !== 'off',
  };
  return request;
}
