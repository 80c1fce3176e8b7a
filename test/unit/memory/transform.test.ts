import { describe, expect, it } from 'vitest';
import { instrumentForMemory, planMemoryProfile } from '../../../src/sandbox/memory/transform';
import { memoryOf, out, run } from './helpers';

const ALL = { lines: true, timeline: true, start: true };
const breaks = (s: string) => s.split('\n').length;

/** Code full of constructs a careless transform would break. */
const TRICKY = `'use strict';
// @profile
function tricky(n) {
  'use strict';
  const out = [];
  outer: for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (j > i) continue outer;
      else if (j === i) out.push('=' + i);
      else
        out.push(i + '' + j);
    }
  }
  switch (n) {
    case 3:
      out.push('three');
    // falls through
    default:
      out.push('end');
  }
  try { null.x; } catch (e) { out.push(e instanceof TypeError); } finally { out.push('f'); }
  let k = 0;
  do k++; while (k < 3);
  while (k < 5)
    k++;
  return out.join(',') + ':' + k;
}
// @profile
const obj = () => ({ a: 1 });
// @profile
const twice = (x) =>
  x * 2;
class Box {
  // @profile
  size(items) {
    return items.length;
  }
}
// @profile
function* gen() { yield 1; yield 2; }
// @profile
async function later() { await null; return 'later'; }
console.log(tricky(3), obj().a, twice(21), new Box().size([1, 2]), [...gen()].join(''));
later().then(console.log);
`;

describe('memory transform', () => {
  it('keeps every line break and every line number', () => {
    const code = instrumentForMemory(TRICKY, ALL);
    expect(code).not.toBe(TRICKY);
    expect(breaks(code)).toBe(breaks(TRICKY));
    // Each original line is still on its own line number, with markers added around it.
    const original = TRICKY.split('\n');
    code.split('\n').forEach((line, i) => {
      const words = original[i].trim().split(/\s+/).filter((w) => w.length > 3);
      for (const w of words) expect(line).toContain(w);
    });
  });

  it('finds functions by // @profile and by name', () => {
    const plan = planMemoryProfile(TRICKY, { lines: true, timeline: false, start: true });
    expect(plan.functions.map((f) => f.name)).toEqual(['tricky', 'obj', 'twice', 'Box.size', 'gen', 'later']);
    expect(plan.functions[0]).toMatchObject({ startLine: 3, endLine: 27 });
    const named = planMemoryProfile('function a() {}\nfunction b() {}\nconst c = () => 1;', { lines: false, names: ['b', 'c', 'nope'], timeline: false, start: true });
    expect(named.functions.map((f) => f.name)).toEqual(['b', 'c']);
    expect(named.missing).toEqual(['nope']);
  });

  it('leaves code that does not parse alone (the engine reports the error)', () => {
    expect(instrumentForMemory('function (', ALL)).toBe('function (');
  });

  it('changes nothing the program does', async () => {
    const plain = await run(TRICKY);
    const profiled = await run(TRICKY, { memory: { lines: true, timeline: true, heap: true } });
    expect(plain.status).toBe('ok');
    expect(profiled.status).toBe('ok');
    expect(out(profiled)).toEqual(out(plain));
    expect(out(plain)).toEqual(['=0,10,=1,20,21,=2,three,end,true,f:5 1 42 2 12', 'later']);
    const tables = memoryOf(profiled).lines!;
    expect(tables.map((t) => [t.name, t.calls])).toEqual([['tricky', 1], ['obj', 1], ['twice', 1], ['Box.size', 1], ['gen', 1], ['later', 1]]);
  });

  it('keeps error positions in the learner\'s terms', async () => {
    const code = '// @profile\nfunction boom() {\n  const a = 1;\n  null.crash;\n}\nboom();';
    const plain = await run(code);
    const profiled = await run(code, { memory: { lines: true, timeline: true } });
    expect(profiled.error?.location).toEqual(plain.error?.location);
    expect(profiled.error?.location?.line).toBe(4);
  });

  it('counts occurrences per line, leaves unrun lines blank, measures a one-line loop once', async () => {
    const code = `// @profile
function work(n) {
  let s = 0;
  for (let i = 0; i < n; i++) {
    s += i;
  }
  for (let i = 0; i < n; i++) s += i;
  if (s < 0) {
    s = -s;
  }
  return s;
}
work(10);
work(20);`;
    const r = await run(code, { memory: { lines: true } });
    const [t] = memoryOf(r).lines!;
    const occ = Object.fromEntries(t.rows.map((row) => [row.line, row.occurrences]));
    expect(t.calls).toBe(2);
    expect(occ).toMatchObject({ 2: 2, 3: 2, 4: 2, 5: 30, 6: 0, 7: 2, 8: 2, 9: 0, 11: 2 });
    const blank = t.rows.find((row) => row.line === 9)!;
    expect(blank.memBytes).toBeNull();
    expect(blank.incrementBytes).toBeNull();
  });
});
