/**
 * The HTML contract between the build and the browser's <wb-cell> element
 * (documented in docs/AUTHORING.md, "The cell element"). Everything the element
 * needs is in the markup, so the page reads well before any script runs.
 */
import type { Element, ElementContent } from 'hast';
import type { CellSource, CellSpec } from '../cells/cell-info';
import { countLines } from './highlight';

export interface CellParts {
  spec: CellSpec;
  source: CellSource;
  /** shiki <pre> of the visible code. */
  highlightedCode: Element;
  /** shiki <pre> of the hidden setup, when there is setup. */
  highlightedSetup?: Element;
  /** A recorded result (build time) as static HTML, placed in the results area. */
  results?: ElementContent[];
  /** The same result as data, so the page can make the recorded views live without a Run. */
  recordedResult?: unknown;
  /**
   * Where the page fetches that data instead, for a result too large to inline
   * (record/recorded-files.ts); then recordedResult is not put in the page.
   */
  recordedHref?: string;
}

/**
 * JSON that is safe inside <script type="application/json">: no `</script>`,
 * no `<!--`, and no line separators that old parsers dislike.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function element(tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

export function cellElement(parts: CellParts): Element {
  const { spec, source } = parts;
  const children: ElementContent[] = [
    element('script', { type: 'application/json', dataCellSource: true }, [
      { type: 'text', value: jsonForScript(source.setup ? { code: source.code, setup: source.setup } : { code: source.code }) },
    ]),
    element('div', { className: ['wb-cell-toolbar'], role: 'toolbar', ariaLabel: `Cell ${spec.id}` }, [
      // The name the prose uses for this cell, and a link to it (#cell-id).
      element('a', { className: ['wb-cell-name'], href: `#cell-${spec.id}`, title: 'Link to this cell' }, [{ type: 'text', value: spec.id }]),
    ]),
  ];

  if (parts.highlightedSetup && source.setup) {
    const hidden = countLines(source.setup);
    children.push(
      element('details', { className: ['wb-cell-setup'] }, [
        element('summary', {}, [
          { type: 'text', value: `Setup: ${hidden} hidden line${hidden === 1 ? '' : 's'}, run before the code` },
        ]),
        element('div', { className: ['wb-cell-setup-code'] }, [parts.highlightedSetup]),
      ]),
    );
  }

  if (parts.recordedHref !== undefined) {
    // A data block that names its data: the page fetches it when it brings the recorded views to life.
    children.push(element('script', { type: 'application/json', dataCellRecorded: true, dataSrc: parts.recordedHref }, []));
  } else if (parts.recordedResult !== undefined) {
    // Data, not script: parsed only when the page brings the recorded views to life.
    children.push(element('script', { type: 'application/json', dataCellRecorded: true }, [{ type: 'text', value: jsonForScript(parts.recordedResult) }]));
  }
  children.push(
    element(
      'div',
      {
        className: ['wb-cell-code'],
        tabIndex: 0,
        ariaLabel: `Code of cell ${spec.id}, press Enter to edit`,
        dataLines: countLines(source.code),
        // Reserves the code's height so nothing moves when the editor replaces it.
        style: `--wb-lines:${countLines(source.code)}`,
      },
      [parts.highlightedCode],
    ),
    element(
      'div',
      // Recorded output is a snapshot, not content: keep it out of the search index.
      { className: ['wb-cell-results'], ariaLive: 'polite', dataPagefindIgnore: true },
      parts.results ?? [],
    ),
  );

  return element(
    'wb-cell',
    {
      id: `cell-${spec.id}`,
      // not-content: Starlight's Markdown styles stay out of the cell.
      className: ['wb-cell', 'not-content'],
      dataCellId: spec.id,
      dataChapter: spec.chapter,
      dataShow: spec.show.join(','),
      dataFilename: spec.filename,
      dataOptions: JSON.stringify(spec.options),
      ...(parts.results && parts.results.length > 0 ? { dataRecorded: true } : {}),
    },
    children,
  );
}
