import { describe, expect, it } from 'vitest';
import { layoutPartition } from '../../../../src/sandbox/profile/layout/partition';
import { sunburstArcs } from '../../../../src/sandbox/profile/layout/sunburst';
import { layoutTimeline, zoomWindow, timelineTicks } from '../../../../src/sandbox/profile/layout/timeline';
import { treeRows } from '../../../../src/sandbox/profile/layout/tree-rows';
import { renderTreeText } from '../../../../src/sandbox/profile/render/tree-text';
import { diffProfiles } from '../../../../src/sandbox/profile/diff';
import { compareHeadline } from '../../../../src/sandbox/profile/layout/compare-summary';
import { heaviestPathTo } from '../../../../src/sandbox/profile/layout/heaviest-path';
import { heatColour, functionHue } from '../../../../src/sandbox/profile/layout/colour';
import { nodeAt } from '../../../../src/sandbox/profile/layout/node-path';
import { loadProfile } from './load-fixture';

const sleeper = loadProfile('sleeper');
const frameOf = (name: string) => sleeper.frames.findIndex((f) => f.name === name);

describe('partition (icicle/sunburst)', () => {
  it('sizes cells by time: function1 is 5/6 of sleeper', () => {
    const layout = layoutPartition(sleeper);
    const f1 = layout.cells.find((c) => c.frame === frameOf('function1') && c.kind === 'call')!;
    expect(f1.x1 - f1.x0).toBeCloseTo(5 / 6, 3);
    expect(layout.cells[0]).toMatchObject({ depth: 0, x0: 0, x1: 1 });
  });

  it('zooms into a subtree and keeps the breadcrumb', () => {
    const id = heaviestPathTo(sleeper.root, frameOf('function2'))!;
    const layout = layoutPartition(sleeper, { rootId: id });
    expect(layout.trail.map((s) => sleeper.frames[s.frame].name)).toEqual(['<module>', 'main', 'function2']);
    expect(layout.cells[0].x1 - layout.cells[0].x0).toBe(1);
    expect(layout.totalMs).toBeCloseTo(1000, 0);
  });

  it('limits depth and marks truncated cells; drops cells under the minimum width', () => {
    const shallow = layoutPartition(sleeper, { maxDepth: 2 });
    expect(Math.max(...shallow.cells.map((c) => c.depth))).toBe(1);
    expect(shallow.cells.find((c) => c.depth === 1)!.truncated).toBe(true);
    const large = loadProfile('large');
    const all = layoutPartition(large, { maxDepth: 40, cutoff: 0 }).cells.length;
    const culled = layoutPartition(large, { maxDepth: 40, cutoff: 0, minWidth: 0.001 }).cells.length;
    expect(culled).toBeLessThan(all);
  });

  it('adds a [self] cell for own time of a node that calls others (SnakeViz)', () => {
    const complicated = loadProfile('complicated');
    const layout = layoutPartition(complicated, { cutoff: 0 });
    const prepYSelf = layout.cells.find((c) => c.kind === 'self' && complicated.frames[c.frame].name === 'prepY');
    expect(prepYSelf).toBeDefined();
  });

  it('sunburst arcs: the root is a disc, others are sectors', () => {
    const arcs = sunburstArcs(layoutPartition(sleeper), 100);
    expect(arcs[0].d).toMatch(/^M0,-\d/);
    expect(arcs[1].d).toContain('A');
    expect(arcs).toHaveLength(layoutPartition(sleeper).cells.length);
  });
});

describe('timeline', () => {
  it('shows the six one-second sleeps in order', () => {
    const layout = layoutTimeline(sleeper);
    const sleeps = layout.blocks.filter((b) => b.frame === frameOf('sleep'));
    expect(sleeps).toHaveLength(6);
    sleeps.forEach((block, i) => {
      expect(block.end - block.start).toBeCloseTo(1000, 0);
      if (i > 0) expect(block.start).toBeGreaterThanOrEqual(sleeps[i - 1].end);
    });
  });

  it('zooming narrows the window; ticks are round numbers', () => {
    const extent = { start: 0, end: 6000 };
    const zoomed = zoomWindow(extent, extent, 0.5, 3000);
    expect(zoomed).toEqual({ start: 1500, end: 4500 });
    expect(timelineTicks(extent)).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000]);
    const blocks = layoutTimeline(sleeper, { window: { start: 2500, end: 3500 } }).blocks;
    expect(blocks.every((b) => b.end >= 2500 && b.start <= 3500)).toBe(true);
  });

  it('merges tiny spans so a big profile stays drawable', () => {
    const complicated = loadProfile('complicated');
    const layout = layoutTimeline(complicated);
    expect(layout.blocks.length).toBeLessThan(complicated.spans.length);
    expect(layout.blocks.some((b) => b.count > 1)).toBe(true);
  });
});

describe('call tree rows', () => {
  it('has [self] rows, folded built-ins with a count, and hides below the threshold', () => {
    const complicated = loadProfile('complicated');
    const rows = treeRows(complicated, { minFraction: 0 });
    expect(rows.some((r) => r.kind === 'self')).toBe(true);
    expect(rows.find((r) => r.kind === 'hidden')!.label).toMatch(/^\[\d+ frames hidden\] /);
    expect(treeRows(complicated, { minFraction: 0.1 }).length).toBeLessThan(rows.length);
    rows.forEach((row) => row.parentKey !== undefined && expect(rows.find((p) => p.key === row.parentKey)!.level).toBe(row.level - 1));
  });

  it('collapsing a node hides its subtree; the rows follow the CLI text line for line', () => {
    const rows = treeRows(sleeper);
    const main = rows.find((r) => r.kind === 'frame' && sleeper.frames[r.frame].name === 'main')!;
    const collapsed = treeRows(sleeper, { collapsed: new Set([main.key]) });
    expect(collapsed.length).toBe(rows.indexOf(main) + 1);
    const lines = renderTreeText(sleeper).trimEnd().split('\n').slice(3);
    expect(lines).toHaveLength(rows.length);
    rows.forEach((row, i) => expect(lines[i]).toContain(row.label));
  });
});

describe('colours and diff', () => {
  it('heat goes from gprof2dot dark blue to red; hues are stable per function', () => {
    expect(heatColour(0)).toEqual({ h: 240, s: 0.8, l: 0.25 });
    expect(heatColour(1)).toEqual({ h: 0, s: 1, l: 0.5 });
    expect(functionHue({ name: 'prepY', file: 'a.js' })).toBe(functionHue({ name: 'prepY', file: 'a.js' }));
  });

  it('summarises two runs: faster overall, prepY 10× fewer calls', () => {
    const diff = diffProfiles(loadProfile('complicated'), loadProfile('complicated-faster'));
    expect(compareHeadline(diff)).toBe('2.4× faster overall; prepY 10× fewer calls');
    const prepY = diff.rows.find((r) => r.name === 'prepY')!;
    expect(prepY.deltaCalls).toBe(-36_000);
  });

  it('node ids address nodes', () => {
    expect(sleeper.frames[nodeAt(sleeper.root, '0/0')!.frame].name).toBe('function1');
  });
});
