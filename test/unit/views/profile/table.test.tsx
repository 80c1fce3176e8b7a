// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { ProfileTableView } from '../../../../src/components/views/profile/table/ProfileTableView';
import { views, prepareProfile, preloadProfileViews } from '../../../../src/components/views/profile/index';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { loadProfile, resultWith } from './load-fixture';

afterEach(cleanup);

const sleeper = resultWith(loadProfile('sleeper'));
function rowsText() {
  return screen.getAllByRole('row').slice(1).map((row) => row.textContent ?? '');
}
function rowFor(name: RegExp) {
  return screen.getAllByRole('row').find((row) => name.test(row.textContent ?? ''))!;
}

describe('profile table view', () => {
  it('prints the pstats header line and the sleeper figures', () => {
    render(<ProfileTableView result={sleeper} code="" cellId="sleeper" />);
    expect(screen.getByTestId('stats-header').textContent).toBe('17 function calls in 6.000 seconds');
    const helper = within(rowFor(/sleepOneSecond/)).getAllByRole('cell').map((c) => c.textContent);
    expect(helper.slice(0, 5)).toEqual(['6', '0.000', '0.000', '6.000', '1.000']);
    const f1 = within(rowFor(/function1/)).getAllByRole('cell').map((c) => c.textContent);
    expect(f1[0]).toBe('1');
    expect(f1[3]).toBe('5.000');
    const sleep = rowFor(/built-in.*sleep/);
    expect(sleep.getAttribute('data-builtin')).toBe('true');
  });

  it('sorts by every column with aria-sort, by click and keyboard', () => {
    render(<ProfileTableView result={sleeper} code="" cellId="sleeper" />);
    const header = screen.getByRole('columnheader', { name: /ncalls/ });
    expect(screen.getByRole('columnheader', { name: /tottime/ }).getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(rowsText()[0]).toMatch(/^6/);
    fireEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(rowsText()[0]).toMatch(/^1/);
    const name = screen.getByRole('columnheader', { name: /filename/ });
    fireEvent.click(within(name).getByRole('button'));
    expect(name.getAttribute('aria-sort')).toBe('ascending');
    expect(rowsText()[0]).toMatch(/<module>/);
  });

  it('filters, and shows callers and callees of a row on click', () => {
    render(<ProfileTableView result={sleeper} code="" cellId="sleeper" />);
    fireEvent.change(screen.getByRole('searchbox', { name: /filter/i }), { target: { value: 'function' } });
    expect(rowsText()).toHaveLength(2);
    fireEvent.change(screen.getByRole('searchbox', { name: /filter/i }), { target: { value: '' } });
    fireEvent.keyDown(rowFor(/sleepOneSecond/), { key: 'Enter' });
    const callers = screen.getByRole('table', { name: /was called by/ });
    expect(within(callers).getAllByRole('row').map((r) => r.textContent).join('|')).toMatch(/5.*function1\).*\|.*1.*function2\)/);
    const callees = screen.getByRole('table', { name: /sleepOneSecond\) called/ });
    expect(within(callees).getByText(/built-in method sleep/)).toBeTruthy();
  });

  it('shows recursion as total/primitive calls', () => {
    render(<ProfileTableView result={resultWith(loadProfile('recursive'))} code="" cellId="fib" />);
    expect(screen.getByTestId('stats-header').textContent).toMatch(/^69 function calls \(3 primitive calls\)/);
    expect(within(rowFor(/\(fib\)/)).getAllByRole('cell')[0].textContent).toBe('67/1');
  });

  it('caps a 5,000-node profile at the top N, with show all', () => {
    render(<ProfileTableView result={resultWith(loadProfile('large'))} code="" cellId="large" />);
    expect(rowsText()).toHaveLength(25);
    fireEvent.click(screen.getByRole('button', { name: /show all/i }));
    expect(rowsText().length).toBeGreaterThan(300);
  });

  it('registry: prepare turns the profiler on, available needs a profile', () => {
    expect(Object.keys(views)).toEqual(['profile', 'callgraph', 'icicle', 'tree', 'timeline', 'compare']);
    expect(prepareProfile({ code: '' }, { profiler: 'sampling', builtins: 'off' }).profile).toEqual({ kind: 'sampling', builtins: false });
    expect(views.tree.prepare!({ code: '' }, {}).profile).toEqual({ kind: 'deterministic', builtins: true });
    const kept = views.profile.prepare!({ code: '', profile: { kind: 'sampling' } }, {});
    expect(kept.profile).toEqual({ kind: 'sampling' });
    expect(views.icicle.available!(sleeper)).toBe(true);
    expect(views.icicle.available!({ ...sleeper, profile: undefined })).toBe(false);
  });

  it('renders synchronously to static HTML once preloaded (build-time recorded results)', async () => {
    await preloadProfileViews();
    const html = renderToStaticMarkup(createElement(views.profile.component, { result: sleeper, code: '', cellId: 'sleeper', recorded: true }));
    expect(html).toContain('17 function calls in 6.000 seconds');
    expect(html).toContain('sleepOneSecond');
    expect(html).not.toContain('Loading');
  });
});

describe('profile table view of a sampling profile', () => {
  it('shows samples and own/total time under a pyinstrument-style header, and no call counts', async () => {
    const { runInSandbox } = await import('../../../../src/sandbox/engine/run');
    const { ALL_TOOLS } = await import('../../../../src/sandbox/tools');
    const code = 'function nap() { sleep(0.5); }\nfunction main() { for (let i = 0; i < 4; i++) nap(); }\nmain();';
    const result = await runInSandbox({ code, filename: 'naps.js', profile: { kind: 'sampling' } }, ALL_TOOLS);
    expect(result.profile?.meta.kind).toBe('sampling');
    render(<ProfileTableView result={result} code={code} cellId="naps" />);
    const header = screen.getByTestId('stats-header').textContent!;
    expect(header).toMatch(/^Samples: [\d,]+, one every 1 ms\. Duration: 2\.\d{3} s/);
    expect(header).not.toMatch(/function calls/);
    const heads = screen.getAllByRole('columnheader').map((h) => h.textContent?.replace(/[▲▼]/g, '').trim());
    expect(heads).toEqual(['samples', 'own time', 'total time', 'filename:lineno(function)']);
    // main's stack held every sample of the four half-second naps: about 2,000 at 1 ms.
    const main = within(rowFor(/\(main\)/)).getAllByRole('cell').map((c) => c.textContent ?? '');
    expect(Number(main[0].replace(/,/g, ''))).toBeGreaterThanOrEqual(1990);
    expect(Number(main[2])).toBeCloseTo(2, 1);
  });
});
