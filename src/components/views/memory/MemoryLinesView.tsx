/**
 * The `memory-lines` view: memory_profiler's table for each profiled function
 * (Line #, Mem usage, Increment, Occurrences, Line Contents; unrun lines blank),
 * with the figure it shows explained: QuickJS's live heap, and the wasm memory
 * beside it.
 */
import type { ViewProps } from '../types';
import type { MemoryLineTable, MemoryReport } from '../../../sandbox/memory/types';
import { memoryReport } from './model';
import { byteScale, formatBytes, formatInByteScale } from './text';
import { FigureNote, OutOfMemoryNote } from './notes';
import './memory-views.css';

function LineTable({ table }: { table: MemoryLineTable }) {
  const growth = Math.max(1, ...table.rows.map((r) => Math.abs(r.incrementBytes ?? 0)));
  // One unit for the table, from its largest figure (the chapter's binary MB, which memory_profiler calls MiB).
  const largest = Math.max(0, ...table.rows.flatMap((r) => [r.memBytes ?? 0, r.peakBytes ?? 0, Math.abs(r.incrementBytes ?? 0)]));
  const scale = byteScale(largest);
  const bytes = (n: number) => formatInByteScale(n, scale);
  return (
    <div className="wb-mem-scroll" tabIndex={0} role="region" aria-label={`Memory by line of ${table.name}`}>
      <table className="wb-mem-lines">
        <caption>
          <code>{table.name}</code> in {table.file}, called {table.calls} {table.calls === 1 ? 'time' : 'times'}; sizes in {scale.unit}
        </caption>
        <thead>
          <tr>
            <th scope="col">Line #</th>
            <th scope="col">Mem usage</th>
            <th scope="col" title="Highest live heap while the line ran, sampled inside it">
              Peak
            </th>
            <th scope="col">Increment</th>
            <th scope="col">Occurrences</th>
            <th scope="col" className="wb-mem-code-col">
              Line Contents
            </th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => {
            const ran = row.memBytes !== null && row.incrementBytes !== null;
            const inc = row.incrementBytes ?? 0;
            const share = Math.min(100, (Math.abs(inc) / growth) * 100);
            return (
              <tr key={row.line} data-line={row.line} data-ran={ran ? '' : undefined}>
                <th scope="row" className="wb-mem-num">
                  {row.line}
                </th>
                <td className="wb-mem-num">{ran ? bytes(row.memBytes!) : ''}</td>
                <td className="wb-mem-num" data-col="peak" data-inline-peak={ran && row.peakBytes! > row.memBytes! ? '' : undefined}>
                  {ran && row.peakBytes !== null ? bytes(row.peakBytes) : ''}
                </td>
                <td
                  className="wb-mem-num wb-mem-inc"
                  data-sign={inc > 0 ? 'up' : inc < 0 ? 'down' : undefined}
                  style={ran && inc !== 0 ? { ['--wb-share' as string]: `${share.toFixed(1)}%` } : undefined}
                >
                  {ran ? bytes(inc) : ''}
                </td>
                <td className="wb-mem-num">{row.occurrences ? row.occurrences.toLocaleString('en-US') : ''}</td>
                <td className="wb-mem-code">
                  <code>{row.text || ' '}</code>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function MemoryLinesView({ result }: ViewProps) {
  const report = memoryReport(result) as MemoryReport;
  const tables = report.lines ?? [];
  return (
    <div className="wb-mem">
      <OutOfMemoryNote report={report} />
      {tables.length === 0 && (
        <p className="wb-view-empty">
          No function was profiled. Put a <code>// @profile</code> comment on the line above a function (or name it with{' '}
          <code>lines=</code> in the cell options) and run again.
        </p>
      )}
      {report.missing?.length ? <p className="wb-mem-note">No function named {report.missing.join(', ')} in this code.</p> : null}
      {tables.map((t) => (
        <LineTable key={`${t.name}:${t.startLine}`} table={t} />
      ))}
      {report.linesBudgetExhausted && (
        <p className="wb-mem-note">
          The profiler stopped measuring memory after spending its time budget on heap walks; later lines only count
          occurrences. Profile a smaller input to see every line.
        </p>
      )}
      <FigureNote report={report} />
      {tables.length > 0 && (
        <p className="wb-mem-note">
          <strong>Peak</strong> is the high-water mark while the line ran: its start, its end and the heap sampled
          inside it at intervals, as mprof samples. A peak inside one built-in call that runs no JavaScript, such as a
          single <code>concat</code>, falls between samples and is not seen.
        </p>
      )}
      {report.partial && !report.oom && <p className="wb-mem-note">The run ended early ({result.status}): the figures cover what ran.</p>}
      <p className="wb-visually-hidden">Baseline {formatBytes(report.baseline.heapBytes)}.</p>
    </div>
  );
}
