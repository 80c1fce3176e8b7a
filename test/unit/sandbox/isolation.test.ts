import { describe, expect, it } from 'vitest';
import { out, run } from './run-helpers';

describe('what cell code can see', () => {
  it('has no host page, network, storage or host functions', async () => {
    const r = await run(`console.log([typeof window, typeof document, typeof fetch, typeof localStorage, typeof XMLHttpRequest, typeof process, typeof require, typeof __wb_host_out].join(','))`);
    expect(out(r)).toEqual(['undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined']);
  });

  it('gets a fresh global every run', async () => {
    await run('globalThis.leftover = 1; var alsoLeft = 2;');
    const r = await run('console.log(typeof leftover, typeof alsoLeft)');
    expect(out(r)).toEqual(['undefined undefined']);
  });

  it('Function-constructor tricks reach only the sandbox global', async () => {
    const r = await run(`const g = (0, Function)('return this')(); console.log(g === globalThis, typeof g.document, typeof g.process);`);
    expect(out(r)).toEqual(['true undefined undefined']);
  });
});
