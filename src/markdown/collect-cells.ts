/**
 * collectCells(markdownFile): every cell of a chapter with its spec and resolved
 * code and setup, read the same way the site renders them. Used by content tests,
 * exercises and build-time recording.
 */
import { readFileSync } from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkDirective from 'remark-directive';
import remarkMdx from 'remark-mdx';
import type { Root } from 'mdast';
import type { CellSource, CellSpec } from '../cells/cell-info';
import { chapterOf, findCells } from './find-cells';

export interface CollectedCell extends CellSource {
  spec: CellSpec;
}

/** Parses Markdown text (front matter is left as a paragraph/thematic break; cells never live there). */
export function parseMarkdown(text: string, isMdx = false): Root {
  const processor = unified().use(remarkParse).use(remarkDirective);
  if (isMdx) processor.use(remarkMdx);
  return processor.parse(stripFrontMatter(text)) as Root;
}

/** Blanks the front matter but keeps its lines, so fence line numbers stay true. */
function stripFrontMatter(text: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  if (!match) return text;
  return match[0].replace(/[^\n]/g, '') + text.slice(match[0].length);
}

export function collectCells(markdownFile: string, options: { examplesDir?: string } = {}): CollectedCell[] {
  const text = readFileSync(markdownFile, 'utf8');
  const tree = parseMarkdown(text, markdownFile.endsWith('.mdx'));
  return findCells(tree, chapterOf(markdownFile), options).map(({ spec, source }) => ({ spec, ...source }));
}
