/**
 * Corrupt, truncated, unsupported and hostile files: every importer answers
 * with an ImportError naming the problem (or, when a cut happens to leave a
 * valid file, a profile), never another exception or a hang. Plus the
 * speedscope and collapsed formats' own figures.
 */
import { describe, expect, it } from 'vitest';
import { ImportError, importProfile } from '../../../src/sandbox/profile/import/index';
import { flatRows } from '../../../src/sandbox/profile/index';
import { toPstats } from '../../../src/sandbox/profile/render/pstats';
import { renderCpuProfile } from '../../../src/sandbox/profile/render/cpuprofile';
import { renderFolded } from '../../../src/sandbox/profile/render/folded';
import { example, profileCode } from '../profiler/helpers';

const enc = (s: string) => new TextEncoder().encode(s);

const speedscopeEvented = JSON.stringify({
  $schema: 'https://www.speedscope.app/file-format-schema.json',
  shared: { frames: [{ name: 'main', file: 'a.js', line: 1 }, { name: 'work', file: 'a.js', line: 5 }] },
  profiles: [
    {
      type: 'evented', name: 'a', unit: 'milliseconds', startValue: 0, endValue: 10,
      events: [
        { type: 'O', frame: 0, at: 0 }, { type: 'O', frame: 1, at: 1 }, { type: 'C', frame: 1, at: 4 },
        { type: 'O', frame: 1, at: 5 }, { type: 'C', frame: 1, at: 9 }, { type: 'C', frame: 0, at: 10 },
      ],
    },
  ],
});
const speedscopeSampled = JSON.stringify({
  $schema: 'https://www.speedscope.app/file-format-schema.json',
  shared: { frames: [{ name: 'main' }, { name: 'a' }, { name: 'b' }] },
  profiles: [{ type: 'sampled', name: 's', unit: 'microseconds', startValue: 0, endValue: 6000, samples: [[0, 1], [0, 1], [0, 2], [0]], weights: [1000, 2000, 2500, 500] }],
});
const collapsed = 'main;a 30\nmain;b 12\nmain 3\nmain (x.py:1);c (x.py:9) 5\n';

/** Runs an import and sorts the outcome: a profile, or an ImportError. Anything else fails the test. */
function attempt(bytes: Uint8Array, name: string): 'profile' | 'error' {
  try {
    importProfile(bytes, name);
    return 'profile';
  } catch (e) {
    if (!(e instanceof ImportError)) throw new Error(`${name}: ${String(e)} is not an ImportError`);
    expect((e as Error).message.length).toBeGreaterThan(10);
    return 'error';
  }
}

function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
}

describe('speedscope and collapsed stacks', () => {
  it('reads an evented speedscope profile with calls, times and a timeline', () => {
    const p = importProfile(enc(speedscopeEvented), 'a.speedscope.json');
    const work = flatRows(p).find((r) => p.frames[r.frame].name === 'work')!;
    expect([work.calls, work.selfMs, work.totalMs]).toEqual([2, 7, 7]);
    expect(p.root.totalMs).toBe(10);
    expect(p.spans.filter((s) => p.frames[s.frame].name === 'work').map((s) => [s.start, s.end])).toEqual([[1, 4], [5, 9]]);
  });

  it('reads a sampled speedscope profile by weight', () => {
    const p = importProfile(enc(speedscopeSampled), 's.json');
    const self = (n: string) => flatRows(p).find((r) => p.frames[r.frame].name === n)!.selfMs;
    expect([self('a'), self('b'), self('main')]).toEqual([3, 2.5, 0.5]);
    expect(p.meta.kind).toBe('sampling');
  });

  it('reads collapsed stacks, keeping py-spy style locations', () => {
    const p = importProfile(enc(collapsed), 'x.folded');
    const rows = flatRows(p);
    const main = rows.filter((r) => p.frames[r.frame].name === 'main');
    expect(main.map((r) => r.totalMs).sort()).toEqual([45, 5]);
    const c = p.frames.find((f) => f.name === 'c')!;
    expect([c.file, c.line]).toEqual(['x.py', 9]);
    expect(p.meta.note).toMatch(/only sample counts/);
  });

  it('reads back its own .cpuprofile and folded exports with the same totals', async () => {
    const { profile } = await profileCode(example('sleeper.js'));
    const cpu = importProfile(enc(renderCpuProfile(profile)), 'x.cpuprofile');
    expect(cpu.root.totalMs).toBeCloseTo(profile.root.totalMs, 1);
    const folded = importProfile(enc(renderFolded(profile)), 'x.folded');
    expect(folded.root.totalMs).toBeGreaterThan(0);
  });
});

describe('corrupt, truncated and hostile files', async () => {
  const { profile } = await profileCode(example('sleeper.js'));
  const samples: Record<string, Uint8Array> = {
    'x.pstats': toPstats(profile),
    'x.cpuprofile': enc(renderCpuProfile(profile)),
    'x.speedscope.json': enc(speedscopeEvented),
    's.speedscope.json': enc(speedscopeSampled),
    'x.folded': enc(collapsed),
  };

  for (const [name, bytes] of Object.entries(samples)) {
    it(`${name}: every truncation and 200 random corruptions end in a profile or a clear error`, () => {
      const outcomes = { profile: 0, error: 0 };
      for (let cut = 0; cut < bytes.length; cut += Math.max(1, Math.floor(bytes.length / 300))) outcomes[attempt(bytes.slice(0, cut), name)]++;
      const random = rng(bytes.length);
      for (let i = 0; i < 200; i++) {
        const copy = bytes.slice();
        for (let k = 0; k < 4; k++) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
        outcomes[attempt(copy, name)]++;
      }
      expect(outcomes.error).toBeGreaterThan(0);
    });
  }

  it('names the problem', () => {
    const message = (bytes: Uint8Array, name: string) => {
      try {
        importProfile(bytes, name);
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    };
    const pstats = samples['x.pstats'];
    expect(message(pstats.slice(0, pstats.length - 3), 'x.pstats')).toMatch(/^truncated/);
    expect(message(new Uint8Array(0), 'x.pstats')).toMatch(/^empty/);
    expect(message(enc('{"nodes": [1, 2'), 'x.cpuprofile')).toMatch(/^corrupt or truncated JSON/);
    expect(message(enc('{"hello": 1}'), 'x.json')).toMatch(/^unsupported JSON/);
    expect(message(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), 'x.png')).toMatch(/^unsupported format/);
    // A marshal list claiming two billion items, and one nested 100,000 deep: refused at once.
    expect(message(Uint8Array.from([0x7b, 0x5b, 0xff, 0xff, 0xff, 0x7f]), 'x.pstats')).toMatch(/claims 2147483647 items/);
    const deep = new Uint8Array(100_001).fill(0x29 /* ')' */);
    for (let i = 1; i < deep.length; i += 2) deep[i] = 1;
    expect(message(Uint8Array.from([0x7b, ...deep]), 'x.pstats')).toMatch(/nested more than/);
    expect(message(enc(speedscopeEvented.replace('"type":"C","frame":0', '"type":"C","frame":1')), 'x.json')).toMatch(/closes frame 1/);
  });
});
