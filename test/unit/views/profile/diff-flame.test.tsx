// @vitest-environment jsdom
/**
 * The differential flame graph, on two real runs whose times are known by
 * construction: simulated sleeps are exact, so each path's change is too.
 * Before: a() sleeps 10 s, b() 5 s. After: a() sleeps 5 s, b() still 5 s, and a
 * new c() sleeps 2.5 s. Sleeps this long put the real time around them (microseconds,
 * a few milliseconds if the machine preempts the run) far inside the 5 % dead band.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { runCode } from '../../../../src/sandbox/node';
import { pathChanges } from '../../../../src/sandbox/profile/diff-tree';
import { layoutPartition } from '../../../../src/sandbox/profile/layout/partition';
import { boxChanges } from '../../../../src/sandbox/profile/diff-tree';
import { CompareView } from '../../../../src/components/views/profile/compare/CompareView';
import type { Profile, RunResult } from '../../../../src/sandbox/types';

beforeAll(() => {
  globalThis.CSS ??= { escape: (s: string) => s.replace(/["\\]/g, '\\$&') } as typeof CSS;
});
afterEach(cleanup);

const BEFORE = 'function a() { sleep(10); }\nfunction b() { sleep(5); }\nfunction main() { a(); b(); }\nmain();\n';
const AFTER = 'function a() { sleep(5); }\nfunction b() { sleep(5); }\nfunction c() { sleep(2.5); }\nfunction main() { a(); b(); c(); }\nmain();\n';

async function profiled(code: string): Promise<RunResult> {
  const result = await runCode({ code, filename: 'naps.js', profile: { kind: 'deterministic' } });
  expect(result.status).toBe('ok');
  return result;
}

/** The node id of the call path main > name in this profile. */
function idOf(profile: Profile, name: string): string {
  const main = profile.root.children.findIndex((child) => profile.frames[child.frame].name === 'main');
  const under = profile.root.children[main].children.findIndex((child) => profile.frames[child.frame].name === name);
  return `${main}/${under}`;
}

describe('the differential flame graph', async () => {
  const before = await profiled(BEFORE);
  const after = await profiled(AFTER);
  const was = before.profile!;
  const now = after.profile!;

  it('matches call paths by function, and gives each its time in both runs', () => {
    const changes = pathChanges(was, now);
    const a = changes.get(idOf(now, 'a'))!;
    // Simulated sleeps exactly, plus the real time of the call: well under a second even when preempted.
    expect(a.beforeMs).toBeGreaterThanOrEqual(10_000);
    expect(a.beforeMs).toBeLessThan(11_000);
    expect(a.afterMs).toBeGreaterThanOrEqual(5_000);
    expect(a.afterMs).toBeLessThan(6_000);
    expect(changes.get(idOf(now, 'c'))).toMatchObject({ beforeMs: 0 });
  });

  it('colours a faster path blue, an unchanged one pale, a new one purple, deepest for the largest change', () => {
    const layout = layoutPartition(now);
    const boxes = boxChanges(was, now, layout.cells);
    const a = boxes.get(idOf(now, 'a'))!;
    const b = boxes.get(idOf(now, 'b'))!;
    const c = boxes.get(idOf(now, 'c'))!;
    expect(a.direction).toBe('faster');
    expect(b.direction).toBe('same');
    expect(b.strength).toBe(0);
    expect(c.direction).toBe('new');
    // The largest change is a's 5 s saving, or the same saving in the sleep under it: the two
    // differ by the real time around the sleep, microseconds to a few ms on a busy machine
    // (main and the root changed by 2.5 s). So a's colour is the deepest, within that.
    expect(a.strength).toBeGreaterThan(0.98);
    expect(a.strength).toBeLessThanOrEqual(1);
  });

  it('is drawn in Compare runs, each box saying its change in words, and zooms on click', () => {
    const { container } = render(<CompareView result={after} previous={before} code="" cellId="naps" />);
    const flame = screen.getByRole('region', { name: /Differential flame graph/ });
    const a = flame.querySelector<HTMLElement>(`.wb-icicle-cell[data-key="${idOf(now, 'a')}"]`)!;
    expect(a.dataset.change).toBe('faster');
    expect(a.getAttribute('aria-label')).toMatch(/^a, \d+\.\d % of the view, faster \(10\.\d+ s → 5\.\d+ s\)$/);
    expect(flame.querySelector(`.wb-icicle-cell[data-key="${idOf(now, 'c')}"]`)!.getAttribute('data-change')).toBe('new');
    fireEvent.pointerEnter(a);
    expect(flame.querySelector('.wb-prof-hover')!.textContent).toMatch(/^a: faster/);
    const main = flame.querySelector<HTMLElement>(`.wb-icicle-cell[data-key="${idOf(now, 'a').split('/')[0]}"]`)!;
    fireEvent.click(main);
    expect(container.querySelector(`.wb-diff-flame .wb-icicle-cell[data-key="${idOf(now, 'a').split('/')[0]}"]`)!.getAttribute('style')).toMatch(/width: 100%/);
  });
});
