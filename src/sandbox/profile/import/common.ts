/**
 * What every importer shares: a frame table that gives one index per function
 * identity, the metadata of an imported profile, and the size limits.
 */
import type { CallNode, Frame, Profile, ProfileMeta, ProfilerKind } from '../../types';
import { ImportError } from './errors';
import { parentsFirst } from '../model';

/** Larger files are refused with a message rather than exhausting the tab's memory. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;
/** Call-tree nodes an import may build (a tree view beyond this is unreadable anyway). */
export const MAX_IMPORT_NODES = 2_000_000;

export class FrameTable {
  readonly frames: Frame[] = [];
  private readonly index = new Map<string, number>();

  /** The index of this function identity, added on first sight. */
  get(frame: Frame): number {
    const key = `${frame.builtin ? 1 : 0}\u0000${frame.file}\u0000${frame.line}\u0000${frame.column}\u0000${frame.name}`;
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.frames.push(frame) - 1;
      this.index.set(key, i);
    }
    return i;
  }
}

export function checkSize(byteLength: number): void {
  if (byteLength > MAX_IMPORT_BYTES) {
    throw new ImportError(`too large: ${(byteLength / 1048576).toFixed(0)} MB, the viewer reads files up to ${MAX_IMPORT_BYTES / 1048576} MB`);
  }
}

export function newNode(frame: number): CallNode {
  return { frame, calls: 0, selfMs: 0, totalMs: 0, children: [] };
}

/**
 * Finds or adds the child of a node for a frame, in constant time (a wide tree
 * from a 50 MB file would make a linear search of the children quadratic).
 */
export class TreeBuilder {
  private readonly index = new Map<CallNode, Map<number, CallNode>>();
  private count = 1;

  child(parent: CallNode, frame: number): CallNode {
    let byFrame = this.index.get(parent);
    if (!byFrame) this.index.set(parent, (byFrame = new Map()));
    let child = byFrame.get(frame);
    if (!child) {
      if (++this.count > MAX_IMPORT_NODES) throw new ImportError(`too large: more than ${MAX_IMPORT_NODES} call paths`);
      child = newNode(frame);
      byFrame.set(frame, child);
      parent.children.push(child);
    }
    return child;
  }
}

export interface ImportedMetaInput {
  source: string;
  filename: string;
  kind: ProfilerKind;
  wallMs: number;
  note?: string;
  intervalMs?: number;
  sampleCount?: number;
}

/** Metadata for a profile read from a file: no simulated time, no overhead correction. */
export function importedMeta(input: ImportedMetaInput): ProfileMeta {
  return {
    kind: input.kind,
    filename: input.filename,
    wallMs: input.wallMs,
    cpuMs: input.wallMs,
    simulatedMs: 0,
    resolutionMs: 0,
    overheadPerEventNs: 0,
    overheadCorrected: false,
    partial: false,
    source: input.source,
    ...(input.note ? { note: input.note } : {}),
    ...(input.intervalMs !== undefined ? { intervalMs: input.intervalMs } : {}),
    ...(input.sampleCount !== undefined ? { sampleCount: input.sampleCount } : {}),
  };
}

/** Sets every node's totalMs to its self time plus its children's totals (iteratively: trees can be deep). */
export function sumTotals(root: CallNode): void {
  const order = parentsFirst(root);
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    node.totalMs = node.selfMs + node.children.reduce((sum, c) => sum + c.totalMs, 0);
  }
}

export type { Profile };
