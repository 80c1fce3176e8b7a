import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess } from '../../support/run-process';
import { ERROR_CORPUS, markedLine } from '../sandbox/error-corpus';

const cli = (args: string[]) => runProcess('node', ['bin/workbook.mjs', ...args]);
const script = (code: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'wb-cli-'));
  const file = join(dir, 'script.js');
  writeFileSync(file, code);
  return file;
};

describe('workbook run', () => {
  it('prints console output and exits 0', async () => {
    const r = await cli(['run', script('sleep(2);\nconsole.log("done", [1, 2]);')]);
    expect(r.stdout).toBe('done [ 1, 2 ]\n');
    expect(r.status).toBe(0);
  });

  it('prints real, CPU and simulated time with --timing', async () => {
    const r = await cli(['run', '--timing', script('sleep(6)')]);
    expect(r.stderr).toMatch(/real 6\.\d{3}s\s+cpu 0\.\d{3}s\s+simulated 6\.000s/);
  });

  it('exits 1 on an uncaught error, naming the line', async () => {
    const r = await cli(['run', script('console.log("before");\nnotDefined();')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('before\n');
    expect(r.stderr).toContain('ReferenceError');
    expect(r.stderr).toContain('script.js:2:');
  });

  // Programs whose positions QuickJS gets wrong: the CLI prints the recovered line and says so.
  // (Each spawn costs seconds: a few cases, the full corpus runs in-process in test/unit/sandbox.)
  const CLI_CASES: Array<[string, string[][]]> = [
    ['undefined name in an expression', [['run'], ['profile'], ['profile', '--sampling'], ['memprofile']]],
    ['property of undefined inside a function', [['run'], ['profile']]],
    ['error in a class method', [['run'], ['memprofile']]],
  ];
  it.each(CLI_CASES)('points %s at its marked line, saying it was recovered', async (name, commands) => {
    const c = ERROR_CORPUS.find((candidate) => candidate.name === name)!;
    const file = script(c.code);
    for (const command of commands) {
      const r = await cli([...command, file]);
      expect(r.status, command.join(' ')).toBe(1);
      expect(r.stderr, command.join(' ')).toContain(`${c.errorName}: `);
      expect(r.stderr, command.join(' ')).toContain(`(at script.js:${markedLine(c.code)}:`);
      expect(r.stderr, command.join(' ')).toContain(', position recovered from the source)');
    }
  });

  it('exits 1 and names the limit when the time limit is reached', async () => {
    const r = await cli(['run', '--timeout', '300ms', script('while (true) {}')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('time limit');
  });

  it('exits 2 with usage on bad arguments', async () => {
    expect((await cli(['run'])).status).toBe(2);
    expect((await cli(['nonsense'])).status).toBe(2);
  });
});
