/**
 * Profile transforms against truth made by construction: hand-built trees with
 * known figures, 30,000-deep chains (no recursion in the walks), and real runs
 * of the QuickJS sandbox whose times come from the simulated sleep().
 */
import { describe, expect, it } from 'vitest';
import { applyTransforms, carryTransforms, collapseRecursion, describeTransform, focusOn, invert, mergeIntoCallers } from '../../../src/sandbox/profile/transform';
import type { CallNode, Frame, Profile } from '../../../src/sandbox/types';
import { profileCode } from '../profiler/helpers';

/* ------------------------------------------------------------ building */

const NAMES = ['<module>', 'main', 'a', 'b', 'leaf', 'r', 'g'];
const F = Object.fromEntries(NAMES.map((name, i) => [name, i])) as Record<string, number>;
const frames: Frame[] = NAMES.map((name, i) => ({ name, file: 't.js', line: i + 1, column: 1, builtin: false }));

/** A node whose total is its self time plus its children's totals; samples likewise when given. */
function n(name: string, selfMs: number, children: CallNode[] = [], calls = 1, ownSamples?: number): CallNode {
  const totalMs = selfMs + children.reduce((s, c) => s + c.totalMs, 0);
  const node: CallNode = { frame: F[name], calls, selfMs, totalMs, children };
  if (ownSamples !== undefined) node.samples = ownSamples + children.reduce((s, c) => s + (c.samples ?? 0), 0);
  return node;
}

function profileOf(root: CallNode): Profile {
  return {
    meta: { kind: 'deterministic', filename: 't.js', wallMs: root.totalMs, cpuMs: 0, simulatedMs: 0, resolutionMs: 0.001, overheadPerEventNs: 0, overheadCorrected: false, partial: false },
    frames,
    root,
    spans: [{ frame: 0, depth: 0, start: 0, end: root.totalMs }],
    spansTruncated: false,
    stats: { functions: [], edges: [] },
  };
}

/** A readable shape: `name calls/self/total [children]`, children in order. */
function shape(profile: Profile, node: CallNode = profile.root): unknown {
  const label = `${profile.frames[node.frame].name} ${node.calls}/${round(node.selfMs)}/${round(node.totalMs)}${node.samples !== undefined ? ` s${node.samples}` : ''}`;
  return node.children.length ? [label, node.children.map((c) => shape(profile, c))] : label;
}
const round = (ms: number) => Math.round(ms * 1000) / 1000;

/** totalMs = selfMs + Σ children.totalMs on every node (iterative: deep trees). */
function expectArithmetic(root: CallNode, tolerance = 1e-6): void {
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    const children = node.children.reduce((s, c) => s + c.totalMs, 0);
    if (Math.abs(node.totalMs - node.selfMs - children) > tolerance) throw new Error(`total ${node.totalMs} != self ${node.selfMs} + children ${children}`);
    if (node.selfMs < -tolerance) throw new Error(`negative self ${node.selfMs}`);
    stack.push(...node.children);
  }
}

function sumSelf(root: CallNode): number {
  let sum = 0;
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    sum += node.selfMs;
    for (const c of node.children) stack.push(c);
  }
  return sum;
}

function depthOf(root: CallNode): number {
  let depth = 0;
  for (let node: CallNode | undefined = root; node; node = node.children[0]) depth++;
  return depth;
}

/** main -> a -> leaf, main -> b -> leaf (twice by one path), main -> leaf. */
function sample(): Profile {
  return profileOf(
    n('<module>', 1, [
      n('main', 2, [
        n('a', 3, [n('leaf', 10, [n('g', 4)], 2)]),
        n('b', 5, [n('leaf', 20, [], 3), n('g', 1)]),
        n('leaf', 7, [n('b', 2)]),
      ]),
    ]),
  );
}

/* --------------------------------------------------------- hand-built */

describe('focusOn', () => {
  it('roots every call of the function at <module>, merged by path', () => {
    const out = focusOn(sample(), F.leaf);
    expect(shape(out)).toEqual(['<module> 1/0/43', [['leaf 6/37/43', ['g 1/4/4', 'b 1/2/2']]]]);
    expectArithmetic(out.root);
  });

  it('a recursive call inside a focused subtree is not a second root', () => {
    const p = profileOf(n('<module>', 0, [n('r', 1, [n('g', 2, [n('r', 4, [n('r', 8)])])])]));
    const out = focusOn(p, F.r);
    expect(shape(out)).toEqual(['<module> 1/0/15', [['r 1/1/15', [['g 1/2/14', [['r 1/4/12', ['r 1/8/8']]]]]]]]);
  });

  it('drops stats and spans, keeps frames and meta', () => {
    const p = sample();
    const out = focusOn(p, F.a);
    expect(out.stats).toBeUndefined();
    expect(out.spans).toEqual([]);
    expect(out.frames).toBe(p.frames);
    expect(out.meta).toBe(p.meta);
    expect(applyTransforms(p, [])).toBe(p);
  });
});

describe('mergeIntoCallers', () => {
  it('gives the function’s own time to its callers and its callees to theirs, time unchanged', () => {
    const p = sample();
    const out = mergeIntoCallers(p, F.leaf);
    // main gets leaf's 7 and leaf's callee b merges with main's b (calls, times add).
    expect(shape(out)).toEqual(['<module> 1/1/55', [['main 1/9/54', [["a 1/13/17", ["g 1/4/4"]], ['b 2/27/28', ['g 1/1/1']]]]]]);
    expectArithmetic(out.root);
    expect(out.root.totalMs).toBe(p.root.totalMs);
    expect(sumSelf(out.root)).toBeCloseTo(sumSelf(p.root), 9);
  });

  it('merges grandchildren recursively and adds samples where times add', () => {
    const p = profileOf(n('<module>', 0, [n('main', 1, [n('a', 1, [n('g', 2, [], 1, 2)], 1, 1), n('g', 3, [n('leaf', 1, [], 1, 1)], 1, 3)], 1, 1)], 1, 0));
    const out = mergeIntoCallers(p, F.a);
    expect(shape(out)).toEqual(['<module> 1/0/8 s8', [['main 1/2/8 s8', [['g 2/5/6 s6', ['leaf 1/1/1 s1']]]]]]);
    expectArithmetic(out.root);
  });

  it('never merges the root', () => {
    const p = sample();
    expect(shape(mergeIntoCallers(p, F['<module>']))).toEqual(shape(p));
  });
});

describe('collapseRecursion', () => {
  it('folds direct and indirect recursion into the outermost call, keeping its (primitive) calls', () => {
    // r -> r -> r (direct) and r -> g -> r (indirect).
    const p = profileOf(n('<module>', 0, [n('r', 1, [n('r', 2, [n('r', 3, [n('leaf', 5)])]), n('g', 4, [n('r', 6, [n('leaf', 7)])])], 2)]));
    const out = collapseRecursion(p, F.r);
    expect(shape(out)).toEqual(['<module> 1/0/28', [['r 2/12/28', ['leaf 2/12/12', 'g 1/4/4']]]]);
    expectArithmetic(out.root);
    expect(out.root.totalMs).toBe(p.root.totalMs);
  });

  it('keeps samples consistent: the outer call keeps them, the nodes between lose the inner call’s', () => {
    const p = profileOf(n('<module>', 0, [n('r', 1, [n('g', 1, [n('r', 1, [n('leaf', 1, [], 1, 4)], 1, 2)], 1, 1)], 1, 1)], 1, 0));
    const out = collapseRecursion(p, F.r);
    expect(shape(out)).toEqual(['<module> 1/0/4 s8', [['r 1/2/4 s8', ['g 1/1/1 s1', 'leaf 1/1/1 s4']]]]);
  });
});

describe('invert', () => {
  it('puts every function with own time at the root, its callers below, up to <module>', () => {
    const p = profileOf(n('<module>', 0, [n('a', 3, [n('leaf', 50)]), n('b', 0, [n('leaf', 40, [], 2), n('a', 1, [n('leaf', 6)])])]));
    const out = invert(p);
    expect(shape(out)).toEqual([
      '<module> 1/0/100',
      [
        ['a 2/0/4', ['<module> 1/3/3', ['b 1/0/1', ['<module> 1/1/1']]]],
        ['leaf 4/0/96', [['a 2/0/56', ['<module> 1/50/50', ['b 1/0/6', ['<module> 1/6/6']]]], ['b 2/0/40', ['<module> 2/40/40']]]],
      ],
    ]);
    expectArithmetic(out.root);
    expect(out.root.totalMs).toBe(p.root.totalMs);
  });
});

/* -------------------------------------------------------------- deep */

describe('30,000-deep chains (iterative walks)', () => {
  const DEPTH = 30_000;
  /** <module> -> r -> r -> ... -> r (each 1 ms own time, or only the deepest). */
  function chain(selfEverywhere: boolean, name = 'r'): Profile {
    let node = n(name, 1);
    for (let i = 1; i < DEPTH; i++) node = n(name, selfEverywhere ? 1 : 0, [node]);
    return profileOf(n('<module>', 0, [node]));
  }

  it('focus', () => {
    const out = focusOn(chain(true), F.r);
    expect(depthOf(out.root)).toBe(DEPTH + 1);
    expect(out.root.totalMs).toBe(DEPTH);
  });

  it('merge', () => {
    const out = mergeIntoCallers(chain(true), F.r);
    expect(shape(out)).toEqual(`<module> 1/${DEPTH}/${DEPTH}`);
  });

  it('collapse recursion', () => {
    const out = collapseRecursion(chain(true), F.r);
    expect(shape(out)).toEqual(['<module> 1/0/30000', [`r 1/${DEPTH}/${DEPTH}`]]);
  });

  it('invert, with time only at the bottom: the whole chain', () => {
    const out = invert(chain(false));
    expect(depthOf(out.root)).toBe(DEPTH + 2);
    expect(out.root.totalMs).toBe(1);
    expect(out.meta.note).toBeUndefined();
  });

  it('invert, with time at every level: chains cut at the work budget, arithmetic kept, said in a note', () => {
    const out = invert(chain(true));
    expect(out.root.totalMs).toBe(DEPTH);
    expectArithmetic(out.root);
    expect(out.meta.note).toMatch(/caller chains are shown up to \d+ callers/);
  });
});

/* ---------------------------------------------- composition and runs */

describe('applyTransforms, describeTransform, carryTransforms', () => {
  it('applies in order and names each step', () => {
    const p = sample();
    const steps = [{ kind: 'focus', frame: F.main } as const, { kind: 'merge', frame: F.leaf } as const];
    expect(shape(applyTransforms(p, steps))).toEqual(shape(mergeIntoCallers(focusOn(p, F.main), F.leaf)));
    expect(steps.map((t) => describeTransform(p, t))).toEqual(['focus on main', 'merge leaf']);
    expect(describeTransform(p, { kind: 'collapse-recursion', frame: F.r })).toBe('collapse recursion of r');
  });

  it('carries transforms to a new run by file and name, dropping those whose function is gone', () => {
    const before = sample();
    const after = { ...before, frames: [frames[0], { ...frames[4], line: 40 }, frames[1]] };
    const carried = carryTransforms([{ kind: 'focus', frame: F.main }, { kind: 'merge', frame: F.a }, { kind: 'invert' }, { kind: 'collapse-recursion', frame: F.leaf }], before, after);
    expect(carried).toEqual([{ kind: 'focus', frame: 2 }, { kind: 'invert' }, { kind: 'collapse-recursion', frame: 1 }]);
  });
});

describe('on real runs (simulated sleep: truth by construction)', () => {
  /**
   * A figure is its sleeps plus the real time around them, which is at most the run's whole
   * real time: a loaded machine once put 13 ms of it into five calls, past a fixed 5 ms
   * tolerance. Below, 5 ms covers the subtracted hook cost and a sample's rounding.
   */
  let realMs = 0;
  const find = (p: Profile, parent: CallNode, name: string) => parent.children.find((c) => p.frames[c.frame].name === name)!;
  const frameOf = (p: Profile, name: string) => p.frames.findIndex((f) => f.name === name);
  const near = (ms: number, expected: number) => {
    expect(ms).toBeGreaterThanOrEqual(expected - 5);
    expect(ms).toBeLessThanOrEqual(expected + realMs + 1);
  };
  const profiled = async (source: string, options: Parameters<typeof profileCode>[1]) => {
    const result = await profileCode(source, options);
    realMs = result.timing.wallMs - result.timing.simulatedMs;
    return result;
  };
  const code = 'function leaf(){ sleep(0.05) }\nfunction a(){ leaf(); sleep(0.02) }\nfunction b(){ leaf(); leaf() }\na(); b();';

  it('focus, merge and invert of leaf', async () => {
    const { profile } = await profiled(code, { kind: 'deterministic', builtins: false });
    const leaf = frameOf(profile, 'leaf');
    near(focusOn(profile, leaf).root.totalMs, 150);

    const merged = mergeIntoCallers(profile, leaf);
    near(find(merged, merged.root, 'a').selfMs, 70);
    near(find(merged, merged.root, 'b').selfMs, 100);
    expectArithmetic(merged.root, 1e-6);

    const inverted = invert(profile);
    const top = find(inverted, inverted.root, 'leaf');
    near(top.totalMs, 150);
    near(find(inverted, top, 'a').totalMs, 50);
    near(find(inverted, top, 'b').totalMs, 100);
    expectArithmetic(inverted.root, 1e-6);
  });

  it('a sampling profile: samples add up where times do', async () => {
    const { profile } = await profiled(code, { kind: 'sampling', builtins: false });
    const merged = mergeIntoCallers(profile, frameOf(profile, 'leaf'));
    expect(merged.root.samples).toBe(profile.root.samples);
    near(find(merged, merged.root, 'b').selfMs, 100);
    const inverted = invert(profile);
    expect(inverted.root.samples).toBe(profile.root.samples);
    near(find(inverted, inverted.root, 'leaf').totalMs, 150);
    expectArithmetic(inverted.root, 1e-6);
  });

  it('collapse recursion of r', async () => {
    const { profile } = await profiled('function r(n){ sleep(0.01); if (n) r(n-1) }\nr(4);', { kind: 'deterministic', builtins: false });
    const out = collapseRecursion(profile, frameOf(profile, 'r'));
    expect(out.root.children).toHaveLength(1);
    const r = out.root.children[0];
    expect(r.children).toHaveLength(0);
    expect(r.calls).toBe(1);
    near(r.selfMs, 50);
  });
});
