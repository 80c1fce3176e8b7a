import { describe, expect, it } from 'vitest';
import { clockTimeGet, findClockImport, replaceClockImport } from '../../../src/sandbox/engine/wasm-clock';
import { getModule } from '../../../src/sandbox/engine/module';
import { DEFAULT_LIMITS } from '../../../src/sandbox/types';
import { out, run } from './run-helpers';

const readNs = (memory: WebAssembly.Memory, at: number) => Number(new BigUint64Array(memory.buffer, at, 1)[0]);

describe("the engine's clock import", () => {
  it('writes the monotonic clock in nanoseconds, as the glue does, for clock ids 1 to 3', () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 4 });
    const clock = clockTimeGet(memory);
    for (const id of [1, 2, 3]) {
      const before = performance.now();
      expect(clock(id, 1000n, 64)).toBe(0);
      const after = performance.now();
      const ms = readNs(memory, 64) / 1e6;
      // Rounded to whole nanoseconds: within a nanosecond of the readings around it.
      expect(ms).toBeGreaterThanOrEqual(before - 1e-6);
      expect(ms).toBeLessThanOrEqual(after + 1e-6);
    }
  });

  it('writes the realtime clock for id 0, whose nanoseconds need both words', () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 4 });
    const before = Date.now();
    expect(clockTimeGet(memory)(0, 1000n, 8)).toBe(0);
    const after = Date.now();
    const ms = readNs(memory, 8) / 1e6;
    expect(ms).toBeGreaterThanOrEqual(before - 1e-3);
    expect(ms).toBeLessThanOrEqual(after + 1e-3);
    expect(ms).toBeGreaterThan(2 ** 32 / 1e6); // the high word is in use
  });

  it('answers EINVAL for a clock it does not know, and writes nothing', () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 4 });
    expect(clockTimeGet(memory)(4, 0n, 16)).toBe(28);
    expect(clockTimeGet(memory)(-1, 0n, 16)).toBe(28);
    expect(readNs(memory, 16)).toBe(0);
  });

  it('keeps writing into the memory after it grows (the old buffer is detached)', () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 4 });
    const clock = clockTimeGet(memory);
    clock(1, 0n, 0);
    memory.grow(2);
    const at = 2 * 65536 + 8; // only in the grown memory
    expect(clock(1, 0n, at)).toBe(0);
    expect(readNs(memory, at) / 1e6).toBeGreaterThan(0);
  });

  it("recognises the glue's import by what it does, and only when exactly one import matches", () => {
    const glueLike = function (a: number, _d: bigint, b: number) {
      if (!(0 <= a && 3 >= a)) return 28;
      const heap = new BigInt64Array(8);
      heap[b >> 3] = BigInt(Math.round(1e6 * (0 === a ? Date.now() : performance.now())));
      return 0;
    };
    const other = (a: number, b: number, c: number) => a + b + c;
    expect(findClockImport({ a: { x: other, q: glueLike, y: 1 } })).toEqual({ module: 'a', name: 'q' });
    expect(findClockImport({ a: { x: other } })).toBeUndefined();
    expect(findClockImport({ a: { q: glueLike, r: glueLike } })).toBeUndefined();
    const imports = { a: { q: glueLike as unknown } };
    expect(replaceClockImport(imports, new WebAssembly.Memory({ initial: 1 }))).toBe(true);
    expect(imports.a.q).not.toBe(glueLike);
  });

  it("is the engine's clock: the installed glue's import was found and replaced", async () => {
    const loaded = await getModule(DEFAULT_LIMITS.memoryBytes);
    expect(loaded.clockImportReplaced).toBe(true);
  });

  it('gives the sandbox a clock that agrees with the host: Date, and real time that moves', async () => {
    const before = Date.now();
    const r = await run(
      'const a = Date.now(); let s = 0; for (let i = 0; i < 2e5; i++) s += i;\n' +
        'console.log(a); console.log(performance.now() > 0, new Date(a).getTime() === a);',
    );
    const after = Date.now();
    const [stamp, checks] = out(r);
    // Date.now in the sandbox is the run's epoch plus the instrumented clock: inside the host's readings.
    expect(Number(stamp)).toBeGreaterThanOrEqual(before);
    expect(Number(stamp)).toBeLessThanOrEqual(after);
    expect(checks).toBe('true true');
    expect(r.timing.wallMs).toBeGreaterThan(0);
  });
});
