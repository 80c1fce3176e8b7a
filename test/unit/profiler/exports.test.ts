/**
 * Exports of a real profile: DOT that Debian's Graphviz `dot` accepts, a
 * Chrome DevTools `Profiler.Profile` whose times add up, folded stacks and CSV
 * that agree with the flat table.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { callGraph, flatRows, heatHex, renderCsv, renderDot, renderFolded, toCpuProfile } from '../../../src/sandbox/profile/index';
import { example, profileCode } from './helpers';

const program = example('sleeper.js') + '\n' + example('fibonacci.js').replace(/^main\(\);$/m, '').replace(/function main\(\)/, 'function fibMain()') + '\nfibMain();';

describe('exports', async () => {
  const { profile } = await profileCode(program);

  it('writes DOT that the real dot turns into SVG', () => {
    const dot = renderDot(profile);
    expect(dot).toMatch(/^digraph \{/);
    expect(dot).toMatch(/label="sleepOneSecond\\nsleep\.js|label="sleepOneSecond\\ntest\.js:\d+\\n\d+\.\d\d%\\n\(\d+\.\d\d%\)\\n6×"/);
    const svg = execFileSync('dot', ['-Tsvg'], { input: dot, encoding: 'utf8' });
    expect(svg).toContain('<svg');
    expect(svg).toContain('sleepOneSecond');
    const all = execFileSync('dot', ['-Tsvg'], { input: renderDot(profile, { nodeThreshold: 0, edgeThreshold: 0 }), encoding: 'utf8' });
    expect(all).toContain('fibonacci');
  });

  it('colours by weight and prunes tiny nodes in the DOT', () => {
    const dot = renderDot(profile);
    // sleep holds ~all the time: red; the fib recursion is a tiny share and is pruned at 0.5 %.
    const sleep = callGraph(profile).nodes.find((n) => profile.frames[n.frame].name === 'sleep')!;
    // (The rest is real time, which depends on the machine: no exact figure here.)
    expect(sleep.totalFraction).toBeGreaterThan(0.5);
    expect(dot).toContain(`color="${heatHex(sleep.totalFraction)}", fontcolor="#ffffff", fontsize="10.00", label="sleep\\n`);
    expect(heatHex(1)).toBe('#ff0000');
    expect(heatHex(0)).toBe('#0d0d73'); // hsl(240°, 80 %, 25 %)
    // Pruning: a node stays exactly when its share reaches the threshold (gprof2dot's -n, 0.5 % by default).
    const fib = callGraph(profile, { nodeThreshold: 0, edgeThreshold: 0 }).nodes.find((n) => profile.frames[n.frame].name === 'fibonacci')!;
    expect(dot.includes('label="fibonacci')).toBe(fib.totalFraction >= 0.005);
    // (After overhead correction a tiny share can be exactly 0: a threshold above 0 still drops it.)
    expect(renderDot(profile, { nodeThreshold: Math.max(fib.totalFraction * 1.01, Number.MIN_VALUE) })).not.toContain('label="fibonacci');
    expect(renderDot(profile, { nodeThreshold: fib.totalFraction * 0.99 })).toContain('label="fibonacci');
  });

  it('writes a .cpuprofile with DevTools\' shape whose times add up', () => {
    const cpu = toCpuProfile(profile, { startedAtMs: Date.UTC(2026, 0, 1) });
    expect(Object.keys(cpu).sort()).toEqual(['endTime', 'nodes', 'samples', 'startTime', 'timeDeltas']);
    expect(cpu.nodes[0].callFrame.functionName).toBe('(root)');
    const ids = new Set(cpu.nodes.map((n) => n.id));
    expect(ids.size).toBe(cpu.nodes.length);
    for (const n of cpu.nodes) {
      expect(Object.keys(n.callFrame).sort()).toEqual(['columnNumber', 'functionName', 'lineNumber', 'scriptId', 'url']);
      for (const c of n.children ?? []) expect(ids.has(c)).toBe(true);
    }
    expect(cpu.samples.length).toBe(cpu.timeDeltas.length);
    for (const s of cpu.samples) expect(ids.has(s)).toBe(true);
    for (const d of cpu.timeDeltas) expect(d).toBeGreaterThanOrEqual(0);
    // An epoch timestamp in µs; the samples run from it to endTime exactly.
    expect(cpu.startTime).toBe(Date.UTC(2026, 0, 1) * 1000);
    expect(cpu.startTime + cpu.timeDeltas.reduce((s, d) => s + d, 0)).toBe(cpu.endTime);
    // Every sample lasts until the next one; the last, a (root) sample at endTime, closes the calls.
    expect(cpu.samples.at(-1)).toBe(1);
    const timestamps = cpu.timeDeltas.reduce<number[]>((acc, d) => [...acc, (acc.at(-1) ?? cpu.startTime) + d], []);
    expect(Math.abs(cpu.endTime - cpu.startTime - profile.root.totalMs * 1000)).toBeLessThanOrEqual(1 + profile.root.totalMs * 1e-6);
    // hitCount is how many samples hit the node.
    for (const n of cpu.nodes) expect(n.hitCount).toBe(cpu.samples.filter((s) => s === n.id).length);
    expect(cpu.nodes.reduce((s, n) => s + n.hitCount, 0)).toBe(cpu.samples.length);
    // Self time per node from the samples matches the profile's self times.
    const selfUs = new Map<number, number>();
    cpu.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + ((timestamps[i + 1] ?? cpu.endTime) - timestamps[i])));
    const sleepNode = cpu.nodes.find((n) => n.callFrame.functionName === 'sleep')!;
    const sleepRows = flatRows(profile).find((r) => profile.frames[r.frame].name === 'sleep')!;
    const sleepUs = cpu.nodes.filter((n) => n.callFrame.functionName === 'sleep').reduce((s, n) => s + (selfUs.get(n.id) ?? 0), 0);
    expect(sleepNode.callFrame.url).toBe('');
    // Rounding to whole µs at each of the six naps' two ends, plus the clock's correction for the calls around them.
    expect(Math.abs(sleepUs - sleepRows.selfMs * 1000)).toBeLessThanOrEqual(12 + sleepRows.calls * 2 * profile.meta.overheadPerEventNs / 1000);
    const fib = cpu.nodes.find((n) => n.callFrame.functionName === 'fibonacci')!;
    expect(fib.callFrame.url).toBe('test.js');
    expect(fib.callFrame.lineNumber).toBe(profile.frames.find((f) => f.name === 'fibonacci')!.line - 1);
  });

  it('writes folded stacks whose counts add up to the total', () => {
    const folded = renderFolded(profile);
    const lines = folded.trim().split('\n').slice(1);
    const sum = lines.reduce((s, l) => s + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
    expect(Math.abs(sum - profile.root.totalMs * 1000)).toBeLessThanOrEqual(lines.length);
    expect(lines.some((l) => /^<module> \(test\.js:1\);main \(test\.js:\d+\);function1 \(test\.js:\d+\);sleepOneSecond \(test\.js:\d+\);sleep 5\d{6}$/.test(l))).toBe(true);
  });

  it('writes CSV with one row per function', () => {
    const csv = renderCsv(profile).trim().split('\n');
    expect(csv[0]).toBe('function,file,line,column,builtin,ncalls,primitive_calls,tottime_s,tottime_percall_s,cumtime_s,cumtime_percall_s');
    expect(csv).toHaveLength(flatRows(profile).length + 1);
    const fib = csv.find((l) => l.startsWith('fibonacci,'))!.split(',');
    expect(fib[5]).toBe('177');
    expect(fib[6]).toBe('1');
  });
});
