// @vitest-environment jsdom
/**
 * The console view on results from the real QuickJS engine: what a learner
 * sees for output, errors, limits and time.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { runCode } from '../../../src/sandbox/node';
import type { RunResult } from '../../../src/sandbox/types';
import { ConsoleView } from '../../../src/components/views/console/ConsoleView';
import { HEAD_ROWS, TAIL_ROWS } from '../../../src/components/views/console/ConsoleLines';
import { TimeView } from '../../../src/components/views/console/TimeView';
import { syntheticResult } from '../../../src/components/cell/synthetic-result';

afterEach(cleanup);

function show(result: RunResult, previous?: RunResult) {
  return render(<ConsoleView result={result} previous={previous} code="" cellId="t" />).container;
}

describe('ConsoleView', () => {
  test('one row per console call, with its level, and the level named for screen readers', async () => {
    const result = await runCode({
      filename: 'levels.js',
      code: "console.log('plain', 1); console.info('fyi'); console.warn('careful'); console.error('broken'); console.log({ a: [1, 2] });",
    });
    const rows = Array.from(show(result).querySelectorAll('.wb-console-line'));
    expect(rows.map((row) => row.getAttribute('data-level'))).toEqual(['log', 'info', 'warn', 'error', 'log']);
    expect(rows.map((row) => row.querySelector('.wb-console-text')?.textContent)).toEqual(result.console.map((entry) => entry.text));
    expect(rows[2].querySelector('.wb-visually-hidden')?.textContent).toBe('Warning: ');
    expect(rows[3].querySelector('.wb-visually-hidden')?.textContent).toBe('Error: ');
    expect(rows[0].querySelector('.wb-visually-hidden')).toBeNull();
  });

  test('an output flood shows its first and last lines, the middle folded until the learner opens it', async () => {
    const result = await runCode({ filename: 'flood.js', code: 'for (let i = 0; ; i++) console.log("line", i);' });
    expect(result.status).toBe('output-limit');
    const lines = result.console;
    expect(lines.length).toBeGreaterThan(HEAD_ROWS + TAIL_ROWS + 100);
    const container = show(result);
    // The console's own rows: not the fold, nor the truncation line the view adds after them.
    const rows = () => Array.from(container.querySelectorAll('.wb-console-line:not(.wb-console-fold):not(.wb-console-truncated)'), (row) => row.textContent);
    const texts = lines.map((entry) => entry.text);
    // Few rows on the page: the head, then the tail, in order.
    expect(rows()).toEqual([...texts.slice(0, HEAD_ROWS), ...texts.slice(-TAIL_ROWS)]);
    // What ended the run is said at once.
    expect(container.querySelector('.wb-console-truncated')).not.toBeNull();
    const unfold = screen.getByRole('button', { name: `Show the ${(lines.length - HEAD_ROWS - TAIL_ROWS).toLocaleString('en-US')} lines between line ${HEAD_ROWS} and line ${(lines.length - TAIL_ROWS + 1).toLocaleString('en-US')}` });
    fireEvent.click(unfold);
    expect(rows()).toEqual(texts);
  });

  test('a console of a few hundred lines is never folded', async () => {
    const result = await runCode({ filename: 'some.js', code: 'for (let i = 0; i < 420; i++) console.log("line", i);' });
    const container = show(result);
    expect(container.querySelectorAll('.wb-console-line[data-level="log"]')).toHaveLength(420);
    expect(container.querySelector('.wb-console-unfold')).toBeNull();
  });

  test('a syntax error names the line and column of the learner code', async () => {
    const result = await runCode({ filename: 'broken.js', code: 'let a = 1;\nlet b = 2;\nlet c = (a + ;\n' });
    expect(result.status).toBe('error');
    const location = result.error!.location!;
    expect(location.line).toBe(3);
    const where = show(result).querySelector('.wb-error-where')!;
    expect(where.textContent).toContain(`broken.js:3:${location.column}`);
    expect(where.textContent).toContain(`line 3, column ${location.column}`);
    expect(show(result).querySelector('.wb-error-head')!.textContent).toBe(`Uncaught SyntaxError: ${result.error!.message}`);
  });

  test('a thrown error shows its stack in the learner terms', async () => {
    const result = await runCode({
      filename: 'thrower.js',
      code: 'function inner() {\n  throw new TypeError("no good");\n}\nfunction outer() { inner(); }\nouter();\n',
    });
    const container = show(result);
    expect(container.querySelector('.wb-error-head')!.textContent).toBe('Uncaught TypeError: no good');
    const frames = Array.from(container.querySelectorAll('.wb-error-stack li')).map((item) => item.textContent);
    expect(frames[0]).toMatch(/^at inner \(thrower\.js:2:\d+\)$/);
    expect(frames.some((frame) => frame?.startsWith('at outer (thrower.js:4:'))).toBe(true);
  });

  test('an unhandled rejection is labelled as one', async () => {
    const result = await runCode({ filename: 'reject.js', code: 'Promise.reject(new RangeError("later"));' });
    expect(result.error?.unhandledRejection).toBe(true);
    expect(show(result).querySelector('.wb-error-head')!.textContent).toBe('Uncaught (in promise) RangeError: later');
  });

  test('a time limit says which limit ended the run and how to raise it', async () => {
    const result = await runCode({ filename: 'spin.js', code: 'while (true) {}', limits: { timeoutMs: 200 } });
    expect(result.status).toBe('timeout');
    const note = show(result).querySelector('.wb-console-status')!;
    expect(note.textContent).toContain(result.limitHit!.message);
    // The page raises the limit with a button, not with cell options a learner cannot see.
    const button = note.querySelector('button')!;
    expect(button.textContent).toBe('Run again with a 30 s limit');
    let raised: unknown;
    note.addEventListener('wb-raise-limit', (event) => (raised = (event as CustomEvent).detail));
    button.click();
    expect(raised).toEqual({ limit: 'timeoutMs', value: 30_000 });
  });

  test('capped output ends with a visible truncation line', async () => {
    const result = await runCode({
      filename: 'chatty.js',
      code: 'for (let i = 0; i < 500; i++) console.log(i);',
      limits: { maxOutputLines: 50 },
    });
    expect(result.outputTruncated).toBe(true);
    const container = show(result);
    expect(container.querySelector('.wb-console-truncated')?.textContent).toMatch(/output truncated/);
    expect(container.querySelectorAll('.wb-console-line[data-level="log"]').length).toBe(result.console.filter((e) => e.level === 'log').length);
  });

  test('the time line tells real, CPU and simulated time apart', async () => {
    const result = await runCode({ filename: 'nap.js', code: 'sleep(1.5); console.log("awake");' });
    const time = show(result).querySelector('.wb-console-time')!.textContent!;
    expect(result.timing.simulatedMs).toBe(1500);
    expect(time).toContain('simulated 1.500 s');
    expect(time).toMatch(/real 1\.5\d\d s/);
    expect(time).toMatch(/CPU \d/);
    expect(time).toMatch(/timer resolution \d/);
  });

  test('a run that printed nothing says so; a stopped run says it was stopped', async () => {
    const quiet = await runCode({ filename: 'quiet.js', code: 'let x = 1 + 1;' });
    expect(show(quiet).textContent).toContain('The run printed nothing.');
    cleanup();
    const stopped = show(syntheticResult('stopped'));
    expect(stopped.querySelector('.wb-console-status')?.textContent).toMatch(/^Stopped/);
  });
});

describe('TimeView', () => {
  test('compares with the previous run when there is one', async () => {
    const first = await runCode({ filename: 'a.js', code: 'sleep(1);' });
    const second = await runCode({ filename: 'a.js', code: 'sleep(3);' });
    const { container } = render(<TimeView result={second} previous={first} code="" cellId="t" />);
    const headers = Array.from(container.querySelectorAll('thead th')).map((th) => th.textContent);
    expect(headers).toContain('previous run');
    const simulatedRow = Array.from(container.querySelectorAll('tbody tr')).find((row) => row.querySelector('th')?.textContent === 'simulated')!;
    const cells = Array.from(simulatedRow.querySelectorAll('td')).map((td) => td.textContent);
    expect(cells.slice(0, 3)).toEqual(['3.000 s', '1.000 s', '+2.000 s']);
  });

  test('without a previous run there is no comparison column', async () => {
    const only = await runCode({ filename: 'a.js', code: 'sleep(0.25);' });
    const { container } = render(<TimeView result={only} code="" cellId="t" />);
    expect(container.textContent).not.toContain('previous run');
    expect(container.textContent).toContain('250.0 ms');
    // One unit for the whole table: no figure in seconds or microseconds beside it.
    const durations = Array.from(container.querySelectorAll('tbody tr'))
      .filter((row) => row.querySelector('th')?.textContent !== 'timer resolution')
      .map((row) => row.querySelector('td')!.textContent!);
    for (const figure of durations) expect(figure).toMatch(/ ms$/);
  });

  test('names the CPU row for what was measured: thread CPU in Node, busy time where there is no CPU clock', async () => {
    const measured = await runCode({ filename: 'a.js', code: 'sleep(0.25);' });
    const rowNames = (result: RunResult) => {
      const { container } = render(<TimeView result={result} code="" cellId="t" />);
      const names = Array.from(container.querySelectorAll('tbody th')).map((th) => th.textContent);
      cleanup();
      return names;
    };
    expect(measured.timing.cpuKind).toBe('thread');
    expect(rowNames(measured)).toEqual(['real', 'CPU', 'simulated', 'timer resolution']);
    // The browser's result: no CPU clock, so the figure is busy time and says so.
    const browserLike: RunResult = { ...measured, timing: { ...measured.timing, cpuKind: 'busy' } };
    expect(rowNames(browserLike)).toEqual(['real', 'busy', 'simulated', 'timer resolution']);
    const { container } = render(<TimeView result={browserLike} code="" cellId="t" />);
    expect(container.textContent).toContain('busy time: wall minus simulated');
  });
});
