/**
 * The engine's clock import, without a BigInt per read.
 *
 * quickjs-ng reads every clock (performance.now, Date.now, the interrupt's
 * deadline checks) through WASI's `clock_time_get`, which emscripten's glue
 * implements as `HEAP64[out >> 3] = BigInt(Math.round(1e6 * performance.now()))`:
 * a BigInt allocated on every read. The profilers read the clock twice per call
 * of the learner's code, so that allocation is paid millions of times in a
 * profiled run. This import writes the same 64-bit nanosecond count as two
 * 32-bit words instead, and answers every clock id as the glue does (0, the
 * realtime clock, from Date.now; 1-3 from performance.now; others EINVAL).
 *
 * The glue's imports are minified, so the original is recognised by what it
 * does, not by its name (findClockImport); when no import matches (another
 * version of the glue), the engine keeps the glue's own and says so in
 * `clockImportReplaced`.
 */

/** WASI's EINVAL, which the glue returns for a clock id it does not know. */
const EINVAL = 28;
const TWO_TO_32 = 4294967296;

/** clock_time_get(id, precision, out): writes the time in ns at `out` in the wasm memory. */
export function clockTimeGet(memory: WebAssembly.Memory): (clockId: number, precision: bigint, out: number) => number {
  let words = new Uint32Array(memory.buffer);
  return function clock_time_get(clockId, _precision, out) {
    if (!(clockId >= 0 && clockId <= 3)) return EINVAL;
    const ns = Math.round(1e6 * (clockId === 0 ? Date.now() : performance.now()));
    // A grown memory detaches the old buffer, and a view of it has length 0.
    if (words.length === 0) words = new Uint32Array(memory.buffer);
    const index = out >>> 2;
    words[index] = ns >>> 0; // ToUint32 takes ns modulo 2^32: the low word
    words[index + 1] = Math.floor(ns / TWO_TO_32);
    return 0;
  };
}

type Imports = Record<string, Record<string, unknown>>;

/**
 * The glue's clock_time_get among its imports: the one function of three parameters
 * that writes a BigInt of performance.now() (its names are minified).
 */
export function findClockImport(imports: Imports): { module: string; name: string } | undefined {
  const found: Array<{ module: string; name: string }> = [];
  for (const [module, entries] of Object.entries(imports)) {
    for (const [name, value] of Object.entries(entries ?? {})) {
      if (typeof value !== 'function' || value.length !== 3) continue;
      const text = Function.prototype.toString.call(value);
      if (text.includes('performance.now()') && text.includes('Date.now()') && text.includes('BigInt(')) found.push({ module, name });
    }
  }
  return found.length === 1 ? found[0] : undefined;
}

/** Replaces the glue's clock import in place; false when it was not found (the glue's stays). */
export function replaceClockImport(imports: Imports, memory: WebAssembly.Memory): boolean {
  const at = findClockImport(imports);
  if (!at) return false;
  imports[at.module][at.name] = clockTimeGet(memory);
  return true;
}
