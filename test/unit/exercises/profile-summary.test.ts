import { describe, expect, it } from 'vitest';
import { summariseProfile } from '../../../src/sandbox/exercises/profile-summary';
import type { CallNode, Profile } from '../../../src/sandbox/types';

const node = (frame: number, calls: number, selfMs: number, totalMs: number, children: CallNode[] = []): CallNode => ({ frame, calls, selfMs, totalMs, children });

function profile(root: CallNode): Profile {
  return {
    meta: { kind: 'deterministic', filename: 'a.js', wallMs: 100, cpuMs: 100, simulatedMs: 0, resolutionMs: 0.005, overheadPerEventNs: 0, overheadCorrected: false, partial: false },
    frames: [
      { name: '<module>', file: 'a.js', line: 1, column: 1, builtin: false },
      { name: 'fib', file: 'a.js', line: 2, column: 1, builtin: false },
      { name: 'Child.prepY', file: 'a.js', line: 9, column: 3, builtin: false },
    ],
    root,
    spans: [],
    spansTruncated: false,
  };
}

describe('summariseProfile', () => {
  it('adds up calls and own time per function across call paths', () => {
    const summary = summariseProfile(profile(node(0, 1, 10, 100, [node(2, 3, 20, 20), node(1, 1, 30, 70, [node(2, 2, 40, 40)])])));
    const prepY = summary.functions.find((f) => f.name === 'Child.prepY');
    expect(prepY).toMatchObject({ calls: 5, selfMs: 60, totalMs: 60 });
    expect(summary.wallMs).toBe(100);
  });

  it('counts a recursive function once in its cumulative time, like cProfile', () => {
    const summary = summariseProfile(profile(node(0, 1, 10, 60, [node(1, 1, 10, 50, [node(1, 2, 15, 40, [node(1, 4, 25, 25)])])])));
    const fib = summary.functions.find((f) => f.name === 'fib');
    expect(fib).toMatchObject({ calls: 7, selfMs: 50, totalMs: 50 });
    expect(summary.functions[0].name).toBe('<module>');
  });
});
