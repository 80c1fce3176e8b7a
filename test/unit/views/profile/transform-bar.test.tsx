// @vitest-environment jsdom
/**
 * The transform bar above the tree and table views, through the results area
 * that owns the transforms: focus changes what the table shows, Reset restores,
 * Invert is a toggle, chips remove one step, a new run keeps what still fits,
 * and the build-time (static) rendering has the bar too.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Results } from '../../../../src/components/cell/Results';
import { renderResultsToHtml } from '../../../../src/components/cell/ssr';
import { preloadProfileViews } from '../../../../src/components/views/profile/index';
import { loadProfile, resultWith } from './load-fixture';

beforeAll(async () => {
  globalThis.CSS ??= { escape: (s: string) => s.replace(/["\\]/g, '\\$&') } as typeof CSS;
  globalThis.requestAnimationFrame ??= (cb: FrameRequestCallback) => setTimeout(() => cb(0), 0) as unknown as number;
  await preloadProfileViews();
});
afterEach(cleanup);

const sleeper = () => resultWith(loadProfile('sleeper'));
const header = () => screen.getByTestId('stats-header').textContent;
const tableText = () => screen.getByRole('table').textContent ?? '';

function choose(name: string) {
  const select = screen.getByRole('combobox', { name: 'Function' }) as HTMLSelectElement;
  const option = Array.from(select.options).find((o) => o.textContent!.startsWith(`${name} (`))!;
  fireEvent.change(select, { target: { value: option.value } });
}

describe('transform bar', () => {
  it('Expand hands the applied transforms to the inspector, which opens with them', () => {
    const result = sleeper();
    let handed: unknown[] = [];
    render(<Results result={result} show={['profile']} code="" cellId="t0" imported onExpand={(_, transforms) => (handed = transforms)} />);
    choose('function2');
    fireEvent.click(screen.getByRole('button', { name: 'Focus on it' }));
    fireEvent.click(screen.getByRole('button', { name: /^Expand/ }));
    expect(handed).toHaveLength(1);
    cleanup();
    render(<Results result={result} show={['profile']} code="" cellId="t0" imported expanded initialTransforms={handed as never} />);
    expect(screen.getByText('Transformed: focus on function2')).toBeTruthy();
    expect(tableText()).not.toContain('function1');
  });

  it('lists the functions heaviest first, with file:line, <module> left out', () => {
    render(<Results result={sleeper()} show={['profile']} code="" cellId="t1" imported />);
    const options = Array.from((screen.getByRole('combobox', { name: 'Function' }) as HTMLSelectElement).options).map((o) => o.textContent);
    expect(options[0]).toMatch(/^main \(.+:\d+\)$/);
    expect(options.some((o) => o!.startsWith('<module>'))).toBe(false);
    expect(options).toContain('sleep (built-in)');
  });

  it('focus changes what the table shows, with a visible line; Reset restores', () => {
    render(<Results result={sleeper()} show={['profile']} code="" cellId="t2" imported />);
    const raw = header();
    expect(tableText()).toContain('function1');
    choose('function2');
    fireEvent.click(screen.getByRole('button', { name: 'Focus on it' }));
    expect(tableText()).not.toContain('function1');
    expect(header()).toMatch(/in 1\.000 seconds/);
    expect(screen.getByText('Transformed: focus on function2')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(header()).toBe(raw);
    expect(tableText()).toContain('function1');
    expect(screen.queryByText(/^Transformed:/)).toBeNull();
  });

  it('Invert toggles aria-pressed; a chip removes its step alone', () => {
    render(<Results result={sleeper()} show={['profile']} code="" cellId="t3" imported />);
    const invert = screen.getByRole('button', { name: 'Invert (who calls this)' });
    expect(invert.getAttribute('aria-pressed')).toBe('false');
    choose('sleepOneSecond');
    fireEvent.click(screen.getByRole('button', { name: 'Merge into callers' }));
    fireEvent.click(invert);
    expect(invert.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('Transformed: merge sleepOneSecond › invert')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove: merge sleepOneSecond' }));
    expect(screen.getByText('Transformed: invert')).toBeTruthy();
    fireEvent.click(invert);
    expect(invert.getAttribute('aria-pressed')).toBe('false');
    expect(screen.queryByText(/^Transformed:/)).toBeNull();
  });

  it('one set of transforms for every tree or table view; the timeline shows the run as recorded', () => {
    const { container } = render(<Results result={sleeper()} show={['profile', 'tree', 'timeline']} code="" cellId="t4" imported />);
    choose('function2');
    fireEvent.click(screen.getByRole('button', { name: 'Focus on it' }));
    fireEvent.click(screen.getByRole('tab', { name: /call tree/i }));
    expect(screen.getByText('Transformed: focus on function2')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: /timeline/i }));
    const timeline = container.querySelector('[data-view="timeline"][role="tabpanel"]')!;
    expect(timeline.querySelector('.wb-transform-bar')).toBeNull();
    expect(timeline.innerHTML).toContain('function1');
  });

  it('a new run keeps the transforms whose functions it still has, and drops the others', () => {
    const { rerender } = render(<Results result={sleeper()} show={['profile']} code="" cellId="t5" imported />);
    choose('function2');
    fireEvent.click(screen.getByRole('button', { name: 'Focus on it' }));
    rerender(<Results result={sleeper()} show={['profile']} code="" cellId="t5" imported />);
    expect(screen.getByText('Transformed: focus on function2')).toBeTruthy();
    expect(tableText()).not.toContain('function1');
    const other = loadProfile('sleeper');
    other.frames = other.frames.map((f) => (f.name === 'function2' ? { ...f, name: 'renamed' } : f));
    rerender(<Results result={resultWith(other)} show={['profile']} code="" cellId="t5" imported />);
    expect(screen.queryByText(/^Transformed:/)).toBeNull();
    expect(tableText()).toContain('function1');
  });

  it('renders in the build-time static HTML (recorded results)', () => {
    const html = renderResultsToHtml({ result: sleeper(), show: ['profile', 'timeline'], code: '', cellId: 'rec' });
    expect(html).toContain('Transform the profile');
    expect(html.match(/wb-transform-bar/g)).toHaveLength(1);
    expect(html).toContain('Invert (who calls this)');
  });
});
