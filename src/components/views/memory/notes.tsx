/** Explanations the memory views share: which figure they show, and the out-of-memory report. */
import type { MemoryReport } from '../../../sandbox/memory/types';
import { formatBytes } from './text';

/** Live heap versus wasm memory, said once under each view. */
export function FigureNote({ report }: { report: MemoryReport }) {
  return (
    <p className="wb-mem-note">
      <strong>Mem usage</strong> is QuickJS&rsquo;s live heap: the bytes the program&rsquo;s objects, arrays, strings and
      functions hold ({formatBytes(report.baseline.heapBytes)} before the code ran, {formatBytes(report.peak.heapBytes)} at
      the peak). The sandbox&rsquo;s <strong>wasm memory</strong> around it was {formatBytes(Math.max(report.peak.wasmBytes, report.baseline.wasmBytes))}
      : like a process&rsquo;s RSS, it also holds the allocator&rsquo;s free space, and it never shrinks. 1 MB = 1,048,576 bytes.
    </p>
  );
}

export function OutOfMemoryNote({ report }: { report: MemoryReport }) {
  if (!report.oom) return null;
  return (
    <p className="wb-mem-oom" role="alert">
      {report.oom.message}
    </p>
  );
}
