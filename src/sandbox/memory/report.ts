/** Turns what the recorder measured into RunResult.memory (MemoryReport). */
import type { RunResult } from '../types';
import type { MemoryLineRow, MemoryLineTable, MemoryReport, MemorySample, OutOfMemoryReport } from './types';
import type { MemoryRecorder } from './recorder';
import { formatBytes } from './format';

export interface ReportOptions {
  lines: boolean;
  timeline: boolean;
  heap: boolean;
  code: string;
  filename: string;
  limitBytes: number;
  result: RunResult;
}

export function buildReport(recorder: MemoryRecorder, o: ReportOptions): MemoryReport | undefined {
  const oomHit = o.result.status === 'out-of-memory';
  const recorded = recorder.baseline !== undefined || recorder.snapshots.length > 0;
  if (!recorded && !oomHit) return undefined;

  const enginePeak = o.result.peakMemory;
  let peak: MemorySample = recorder.peak ?? { t: o.result.timing.wallMs, heapBytes: enginePeak?.heapBytes ?? 0, wasmBytes: enginePeak?.wasmBytes ?? 0 };
  // The engine may have seen a higher figure (its own last measurement).
  if (enginePeak && enginePeak.heapBytes > peak.heapBytes) peak = { t: o.result.timing.wallMs, heapBytes: enginePeak.heapBytes, wasmBytes: enginePeak.wasmBytes };
  const baseline = recorder.baseline ?? { heapBytes: 0, wasmBytes: 0 };

  const report: MemoryReport = {
    figure: 'live-heap',
    baseline: { heapBytes: baseline.heapBytes, wasmBytes: baseline.wasmBytes },
    peak,
    limitBytes: o.limitBytes,
    partial: o.result.status !== 'ok',
    sampling: { interruptSamples: recorder.interruptSamples, costMs: recorder.interruptSampleMs },
  };
  if (o.lines) {
    report.lines = lineTables(recorder, o.code, o.filename);
    const missing = recorder.options.plan.missing;
    if (missing.length) report.missing = missing;
    if (recorder.budgetExhausted) report.linesBudgetExhausted = true;
  }
  if (o.timeline) {
    report.timeline = { samples: [...recorder.samples], spans: recorder.spans.map((s) => ({ ...s })), peak, thinned: recorder.thinned };
  }
  if (recorder.snapshots.length) report.heap = { snapshots: recorder.snapshots, diffs: recorder.diffs() };
  if (oomHit) report.oom = outOfMemory(o.limitBytes, peak, baseline.wasmBytes);
  return report;
}

function lineTables(recorder: MemoryRecorder, code: string, filename: string): MemoryLineTable[] {
  const source = code.split('\n');
  return recorder.options.plan.functions.map((fn) => {
    const stats = recorder.lineStats[fn.index];
    const rows: MemoryLineRow[] = [];
    for (let line = fn.startLine; line <= fn.endLine; line++) {
      const s = stats?.get(line);
      const ran = !!s && s.occ > 0;
      rows.push({
        line,
        text: (source[line - 1] ?? '').replace(/\r$/, ''),
        memBytes: ran && Number.isFinite(s.mem) ? s.mem : null,
        peakBytes: ran && Number.isFinite(s.peak) ? s.peak : null,
        incrementBytes: ran ? s.inc : null,
        occurrences: s?.occ ?? 0,
      });
    }
    return { name: fn.name, file: filename, startLine: fn.startLine, endLine: fn.endLine, calls: recorder.calls[fn.index] ?? 0, rows };
  });
}

function outOfMemory(limitBytes: number, peak: MemorySample, baselineWasm: number): OutOfMemoryReport {
  const wasm = Math.max(peak.wasmBytes, baselineWasm);
  const when = peak.t >= 1000 ? `${(peak.t / 1000).toFixed(3)} s` : `${peak.t.toFixed(1)} ms`;
  return {
    limitBytes,
    peakBytes: peak.heapBytes,
    peakWasmBytes: wasm,
    peakAt: peak.t,
    message:
      `Out of memory: the run was stopped at its ${formatBytes(limitBytes)} memory limit. ` +
      `The live heap peaked at ${formatBytes(peak.heapBytes)} (measured at ${when}; wasm memory ${formatBytes(wasm)}). ` +
      `The allocation that failed needed more than was left; it happened after the last measurement.`,
  };
}
