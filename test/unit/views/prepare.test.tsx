// @vitest-environment jsdom
/**
 * The run path builds its request from VIEW_PREPARE (React-free, so a first Run
 * is sent before React loads); the page renders with the registry, whose
 * descriptors take their `prepare` from the table: one source for both.
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

  it("gives each registry view the table's own function (or none), not a copy", () => {
    for (const id of Object.keys(VIEWS)) expect(VIEWS[id].prepare, id).toBe(VIEW_PREPARE[id] ?? undefined);
  });

  it('asks a run for what each kind of view reads, for every option set', () => {
    const base = (): RunRequest => ({ code: 'f()', filename: 'cell.js' });
    for (const options of OPTION_SETS) {
      for (const id of ['console', 'time', 'bench']) expect(VIEW_PREPARE[id], id).toBeNull();
      for (const id of ['profile', 'callgraph', 'icicle', 'tree', 'timeline', 'compare']) expect(VIEW_PREPARE[id]!(base(), options).profile, id).toBeDefined();
      expect(VIEW_PREPARE['memory-lines']!(base(), options).memory?.lines).toBeTruthy();
      expect(VIEW_PREPARE['memory-timeline']!(base(), options).memory?.timeline).toBeTruthy();
      expect(VIEW_PREPARE.heap!(base(), options).memory?.heap).toBe(true);
      expect(VIEW_PREPARE['line-profile']!(base(), options).lines).toBeTruthy();
    }
  });

  it('gives a profiled, line-timed cell the tools its views need, in the request sent', () => {
    const request = buildRunRequest({ chapter: '/profiling/', options: { profiler: 'sampling' }, filename: 'c.js', show: ['profile', 'line-profile', 'heap'], code: 'f()' });
    expect(request.profile?.kind).toBe('sampling');
    expect(request.lines).toBeTruthy();
    expect(request.memory?.heap).toBe(true);
  });
});
