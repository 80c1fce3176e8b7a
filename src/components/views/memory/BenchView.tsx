/**
 * The `bench` view: what bench(), compare() and growth() measured, as tables
 * and charts. A comparison is a bar per candidate (best time) with its spread
 * (min to max); growth is time against n on log-log axes with the fitted line,
 * so O(n) and O(n²) show as slopes 1 and 2.
 */
import { useCallback } from 'react';
import type { ViewProps } from '../types';
import type { BenchRun, BenchStats, CompareRun, GrowthRun } from '../../../sandbox/bench/types';
import { benchReport } from './model';
import { growthSeries, logTicks, plainTick } from './series';
import { PlotFigure, type PlotModule } from './PlotFigure';
import { formatBenchTime, formatOps } from './text';
import './memory-views.css';

const BAR = 'var(--sl-color-accent, #4b59c4)';
const FIT = 'var(--sl-color-red, #c0392b)';

function StatsCells({ s }: { s: BenchStats }) {
  return (
    <>
      <td className="wb-mem-num">{formatBenchTime(s.minMs)}</td>
      <td className="wb-mem-num">{formatBenchTime(s.medianMs)}</td>
      <td className="wb-mem-num">{s.spreadPct.toFixed(1)} %</td>
      <td className="wb-mem-num">{formatOps(s.opsPerSec)}</td>
    </>
  );
}

const STATS_HEAD = (
  <>
    <th scope="col">best</th>
    <th scope="col">median</th>
    <th scope="col">spread</th>
    <th scope="col">ops/s</th>
  </>
);

function rounds(s: BenchStats) {
  return `best of ${s.repeat} rounds × ${s.number.toLocaleString('en-US')} ${s.number === 1 ? 'call' : 'calls'}`;
}

function BenchBlock({ run }: { run: BenchRun }) {
  return (
    <section className="wb-bench" data-kind="bench" aria-label={`bench ${run.label}`}>
      <div className="wb-mem-scroll" tabIndex={0} role="region" aria-label={`Timing of ${run.label}`}>
        <table className="wb-bench-table">
          <caption>
            <code>{run.label}</code>: time per call, {rounds(run.stats)}
          </caption>
          <thead>
            <tr>
              <th scope="col">function</th>
              {STATS_HEAD}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{run.label}</th>
              <StatsCells s={run.stats} />
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

function CompareBlock({ run }: { run: CompareRun }) {
  const build = useCallback(
    (Plot: PlotModule, width: number) => {
      const rows = run.candidates.map((c) => ({ name: c.name, min: c.stats.minMs, median: c.stats.medianMs, max: c.stats.maxMs, rel: c.relative }));
      return Plot.plot({
        width,
        height: 40 + rows.length * 34,
        marginLeft: Math.min(140, 12 + 8 * Math.max(...rows.map((r) => r.name.length))),
        marginRight: 70,
        style: { background: 'transparent', color: 'currentColor', fontSize: '12px' },
        x: { label: 'time per call (ms) →', grid: true, nice: true },
        y: { label: null, domain: rows.map((r) => r.name) },
        marks: [
          Plot.barX(rows, { y: 'name', x: 'min', fill: BAR, fillOpacity: 0.75 }),
          // The spread: from the best round to the worst.
          Plot.ruleY(rows, { y: 'name', x1: 'min', x2: 'max', stroke: 'currentColor', strokeWidth: 1.5 }),
          Plot.tickX(rows, { y: 'name', x: 'max', stroke: 'currentColor' }),
          Plot.tickX(rows, { y: 'name', x: 'median', stroke: 'currentColor', strokeDasharray: '2 2' }),
          Plot.text(rows, { y: 'name', x: 'max', text: (r) => (r.rel === 1 ? 'fastest' : `${r.rel.toFixed(r.rel >= 10 ? 1 : 2)}×`), dx: 8, textAnchor: 'start', fill: 'currentColor' }),
          Plot.ruleX([0]),
        ],
      });
    },
    [run],
  );
  return (
    <section className="wb-bench" data-kind="compare" aria-label={`compare ${run.label}`}>
      <PlotFigure build={build} caption={`${run.label}: best time per call (bar), from best to worst round (line); ${run.fastest} is fastest. Table below.`} />
      <div className="wb-mem-scroll" tabIndex={0} role="region" aria-label={`Comparison ${run.label}`}>
        <table className="wb-bench-table">
          <caption>
            Compare {run.label}, {rounds(run.candidates[0].stats).replace(/ × .*/, '')} each
          </caption>
          <thead>
            <tr>
              <th scope="col">function</th>
              {STATS_HEAD}
              <th scope="col">relative</th>
            </tr>
          </thead>
          <tbody>
            {run.candidates.map((c) => (
              <tr key={c.name} data-candidate={c.name}>
                <th scope="row">{c.name}</th>
                <StatsCells s={c.stats} />
                <td className="wb-mem-num" data-fact="relative">
                  {c.name === run.fastest ? 'fastest' : `${c.relative.toFixed(c.relative >= 10 ? 1 : 2)}× slower`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function GrowthBlock({ run }: { run: GrowthRun }) {
  const build = useCallback(
    (Plot: PlotModule, width: number) => {
      const s = growthSeries(run);
      const ns = s.points.map((p) => p.n);
      const ys = [...s.points.flatMap((p) => [p.min, p.max]), ...s.fit.map((p) => p.ms)];
      return Plot.plot({
        width,
        height: Math.round(Math.min(340, Math.max(220, width * 0.55))),
        marginLeft: 60,
        style: { background: 'transparent', color: 'currentColor', fontSize: '12px' },
        x: { type: 'log', label: 'n (log scale) →', grid: true, ticks: logTicks(Math.min(...ns), Math.max(...ns)), tickFormat: plainTick },
        y: { type: 'log', label: `↑ time per call (${s.unit.label}, log scale)`, grid: true, ticks: logTicks(Math.min(...ys), Math.max(...ys)), tickFormat: plainTick },
        marks: [
          Plot.line(s.fit, { x: 'n', y: 'ms', stroke: FIT, strokeDasharray: '5 4' }),
          Plot.ruleX(s.points, { x: 'n', y1: 'min', y2: 'max', stroke: BAR }),
          Plot.dot(s.points, { x: 'n', y: 'ms', r: 4, fill: BAR }),
          Plot.text([s.fit[s.fit.length - 1]], { x: 'n', y: 'ms', text: () => `slope ${run.slope.toFixed(2)}`, dx: -6, dy: -10, textAnchor: 'end', fill: FIT }),
        ],
      });
    },
    [run],
  );
  return (
    <section className="wb-bench" data-kind="growth" aria-label={`growth of ${run.label}`}>
      <p className="wb-mem-summary" data-fact="slope">
        <code>{run.label}</code>: slope {run.slope.toFixed(2)} on log-log axes, time grows like n<sup>{run.slope.toFixed(1)}</sup> ({run.verdict})
      </p>
      <PlotFigure build={build} caption={`Time per call of ${run.label} against n, both on log scales, with the fitted line (slope ${run.slope.toFixed(2)}). Table below.`} />
      <div className="wb-mem-scroll" tabIndex={0} role="region" aria-label={`Growth of ${run.label}`}>
        <table className="wb-bench-table">
          <caption>Time per call of {run.label} for each n</caption>
          <thead>
            <tr>
              <th scope="col">n</th>
              {STATS_HEAD}
            </tr>
          </thead>
          <tbody>
            {run.points.map((p) => (
              <tr key={p.n}>
                <th scope="row" className="wb-mem-num">
                  {p.n.toLocaleString('en-US')}
                </th>
                <StatsCells s={p.stats} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function BenchView({ result }: ViewProps) {
  const report = benchReport(result)!;
  return (
    <div className="wb-mem wb-bench-view">
      {report.runs.map((run, i) =>
        run.kind === 'bench' ? <BenchBlock key={i} run={run} /> : run.kind === 'compare' ? <CompareBlock key={i} run={run} /> : <GrowthBlock key={i} run={run} />,
      )}
      <p className="wb-mem-note">
        Real time measured inside the sandbox (sleep excluded
        {report.runs.some((run) => run.waitingExcluded) ? ', and the time the run waited for a processor while other programs ran' : ''}), after a
        warm-up; &ldquo;best&rdquo; is the fastest round, as timeit reports it, and &ldquo;spread&rdquo; is (slowest − fastest) / median. Clock
        resolution {formatBenchTime(report.resolutionMs)}.
      </p>
    </div>
  );
}
