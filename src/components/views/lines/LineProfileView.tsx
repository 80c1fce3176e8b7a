/**
 * The `line-profile` view: line_profiler's text, as a table per profiled
 * function: the header lines (Timer unit, Total time, File, Function … at line
 * N) and the columns Line #, Hits, Time, Per Hit, % Time, Line Contents, with a
 * heat bar behind % Time and the hottest line marked.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { ViewProps } from '../types';
import { LINE_EVENT, requestSource } from '../source-link';
import type { LineProfile, LineTimeTable } from '../../../sandbox/lines/types';
import { formatG, hottestLine, lineProfile, rowFigures, TIMER_UNIT_S } from './model';
import './line-profile.css';

/** The line a click in the code pointed at (LINE_EVENT for this cell), if any. */
function useHighlightedLine(cellId: string): number | undefined {
  const [line, setLine] = useState<number>();
  useEffect(() => {
    const listener = (event: Event) => {
      const detail = (event as CustomEvent<{ cellId: string; line: number }>).detail;
      if (detail?.cellId === cellId) setLine(detail.line);
    };
    document.addEventListener(LINE_EVENT, listener);
    return () => document.removeEventListener(LINE_EVENT, listener);
  }, [cellId]);
  return line;
}

function FunctionTable({ table, highlighted }: { table: LineTimeTable; highlighted?: number }) {
  const hottest = hottestLine(table);
  const highlightedRow = useRef<HTMLTableRowElement>(null);
  useEffect(() => highlightedRow.current?.scrollIntoView?.({ block: 'nearest' }), [highlighted]);
  // A row points at its line in the code (the same mechanism as the function views).
  const show = (event: MouseEvent<HTMLElement> | KeyboardEvent<HTMLElement>, line: number) =>
    requestSource(event.currentTarget, { name: table.name, file: table.file, line, column: 1, builtin: false });
  return (
    <section className="wb-lp-function" aria-label={`Time per line of ${table.name}`}>
      <pre className="wb-lp-header">
        {`Total time: ${formatG(table.totalMs / 1000)} s\nFile: ${table.file}\nFunction: ${table.name} at line ${table.startLine}`}
      </pre>
      <div className="wb-lp-scroll" tabIndex={0} role="region" aria-label={`Line table of ${table.name}`}>
        <table className="wb-lp-lines">
          <thead>
            <tr>
              <th scope="col">Line #</th>
              <th scope="col">Hits</th>
              <th scope="col">Time</th>
              <th scope="col">Per Hit</th>
              <th scope="col">% Time</th>
              <th scope="col" className="wb-lp-code-col">
                Line Contents
              </th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => {
              const f = rowFigures(row, table.totalMs);
              const hot = row.line === hottest;
              return (
                <tr
                  key={row.line}
                  ref={row.line === highlighted ? highlightedRow : undefined}
                  data-line={row.line}
                  data-ran={row.hits ? '' : undefined}
                  data-hottest={hot ? '' : undefined}
                  data-highlighted={row.line === highlighted ? '' : undefined}
                  tabIndex={row.hits ? 0 : undefined}
                  onClick={(event) => show(event, row.line)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') show(event, row.line);
                  }}
                >
                  <th scope="row" className="wb-lp-num">
                    {row.line}
                  </th>
                  <td className="wb-lp-num">{f.hits}</td>
                  <td className="wb-lp-num">{f.time}</td>
                  <td className="wb-lp-num">{f.perHit}</td>
                  <td className="wb-lp-num wb-lp-pct" style={f.percent ? { ['--wb-share' as string]: `${Math.min(100, Number(f.percent))}%` } : undefined}>
                    {f.percent}
                  </td>
                  <td className="wb-lp-code">
                    <code>{row.text || ' '}</code>
                    {hot && <span className="wb-lp-hot"> ← hottest line</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function LineProfileView({ result, cellId }: ViewProps) {
  const profile = lineProfile(result) as LineProfile;
  const highlighted = useHighlightedLine(cellId);
  return (
    <div className="wb-lp">
      <pre className="wb-lp-header">{`Timer unit: ${formatG(TIMER_UNIT_S)} s`}</pre>
      {profile.functions.length === 0 && (
        <p className="wb-view-empty">
          No function was profiled. Put a <code>// @profile</code> comment on the line above a function (or name it with{' '}
          <code>lines=</code> in the cell options) and run again.
        </p>
      )}
      {profile.missing.length ? <p className="wb-lp-note">No function named {profile.missing.join(', ')} in this code.</p> : null}
      {profile.functions.map((t) => (
        <FunctionTable key={`${t.name}:${t.startLine}`} table={t} highlighted={highlighted} />
      ))}
      <p className="wb-lp-note">
        Time includes every call made on the line, built-ins too; a loop&rsquo;s header counts one hit per test. Each line
        event costs about {Math.round(profile.overheadPerEventNs).toLocaleString('en-US')} ns here: that cost was measured
        and {profile.overheadCorrected ? 'subtracted from every line' : 'is included'}.
        {profile.simulatedMs > 0 ? ` Simulated time (sleep) counts on the line that waited.` : ''}
      </p>
      {profile.partial && <p className="wb-lp-note">The run ended early ({result.status}): the figures cover what ran.</p>}
    </div>
  );
}
