/**
 * Runtime errors point at the line that failed, in plain and profiled runs.
 * Truth by construction: each corpus program marks its failing line; where the
 * position had to be recovered from the source, the column is that of the
 * name the message gives on the marked line.
 */
import { describe, expect, it } from 'vitest';
import { runCode } from '../../../src/sandbox/node';
import { targetOf } from '../../../src/sandbox/engine/error-position';
import type { RunRequest, RunResult } from '../../../src/sandbox/types';
import { ERROR_CORPUS, markedLine } from './error-corpus';

const MODES: Array<[string, Partial<RunRequest>]> = [
  ['plain', {}],
  ['deterministic profile', { profile: { kind: 'deterministic' } }],
  ['sampling profile', { profile: { kind: 'sampling' } }],
  ['memory profile', { memory: { lines: true, timeline: true, heap: true } }],
];

/**
 * Does `column` on the marked line start the expression that failed: the name
 * the message gives, or a member chain (`o.prop.`) that ends in it?
 */
function startsFailingExpression(code: string, message: string, column: number): boolean {
  const target = targetOf(message);
  if (!target) return false;
  const text = code.split('\n')[markedLine(code) - 1];
  const names = text.matchAll(new RegExp(`(^|[^\\w$])(${target.name.replace(/[$]/g, '\\$')})(?![\\w$])`, 'g'));
  return [...names].some((name) => {
    const nameColumn = (name.index ?? 0) + name[1].length + 1;
    return column <= nameColumn && /^[\w$]*([\w$]*\??\.)*$/.test(text.slice(column - 1, nameColumn - 1)) && !/[\w$]/.test(text[column - 2] ?? '');
  });
}

describe('runtime errors point at the failing line', () => {
  it('the corpus has at least 20 programs, each with one marked line', () => {
    expect(ERROR_CORPUS.length).toBeGreaterThanOrEqual(20);
    for (const c of ERROR_CORPUS) expect(markedLine(c.code), c.name).toBeGreaterThan(0);
  });

  describe.each(ERROR_CORPUS)('$name', (c) => {
    const plain: { result?: RunResult } = {};
    it.each(MODES)('%s', { timeout: 30_000 }, async (_mode, extra) => {
      const r = await runCode({ code: c.code, filename: 'case.js', ...extra });
      expect(r.status).toBe('error');
      expect(r.error?.name).toBe(c.errorName);
      const at = r.error!.location!;
      expect(at.file).toBe('case.js');
      expect(at.line).toBe(markedLine(c.code));
      // The first frame of the stack says the same.
      expect(r.error!.stack[0]).toMatchObject({ line: at.line, column: at.column });
      if (at.recovered) expect(startsFailingExpression(c.code, r.error!.message, at.column), `column ${at.column}`).toBe(true);
      // A profiler's transform must not move the position.
      if (_mode === 'plain') plain.result = r;
      else if (plain.result) expect(at).toEqual(plain.result.error!.location);
    });
  });

  it('says when a position was recovered, and leaves the engine\'s own alone when it was right', async () => {
    const recovered = await runCode({ code: 'const a = 1;\nconst b = 2;\nconst c = missingThing + b;', filename: 'case.js' });
    expect(recovered.error?.location).toEqual({ file: 'case.js', line: 3, column: 11, recovered: true });
    const reported = await runCode({ code: 'function f(x) {\n  return x + nowhere;\n}\nf(1);', filename: 'case.js' });
    expect(reported.error?.location).toEqual({ file: 'case.js', line: 2, column: 14 });
    // On the right line but at column 1: moved to the name, and said so.
    const column1 = await runCode({ code: 'let node = null;\nlet depth = 0;\ndepth += node.next;', filename: 'case.js' });
    expect(column1.error?.location).toEqual({ file: 'case.js', line: 3, column: 10, recovered: true });
  });

  it('leaves a program\'s own throw where it is, even with a message like the engine\'s', async () => {
    const code = 'function check(o) {\n  if (!o.deep) {\n    throw new TypeError("cannot read property \'deep\' of undefined");\n  }\n}\ncheck({});';
    const r = await runCode({ code, filename: 'case.js' });
    expect(r.error?.location).toMatchObject({ line: 3 });
    expect(r.error?.location?.recovered).toBeUndefined();
  });

  it('picks the use in the function the engine names, not one of the same name elsewhere', async () => {
    const code = 'function other(o) {\n  return o.deep;\n}\nfunction read(o) {\n  const a = 1;\n  return o.prop.deep;\n}\nread({});';
    const r = await runCode({ code, filename: 'case.js' });
    expect(r.error?.location).toMatchObject({ line: 6, column: 10 });
  });
});
