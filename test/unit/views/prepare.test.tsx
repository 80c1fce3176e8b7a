// @vitest-environment jsdom
/**
 * The run path builds its request from VIEW_PREPARE (React-free, so a first Run
 * is sent before React loads); the page renders with the registry. They must
 * agree on every view and what it asks of a run.
 */
import { describe, expect, it } from 'vitest';
import { VIEW_PREPARE } from '../../../src/components/views/prepare';
import { VIEWS } from '../../../src/components/views/registry';
import { buildRunRequest } from '../../../src/components/cell/run-support';
import type { RunRequest } from '../../../src/sandbox/types';

const OPTION_SETS = [{}, { profiler: 'sampling', builtins: 'off' }, { lines: 'a, b' }, { profiler: 'deterministic' }];

describe('what each view asks of a run', () => {
  it('names the same views as the registry', () => {
    expect(Object.keys(VIEW_PREPARE).sort()).toEqual(Object.keys(VIEWS).sort());
  });

  it('asks the same of a run as the registry, for every view and option set', () => {
    for (const id of Object.keys(VIEWS)) {
      for (const options of OPTION_SETS) {
        const base = (): RunRequest => ({ code: 'f()', filename: 'cell.js' });
        const fromRegistry = VIEWS[id].prepare?.(base(), options) ?? base();
        const fromTable = VIEW_PREPARE[id]?.(base(), options) ?? base();
        expect(fromTable, `${id} ${JSON.stringify(options)}`).toEqual(fromRegistry);
      }
    }
  });

  it('gives a profiled, line-timed cell the tools its views need, in the request sent', () => {
    const request = buildRunRequest({ chapter: '/profiling/', options: { profiler: 'sampling' }, filename: 'c.js', show: ['profile', 'line-profile', 'heap'], code: 'f()' });
    expect(request.profile?.kind).toBe('sampling');
    expect(request.lines).toBeTruthy();
    expect(request.memory?.heap).toBe(true);
  });
});
