/**
 * .pstats out: the workbook's export of real profiles (sleeper.js, and
 * complicated.js scaled down to keep the test short) read by python3's own
 * pstats, whose printed table must be the workbook's table; and read back by
 * the importer unchanged.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importProfile } from '../../../src/sandbox/profile/import/index';
import { renderPartnersText, renderStatsText, type SortKey } from '../../../src/sandbox/profile/index';
import { toPstats } from '../../../src/sandbox/profile/render/pstats';
import { example, profileCode } from '../profiler/helpers';
import { pstatsPrint, tablePart, tempDir } from './python';

const programs: Record<string, string> = {
  'sleeper.js': example('sleeper.js'),
  'complicated.js': example('complicated.js').replace('i < 1_000_000', 'i < 20_000'),
};
// Not 'name': pstats sorts built-ins by their key, '<built-in method sleep>', the workbook by 'sleep'.
const sorts: SortKey[][] = [[], ['calls'], ['cumulative'], ['time'], ['pcalls', 'line']];

describe('.pstats export read by python3', () => {
  const dir = tempDir();
  for (const [name, code] of Object.entries(programs)) {
    it(`${name}: pstats prints the workbook's own table`, async () => {
      const { profile } = await profileCode(code, { kind: 'deterministic' }, { filename: name, limits: { timeoutMs: 60_000 } });
      const path = join(dir, name.replace('.js', '.pstats'));
      writeFileSync(path, toPstats(profile));
      for (const sort of sorts) {
        expect(tablePart(await pstatsPrint(path, sort)), `sort ${sort.join(',')}`).toEqual(tablePart(renderStatsText(profile, { sort })));
      }
      // Callers per edge survive: Python sees the same partners with the same counts.
      const callers = await pstatsPrint(path, [], 'callers');
      expect(callers).toMatch(name === 'sleeper.js' ? /\{built-in method sleep\}\s+<-\s+6\s+\d+\.\d{3}\s+\d+\.\d{3}\s+sleeper\.js:5\(sleepOneSecond\)/ : /randomInt\)\s+<-\s+40000\s+[\d.]+\s+[\d.]+\s+complicated\.js:36\(Child\.prepY\)/);
      // And the importer reads the export back to the same tables.
      const back = importProfile(toPstats(profile), path);
      for (const sort of sorts) expect(renderStatsText(back, { sort })).toBe(renderStatsText(profile, { sort }));
      expect(renderPartnersText(back, 'callees')).toBe(renderPartnersText(profile, 'callees'));
    });
  }
});
