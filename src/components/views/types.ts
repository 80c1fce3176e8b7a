/**
 * The contract between a cell and the result views it offers (`show=` in the fence).
 * A view renders what processors hand it; it never parses a profile itself.
 */
import type { ComponentType } from 'react';
import type { RunRequest, RunResult } from '../../sandbox/types';

export interface CellOptions {
  /** From the fence: id, src, show, timeout, memory, profiler, builtins ... as strings. */
  [key: string]: string | undefined;
}

export interface ViewProps {
  result: RunResult;
  /** The previous run of the same cell, for comparisons (when there is one). */
  previous?: RunResult;
  /** The code that produced `result` (for line tables). */
  code: string;
  cellId: string;
  /** True when rendered at build time into static HTML (no interactivity needed). */
  recorded?: boolean;
  /** Shown in the expanded inspector: use the room (full-width charts, taller graphs). */
  expanded?: boolean;
}

export interface ViewDescriptor {
  id: string; // the word used in show=, e.g. "profile"
  label: string; // tab label, e.g. "Profile table"
  component: ComponentType<ViewProps>;
  /** Adjust the run request so that this view gets its data (e.g. turn the profiler on). */
  prepare?(request: RunRequest, options: CellOptions): RunRequest;
  /** Whether the view has something to show for this result (else the tab says why). */
  available?(result: RunResult): boolean;
}

export type ViewRegistry = Record<string, ViewDescriptor>;
