/**
 * The chapter's "Profile your own programs" claims: the shipped sleeper.pstats
 * was made by cProfile from the shipped sleeper.py, shows six one-second naps,
 * and reads the same in python3's pstats and in the importer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importProfile } from '../../../src/sandbox/profile/import/index';
import { flatRows, renderStatsText } from '../../../src/sandbox/profile/index';
import { pstatsPrint, tablePart } from './python';

const root = resolve(__dirname, '../../..');
const pstatsPath = resolve(root, 'public/examples/sleeper.pstats');

describe('the shipped sleeper.pstats', () => {
  const profile = importProfile(new Uint8Array(readFileSync(pstatsPath)), 'sleeper.pstats');

  it('is the sleeper.py of the chapter, profiled: six one-second naps', async () => {
    const row = (name: string) => flatRows(profile).find((r) => profile.frames[r.frame].name === name)!;
    expect(row('sleep_one_second').calls).toBe(6);
    expect(row('sleep_one_second').totalMs / 1000).toBeCloseTo(6, 1);
    expect(row('<built-in method time.sleep>').calls).toBe(6);
    const source = readFileSync(resolve(root, 'src/content/examples/python/sleeper.py'), 'utf8');
    expect(readFileSync(resolve(root, 'public/examples/sleeper.py'), 'utf8')).toBe(source);
    for (const f of profile.frames.filter((f) => f.file === 'sleeper.py' && f.name !== '<module>')) expect(source).toContain(`def ${f.name}(`);
  });

  it('reads the same in python3 pstats', async () => {
    expect(tablePart(renderStatsText(profile, { sort: ['cumulative'] }))).toEqual(tablePart(await pstatsPrint(pstatsPath, ['cumulative'])));
  });

  it('is linked from the chapter and the viewer page', async () => {
    const chapter = readFileSync(resolve(root, 'src/content/docs/profiling.md'), 'utf8');
    expect(chapter).toContain('## Profile your own programs');
    expect(chapter).toContain('(/viewer/)');
    expect(chapter).toContain('(/examples/sleeper.pstats)');
    expect(existsSync(resolve(root, 'src/content/docs/viewer.mdx'))).toBe(true);
  });
});
