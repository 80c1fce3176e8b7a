/**
 * remark plugin: turns every cell fence (```js cell id=…) into a <wb-cell>
 * element following the HTML contract in cell-hast.ts: code highlighted by shiki,
 * hidden setup behind a <details>, and, during `astro build`, the result of
 * running the cell recorded into the page.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { fromHtml } from 'hast-util-from-html';
import type { ElementContent } from 'hast';
import { cellElement, type CellParts } from './cell-hast';
import { chapterOf, findCells, type FoundCell } from './find-cells';
import { highlightCode } from './highlight';

export interface RemarkCellsOptions {
  /** Run each cell and put its result in the page (build only). */
  record?: boolean;
  /** Where `src=` files live (default src/content/examples). */
  examplesDir?: string;
  /**
   * A digest of everything a rendered cell depends on outside its Markdown file
   * (example files, the sandbox, the result components). Unused here: it is part
   * of the Astro config so that Astro's content cache is dropped when it changes.
   */
  inputsDigest?: string;
  /**
   * Told about every error before it is thrown. Astro's content loader only logs
   * errors thrown while rendering Markdown, so the integration collects them here
   * and fails the build itself.
   */
  onError?: (error: Error) => void;
  /** Told when a file's cells start rendering and when they are all done (a file never done failed or hung). */
  onFile?: (filePath: string, stage: 'started' | 'done') => void;
  /**
   * Where results too large to inline are written (record/recorded-files.ts);
   * without it every recorded result is inlined.
   */
  recordedStoreDir?: string;
  /** Told after each cell is recorded, with the real time the recording took. */
  onRecorded?: (spec: FoundCell['spec'], elapsedMs: number) => void;
}

/**
 * Astro renders up to ten Markdown files at once. Recordings of different files
 * would then share the CPU and the wasm module, and each cell's time limit and
 * recorded timings would include another file's work: one recording at a time.
 */
let recordingQueue: Promise<unknown> = Promise.resolve();

function oneAtATime<T>(job: () => Promise<T>): Promise<T> {
  const next = recordingQueue.then(job, job);
  recordingQueue = next.catch(() => undefined);
  return next;
}

async function recordedResults(cell: FoundCell, options: RemarkCellsOptions): Promise<Pick<CellParts, 'results' | 'recordedResult' | 'recordedHref'>> {
  const { recordCell } = await import('./record/record-cell');
  return oneAtATime(async () => {
    const started = performance.now();
    const { html, result } = await recordCell(cell.spec, cell.source);
    options.onRecorded?.(cell.spec, performance.now() - started);
    const results = fromHtml(html, { fragment: true }).children as ElementContent[];
    return { results, ...(await recordedData(result, options.recordedStoreDir)) };
  });
}

/** The recorded result as the page gets it: inline, or in a file of its own when it is large. */
async function recordedData(result: unknown, storeDir: string | undefined): Promise<Pick<CellParts, 'recordedResult' | 'recordedHref'>> {
  if (storeDir === undefined) return { recordedResult: result };
  const { INLINE_MAX_BYTES, storeRecorded } = await import('./record/recorded-files');
  const json = JSON.stringify(result);
  return json.length > INLINE_MAX_BYTES ? { recordedHref: storeRecorded(json, storeDir) } : { recordedResult: result };
}

export default function remarkCells(options: RemarkCellsOptions = {}) {
  return async function transform(tree: Root, file: VFile): Promise<void> {
    const filePath = file.path ?? file.history[0];
    try {
      if (filePath) options.onFile?.(filePath, 'started');
      await renderCells(tree, file, options);
      if (filePath) options.onFile?.(filePath, 'done');
    } catch (error) {
      // Printed at once as well: Astro only logs a rendering error, and a build that
      // then fails for another reason (a page missing from the sidebar) would hide it.
      console.error(`[workbook-cells] ${(error as Error)?.message ?? error}`);
      options.onError?.(error as Error);
      throw error;
    }
  };
}

async function renderCells(tree: Root, file: VFile, options: RemarkCellsOptions): Promise<void> {
  const filePath = file.path ?? file.history[0];
  if (!filePath) return;
  const cells = findCells(tree, chapterOf(filePath), { examplesDir: options.examplesDir });
  // One after another: recording is CPU-bound and shares one wasm module.
  for (const cell of cells) {
    const highlightedCode = await highlightCode(cell.source.code);
    const highlightedSetup = cell.source.setup ? await highlightCode(cell.source.setup) : undefined;
    const recorded = options.record && cell.spec.record ? await recordedResults(cell, options) : {};
    const hast = cellElement({ spec: cell.spec, source: cell.source, highlightedCode, highlightedSetup, ...recorded });

    // Replace the fence in place with a node that mdast-util-to-hast turns into
    // exactly this element (works for .md and .mdx alike).
    const node = cell.node as unknown as Record<string, unknown>;
    for (const key of ['lang', 'meta', 'value']) delete node[key];
    node.type = 'wbCell';
    node.data = {
      hName: hast.tagName,
      hProperties: hast.properties,
      hChildren: hast.children,
      wbCell: cell.spec,
    };
  }
}
