import { describe, expect, it } from 'vitest';
import { run } from './run-helpers';

describe('errors in the learner\'s terms', () => {
  it('points a syntax error at its line and column', async () => {
    const r = await run('let a = 1;\nfunction f() {\n  return a +;\n}\n');
    expect(r.status).toBe('error');
    expect(r.error?.name).toBe('SyntaxError');
    expect(r.error?.location).toEqual({ file: 'test.js', line: 3, column: 13 });
  });

  it('reports a runtime error with the learner\'s stack, without wrapper frames', async () => {
    const r = await run('function outer() {\n  inner();\n}\nfunction inner() {\n  null.x;\n}\nouter();');
    expect(r.error?.name).toBe('TypeError');
    expect(r.error?.location).toMatchObject({ line: 5, column: 3 });
    expect(r.error?.stack.map((f) => [f.functionName, f.line])).toEqual([['inner', 5], ['outer', 2], ['<module>', 7]]);
    expect(JSON.stringify(r.error)).not.toContain('wb:');
  });

  it('keeps line numbers when hidden setup code runs first', async () => {
    const r = await run('const x = helper();\nx.nope();', { setup: 'function helper() {\n  return {};\n}' });
    expect(r.error?.location).toMatchObject({ file: 'test.js', line: 2 });
  });

  it('reports an error inside the setup against the setup', async () => {
    const r = await run('console.log(1)', { setup: '\n\nboom()' });
    expect(r.error?.location).toMatchObject({ file: 'setup.js', line: 3 });
    expect(r.console).toHaveLength(0);
  });

  it('reports an async function that rejects with nobody handling it', async () => {
    const r = await run('async function main() {\n  await null;\n  throw new Error("late");\n}\nmain();');
    expect(r.status).toBe('error');
    expect(r.error).toMatchObject({ message: 'late', unhandledRejection: true });
  });

  it('reports thrown non-errors', async () => {
    const r = await run('throw { code: 42 }');
    expect(r.status).toBe('error');
    expect(r.error?.message).toContain('42');
  });
});
