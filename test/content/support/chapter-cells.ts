/**
 * A chapter's cells, run exactly as the page's Run button runs them: the
 * request the cell element builds (cellRequest + each shown view's prepare()),
 * then the sandbox with every tool. Each cell runs at most once per test file;
 * the fact checks share its result.
 */
import path from 'node:path';
import { collectCells, type CollectedCell } from '../../../src/markdown/collect-cells';
import { DOCS_DIR } from '../../../src/markdown/find-cells';
import { buildRunRequest } from '../../../src/components/cell/run-support';
import { runCode } from '../../../src/sandbox/node';
import type { RunRequest, RunResult } from '../../../src/sandbox/types';
import { holdsInMostTrials } from './most-runs';

export interface ChapterCells {
  /** The chapter's Markdown file. */
  file: string;
  cells: CollectedCell[];
  cellById(id: string): CollectedCell;
  runCell(cell: CollectedCell): Promise<RunResult>;
  /** The result of the cell with this id, run once and shared. */
  resultOf(id: string): Promise<RunResult>;
  /** Checks a timing claim on the shared result and on fresh runs of the cell, until it holds in three of at most five. */
  holdsInMostRuns(id: string, claim: (result: RunResult) => void): Promise<void>;
}

export function requestOf(cell: CollectedCell): RunRequest {
  const { spec } = cell;
  return buildRunRequest({ chapter: spec.chapter, options: spec.options, filename: spec.filename, show: spec.show, code: cell.code, setup: cell.setup });
}

/** `run` defaults to runCode in this thread; long-running chapters pass runOffThread. */
export function chapterCells(chapter: string, run: (request: RunRequest) => Promise<RunResult> = runCode): ChapterCells {
  const file = path.join(DOCS_DIR, `${chapter}.md`);
  const cells = collectCells(file);
  const cellById = (id: string): CollectedCell => {
    const cell = cells.find((candidate) => candidate.spec.id === id);
    if (!cell) throw new Error(`the ${chapter} chapter has no cell "${id}"`);
    return cell;
  };
  const runCell = (cell: CollectedCell) => run(requestOf(cell));
  const results = new Map<string, Promise<RunResult>>();
  const resultOf = (id: string): Promise<RunResult> => {
    let result = results.get(id);
    if (!result) {
      result = runCell(cellById(id));
      results.set(id, result);
    }
    return result;
  };
  const holdsInMostRuns = (id: string, claim: (result: RunResult) => void): Promise<void> =>
    holdsInMostTrials(`"${id}"`, async (attempt) => claim(attempt === 0 ? await resultOf(id) : await runCell(cellById(id))));
  return { file, cells, cellById, runCell, resultOf, holdsInMostRuns };
}
