/**
 * `workbook profile`, as a learner types it in a terminal (the real CLI in a
 * child process): cProfile's table sorted by calls, the sampling tree, exports,
 * and a non-zero exit after printing the partial profile of a failing script.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess } from '../../support/run-process';

const root = resolve(__dirname, '../../..');
const cli = (...args: string[]) => runProcess(process.execPath, [join(root, 'bin/workbook.mjs'), 'profile', ...args], { cwd: root, timeoutMs: 120_000 });

describe('workbook profile', () => {
  it('prints the program output, then the table sorted by calls', async () => {
    const r = await cli('--sort', 'calls', 'src/content/examples/sleeper.js');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Done: six one-second naps.');
    expect(r.stdout).toMatch(/^\s+17 function calls in 6\.\d{3} seconds$/m);
    expect(r.stdout).toContain('   Ordered by: call count');
    const table = lines.slice(lines.findIndex((l) => l.includes('ncalls')) + 1).filter(Boolean);
    expect(table[0]).toMatch(/^\s+6\s.*sleeper\.js:5\(sleepOneSecond\)$|^\s+6\s.*\{built-in method sleep\}$/);
    expect(table[1]).toMatch(/^\s+6\s/);
    expect(r.stdout).toMatch(/^\s+1\s+\d\.\d{3}\s+\d\.\d{3}\s+5\.\d{3}\s+5\.\d{3} sleeper\.js:9\(function1\)$/m);
    expect(r.stderr).toMatch(/overhead of ~\d+ ns per event subtracted/);
  });

  it('prints pyinstrument\'s tree with --sampling and leaves built-ins out with --no-builtins', async () => {
    const r = await cli('--sampling', '--no-builtins', 'src/content/examples/sleeper.js');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Program: sleeper\.js {2}Samples: \d+$/m);
    expect(r.stdout).toMatch(/└─ 6\.\d{3} main {2}sleeper\.js:19/);
    expect(r.stdout).not.toContain('sleep\n');
  });

  it('gives a sampled table samples and times, never call counts it cannot know', async () => {
    const r = await cli('--sampling', '--table', '--sort', 'cumulative', 'src/content/examples/sleeper.js');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ {9}Samples: [\d,]+, one every 1 ms\. Duration: 6\.\d{3} s \(own times add up to 6\.\d{3} s\)$/m);
    expect(r.stdout).not.toContain('function calls');
    expect(r.stdout).not.toContain('ncalls');
    expect(r.stdout).toContain('  samples      own    total filename:lineno(function)');
    // Each of the six one-second sleeps is on the stack for about 1,000 one-millisecond samples.
    const sleepRow = /^\s+(\d+)\s+(\d+\.\d{3})\s+(\d+\.\d{3}) \{built-in method sleep\}$/m.exec(r.stdout);
    expect(sleepRow, r.stdout).not.toBeNull();
    expect(Number(sleepRow![1])).toBeGreaterThanOrEqual(5_990);
    expect(Number(sleepRow![2])).toBeGreaterThanOrEqual(5.99);
  });

  it('writes exports chosen by the file extension', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wb-profile-'));
    for (const ext of ['cpuprofile', 'speedscope.json', 'dot', 'folded', 'csv']) {
      const out = join(dir, `sleeper.${ext}`);
      const r = await cli('--out', out, 'src/content/examples/sleeper.js');
      expect(r.status).toBe(0);
      expect(r.stderr).toContain(`Wrote ${out}`);
      const text = readFileSync(out, 'utf8');
      if (ext === 'cpuprofile') expect(JSON.parse(text).nodes[0].callFrame.functionName).toBe('(root)');
      if (ext === 'speedscope.json') expect(JSON.parse(text).profiles[0]).toMatchObject({ type: 'evented', unit: 'milliseconds' });
      if (ext === 'dot') expect(text.startsWith('digraph {')).toBe(true);
      if (ext === 'folded') expect(text).toMatch(/;sleepOneSecond \(sleeper\.js:5\);sleep \d+$/m);
      if (ext === 'csv') expect(text.split('\n')[0]).toMatch(/^function,file,line/);
    }
  });

  it('prints the partial profile and exits non-zero on an uncaught error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wb-profile-'));
    const file = join(dir, 'fails.js');
    writeFileSync(file, 'function work() { sleep(2) }\nfunction crash() { work(); null.boom }\ncrash();\n');
    const r = await cli(file);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/fails\.js:1\(work\)$/m);
    expect(r.stdout).toMatch(/^\s+1\s+\d\.\d{3}\s+\d\.\d{3}\s+2\.\d{3}\s+2\.\d{3} fails\.js:2\(crash\)$/m);
    expect(r.stderr).toContain('TypeError');
  });

  it('rejects an unknown sort key with usage exit code 2', async () => {
    const r = await cli('--sort', 'bogus', 'src/content/examples/sleeper.js');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Unknown sort key "bogus"');
  });
});
