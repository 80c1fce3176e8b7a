// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { IcicleView } from '../../../../src/components/views/profile/icicle/IcicleView';
import { CallTreeView } from '../../../../src/components/views/profile/tree/CallTreeView';
import { TimelineView } from '../../../../src/components/views/profile/timeline/TimelineView';
import { CompareView } from '../../../../src/components/views/profile/compare/CompareView';
import { CallGraphView } from '../../../../src/components/views/profile/callgraph/CallGraphView';
import { loadProfile, resultWith } from './load-fixture';
import { renderTreeText } from '../../../../src/sandbox/profile/render/tree-text';

beforeAll(() => {
  // jsdom lacks these; the views use them for focus and downloads.
  globalThis.CSS ??= { escape: (s: string) => s.replace(/["\\]/g, '\\$&') } as typeof CSS;
  globalThis.requestAnimationFrame ??= (cb: FrameRequestCallback) => setTimeout(() => cb(0), 0) as unknown as number;
});
afterEach(cleanup);

const sleeper = resultWith(loadProfile('sleeper'));
const complicated = resultWith(loadProfile('complicated'));

describe('icicle / sunburst', () => {
  it('draws one box per call path, sized by time, and zooms with a breadcrumb back', () => {
    const { container } = render(<IcicleView result={sleeper} code="" cellId="s" />);
    const f1 = container.querySelector<HTMLElement>('.wb-icicle-cell[aria-label^="function1,"]')!;
    expect(parseFloat(f1.style.width)).toBeCloseTo(83.33, 1);
    fireEvent.click(f1);
    const crumbs = within(screen.getByRole('navigation', { name: 'Zoom path' })).getAllByRole('button');
    expect(crumbs.map((b) => b.textContent)).toEqual(['<module>', 'main', 'function1', 'Reset zoom']);
    const root = container.querySelector<HTMLElement>('.wb-icicle-cell[data-key="0/0"]')!;
    expect(root.style.width).toBe('100%');
    fireEvent.click(crumbs[0]);
    expect(container.querySelector('.wb-icicle-cell[data-key=""]')).not.toBeNull();
  });

  it('search highlights matches; the table row hover lights the boxes; a box click selects its row', () => {
    const { container } = render(<IcicleView result={sleeper} code="" cellId="s" />);
    fireEvent.change(screen.getByRole('searchbox', { name: /search/i }), { target: { value: 'sleepone' } });
    expect(container.querySelectorAll('.wb-icicle-cell[data-match]')).toHaveLength(2);
    const row = screen.getAllByRole('row').find((r) => /function2/.test(r.textContent ?? ''))!;
    fireEvent.pointerEnter(row);
    expect(container.querySelector('.wb-icicle-cell[data-hot]')?.getAttribute('aria-label')).toMatch(/^function2/);
    fireEvent.click(container.querySelector('.wb-icicle-cell[aria-label^="main,"]')!);
    const selected = screen.getAllByRole('row').find((r) => r.getAttribute('aria-current') === 'true');
    expect(selected?.textContent).toMatch(/\(main\)/);
  });

  it('depth control and sunburst switch; keyboard moves focus between boxes', () => {
    const { container } = render(<IcicleView result={sleeper} code="" cellId="s" />);
    fireEvent.change(screen.getByRole('combobox', { name: /depth/i }), { target: { value: '3' } });
    expect(Math.max(...[...container.querySelectorAll<HTMLElement>('.wb-icicle-cell')].map((c) => parseFloat(c.style.top)))).toBe(44);
    const first = container.querySelector<HTMLElement>('.wb-icicle-cell[tabindex="0"]')!;
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(container.querySelector('.wb-icicle-cell[tabindex="0"]')?.getAttribute('aria-label')).toMatch(/^main/);
    const boxes = container.querySelectorAll('.wb-icicle-cell').length;
    fireEvent.click(screen.getByRole('radio', { name: 'Sunburst' }));
    expect(container.querySelectorAll('path.wb-sunburst-arc')).toHaveLength(boxes);
    expect(container.querySelector('path[data-focused]')?.getAttribute('data-key')).toBe('0');
  });

  it('renders the 5,000-node profile with culled boxes', () => {
    const { container } = render(<IcicleView result={resultWith(loadProfile('large'))} code="" cellId="l" />);
    const boxes = container.querySelectorAll('.wb-icicle-cell').length;
    expect(boxes).toBeGreaterThan(20);
    expect(boxes).toBeLessThan(2_000);
  });
});

describe('call tree', () => {
  it('shows total times, [self] and folded built-ins, and copies the CLI text', async () => {
    let copied = '';
    Object.assign(navigator, { clipboard: { writeText: async (text: string) => void (copied = text) } });
    render(<CallTreeView result={complicated} code="" cellId="c" />);
    const items = screen.getAllByRole('treeitem');
    expect(items[0].textContent).toMatch(/<module>/);
    expect(items.some((i) => /\[self\]/.test(i.textContent ?? ''))).toBe(true);
    expect(items.some((i) => /\[2 frames hidden\]  Math\.random, Math\.floor/.test(i.textContent ?? ''))).toBe(true);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /copy as text/i })));
    expect(copied).toBe(renderTreeText(complicated.profile!));
  });

  it('keyboard: arrows move, left collapses, right expands (tree pattern)', () => {
    render(<CallTreeView result={sleeper} code="" cellId="s" />);
    const tree = screen.getByRole('tree');
    const count = () => screen.getAllByRole('treeitem').length;
    const all = count();
    fireEvent.keyDown(tree, { key: 'ArrowDown' });
    const main = screen.getAllByRole('treeitem')[1];
    expect(main.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(tree, { key: 'ArrowLeft' });
    expect(screen.getAllByRole('treeitem')[1].getAttribute('aria-expanded')).toBe('false');
    expect(count()).toBe(2);
    fireEvent.keyDown(tree, { key: 'ArrowRight' });
    expect(count()).toBe(all);
    expect(screen.getAllByRole('treeitem')[1].getAttribute('aria-level')).toBe('2');
  });

  it('hide-below removes small frames; a 5,000-node tree mounts only the visible rows', () => {
    render(<CallTreeView result={resultWith(loadProfile('large'))} code="" cellId="l" />);
    const before = screen.getAllByRole('treeitem').length;
    expect(before).toBeLessThanOrEqual(40);
    fireEvent.change(screen.getByRole('combobox', { name: /hide below/i }), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Expand all' }));
    expect(screen.getAllByRole('treeitem').length).toBeLessThanOrEqual(40);
    expect(Number(screen.getByRole('tree').style.height.replace('px', ''))).toBeGreaterThan(5_000 * 20);
  });
});

describe('timeline', () => {
  it('shows sleeper’s six sleeps in call order and zooms', () => {
    const { container } = render(<TimelineView result={sleeper} code="" cellId="s" />);
    const sleepFrame = sleeper.profile!.frames.findIndex((f) => f.name === 'sleep');
    const sleeps = [...container.querySelectorAll<HTMLElement>(`.wb-timeline-block[data-frame="${sleepFrame}"]`)];
    expect(sleeps).toHaveLength(6);
    const lefts = sleeps.map((s) => parseFloat(s.style.left));
    expect(lefts).toEqual([...lefts].sort((a, b) => a - b));
    expect(lefts[1] - lefts[0]).toBeCloseTo(100 / 6, 0);
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(container.querySelector('.wb-prof-window')!.textContent).toMatch(/1\.500 s – 4\.500 s/);
    fireEvent.pointerEnter(sleeps[0]);
  });
});

describe('timeline keyboard', () => {
  it('takes the keyboard: one Tab stop, arrows move between calls, Enter asks for the source', async () => {
    const { container } = render(<TimelineView result={sleeper} code="" cellId="s" />);
    const stops = [...container.querySelectorAll<HTMLElement>('.wb-timeline-block')].filter((b) => b.tabIndex === 0);
    expect(stops).toHaveLength(1);
    const sleepFrame = sleeper.profile!.frames.findIndex((f) => f.name === 'sleep');
    const sleeps = [...container.querySelectorAll<HTMLElement>(`.wb-timeline-block[data-frame="${sleepFrame}"]`)];
    sleeps[0].focus();
    fireEvent.keyDown(sleeps[0], { key: 'ArrowRight' });
    await waitFor(() => expect(document.activeElement).toBe(sleeps[1]));
    expect(sleeps[1].tabIndex).toBe(0);
    expect(sleeps[0].tabIndex).toBe(-1);
    expect(container.querySelector('.wb-prof-hover')!.textContent).toMatch(/^sleep: 1\.000 s → 2\.000 s/);
    // Up goes to the call that made this one, down back to its first call.
    fireEvent.keyDown(sleeps[1], { key: 'ArrowUp' });
    await waitFor(() => expect(document.activeElement).not.toBe(sleeps[1]));
    const caller = document.activeElement as HTMLElement;
    expect(Number(caller.dataset.frame)).not.toBe(sleepFrame);
    fireEvent.keyDown(caller, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(sleeps[1]));
    const asked: string[] = [];
    container.addEventListener('wb-show-source', (event) => asked.push((event as CustomEvent).detail.name));
    fireEvent.keyDown(caller, { key: 'Enter' });
    expect(asked).toEqual([sleeper.profile!.frames[Number(caller.dataset.frame)].name]);
  });
});

describe('compare', () => {
  it('summarises and colours the change from the previous run', () => {
    render(<CompareView result={resultWith(loadProfile('complicated-faster'))} previous={complicated} code="" cellId="c" />);
    expect(screen.getByTestId('compare-summary').textContent).toMatch(/^2\.4× faster overall; prepY 10× fewer calls/);
    const prepY = screen.getAllByRole('row').find((r) => r.getAttribute('data-name') === 'prepY')!;
    expect(prepY.getAttribute('data-trend')).toBe('faster');
    expect(prepY.textContent).toMatch(/40,000 → 4,000/);
    expect(prepY.textContent).toMatch(/10× faster/);
  });

  it('asks for a second run when there is no previous one', () => {
    render(<CompareView result={complicated} code="" cellId="c" />);
    expect(screen.getByText(/run the cell again/i)).toBeTruthy();
  });
});

describe('call graph', () => {
  it('lays the graph out with Graphviz (viz.js) with gprof2dot labels and thresholds', async () => {
    const { container } = render(<CallGraphView result={sleeper} code="" cellId="s" />);
    await waitFor(() => expect(container.querySelector('.wb-callgraph-canvas svg')).not.toBeNull(), { timeout: 20_000 });
    const text = container.querySelector('.wb-callgraph-canvas svg')!.textContent!;
    expect(text).toMatch(/function1/);
    expect(text).toMatch(/83\.33%/);
    expect(text).toMatch(/6×/);
    const nodes = () => container.querySelectorAll('.wb-callgraph-canvas g.node').length;
    const all = nodes();
    fireEvent.change(screen.getByRole('combobox', { name: /hide functions under/i }), { target: { value: '0' } });
    await waitFor(() => expect(nodes()).toBeGreaterThan(all), { timeout: 20_000 });
    expect(container.querySelector('.wb-callgraph-canvas svg')!.textContent).toMatch(/console\.log/);
  });
});
