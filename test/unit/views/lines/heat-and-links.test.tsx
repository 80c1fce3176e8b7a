// @vitest-environment jsdom
/**
 * Heat in the code and views pointing at it, on real runs: the heat of each
 * line is its share of the time (line profile) or of the run (function
 * profile); the gutter marks land on those lines; a view's row dispatches one
 * `wb-show-source` event with the frame's file and line (a built-in is marked
 * as such), and a click in the code marks the line table's row.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { codeHeat } from '../../../../src/sandbox/lines/heat';
import { applyGutterHeat, forwardLineClicks, heatLevel, highlightSourceLine } from '../../../../src/components/cell/gutter-heat';
import { plainCode } from '../../../../src/components/cell/code-view';
import { LINE_EVENT, SOURCE_EVENT, builtinNote, type SourceRequest } from '../../../../src/components/views/source-link';
import { LineProfileView } from '../../../../src/components/views/lines/LineProfileView';
import { StatsTable } from '../../../../src/components/views/profile/table/StatsTable';
import { runCode } from '../../../../src/sandbox/node';
import type { LineProfile } from '../../../../src/sandbox/lines/types';

afterEach(cleanup);

const CODE = `// @profile
function work() {
  let s = 0;
  for (let i = 0; i < 20000; i++) s += Math.sqrt(i);
  return s;
}
work();`;

describe('heat in the code', async () => {
  const result = await runCode({ code: CODE, filename: 'heat.js', lines: true });
  const profiled = await runCode({ code: CODE, filename: 'heat.js', profile: { kind: 'deterministic' } });

  it('gives each line of a line profile its share of the function time', () => {
    const heat = codeHeat(result, 'heat.js');
    const table = (result.lines as LineProfile).functions[0];
    expect(heat.map((h) => h.line)).toEqual(table.rows.filter((r) => r.hits).map((r) => r.line));
    expect(heat.reduce((sum, h) => sum + h.share, 0)).toBeCloseTo(1, 6);
    const loop = heat.find((h) => h.line === 4)!;
    expect(loop.share).toBeCloseTo(table.rows.find((r) => r.line === 4)!.timeMs / table.totalMs, 9);
  });

  it("marks a function's definition line with its share of the run when only functions were timed", () => {
    const heat = codeHeat(profiled, 'heat.js');
    expect(heat.map((h) => h.line)).toEqual([2]);
    expect(heat[0].share).toBeGreaterThan(0.5);
    expect(heat[0].label).toMatch(/^work: \d+\.\d% of the run$/);
  });

  it('puts the marks on those lines of the code view, and a click on one tells the views', () => {
    const cell = document.createElement('div');
    const code = document.createElement('div');
    code.append(plainCode(CODE));
    cell.append(code);
    document.body.append(cell);
    const heat = codeHeat(result, 'heat.js');
    applyGutterHeat(code, heat);
    const lines = code.querySelectorAll<HTMLElement>('.line');
    const marked = [...lines].map((l, i) => (l.dataset.heat ? i + 1 : 0)).filter(Boolean);
    expect(marked).toEqual(heat.filter((h) => h.share > 0).map((h) => h.line));
    expect(lines[3].dataset.heat).toBe(String(heatLevel(heat.find((h) => h.line === 4)!.share)));
    expect(lines[3].title).toMatch(/% of work's time/);

    const seen: Array<{ cellId: string; line: number }> = [];
    document.addEventListener(LINE_EVENT, (e) => seen.push((e as CustomEvent).detail));
    forwardLineClicks(code, cell, () => 'c1');
    fireEvent.click(lines[3]);
    fireEvent.click(lines[0]); // no heat there: nothing to say
    expect(seen).toEqual([{ cellId: 'c1', line: 4 }]);

    expect(highlightSourceLine(code, 2)).toBe(true);
    expect(code.querySelectorAll('.wb-line-target')).toHaveLength(1);
    expect(lines[1].classList.contains('wb-line-target')).toBe(true);
    cell.remove();
  });

  it('the line table marks the row of the line clicked in the code, and its rows point at their lines', () => {
    const { container } = render(<LineProfileView result={result} code={CODE} cellId="c2" />);
    act(() => {
      document.dispatchEvent(new CustomEvent(LINE_EVENT, { detail: { cellId: 'c2', line: 4 } }));
    });
    expect(container.querySelector('tr[data-highlighted]')?.getAttribute('data-line')).toBe('4');
    act(() => {
      document.dispatchEvent(new CustomEvent(LINE_EVENT, { detail: { cellId: 'other', line: 3 } }));
    });
    expect(container.querySelector('tr[data-highlighted]')?.getAttribute('data-line')).toBe('4');

    const requests: SourceRequest[] = [];
    container.addEventListener(SOURCE_EVENT, (e) => requests.push((e as CustomEvent).detail));
    fireEvent.keyDown(container.querySelector('tr[data-line="3"]')!, { key: 'Enter' });
    expect(requests).toEqual([{ name: 'work', file: 'heat.js', line: 3, builtin: false }]);
  });
});

describe('the profile table points at the code', async () => {
  const result = await runCode({ code: CODE, filename: 'heat.js', profile: { kind: 'deterministic' } });

  it('sends the function row to its definition, and a built-in row as a built-in, by mouse and by keyboard', () => {
    const { container } = render(<StatsTable profile={result.profile!} />);
    const requests: SourceRequest[] = [];
    container.addEventListener(SOURCE_EVENT, (e) => requests.push((e as CustomEvent).detail));
    const rowOf = (name: string) => [...container.querySelectorAll('tbody tr[tabindex]')].find((tr) => tr.textContent!.includes(name))!;
    fireEvent.click(rowOf('(work)'));
    fireEvent.keyDown(rowOf('Math.sqrt'), { key: 'Enter' });
    expect(requests[0], JSON.stringify(requests) + [...container.querySelectorAll('tbody tr')].map((t) => t.textContent).join('|')).toEqual({ name: 'work', file: 'heat.js', line: 2, builtin: false });
    expect(requests[1], JSON.stringify(requests) + rowOf('Math.sqrt')?.outerHTML).toMatchObject({ name: 'Math.sqrt', builtin: true });
    expect(builtinNote('Math.sqrt')).toBe('Math.sqrt is a built-in: no source to show.');
  });
});
