/**
 * Build-time rendering of a cell's results into static HTML, so a chapter
 * shows real output before any script runs (and in print). The markdown
 * plugin runs the cell in Node and calls this with the result.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import type { RunResult } from '../../sandbox/types';
import { Results } from './Results';

export interface RecordedResultsInput {
  result: RunResult;
  show: string[];
  code: string;
  cellId: string;
}

export function renderResultsToHtml({ result, show, code, cellId }: RecordedResultsInput): string {
  return renderToStaticMarkup(<Results result={result} show={show} code={code} cellId={cellId} recorded />);
}
