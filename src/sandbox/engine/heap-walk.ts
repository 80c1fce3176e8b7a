/**
 * Reading the live heap (QuickJS's JS_ComputeMemoryUsage) with room kept aside
 * for the reading itself.
 *
 * quickjs-emscripten hands the walk's figures back as a JavaScript object built
 * in the runtime being measured. Right after an allocation failed (a learner's
 * `catch` around the allocation that ran out) the wasm memory can be too full for
 * that object, and the walk answered with an object missing its figures:
 * `memoryUsage().heapBytes` was NaN in 8 of 12 runs of the memory chapter's
 * `block-sizes` cell on a quiet machine. So each session keeps a small block of the
 * module's memory aside, gives it back just before a walk, and takes it again
 * after. The block is raw malloc, outside QuickJS's accounting, so the figure
 * does not count it.
 */
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from 'quickjs-emscripten-core';
import type { LoadedModule } from './module';

/** Room for the walk's result object, its shape and its property names, many times over. */
export const WALK_RESERVE_BYTES = 64 * 1024;

/** The emscripten module inside a QuickJSWASMModule (a protected field of quickjs-emscripten). */
interface EmscriptenAllocator {
  _malloc(bytes: number): number;
  _free(pointer: number): void;
}

function allocatorOf(loaded: LoadedModule): EmscriptenAllocator | undefined {
  const module = (loaded.module as unknown as { module?: Partial<EmscriptenAllocator> }).module;
  return typeof module?._malloc === 'function' && typeof module._free === 'function' ? (module as EmscriptenAllocator) : undefined;
}

export interface HeapWalker {
  /** The live heap in bytes (memory_used_size); throws when it could not be read. */
  bytes(): number;
  /** Every figure of the walk, by QuickJS's names. */
  details(): Record<string, number>;
  /** Gives the reserve back for good (end of the session). */
  release(): void;
}

export function heapWalker(loaded: LoadedModule, runtime: QuickJSRuntime, ctx: QuickJSContext): HeapWalker {
  const allocator = allocatorOf(loaded);
  let reserve = allocator ? allocator._malloc(WALK_RESERVE_BYTES) : 0;

  /** Runs one walk with the reserve given back, then takes the reserve again (if there is room). */
  const withRoom = <T>(read: () => T): T => {
    if (allocator && reserve) {
      allocator._free(reserve);
      reserve = 0;
    }
    try {
      return read();
    } finally {
      if (allocator && !reserve) reserve = allocator._malloc(WALK_RESERVE_BYTES);
    }
  };

  /**
   * One walk, its result read by `read` (one figure, or all of them); a read that finds no figure is an
   * error, never a number shown to the learner.
   */
  const walk = <T>(read: (handle: QuickJSHandle) => T | undefined): T =>
    withRoom(() => {
      const handle = runtime.computeMemoryUsage();
      try {
        const figures = read(handle);
        if (figures === undefined) throw new Error('the heap walk returned no figures (out of memory)');
        return figures;
      } finally {
        handle.dispose();
      }
    });

  return {
    bytes: () =>
      walk((handle) => {
        // One property, not the whole dump: the memory recorder reads this on every sample.
        const used = ctx.getProp(handle, 'memory_used_size');
        const bytes = ctx.typeof(used) === 'number' ? ctx.getNumber(used) : Number.NaN;
        used.dispose();
        return Number.isFinite(bytes) ? bytes : undefined;
      }),
    details: () =>
      walk((handle) => {
        const figures = ctx.dump(handle) as Record<string, number> | undefined;
        return figures && Number.isFinite(figures.memory_used_size) ? figures : undefined;
      }),
    release: () => {
      try {
        if (allocator && reserve) allocator._free(reserve);
      } catch {
        /* a module that aborted has nothing left to free, and is never used again */
      }
      reserve = 0;
    },
  };
}
