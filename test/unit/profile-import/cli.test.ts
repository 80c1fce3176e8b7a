/** `workbook convert`, `workbook view` on bad files, and `workbook profile --out x.pstats`, end to end. */
import { runProcess } from '../../support/run-process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importProfile } from '../../../src/sandbox/profile/import/index';
import { cprofile, pstatsPrint, tempDir } from './python';

const cli = (...args: string[]) => runProcess('node', ['bin/workbook.mjs', ...args]);
const fixtures = resolve(__dirname, '../../fixtures/python');

describe('workbook convert / view / profile --out .pstats', () => {
  const dir = tempDir();

  it('converts a real .pstats to .cpuprofile and folded stacks by extension', async () => {
    const pstats = join(dir, 'recursion.pstats');
    await cprofile(join(fixtures, 'recursion.py'), fixtures, pstats);
    for (const out of ['out.cpuprofile', 'out.folded']) {
      const r = await cli('convert', pstats, join(dir, out));
      expect(r.status, r.stderr).toBe(0);
      const back = importProfile(new Uint8Array(readFileSync(join(dir, out))), out);
      expect(back.frames.some((f) => f.name === 'fib')).toBe(true);
    }
    const bad = await cli('convert', pstats, join(dir, 'out.xyz'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Cannot tell the format of');
  });

  it('names the problem of a file it cannot read', async () => {
    const junk = join(dir, 'junk.bin');
    writeFileSync(junk, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
    const r = await cli('view', junk);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/junk\.bin: unsupported format/);
  });

  it('profile --out x.pstats writes a file python3 pstats reads', async () => {
    const out = join(dir, 'sleeper.pstats');
    const r = await cli('profile', '--out', out, 'src/content/examples/sleeper.js');
    expect(r.status, r.stderr).toBe(0);
    expect(await pstatsPrint(out, ['calls'])).toMatch(/^\s+6\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+ sleeper\.js:5\(sleepOneSecond\)$/m);
  });
});
