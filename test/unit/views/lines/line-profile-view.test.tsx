// @vitest-environment jsdom
/**
 * The line-profile view renders what a REAL run produced: line_profiler's
 * header lines and columns, the figures the kernprof renderer prints, a heat
 * bar as long as % Time, and the hottest line marked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { views } from '../../../../src/components/views/lines/index';
import { VIEWS } from '../../../../src/components/views/registry';
import { LineProfileView } from '../../../../src/components/views/lines/LineProfileView';
import { renderKernprofText } from '../../../../src/sandbox/profile/render/kernprof';
import type { LineProfile } from '../../../../src/sandbox/lines/types';
import { run } from '../../lines/helpers';

afterEach(cleanup);

const CODE = `// @profile
function work(n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.sqrt(i);
  const sorted = Array.from({ length: n }, (_, i) => (i * 7919) % n).sort((a, b) => a - b);
  return s + sorted[0];
}
work(3000);`;

describe('the line-profile view', async () => {
  const result = await run(CODE, { filename: 'work.js' });
  const profile = result.lines as LineProfile;

  it('is registered, and its prepare turns on request.lines (with lines= names)', () => {
    expect(VIEWS['line-profile']).toBe(views['line-profile']);
    expect(views['line-profile'].prepare!({ code: '' }, {}).lines).toBe(true);
    expect(views['line-profile'].prepare!({ code: '' }, { lines: 'a, b' }).lines).toEqual(['a', 'b']);
    expect(views['line-profile'].available!(result)).toBe(true);
    expect(views['line-profile'].available!({ ...result, lines: undefined })).toBe(false);
  });

  it("shows line_profiler's header and columns, with the renderer's figures", () => {
    const { container } = render(<LineProfileView result={result} code={CODE} cellId="w" />);
    expect(container.textContent).toContain('Timer unit: 1e-06 s');
    expect(container.textContent).toContain('File: work.js');
    expect(container.textContent).toContain('Function: work at line 1');
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Line #', 'Hits', 'Time', 'Per Hit', '% Time', 'Line Contents']);
    // Every figure is the one `workbook lineprofile` prints on that line.
    const text = renderKernprofText(profile);
    for (const tr of container.querySelectorAll('tbody tr')) {
      const cells = [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.replace(' ← hottest line', ''));
      const printed = text.split('\n').find((l) => l.startsWith(cells[0].padStart(6) + ' '))!;
      const m = /^(.{6}) (.{9}) (.{12}) (.{8}) (.{8})  /.exec(printed)!;
      expect(m.slice(1, 6).map((f) => f.trim())).toEqual(cells.slice(0, 5));
    }
    expect(container.textContent).toMatch(/measured and subtracted from every line/);
  });

  it('draws a heat bar as long as % Time and marks the hottest line', () => {
    const { container } = render(<LineProfileView result={result} code={CODE} cellId="w" />);
    const hottest = container.querySelectorAll('tr[data-hottest]');
    expect(hottest).toHaveLength(1);
    const table = profile.functions[0];
    const most = table.rows.reduce((a, b) => (b.timeMs > a.timeMs ? b : a));
    expect(hottest[0].getAttribute('data-line')).toBe(String(most.line));
    expect(hottest[0].textContent).toContain('hottest line');
    for (const tr of container.querySelectorAll('tbody tr[data-ran]')) {
      const pct = tr.querySelectorAll('td')[3];
      expect((pct as HTMLElement).style.getPropertyValue('--wb-share')).toBe(`${Number(pct.textContent)}%`);
    }
  });
});
