/** Renders Markdown the way the site does (remark -> cells -> rehype -> HTML) for the tests. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkDirective from 'remark-directive';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import { JSDOM } from 'jsdom';
import remarkCells, { type RemarkCellsOptions } from '../../../src/markdown/remark-cells';
import { DOCS_DIR } from '../../../src/markdown/find-cells';

export const FIXTURE_EXAMPLES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/examples');

export async function renderChapter(markdown: string, options: RemarkCellsOptions = {}, chapter = 'testing') {
  const file = new VFile({ path: path.join(DOCS_DIR, `${chapter}.md`), value: markdown });
  const html = String(
    await unified()
      .use(remarkParse)
      .use(remarkDirective)
      .use(remarkCells, { examplesDir: FIXTURE_EXAMPLES, ...options })
      .use(remarkRehype)
      .use(rehypeStringify)
      .process(file),
  );
  return { html, document: new JSDOM(html).window.document };
}
