/**
 * A seeded Math.random at the engine's native cost: QuickJS's own Math.random,
 * with its generator state set by the host.
 *
 * quickjs-ng's Math.random is xorshift64* over one 64-bit word in the JSContext
 * (`random_state`), seeded from the clock. A random generator written in
 * JavaScript costs 2.5-4.5x the native call in this interpreter (a call into a
 * closure that reads and writes captured variables), which made Math.random the
 * hottest function of programs that merely use it. So the host finds that word
 * in the wasm memory (once per module: the word whose xorshift64* step predicts
 * the next Math.random()), writes the seeded state there, and checks the result.
 * Any mismatch (another engine build) returns undefined and the core prelude
 * falls back to its JavaScript generator: never a wrong seed, only a slower one.
 */
import type { QuickJSContext } from 'quickjs-emscripten-core';

const MASK = (1n << 64n) - 1n;
/** How far into the JSContext struct to look for the state word. */
const SEARCH_BYTES = 4096;

export interface NativeRandom {
  /** Sets the generator's state from a 32-bit seed (setRandomSeed). */
  reseed(seed: number): void;
}

/** Where in a JSContext the state lives, per wasm memory (one per loaded module). */
const offsets = new WeakMap<WebAssembly.Memory, number | null>();

function xorshift64(x: bigint): bigint {
  x ^= x >> 12n;
  x = (x ^ (x << 25n)) & MASK;
  return x ^ (x >> 27n);
}

/** The double Math.random returns for a generator whose state after the step is `x`. */
function toDouble(x: bigint): number {
  const v = (x * 0x2545f4914f6cdd1dn) & MASK;
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, (0x3ffn << 52n) | (v >> 12n), true);
  return view.getFloat64(0, true) - 1;
}

/** splitmix64: spreads small seeds (1, 2, 3 ...) over the whole state; never 0 for 32-bit input. */
function stateFromSeed(seed: number): bigint {
  let z = (BigInt(seed >>> 0) + 0x9e3779b97f4a7c15n) & MASK;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
  z ^= z >> 31n;
  return z === 0n ? 1n : z;
}

/** The JSContext* behind a QuickJSContext (a protected field of quickjs-emscripten). */
function contextPointer(ctx: QuickJSContext): number | undefined {
  const value = (ctx as unknown as { ctx?: { value?: unknown } }).ctx?.value;
  return typeof value === 'number' && value > 0 ? value : undefined;
}

/** Calls the VM's own Math.random (before any learner code has run). */
function vmRandom(ctx: QuickJSContext): number | undefined {
  const result = ctx.evalCode('Math.random()', 'wb:random');
  if (result.error) {
    result.error.dispose();
    return undefined;
  }
  const value = ctx.dump(result.value);
  result.value.dispose();
  return typeof value === 'number' ? value : undefined;
}

function findOffset(ctx: QuickJSContext, memory: WebAssembly.Memory, base: number): number | null {
  const limit = Math.min(SEARCH_BYTES, memory.buffer.byteLength - base - 8);
  const view = new DataView(memory.buffer);
  const words: [number, bigint][] = [];
  for (let off = 0; off <= limit; off += 8) words.push([off, view.getBigUint64(base + off, true)]);
  const next = vmRandom(ctx);
  if (next === undefined) return null;
  const hits = words.filter(([, w]) => w !== 0n && toDouble(xorshift64(w)) === next);
  return hits.length === 1 ? hits[0][0] : null;
}

/**
 * Seeds the context's native Math.random with `seed` and returns a handle to
 * reseed it, or undefined when the state cannot be found and checked.
 * Call it on a fresh context, before any learner code.
 */
export function seedNativeRandom(ctx: QuickJSContext, memory: WebAssembly.Memory, seed: number): NativeRandom | undefined {
  const base = contextPointer(ctx);
  if (base === undefined || base % 8 !== 0) return undefined;
  if (!offsets.has(memory)) offsets.set(memory, findOffset(ctx, memory, base));
  const offset = offsets.get(memory);
  if (offset === null || offset === undefined) return undefined;
  const write = (state: bigint) => new DataView(memory.buffer).setBigUint64(base + offset, state, true);
  // Check on this very context: a known state must give the predicted number.
  const probe = stateFromSeed(0x5eed);
  write(probe);
  if (vmRandom(ctx) !== toDouble(xorshift64(probe))) {
    offsets.set(memory, null);
    return undefined;
  }
  const reseed = (n: number) => write(stateFromSeed(Number.isFinite(n) ? n : 0));
  reseed(seed);
  return { reseed };
}
