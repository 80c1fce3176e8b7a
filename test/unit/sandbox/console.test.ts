import { describe, expect, it } from 'vitest';
import { out, run } from './run-helpers';

describe('console formatting (like a browser console)', () => {
  it('prints primitives the way a console does', async () => {
    const r = await run(`console.log('text', 1, -0, 10n, true, null, undefined, Symbol('s'), NaN)`);
    expect(out(r)).toEqual(["text 1 -0 10n true null undefined Symbol(s) NaN"]);
  });

  it('prints objects, arrays, Maps, Sets and class instances', async () => {
    const r = await run(`
      class Point { constructor() { this.x = 1; this.y = 2; } }
      console.log({ a: 1, b: 'two', c: [1, 2, 3] });
      console.log(new Map([['k', 1]]), new Set([1, 2]));
      console.log(new Point(), [1, , 3], new Float64Array([1.5, 2]));
      console.log(Object.create(null), function named() {}, class Klass {}, async () => {});`);
    expect(out(r)).toEqual([
      "{ a: 1, b: 'two', c: [ 1, 2, 3 ] }",
      "Map(1) { 'k' => 1 } Set(2) { 1, 2 }",
      'Point { x: 1, y: 2 } [ 1, <1 empty item>, 3 ] Float64Array(2) [ 1.5, 2 ]',
      '[Object: null prototype] {} [Function: named] [class Klass] [AsyncFunction (anonymous)]',
    ]);
  });

  it('is cycle-safe and depth-limited', async () => {
    const r = await run(`const o = { name: 'o' }; o.self = o; console.log(o); console.log({ a: { b: { c: { d: 1 } } } });`);
    expect(out(r)).toEqual(["{ name: 'o', self: [Circular] }", '{ a: { b: { c: [Object] } } }']);
  });

  it('never runs getters while printing and survives throwing proxies', async () => {
    const r = await run(`
      let ran = false;
      const o = { get g() { ran = true; return 1; } };
      console.log(o);
      const p = new Proxy({}, { ownKeys() { throw new Error('nope'); } });
      console.log(p);
      console.log(ran);`);
    expect(r.status).toBe('ok');
    expect(out(r)[0]).toBe('{ g: [Getter] }');
    expect(out(r)[1]).toContain('nope');
    expect(out(r)[2]).toBe('false');
  });

  it('keeps levels and supports format specifiers and console.table', async () => {
    const r = await run(`console.warn('w'); console.error('e %d items', 3); console.info('%s!', 'hi'); console.table([{ a: 1 }, { a: 2 }]);`);
    expect(r.console.map((e) => e.level)).toEqual(['warn', 'error', 'info', 'table']);
    expect(out(r).slice(0, 3)).toEqual(['w', 'e 3 items', 'hi!']);
    expect(out(r)[3]).toContain('│ (index) │ a │');
  });

  it('breaks long values over several lines', async () => {
    const r = await run(`console.log({ alpha: 'aaaaaaaaaaaa', beta: 'bbbbbbbbbbbb', gamma: 'cccccccccccc', delta: 'dddddddddddd' })`);
    expect(out(r)[0].split('\n').length).toBe(6);
  });

  it('caps output and ends the run, saying which limit', async () => {
    const r = await run(`for (let i = 0; ; i++) console.log(i)`, { limits: { maxOutputLines: 50 } });
    expect(r.status).toBe('output-limit');
    expect(r.outputTruncated).toBe(true);
    expect(r.console.filter((e) => e.level === 'log')).toHaveLength(50);
    expect(r.console.at(-1)?.text).toContain('output truncated');
    expect(r.limitHit?.limit).toBe('maxOutputLines');
  });
});
