/**
 * Heap composition from QuickJS's JS_ComputeMemoryUsage fields, and the
 * difference between two moments, tracemalloc-style ("size=X (+Y)").
 *
 * QuickJS (quickjs-ng, wasm32) stores a JSValue in 8 bytes (NaN boxing), so a
 * fast array's elements take 8 bytes each; QuickJS reports their count only.
 */
import type { HeapCategory, HeapCategoryKey, HeapDiff, HeapSnapshot } from './types';
import { formatBytesDelta, formatCountDelta } from './format';

/** sizeof(JSValue) in the wasm32 build (NaN boxing): measured, 1e6 elements = 8,000,000 bytes. */
export const BYTES_PER_ARRAY_ELEMENT = 8;

const LABELS: Record<HeapCategoryKey, string> = {
  objects: 'objects',
  properties: 'properties',
  shapes: 'shapes',
  arrays: 'arrays',
  'array-elements': 'array elements',
  strings: 'strings',
  atoms: 'atoms (names)',
  functions: 'functions (bytecode)',
  'native-functions': 'native functions',
  binary: 'ArrayBuffers / typed arrays',
  other: 'other (engine, allocator)',
};

const n = (raw: Record<string, number>, key: string): number => (Number.isFinite(raw[key]) ? raw[key] : 0);

/** What QuickJS's total holds beyond its listed kinds. */
export function unlistedBytes(raw: Record<string, number>): number {
  return Math.max(0, n(raw, 'memory_used_size') - listedBytes(raw));
}

function listedBytes(raw: Record<string, number>): number {
  const funcBytes = n(raw, 'js_func_size') + n(raw, 'js_func_code_size') + n(raw, 'js_func_pc2line_size');
  const keys = ['obj_size', 'prop_size', 'shape_size', 'str_size', 'atom_size', 'binary_object_size'];
  return keys.reduce((sum, k) => sum + n(raw, k), funcBytes + n(raw, 'fast_array_elements') * BYTES_PER_ARRAY_ELEMENT);
}

/**
 * The heap in categories a learner recognises; "other" makes the bytes add up to the total.
 *
 * quickjs-ng reports no bytes (and no count) for ArrayBuffer and typed-array stores: they
 * are only in its total, beyond the listed kinds. `engineBytes` is that unlisted part
 * before the learner's code ran (the engine's own tables); what the unlisted part grew
 * by since is filed as ArrayBuffers / typed arrays, marked as estimated: any other store
 * the engine does not list would land there too (measured: Map and Set entries do not,
 * they count as objects and properties).
 */
export function categorize(raw: Record<string, number>, engineBytes?: number): HeapCategory[] {
  const total = n(raw, 'memory_used_size');
  const elementsBytes = n(raw, 'fast_array_elements') * BYTES_PER_ARRAY_ELEMENT;
  const funcBytes = n(raw, 'js_func_size') + n(raw, 'js_func_code_size') + n(raw, 'js_func_pc2line_size');
  const cats: HeapCategory[] = [
    { key: 'objects', label: LABELS.objects, count: n(raw, 'obj_count'), bytes: n(raw, 'obj_size') },
    { key: 'properties', label: LABELS.properties, count: n(raw, 'prop_count'), bytes: n(raw, 'prop_size') },
    { key: 'shapes', label: LABELS.shapes, count: n(raw, 'shape_count'), bytes: n(raw, 'shape_size') },
    { key: 'arrays', label: LABELS.arrays, count: n(raw, 'array_count'), bytes: null },
    { key: 'array-elements', label: LABELS['array-elements'], count: n(raw, 'fast_array_elements'), bytes: elementsBytes },
    { key: 'strings', label: LABELS.strings, count: n(raw, 'str_count'), bytes: n(raw, 'str_size') },
    { key: 'atoms', label: LABELS.atoms, count: n(raw, 'atom_count'), bytes: n(raw, 'atom_size') },
    { key: 'functions', label: LABELS.functions, count: n(raw, 'js_func_count'), bytes: funcBytes },
    { key: 'native-functions', label: LABELS['native-functions'], count: n(raw, 'c_func_count'), bytes: null },
    { key: 'binary', label: LABELS.binary, count: n(raw, 'binary_object_count'), bytes: n(raw, 'binary_object_size') },
  ];
  const unlisted = unlistedBytes(raw);
  const reportedBinary = n(raw, 'binary_object_size');
  if (engineBytes !== undefined && reportedBinary === 0) {
    const binary = cats.find((c) => c.key === 'binary')!;
    binary.bytes = Math.max(0, unlisted - engineBytes);
    binary.estimated = true;
  }
  const known = cats.reduce((sum, c) => sum + (c.bytes ?? 0), 0);
  // Whatever QuickJS counts in its total but in no category: the context's own tables
  // and allocator overhead (and, without an engine baseline, ArrayBuffer stores).
  cats.push({ key: 'other', label: LABELS.other, count: 0, bytes: Math.max(0, total - known) });
  return cats;
}

export function makeSnapshot(label: string, at: number, raw: Record<string, number>, wasmBytes: number, engineBytes?: number): HeapSnapshot {
  return { label, at, heapBytes: n(raw, 'memory_used_size'), wasmBytes, categories: categorize(raw, engineBytes), raw: { ...raw } };
}

/** Changes between two snapshots, biggest first, and the one-line summary. */
export function diffSnapshots(from: HeapSnapshot, to: HeapSnapshot): HeapDiff {
  const before = new Map(from.categories.map((c) => [c.key, c]));
  const categories = to.categories
    .map((c) => {
      const b = before.get(c.key);
      const bytes = c.bytes === null || !b || b.bytes === null ? null : c.bytes - b.bytes;
      return { key: c.key, label: c.label, count: c.count - (b?.count ?? 0), bytes };
    })
    .filter((d) => d.count !== 0 || (d.bytes ?? 0) !== 0);
  categories.sort((a, b) => Math.abs(b.bytes ?? 0) - Math.abs(a.bytes ?? 0) || Math.abs(b.count) - Math.abs(a.count));
  const heapBytes = to.heapBytes - from.heapBytes;
  return { from: from.label, to: to.label, heapBytes, categories, summary: summarize(categories, heapBytes) };
}

/** "+1,000,000 array elements, +1 arrays, … : +7.6 MB". */
function summarize(categories: HeapDiff['categories'], heapBytes: number): string {
  const counted = categories.filter((c) => c.key !== 'other' && c.key !== 'shapes' && c.key !== 'properties' && c.key !== 'atoms' && c.count !== 0);
  const words = counted.slice(0, 3).map((c) => `${formatCountDelta(c.count)} ${c.label}`);
  return words.length ? `${words.join(', ')}, ${formatBytesDelta(heapBytes)}` : formatBytesDelta(heapBytes);
}
