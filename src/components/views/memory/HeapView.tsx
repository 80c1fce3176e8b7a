/**
 * The `heap` view: what the heap is made of (tracemalloc and memray in spirit).
 * For a pair of snapshots (before/after the cell, or a heapRegion()'s ends),
 * each category's count and bytes on both sides and the difference, biggest
 * change first, with the one-line summary on top.
 */
import { useId, useState } from 'react';
import type { ViewProps } from '../types';
import type { HeapDiff, HeapSnapshot, MemoryReport } from '../../../sandbox/memory/types';
import { memoryReport } from './model';
import { OutOfMemoryNote } from './notes';
import { formatBytes, formatBytesDelta, formatCount, formatCountDelta } from './text';
import './memory-views.css';

function DiffTable({ diff, from, to }: { diff: HeapDiff; from?: HeapSnapshot; to?: HeapSnapshot }) {
  const keys = to?.categories.map((c) => c.key) ?? diff.categories.map((c) => c.key);
  const changed = new Map(diff.categories.map((c) => [c.key, c]));
  // Changed categories first (biggest change first), then the unchanged ones.
  const order = [...diff.categories.map((c) => c.key), ...keys.filter((k) => !changed.has(k))];
  const cat = (shot: HeapSnapshot | undefined, key: string) => shot?.categories.find((c) => c.key === key);
  return (
    <div className="wb-mem-scroll" tabIndex={0} role="region" aria-label={`Heap from ${diff.from} to ${diff.to}`}>
      <table className="wb-mem-heap">
        <caption>
          {diff.from} → {diff.to}
        </caption>
        <thead>
          <tr>
            <th scope="col">kind</th>
            <th scope="col">count</th>
            <th scope="col">change</th>
            <th scope="col">bytes</th>
            <th scope="col">change</th>
          </tr>
        </thead>
        <tbody>
          {order.map((key) => {
            const after = cat(to, key);
            const d = changed.get(key);
            const label = after?.label ?? d?.label ?? key;
            return (
              <tr key={key} data-kind={key} data-changed={d ? '' : undefined}>
                <th scope="row">{label}</th>
                <td className="wb-mem-num">{key === 'other' ? '' : after?.estimated ? '—' : formatCount(after?.count ?? 0)}</td>
                <td className="wb-mem-num" data-sign={d && d.count !== 0 ? (d.count > 0 ? 'up' : 'down') : undefined}>
                  {d && key !== 'other' && d.count !== 0 ? formatCountDelta(d.count) : ''}
                </td>
                <td className="wb-mem-num">{after?.bytes === null || after === undefined ? '—' : formatBytes(after.bytes)}</td>
                <td className="wb-mem-num" data-sign={d?.bytes ? (d.bytes > 0 ? 'up' : 'down') : undefined}>
                  {d?.bytes ? formatBytesDelta(d.bytes) : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">live heap</th>
            <td />
            <td />
            <td className="wb-mem-num">{to ? formatBytes(to.heapBytes) : ''}</td>
            <td className="wb-mem-num" data-sign={diff.heapBytes > 0 ? 'up' : diff.heapBytes < 0 ? 'down' : undefined}>
              {formatBytesDelta(diff.heapBytes)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

export function HeapView({ result }: ViewProps) {
  const report = memoryReport(result) as MemoryReport;
  const heap = report.heap!;
  const [index, setIndex] = useState(0);
  const pickId = useId();
  const diff = heap.diffs[Math.min(index, heap.diffs.length - 1)];
  const shot = (label: string) => heap.snapshots.find((s) => s.label === label);
  return (
    <div className="wb-mem">
      <OutOfMemoryNote report={report} />
      {heap.diffs.length > 1 && (
        <div className="wb-mem-controls">
          <label htmlFor={pickId}>Compare</label>{' '}
          <select id={pickId} value={index} onChange={(e) => setIndex(Number(e.currentTarget.value))}>
            {heap.diffs.map((d, i) => (
              <option key={i} value={i}>
                {d.from} → {d.to}
              </option>
            ))}
          </select>
        </div>
      )}
      {diff ? (
        <>
          <p className="wb-mem-summary" data-fact="heap-summary">
            {diff.summary}
          </p>
          <DiffTable diff={diff} from={shot(diff.from)} to={shot(diff.to)} />
        </>
      ) : (
        <p className="wb-view-empty">
          One snapshot ({heap.snapshots[0]?.label}): call <code>heapSnapshot(label)</code> again, or wrap code in{' '}
          <code>heapRegion(label, fn)</code>, to see what changed.
        </p>
      )}
      <p className="wb-mem-note" data-fact="heap-peak">
        Between the snapshots the live heap peaked at {formatBytes(report.peak.heapBytes)} (the high-water mark of the
        samples taken while the code ran).
      </p>
      <p className="wb-mem-note">
        Counts and sizes are QuickJS&rsquo;s own (<code>JS_ComputeMemoryUsage</code>). An array element takes 8 bytes;
        &ldquo;shapes&rdquo; are the hidden layouts objects share; &ldquo;atoms&rdquo; are interned property names and
        symbols. QuickJS lists no bytes for ArrayBuffer and typed-array stores: their row is what the total grew by
        beyond the listed kinds since the run started (so it has no count); &ldquo;other&rdquo; is the rest, the
        engine&rsquo;s own tables.
      </p>
    </div>
  );
}
