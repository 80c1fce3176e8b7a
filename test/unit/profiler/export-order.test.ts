/**
 * Exports that keep the run's order: the .cpuprofile as Chrome DevTools loads it
 * (its loader and flame-chart walk reproduced in devtools-cpu-model.ts), and
 * speedscope's evented JSON. Truth: the sleeper's six one-second naps (the
 * simulated clock moves exactly 1000 ms per nap), the flat table (every export's
 * totals must be the table's), and hand-built profiles whose order is known.
 */
import { describe, expect, it } from 'vitest';
import { callOrderStretches, flatRows, renderCsv, renderFolded, toCpuProfile, toSpeedscope, type SpeedscopeEvented, type SpeedscopeSampled } from '../../../src/sandbox/profile/index';
import type { CallNode, Profile } from '../../../src/sandbox/types';
import { loadLikeDevTools, type DevToolsFrame } from './devtools-cpu-model';
import { example, profileCode } from './helpers';

const EPOCH_MS = Date.UTC(2026, 11, 3, 12);

/** Own and inclusive time per function name from a list of (possibly recursive) calls. */
function totalsByName(frames: DevToolsFrame[]): Map<string, number> {
  const totals = new Map<string, number>();
  // Count each outermost call once, as the flat table does: skip calls nested in a call of the same name.
  const open: DevToolsFrame[] = [];
  for (const f of [...frames].sort((a, b) => a.start - b.start || a.depth - b.depth)) {
    while (open.length && open[open.length - 1].end <= f.start && open[open.length - 1].depth >= f.depth) open.pop();
    while (open.length && open[open.length - 1].depth >= f.depth) open.pop();
    if (!open.some((o) => o.name === f.name)) totals.set(f.name, (totals.get(f.name) ?? 0) + (f.end - f.start));
    open.push(f);
  }
  return totals;
}

function tableTotals(profile: Profile): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of flatRows(profile)) out.set(profile.frames[r.frame].name, (out.get(profile.frames[r.frame].name) ?? 0) + r.totalMs);
  return out;
}

describe('.cpuprofile as Chrome DevTools loads it', async () => {
  const { profile } = await profileCode(example('sleeper.js'));
  const loaded = loadLikeDevTools(toCpuProfile(profile, { startedAtMs: EPOCH_MS }));

  it('starts at a real timestamp and spans the run (the Performance panel\'s JSRoot event)', () => {
    expect(loaded.jsRoot.ts).toBe(EPOCH_MS * 1000);
    expect(Math.abs(loaded.jsRoot.dur - profile.root.totalMs * 1000)).toBeLessThanOrEqual(1);
  });

  it('shows the sleeper\'s six naps as six separate one-second stretches, in order', () => {
    const naps = loaded.frames.filter((f) => f.name === 'sleep');
    expect(naps).toHaveLength(6);
    // Each nap is the simulated second plus at most the run's real time (µs rounding: 1 µs),
    // less what the table's overhead correction took off sleep's row below the simulated 6 s.
    const sleepRow = flatRows(profile).find((r) => profile.frames[r.frame].name === 'sleep')!;
    const corrected = Math.max(0, 6000 - sleepRow.selfMs) / 6;
    for (const nap of naps) {
      expect(nap.end - nap.start).toBeGreaterThanOrEqual(1000 - corrected - 0.002);
      // Real time is wall less simulated (the clock goes on while a loaded machine has the thread waiting).
      expect(nap.end - nap.start).toBeLessThanOrEqual(1000 + (profile.meta.wallMs - profile.meta.simulatedMs) + 0.002);
    }
    for (let i = 1; i < naps.length; i++) expect(naps[i].start).toBeGreaterThanOrEqual(naps[i - 1].end);
    // Each nap in its own sleepOneSecond call: five under function1, then one under function2.
    const callers = loaded.frames.filter((f) => f.name === 'sleepOneSecond');
    expect(callers).toHaveLength(6);
    const function1 = loaded.frames.filter((f) => f.name === 'function1');
    const function2 = loaded.frames.filter((f) => f.name === 'function2');
    expect(function1).toHaveLength(1);
    expect(function2).toHaveLength(1);
    expect(naps.filter((n) => n.start >= function1[0].start && n.end <= function1[0].end)).toHaveLength(5);
    expect(naps.filter((n) => n.start >= function2[0].start && n.end <= function2[0].end)).toHaveLength(1);
    expect(function2[0].start).toBeGreaterThanOrEqual(function1[0].end);
  });

  it('gives every function the table\'s total time', () => {
    const shown = totalsByName(loaded.frames);
    for (const [name, ms] of tableTotals(profile)) {
      if (name === '<module>') continue;
      // Whole µs at both ends of each call.
      expect(Math.abs((shown.get(name) ?? 0) - ms), name).toBeLessThanOrEqual(0.001 * 2 * (flatRows(profile).find((r) => profile.frames[r.frame].name === name)!.calls + 1));
    }
  });

  it('is refused by the loader\'s checks when startTime is 0, as the old export was', () => {
    expect(() => loadLikeDevTools({ ...toCpuProfile(profile), startTime: 0 })).toThrow(/startTime 0/);
  });
});

describe('a run longer than the timeline\'s cap', async () => {
  const code = 'function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\nfunction main() { sleep(0.25); fib(20); sleep(0.25); fib(17); }\nmain();';
  const { profile } = await profileCode(code);

  it('keeps the recorded order of the outer calls and the table\'s times for all', () => {
    expect(profile.spansTruncated).toBe(true);
    const order = callOrderStretches(profile);
    expect(order.source).toBe('spans+tree');
    const cpu = toCpuProfile(profile, { startedAtMs: EPOCH_MS });
    const loaded = loadLikeDevTools(cpu);
    const sleeps = loaded.frames.filter((f) => f.name === 'sleep');
    expect(sleeps).toHaveLength(2);
    const mainFrame = loaded.frames.find((f) => f.name === 'main')!;
    const fibs = loaded.frames.filter((f) => f.name === 'fib' && f.depth === mainFrame.depth + 1);
    // fib(20) lies between the two sleeps, fib(17) after the second.
    expect(fibs[0].start).toBeGreaterThanOrEqual(sleeps[0].end - 0.001);
    expect(fibs[0].end).toBeLessThanOrEqual(sleeps[1].start + 0.001);
    expect(fibs.at(-1)!.start).toBeGreaterThanOrEqual(sleeps[1].end - 0.001);
    // Own time per function from the samples equals the table's (whole µs per sample).
    const own = new Map<string, number>();
    for (const s of order.stretches) {
      const name = profile.frames[s.node.frame].name;
      own.set(name, (own.get(name) ?? 0) + s.end - s.start);
    }
    for (const r of flatRows(profile)) expect(Math.abs((own.get(profile.frames[r.frame].name) ?? 0) - r.selfMs)).toBeLessThanOrEqual(1e-6 * profile.root.totalMs);
    for (const n of cpu.nodes) expect(n.hitCount).toBe(cpu.samples.filter((s) => s === n.id).length);
  });

  it('exports a sampled speedscope profile that says its order is not the run\'s', () => {
    const file = toSpeedscope(profile);
    const p = file.profiles[0] as SpeedscopeSampled;
    expect(p.type).toBe('sampled');
    expect(p.name).toMatch(/not in call order: the timeline keeps only the first calls/);
    expect(p.samples).toHaveLength(p.weights.length);
    expect(Math.abs(p.weights.reduce((s, w) => s + w, 0) - profile.root.totalMs)).toBeLessThanOrEqual(1e-9 * profile.root.totalMs);
    for (const stack of p.samples) for (const f of stack) expect(file.shared.frames[f]).toBeDefined();
  });
});

describe('a run that ends in an error', async () => {
  const code = 'function work() { sleep(0.5); null.boom; }\nfunction crash() { sleep(0.25); work(); }\ncrash();';
  const { profile, status } = await profileCode(code);

  it('still gives every function the table\'s time, in call order', () => {
    expect(status).toBe('error');
    const order = callOrderStretches(profile);
    const own = new Map<string, number>();
    for (const s of order.stretches) {
      const name = profile.frames[s.node.frame].name;
      own.set(name, (own.get(name) ?? 0) + s.end - s.start);
    }
    for (const r of flatRows(profile)) expect(Math.abs((own.get(profile.frames[r.frame].name) ?? 0) - r.selfMs), profile.frames[r.frame].name).toBeLessThanOrEqual(1e-9 * profile.root.totalMs);
    const loaded = loadLikeDevTools(toCpuProfile(profile, { startedAtMs: EPOCH_MS }));
    expect(loaded.frames.filter((f) => f.name === 'sleep')).toHaveLength(2);
    // The recorder closes the calls the error unwinds, so the spans still hold every call.
    expect(order.source).toBe('spans');
    expect(toSpeedscope(profile).profiles[0].type).toBe('evented');
  });
});

describe('speedscope\'s evented JSON', async () => {
  const { profile } = await profileCode(example('sleeper.js'));
  const file = toSpeedscope(profile);
  const p = file.profiles[0] as SpeedscopeEvented;

  it('is a balanced, ordered evented profile in milliseconds', () => {
    expect(file.$schema).toBe('https://www.speedscope.app/file-format-schema.json');
    expect(p.type).toBe('evented');
    expect(p.unit).toBe('milliseconds');
    const open: number[] = [];
    let last = p.startValue;
    for (const e of p.events) {
      expect(e.at).toBeGreaterThanOrEqual(last);
      last = e.at;
      expect(file.shared.frames[e.frame]).toBeDefined();
      if (e.type === 'O') open.push(e.frame);
      else expect(open.pop()).toBe(e.frame);
    }
    expect(open).toHaveLength(0);
    expect(p.endValue).toBe(last);
  });

  it('holds six separate naps and the table\'s totals', () => {
    const sleepFrame = file.shared.frames.findIndex((f) => f.name === 'sleep');
    const frames: DevToolsFrame[] = [];
    const open: Array<{ frame: number; at: number }> = [];
    for (const e of p.events) {
      if (e.type === 'O') open.push({ frame: e.frame, at: e.at });
      else {
        const o = open.pop()!;
        frames.push({ name: file.shared.frames[o.frame].name, depth: open.length, start: o.at, end: e.at });
      }
    }
    const naps = frames.filter((f) => f.name === file.shared.frames[sleepFrame].name);
    expect(naps).toHaveLength(6);
    const sleepRow = flatRows(profile).find((r) => profile.frames[r.frame].name === 'sleep')!;
    for (const nap of naps) expect(nap.end - nap.start).toBeGreaterThanOrEqual(1000 - Math.max(0, 6000 - sleepRow.selfMs) / 6 - 1e-6);
    const shown = totalsByName(frames);
    for (const [name, ms] of tableTotals(profile)) expect(Math.abs((shown.get(name) ?? 0) - ms), name).toBeLessThanOrEqual(1e-9 * profile.root.totalMs);
  });
});

/** A hand-built profile: <module> -> a (spans: a, b, a) -> b, with the given kind. */
function handBuilt(kind: 'deterministic' | 'sampling', withSpans: boolean): Profile {
  const b: CallNode = { frame: 2, calls: 1, selfMs: 30, totalMs: 30, samples: 3, children: [] };
  const a: CallNode = { frame: 1, calls: 1, selfMs: 60, totalMs: 90, samples: 9, children: [b] };
  const root: CallNode = { frame: 0, calls: 1, selfMs: 10, totalMs: 100, samples: 10, children: [a] };
  return {
    meta: { kind, filename: 'hand.js', wallMs: 100, cpuMs: 100, simulatedMs: 0, resolutionMs: 0.001, overheadPerEventNs: 0, overheadCorrected: false, partial: false, intervalMs: 10, sampleCount: 10 },
    frames: [
      { name: '<module>', file: 'hand.js', line: 1, column: 1, builtin: false },
      { name: 'a', file: 'hand.js', line: 2, column: 1, builtin: false },
      { name: 'b', file: 'hand.js', line: 5, column: 1, builtin: false },
    ],
    root,
    spans: withSpans
      ? [
          { frame: 0, depth: 0, start: 0, end: 100 },
          { frame: 1, depth: 1, start: 10, end: 100 },
          { frame: 2, depth: 2, start: 50, end: 80 },
        ]
      : [],
    spansTruncated: false,
  };
}

describe('sampling profiles', () => {
  it('follow the spans when the sampler records them', () => {
    const cpu = toCpuProfile(handBuilt('sampling', true), { startedAtMs: EPOCH_MS });
    const name = (id: number) => cpu.nodes.find((n) => n.id === id)!.callFrame.functionName;
    // a returns at the very end: <module> gets the stretch back for no time, then (root) closes everything.
    expect(cpu.samples.map(name)).toEqual(['<module>', 'a', 'b', 'a', '<module>', '(root)']);
    expect(cpu.timeDeltas).toEqual([0, 10_000, 40_000, 30_000, 20_000, 0]);
  });

  it('follow the spans of a sampler that counts no calls, with the tree\'s times', () => {
    const profile = handBuilt('sampling', true);
    const zero = (n: CallNode) => {
      if (n !== profile.root) n.calls = 0;
      n.children.forEach(zero);
    };
    zero(profile.root);
    const events = (toSpeedscope(profile).profiles[0] as SpeedscopeEvented).events;
    expect(events.map((e) => `${e.type}${e.frame}@${e.at}`)).toEqual(['O0@0', 'O1@10', 'O2@50', 'C2@80', 'C1@100', 'C0@100']);
    // Capped spans from such a sampler prove nothing about the calls they miss: the tree's order, said so.
    const capped = toSpeedscope({ ...profile, spansTruncated: true }).profiles[0];
    expect(capped.type).toBe('sampled');
    expect(capped.name).toMatch(/timeline keeps only the first calls/);
  });

  it('without spans, give each node a hit per own sample, lasting the tree\'s own time', () => {
    const cpu = toCpuProfile(handBuilt('sampling', false), { startedAtMs: EPOCH_MS });
    const hits = Object.fromEntries(cpu.nodes.map((n) => [n.callFrame.functionName, n.hitCount]));
    expect(hits).toEqual({ '(root)': 1, '<module>': 1, a: 6, b: 3 });
    expect(cpu.endTime - cpu.startTime).toBe(100_000);
    const speedscope = toSpeedscope(handBuilt('sampling', false)).profiles[0] as SpeedscopeSampled;
    expect(speedscope.name).toMatch(/no call order recorded/);
    expect(speedscope.weights).toEqual([10, 60, 30]);
    expect(speedscope.samples).toEqual([[0], [0, 1], [0, 1, 2]]);
  });
});

describe('folded stacks and CSV', async () => {
  const code = 'function tiny(x) { return x + 1; }\nfunction main() { let s = 0; for (let i = 0; i < 2000; i++) s = tiny(s); sleep(0.01); return s; }\nmain();';
  const { profile } = await profileCode(code);

  it('names the unit in a header line that flamegraph.pl and speedscope skip', () => {
    const lines = renderFolded(profile).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^# folded stacks of test\.js \(deterministic profile\): each count is microseconds of own time$/);
    expect(renderFolded(profile, { unit: 'samples' }).split('\n')[0]).toMatch(/each count is own samples$/);
    // The line grammars of speedscope's importer (bg-flamegraph.ts) and of flamegraph.pl.
    const speedscopeLine = /^(.*) (\d+)$/;
    const flamegraphPl = /^(.*)\s+?(\d+(?:\.\d*)?)$/;
    expect(speedscopeLine.test(lines[0]) || flamegraphPl.test(lines[0])).toBe(false);
    for (const l of lines.slice(1)) expect(speedscopeLine.test(l) && flamegraphPl.test(l)).toBe(true);
    expect(renderFolded(profile, { header: false }).split('\n')[0]).toBe(lines[1]);
  });

  it('writes CSV times at full precision', () => {
    const csv = renderCsv(profile).trim().split('\n');
    const tinyRow = flatRows(profile).find((r) => profile.frames[r.frame].name === 'tiny')!;
    const cells = csv.find((l) => l.startsWith('tiny,'))!.split(',');
    expect(Number(cells[7])).toBe(tinyRow.selfMs / 1000);
    expect(Number(cells[8])).toBe(tinyRow.selfPerCall! / 1000);
    expect(Number(cells[9])).toBe(tinyRow.totalMs / 1000);
    // A call of tiny takes well under a microsecond's worth of the 6th decimal: rounding used to print 0.000000.
    if (tinyRow.selfPerCall! > 0) expect(Number(cells[8])).toBeGreaterThan(0);
  });
});
