/**
 * Names for the run's `cpuMs` figure, by what it measures (Timing.cpuKind), so
 * the Time tab, the CLI and profile footers never call busy time "CPU".
 */
import type { CpuTimeKind } from './types';

export interface CpuLabel {
  /** A few words for a column or a footer: "CPU", "busy". */
  short: string;
  /** What the figure is, for a tooltip or a note. */
  meaning: string;
}

const LABELS: Record<CpuTimeKind, CpuLabel> = {
  thread: { short: 'CPU', meaning: "processor time of the run's own thread" },
  process: { short: 'CPU (process)', meaning: 'processor time of the whole process, other threads included' },
  busy: { short: 'busy', meaning: 'busy time: wall minus simulated (no CPU clock here)' },
};

export function cpuLabel(kind: CpuTimeKind | undefined): CpuLabel {
  return LABELS[kind ?? 'busy'];
}
