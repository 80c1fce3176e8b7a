/**
 * .pstats in: files made by the machine's real `python3 -m cProfile -o` from
 * five programs; the workbook's table (renderer and `workbook view`) must be
 * the table Python's own pstats prints for the same file, sort by sort.
 */
import { runProcess } from '../../support/run-process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importProfile } from '../../../src/sandbox/profile/import/index';
import { PSTATS_NOTE } from '../../../src/sandbox/profile/import/pstats';
import { flatRows, renderPartnersText, renderStatsText, type SortKey } from '../../../src/sandbox/profile/index';
import { cprofile, pstatsPrint, tablePart, tempDir } from './python';

const fixtures = resolve(__dirname, '../../fixtures/python');
const programs = ['recursion.py', 'classes.py', 'generators.py', 'closures.py', 'exceptions.py'];
const sorts: SortKey[][] = [[], ['calls'], ['cumulative'], ['time', 'name'], ['nfl'], ['pcalls', 'line']];

describe('.pstats from python3 -m cProfile', () => {
  const dir = tempDir();
  const files: Record<string, string> = {};
  beforeAll(async () => {
    for (const p of programs) {
      files[p] = join(dir, p.replace('.py', '.pstats'));
      await cprofile(join(fixtures, p), fixtures, files[p]);
    }
  });

  for (const program of programs) {
    it(`${program}: the table equals pstats' for every sort`, async () => {
      const profile = importProfile(new Uint8Array(readFileSync(files[program])), program);
      expect(profile.meta.note).toBe(PSTATS_NOTE);
      for (const sort of sorts) {
        const ours = tablePart(renderStatsText(profile, { sort }));
        expect(ours, `sort ${sort.join(',')}`).toEqual(tablePart(await pstatsPrint(files[program], sort)));
      }
    });
  }

  for (const program of programs) {
    it(`${program}: callers and callees are pstats' print_callers and print_callees, line for line`, async () => {
      const profile = importProfile(new Uint8Array(readFileSync(files[program])), program);
      const trimmed = (text: string) => text.split('\n').map((l) => l.trimEnd());
      for (const sort of [[], ['cumulative']] as SortKey[][]) {
        for (const direction of ['callers', 'callees'] as const) {
          expect(trimmed(renderPartnersText(profile, direction, { sort })), `${direction} ${sort}`).toEqual(trimmed(await pstatsPrint(files[program], sort, direction)));
        }
      }
    });
  }

  it('shows recursion as total/primitive calls, as pstats does', async () => {
    const profile = importProfile(new Uint8Array(readFileSync(files['recursion.py'])), 'recursion.py');
    const fib = flatRows(profile).find((r) => profile.frames[r.frame].name === 'fib')!;
    // fib(18) makes 2·fib(19) - 1 = 8361 calls, one of them primitive.
    expect([fib.calls, fib.primitiveCalls]).toEqual([8361, 1]);
    // Every rebuilt tree node stays within the function's own cumulative time.
    const fibNodes = profile.root.children.flatMap(function all(n): typeof n[] {
      return [n, ...n.children.flatMap(all)];
    }).filter((n) => profile.frames[n.frame].name === 'fib');
    for (const n of fibNodes) expect(n.totalMs).toBeLessThanOrEqual(fib.totalMs * (1 + 1e-9));
  });

  it('`workbook view` prints the same table as pstats', async () => {
    for (const program of ['recursion.py', 'generators.py']) {
      const r = await runProcess('node', ['bin/workbook.mjs', 'view', '--sort', 'cumulative', files[program]]);
      expect(r.status, r.stderr).toBe(0);
      expect(tablePart(r.stdout)).toEqual(tablePart(await pstatsPrint(files[program], ['cumulative'])));
      expect(r.stderr).toContain('not the full call tree');
    }
  });
});
