// @vitest-environment jsdom
/**
 * The results area: tabs in the WAI-ARIA pattern, console first, previous
 * result handed to views, the live console during a run, a broken view kept
 * to its own tab, and the build-time (recorded) rendering.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { runCode } from '../../../src/sandbox/node';
import { Results, panelId, tabId } from '../../../src/components/cell/Results';
import { renderResultsToHtml } from '../../../src/components/cell/ssr';
import { VIEWS } from '../../../src/components/views/registry';
import { enableStaticTabs } from '../../../src/components/cell/static-tabs';

afterEach(cleanup);

describe('Results', () => {
  test('tabs follow the show= list and open on its first view, unknown names left out', async () => {
    const result = await runCode({ filename: 'a.js', code: 'console.log("hi")' });
    const { container } = render(<Results result={result} show={['time', 'no-such-view', 'console']} code="" cellId="c1" />);
    const tabs = Array.from(container.querySelectorAll('[role="tab"]'));
    expect(tabs.map((tab) => tab.textContent)).toEqual([VIEWS.time.label, VIEWS.console.label]);
    expect(tabs[0].getAttribute('aria-selected')).toBe('true');
    expect(tabs[1].getAttribute('aria-selected')).toBe('false');
  });

  test('the console is offered when show= leaves it out, and a failed run opens there', async () => {
    const failed = await runCode({ filename: 'f.js', code: 'null.x' });
    const { container } = render(<Results result={failed} show={['profile']} code="" cellId="c9" />);
    const tabs = Array.from(container.querySelectorAll('[role="tab"]'));
    expect(tabs.map((tab) => tab.getAttribute('data-view'))).toEqual(['profile', 'console']);
    expect(container.querySelector('[role="tab"][aria-selected="true"]')!.getAttribute('data-view')).toBe('console');
  });

  test('the console panel shows the output, labelled by its tab', async () => {
    const result = await runCode({ filename: 'a.js', code: 'console.log("hi")' });
    const { container } = render(<Results result={result} show={['console', 'time']} code="" cellId="c1" />);
    const tabs = Array.from(container.querySelectorAll('[role="tab"]'));
    expect(tabs[0].getAttribute('aria-controls')).toBe(panelId('c1', 'console'));
    const panel = container.querySelector(`#${panelId('c1', 'console')}`)!;
    expect(panel.getAttribute('role')).toBe('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).toBe(tabId('c1', 'console'));
    expect(panel.textContent).toContain('hi');
  });

  test('arrow keys, Home and End move the selection and the focus (roving tabindex)', async () => {
    const result = await runCode({ filename: 'a.js', code: 'console.log("x")' });
    const { container } = render(<Results result={result} show={['console', 'time']} code="" cellId="c2" />);
    const [consoleTab, timeTab] = Array.from(container.querySelectorAll<HTMLButtonElement>('[role="tab"]'));
    expect([consoleTab.tabIndex, timeTab.tabIndex]).toEqual([0, -1]);
    consoleTab.focus();
    fireEvent.keyDown(consoleTab, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(timeTab);
    expect(timeTab.getAttribute('aria-selected')).toBe('true');
    expect([consoleTab.tabIndex, timeTab.tabIndex]).toEqual([-1, 0]);
    expect(container.querySelector<HTMLElement>(`#${panelId('c2', 'console')}`)!.hidden).toBe(true);
    expect(container.querySelector<HTMLElement>(`#${panelId('c2', 'time')}`)!.hidden).toBe(false);
    fireEvent.keyDown(timeTab, { key: 'ArrowRight' }); // wraps around
    expect(document.activeElement).toBe(consoleTab);
    fireEvent.keyDown(consoleTab, { key: 'End' });
    expect(document.activeElement).toBe(timeTab);
    fireEvent.keyDown(timeTab, { key: 'Home' });
    expect(document.activeElement).toBe(consoleTab);
    fireEvent.click(timeTab);
    expect(timeTab.getAttribute('aria-selected')).toBe('true');
  });

  test('a single view needs no tab list', async () => {
    const result = await runCode({ filename: 'a.js', code: 'console.log(1)' });
    const { container } = render(<Results result={result} show={['console']} code="" cellId="c3" />);
    expect(container.querySelector('[role="tablist"]')).toBeNull();
    expect(container.querySelector('.wb-results-panel')!.getAttribute('aria-label')).toBe(VIEWS.console.label);
  });

  test('the previous run reaches the views, for comparisons', async () => {
    const before = await runCode({ filename: 'a.js', code: 'sleep(2)' });
    const after = await runCode({ filename: 'a.js', code: 'sleep(1)' });
    const { container } = render(<Results result={after} previous={before} show={['time']} code="" cellId="c4" />);
    fireEvent.click(container.querySelector(`#${tabId('c4', 'time')}`)!);
    expect(container.textContent).toContain('previous run');
    expect(container.textContent).toContain('−1.000 s');
  });

  test('during a run the console shows what has been printed so far', async () => {
    const finished = await runCode({ filename: 'a.js', code: 'console.log("old")' });
    const live = [{ level: 'log' as const, text: 'partial', at: 1 }];
    const { container, rerender } = render(<Results result={finished} live={live} show={['console']} code="" cellId="c5" />);
    expect(container.querySelector('.wb-results')!.getAttribute('aria-busy')).toBe('true');
    expect(container.textContent).toContain('partial');
    expect(container.textContent).toContain('Running…');
    expect(container.textContent).not.toContain('old');
    rerender(<Results result={finished} show={['console']} code="" cellId="c5" />);
    expect(container.textContent).toContain('old');
    expect(container.textContent).not.toContain('Running…');
  });

  test('a view that throws is contained in its own tab', async () => {
    VIEWS['broken-test-view'] = {
      id: 'broken-test-view',
      label: 'Broken',
      component: () => {
        throw new Error('kaput');
      },
    };
    try {
      const result = await runCode({ filename: 'a.js', code: 'console.log("still here")' });
      const { container } = render(<Results result={result} show={['broken-test-view']} code="" cellId="c6" />);
      const broken = container.querySelector(`#${tabId('c6', 'broken-test-view')}`)!;
      // React logs the caught error; the point is what the learner sees.
      await act(async () => fireEvent.click(broken));
      expect(container.querySelector('.wb-view-failed')?.textContent).toContain('kaput');
      fireEvent.click(container.querySelector(`#${tabId('c6', 'console')}`)!);
      expect(container.textContent).toContain('still here');
    } finally {
      delete VIEWS['broken-test-view'];
    }
  });

  test('a view with nothing for this run says so instead of rendering', async () => {
    VIEWS['needs-data-test-view'] = {
      id: 'needs-data-test-view',
      label: 'Needs data',
      component: () => <p>should not render</p>,
      available: (result) => result.profile !== undefined,
    };
    try {
      const result = await runCode({ filename: 'a.js', code: '1' });
      const { container } = render(<Results result={result} show={['needs-data-test-view']} code="" cellId="c7" />);
      fireEvent.click(container.querySelector(`#${tabId('c7', 'needs-data-test-view')}`)!);
      expect(container.textContent).not.toContain('should not render');
      expect(container.textContent).toContain('has nothing for the needs data view');
    } finally {
      delete VIEWS['needs-data-test-view'];
    }
  });
});

describe('renderResultsToHtml (build time)', () => {
  test('is marked as recorded and carries every panel, only the first visible', async () => {
    const result = await runCode({ filename: 'rec.js', code: 'console.log("from the build")' });
    const host = document.createElement('div');
    host.innerHTML = renderResultsToHtml({ result, show: ['console', 'time'], code: '', cellId: 'rec' });
    expect(host.querySelector('.wb-results')!.hasAttribute('data-recorded')).toBe(true);
    expect(host.textContent).toContain('Recorded when the site was built');
    const panels = Array.from(host.querySelectorAll<HTMLElement>('[role="tabpanel"]'));
    expect(panels.map((panel) => panel.hidden)).toEqual([false, true]);
    expect(panels[0].textContent).toContain('from the build');
    expect(panels[1].querySelector('.wb-time-table')).not.toBeNull();
  });

  test('the recorded tabs switch without React (the cell element wires them)', async () => {
    const result = await runCode({ filename: 'rec.js', code: 'sleep(1); console.log("done")' });
    const host = document.createElement('div');
    document.body.append(host);
    host.innerHTML = renderResultsToHtml({ result, show: ['console', 'time'], code: '', cellId: 'st' });
    enableStaticTabs(host);
    const [consoleTab, timeTab] = Array.from(host.querySelectorAll<HTMLButtonElement>('[role="tab"]'));
    const panel = (id: string) => host.querySelector<HTMLElement>(`#${panelId('st', id)}`)!;
    timeTab.click();
    expect([panel('console').hidden, panel('time').hidden]).toEqual([true, false]);
    expect(timeTab.getAttribute('aria-selected')).toBe('true');
    expect([consoleTab.tabIndex, timeTab.tabIndex]).toEqual([-1, 0]);
    timeTab.focus();
    timeTab.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    expect(document.activeElement).toBe(consoleTab);
    expect([panel('console').hidden, panel('time').hidden]).toEqual([false, true]);
    host.remove();
  });
});
