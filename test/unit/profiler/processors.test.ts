/**
 * Processors on a hand-built profile whose every figure is known, so each
 * pstats rule, restriction, partner listing, graph weight and tree filter can
 * be checked exactly.
 */
import { describe, expect, it } from 'vitest';
import {
  callGraph,
  callees,
  callers,
  diffProfiles,
  filteredTree,
  flatRows,
  flatSummary,
  heatHsl,
  pstatsName,
  renderPartnersText,
  renderStatsText,
  renderTreeText,
  restrictRows,
  sortRows,
  SORT_KEYS,
  type FlatRow,
} from '../../../src/sandbox/profile/index';
import type { CallNode, Frame, Profile } from '../../../src/sandbox/types';

const F = (name: string, line: number, builtin = false): Frame => ({ name, file: builtin ? '' : 'p.js', line: builtin ? 0 : line, column: builtin ? 0 : 1, builtin });
const frames = [F('<module>', 1), F('main', 10), F('rec', 3), F('leaf', 6), F('Math.floor', 0, true), F('tiny', 20), F('Array.prototype.map', 0, true)];
const N = (frame: number, calls: number, selfMs: number, children: CallNode[] = []): CallNode => ({
  frame,
  calls,
  selfMs,
  totalMs: selfMs + children.reduce((s, c) => s + c.totalMs, 0),
  children,
});

/** <module> -> main -> rec -> rec -> rec, rec(each level) -> leaf, main -> Math.floor ×50, main -> tiny (0.05 ms). */
function sample(): Profile {
  const rec3 = N(2, 1, 10, [N(3, 1, 5)]);
  const rec2 = N(2, 1, 10, [rec3, N(3, 1, 5)]);
  const rec1 = N(2, 1, 10, [rec2, N(3, 1, 5)]);
  const main = N(1, 1, 100, [rec1, N(4, 50, 800), N(5, 2, 0.05), N(6, 1, 4, [N(3, 3, 6)])]);
  const root = N(0, 1, 0, [main]);
  return {
    meta: { kind: 'deterministic', filename: 'p.js', wallMs: root.totalMs, cpuMs: root.totalMs, simulatedMs: 0, resolutionMs: 0.001, overheadPerEventNs: 100, overheadCorrected: true, partial: false },
    frames,
    root,
    spans: [],
    spansTruncated: false,
  };
}

const byName = (p: Profile, rows: FlatRow[], name: string) => rows.find((r) => p.frames[r.frame].name === name)!;

describe('flat table (pstats rules)', () => {
  const p = sample();
  const rows = flatRows(p);

  it('counts recursion as total/primitive and cumulative time once', () => {
    const rec = byName(p, rows, 'rec');
    expect(rec.calls).toBe(3);
    expect(rec.primitiveCalls).toBe(1);
    expect(rec.selfMs).toBe(30);
    expect(rec.totalMs).toBe(45); // the outermost call only
    expect(rec.selfPerCall).toBe(10); // tottime / calls
    expect(rec.totalPerCall).toBe(45); // cumtime / primitive calls
  });

  it('merges a function reached by several paths', () => {
    const leaf = byName(p, rows, 'leaf');
    expect(leaf.calls).toBe(6);
    expect(leaf.primitiveCalls).toBe(6);
    expect(leaf.selfMs).toBe(21);
    expect(leaf.totalMs).toBe(21);
  });

  it('sums the header like pstats (time = Σ tottime)', () => {
    const s = flatSummary(rows);
    expect(s.calls).toBe(1 + 1 + 3 + 6 + 50 + 2 + 1);
    expect(s.primitiveCalls).toBe(s.calls - 2);
    expect(s.totalMs).toBeCloseTo(100 + 30 + 21 + 800 + 0.05 + 4, 9);
    const text = renderStatsText(p, { sort: ['cumulative'] });
    expect(text.split('\n')[0]).toBe('         64 function calls (62 primitive calls) in 0.955 seconds');
    expect(text).toContain('   Ordered by: cumulative time');
    expect(text).toMatch(/^\s+3\/1\s+0\.030\s+0\.010\s+0\.045\s+0\.045 p\.js:3\(rec\)$/m);
    expect(text).toContain('   ncalls  tottime  percall  cumtime  percall filename:lineno(function)');
  });

  it('leaves per-call columns blank when the divisor is zero', () => {
    const q = sample();
    q.root.children[0].children[2].calls = 0;
    const line = renderStatsText(q).split('\n').find((l) => l.endsWith('(tiny)'))!;
    // pstats: eight blanks in place of a per-call figure, between single-space separators.
    expect(line).toMatch(/^\s+0\s+0\.000 {13}0\.000 {10}p\.js:20\(tiny\)$/);
  });

  it('names built-ins the way cProfile does', () => {
    expect(pstatsName(F('sleep', 0, true))).toBe('{built-in method sleep}');
    expect(pstatsName(F('Array.prototype.map', 0, true))).toBe("{method 'map' of 'Array' objects}");
    expect(pstatsName(F('main', 10))).toBe('p.js:10(main)');
  });
});

describe('sorting', () => {
  const p = sample();
  const rows = flatRows(p);
  const names = (list: FlatRow[]) => list.map((r) => p.frames[r.frame].name);

  it('orders by every pstats key', () => {
    expect(names(sortRows(rows, p, 'calls')).slice(0, 2)).toEqual(['Math.floor', 'leaf']);
    expect(names(sortRows(rows, p, 'pcalls')).slice(0, 3)).toEqual(['Math.floor', 'leaf', 'tiny']);
    expect(names(sortRows(rows, p, 'tottime'))[0]).toBe('Math.floor');
    expect(names(sortRows(rows, p, 'cumulative')).slice(0, 2)).toEqual(['<module>', 'main']);
    expect(names(sortRows(rows, p, 'name'))).toEqual(['<module>', 'Array.prototype.map', 'Math.floor', 'leaf', 'main', 'rec', 'tiny']);
    expect(names(sortRows(rows, p, 'line')).slice(-4)).toEqual(['rec', 'leaf', 'main', 'tiny']);
    expect(names(sortRows(rows, p, 'file')).slice(-2)).toEqual(['Math.floor', 'Array.prototype.map']);
    // 'p.js:1(<module>)' < 'p.js:10(main)' < '{...}' as strings.
    expect(names(sortRows(rows, p, 'stdname'))).toEqual(['<module>', 'main', 'tiny', 'rec', 'leaf', 'Math.floor', 'Array.prototype.map']);
    expect(names(sortRows(rows, p, 'nfl'))).toEqual(names(sortRows(rows, p, 'name')));
    for (const key of SORT_KEYS) expect(sortRows(rows, p, key)).toHaveLength(rows.length);
  });

  it('combines keys major to minor and can reverse', () => {
    const list = sortRows(rows, p, ['pcalls', 'name']);
    expect(names(list).slice(3)).toEqual(['<module>', 'Array.prototype.map', 'main', 'rec']);
    expect(names(sortRows(rows, p, 'calls', true))[rows.length - 1]).toBe('Math.floor');
  });
});

describe('restrictions', () => {
  const p = sample();
  const rows = sortRows(flatRows(p), p, 'cumulative');

  it('keeps the top N, a fraction, or the rows a regex matches, in order', () => {
    const r = restrictRows(rows, p, [0.5, 'p\\.js', 2]);
    expect(r.rows.map((x) => p.frames[x.frame].name)).toEqual(['<module>', 'main']);
    expect(r.notes).toEqual([
      'List reduced from 7 to 4 due to restriction <0.5>',
      'List reduced from 4 to 3 due to restriction <\'p\\.js\'>',
      'List reduced from 3 to 2 due to restriction <2>',
    ]);
    expect(renderStatsText(p, { sort: ['cumulative'], restrictions: [3] })).toContain('   List reduced from 7 to 3 due to restriction <3>');
  });
});

describe('callers and callees', () => {
  const p = sample();

  it('lists partners with the calls and time along each edge', () => {
    const leafCallers = callers(p, 3);
    expect(leafCallers.map((c) => [p.frames[c.frame].name, c.calls, c.totalMs])).toEqual([
      ['rec', 3, 15],
      ['Array.prototype.map', 3, 6],
    ]);
    const mainCallees = callees(p, 1);
    expect(mainCallees.map((c) => p.frames[c.frame].name)).toEqual(['Math.floor', 'rec', 'Array.prototype.map', 'tiny']);
    // rec -> rec: recursion judged per edge, so its cumulative time is the outermost use.
    const self = callees(p, 2).find((c) => c.frame === 2)!;
    expect(self.calls).toBe(2);
    expect(self.primitiveCalls).toBe(1);
    expect(self.totalMs).toBe(30);
  });

  it('prints pstats-style listings', () => {
    const text = renderPartnersText(p, 'callers', { restrictions: ['leaf'] });
    expect(text).toContain('was called by...');
    expect(text).toMatch(/p\.js:6\(leaf\)\s+<-\s+3\s+0\.015\s+0\.015\s+p\.js:3\(rec\)/);
    // Partners in pstats' order, by (file, line, name) key: code before built-ins ('~').
    const callees = renderPartnersText(p, 'callees', { restrictions: ['main'] });
    expect(callees).toMatch(/->\s+\d+\s+[\d.]+\s+[\d.]+\s+p\.js:\d+\(/);
    expect(callees).toMatch(/^\s+50\s+0\.800\s+0\.800\s+\{built-in method Math\.floor\}$/m);
  });
});

describe('call graph', () => {
  const p = sample();

  it('weights nodes and edges by share of the total and prunes like gprof2dot', () => {
    const g = callGraph(p);
    const total = p.root.totalMs;
    expect(g.totalMs).toBe(total);
    const floor = g.nodes.find((n) => n.frame === 4)!;
    expect(floor.totalFraction).toBeCloseTo(800 / total, 12);
    expect(floor.selfFraction).toBeCloseTo(800 / total, 12);
    // tiny is 0.05 ms of ~955 ms: under 0.5 %, so it is pruned with its edge.
    expect(g.nodes.some((n) => n.frame === 5)).toBe(false);
    expect(g.edges.some((e) => e.to === 5)).toBe(false);
    expect(g.prunedNodes).toBe(1);
    const recursive = g.edges.find((e) => e.from === 2 && e.to === 2)!;
    expect(recursive.calls).toBe(2);
    expect(callGraph(p, { nodeThreshold: 0, edgeThreshold: 0 }).nodes).toHaveLength(7);
  });

  it('uses gprof2dot heat colours, blue to red', () => {
    expect(heatHsl(0)).toEqual({ h: 2 / 3, s: 0.8, l: 0.25 });
    expect(heatHsl(1)).toEqual({ h: 0, s: 1, l: 0.5 });
    expect(heatHsl(0.5).h).toBeCloseTo(1 / 3, 12);
  });
});

describe('pyinstrument-style tree', () => {
  const p = sample();

  it('adds [self], hides built-ins and drops rows under 1 %', () => {
    const tree = filteredTree(p);
    const main = tree.children[0];
    expect(main.label).toBe('main');
    const labels = main.children.map((c) => c.label);
    // Math.floor (a leaf built-in) is hidden; map calls learner code so it stays.
    expect(labels).toEqual(['[1 frame hidden]', '[self]', 'rec', 'Array.prototype.map']);
    expect(main.children[0].hiddenNames).toEqual(['Math.floor']);
    expect(main.children[0].timeMs).toBe(800);
    expect(labels).not.toContain('tiny');
    expect(filteredTree(p, { minFraction: 0 }).children[0].children.map((c) => c.label)).toContain('tiny');
    expect(filteredTree(p, { hideBuiltins: false }).children[0].children.map((c) => c.label)).toContain('Math.floor');
  });

  it('prints the tree with pyinstrument characters', () => {
    const text = renderTreeText(p);
    expect(text).toContain('0.955 <module>  p.js:1');
    expect(text).toContain('└─ 0.955 main  p.js:10');
    expect(text).toMatch(/├─ 0\.800 \[1 frame hidden\]  Math\.floor/);
    expect(text).toMatch(/^   ├─ 0\.100 \[self\]$/m);
  });
});

describe('diff of two runs', () => {
  it('reports per-function changes and an overall line', () => {
    const before = sample();
    const after = sample();
    after.root.children[0].children[1] = N(4, 10, 100); // fewer, cheaper Math.floor calls
    after.root.children[0].totalMs -= 700;
    after.root.totalMs -= 700;
    const d = diffProfiles(before, after);
    expect(d.rows[0].name).toBe('Math.floor');
    expect(d.rows[0].deltaTotalMs).toBe(-700);
    expect(d.rows[0].deltaCalls).toBe(-40);
    expect(d.rows[0].speedup).toBe(8);
    expect(d.summary.speedup).toBeCloseTo(before.root.totalMs / after.root.totalMs, 12);
    expect(d.summary.line).toMatch(/^3\.74x faster: 0\.955 s -> 0\.255 s \(-0\.700 s\)\.$/);
    expect(d.rows.find((r) => r.name === 'rec')!.deltaTotalMs).toBe(0);
  });
});
