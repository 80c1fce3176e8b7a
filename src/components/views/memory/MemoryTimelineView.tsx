/**
 * The `memory-timeline` view: mprof's plot. The live heap against the
 * instrumented clock (sleep makes flat steps), the wasm memory as a dashed
 * line, each profiled call as a bracket labelled with its duration, and the
 * peak marked with dashed lines. A table of the same figures sits below.
 */
import { useCallback, useMemo, useState } from 'react';
import type { ViewProps } from '../types';
import type { MemoryReport } from '../../../sandbox/memory/types';
import { memoryReport } from './model';
import { timelineSeries } from './series';
import { PlotFigure, type PlotModule } from './PlotFigure';
import { FigureNote, OutOfMemoryNote } from './notes';
import { formatBytes, formatSeconds } from './text';
import './memory-views.css';

const HEAP = 'var(--sl-color-accent, #4b59c4)';
const WASM = 'var(--sl-color-gray-3, #888)';
const PEAK = 'var(--sl-color-red, #c0392b)';

export function MemoryTimelineView({ result, cellId }: ViewProps) {
  const report = memoryReport(result) as MemoryReport;
  const timeline = report.timeline!;
  const series = useMemo(() => timelineSeries(timeline), [timeline]);
  const [showWasm, setShowWasm] = useState(false);

  const build = useCallback(
    (Plot: PlotModule, width: number) =>
      Plot.plot({
        width,
        height: Math.round(Math.min(360, Math.max(220, width * 0.5))),
        marginLeft: 52,
        marginRight: 16,
        style: { background: 'transparent', color: 'currentColor', fontSize: '12px' },
        x: { label: 'time (s, instrumented clock) →', domain: [0, Math.max(series.endS, 0.001)], grid: true },
        y: { label: '↑ memory (MB)', domain: [0, showWasm ? Math.max(series.maxMB, ...series.points.map((p) => p.wasm)) * 1.05 : series.maxMB], grid: true },
        marks: [
          Plot.ruleY([0]),
          ...(showWasm ? [Plot.line(series.points, { x: 's', y: 'wasm', stroke: WASM, strokeDasharray: '6 3', curve: 'step-after' })] : []),
          Plot.areaY(series.points, { x: 's', y: 'heap', fill: HEAP, fillOpacity: 0.12, curve: 'step-after' }),
          Plot.line(series.points, { x: 's', y: 'heap', stroke: HEAP, strokeWidth: 2, curve: 'step-after' }),
          Plot.dot(series.points, { x: 's', y: 'heap', r: 1.5, fill: HEAP }),
          // The peak: dashed lines across and down, as mprof draws them.
          Plot.ruleY([series.peak.heap], { stroke: PEAK, strokeDasharray: '4 4' }),
          Plot.ruleX([series.peak.s], { stroke: PEAK, strokeDasharray: '4 4' }),
          Plot.dot([series.peak], { x: 's', y: 'heap', r: 4, stroke: PEAK, fill: PEAK }),
          Plot.text([series.peak], { x: 's', y: 'heap', text: () => `peak ${series.peak.heap.toFixed(1)} MB`, dy: -10, fill: PEAK, textAnchor: series.peak.s > series.endS * 0.7 ? 'end' : 'start', dx: series.peak.s > series.endS * 0.7 ? -6 : 6 }),
          // Brackets: a horizontal line over each call with ticks at both ends.
          Plot.link(series.brackets, { x1: 'start', x2: 'end', y1: 'y', y2: 'y', stroke: 'currentColor', strokeWidth: 1.5 }),
          // Short vertical rules, not tickX: tickX makes y an ordinal (band) scale and the curve vanishes.
          Plot.ruleX(series.brackets, { x: 'start', y1: (b) => b.y - series.maxMB * 0.02, y2: (b) => b.y + series.maxMB * 0.02, stroke: 'currentColor' }),
          Plot.ruleX(series.brackets.filter((b) => !b.open), { x: 'end', y1: (b) => b.y - series.maxMB * 0.02, y2: (b) => b.y + series.maxMB * 0.02, stroke: 'currentColor' }),
          Plot.text(series.brackets, { x: (b) => (b.start + b.end) / 2, y: 'y', text: 'label', dy: -8, fill: 'currentColor' }),
        ],
      }),
    [series, showWasm],
  );

  const caption = `Live heap over time: peak ${formatBytes(timeline.peak.heapBytes)} at ${formatSeconds(timeline.peak.t)}${
    series.brackets.length ? `; ${series.brackets.map((b) => b.label).join('; ')}` : ''
  }. The table below lists the same samples.`;

  return (
    <div className="wb-mem">
      <OutOfMemoryNote report={report} />
      <div className="wb-mem-controls">
        <label>
          <input type="checkbox" checked={showWasm} onChange={(e) => setShowWasm(e.currentTarget.checked)} /> show the wasm memory (RSS) too
        </label>
      </div>
      <PlotFigure build={build} caption={caption} className="wb-mem-timeline" />
      <dl className="wb-mem-facts">
        <div>
          <dt>Peak</dt>
          <dd data-fact="peak">
            {formatBytes(timeline.peak.heapBytes)} at {formatSeconds(timeline.peak.t)}
          </dd>
        </div>
        {series.brackets.map((b, i) => (
          <div key={i}>
            <dt>
              <code>{b.name}</code>
            </dt>
            <dd data-fact="span">
              {formatSeconds(b.start * 1000)} → {b.open ? 'did not return' : `${formatSeconds(b.end * 1000)} (${(b.end - b.start).toFixed(3)} s)`}
            </dd>
          </div>
        ))}
      </dl>
      <details className="wb-mem-details">
        <summary>Samples ({timeline.samples.length}{timeline.thinned ? ', thinned' : ''})</summary>
        <div className="wb-mem-scroll" tabIndex={0} role="region" aria-label="Memory samples">
          <table className="wb-mem-samples" id={`wb-${cellId}-memory-samples`}>
            <thead>
              <tr>
                <th scope="col">time</th>
                <th scope="col">live heap</th>
                <th scope="col">wasm memory</th>
              </tr>
            </thead>
            <tbody>
              {timeline.samples.map((s, i) => (
                <tr key={i}>
                  <td className="wb-mem-num">{formatSeconds(s.t)}</td>
                  <td className="wb-mem-num">{formatBytes(s.heapBytes)}</td>
                  <td className="wb-mem-num">{formatBytes(s.wasmBytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <FigureNote report={report} />
    </div>
  );
}
