/**
 * Finds the cell fences of one chapter's Markdown tree and resolves each into a
 * spec and its source (code from the fence body or from src/content/examples/).
 * Shared by the remark plugin (which renders them) and collectCells (which tests,
 * exercises and recording use), so both see exactly the same cells.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { CellInfoError, isCellFence, parseCellInfo, splitSetup, type CellSource, type CellSpec } from '../cells/cell-info';

const here = path.dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = path.resolve(here, '../..');
export const DOCS_DIR = path.join(PROJECT_ROOT, 'src/content/docs');
export const EXAMPLES_DIR = path.join(PROJECT_ROOT, 'src/content/examples');

export interface FoundCell {
  node: Code;
  spec: CellSpec;
  source: CellSource;
}

/** profiling.md -> "profiling"; nested docs keep their folder: "guide/intro". */
export function chapterOf(filePath: string): string {
  const relative = path.relative(DOCS_DIR, filePath);
  const inside = !relative.startsWith('..') && !path.isAbsolute(relative);
  const name = inside ? relative : path.basename(filePath);
  return name.replace(/\.(md|mdx|markdown)$/, '').split(path.sep).join('/');
}

export function readExample(src: string, examplesDir = EXAMPLES_DIR): string {
  return readFileSync(path.join(examplesDir, src), 'utf8');
}

export function findCells(
  tree: Root,
  chapter: string,
  options: { examplesDir?: string } = {},
): FoundCell[] {
  const found: FoundCell[] = [];
  const seen = new Map<string, number>();
  visit(tree, 'code', (node: Code) => {
    if (!isCellFence(node.lang, node.meta)) return;
    const line = node.position?.start.line ?? 0;
    const where = { chapter, line };
    const spec = parseCellInfo(node.meta ?? '', where);

    const earlier = seen.get(spec.id);
    if (earlier !== undefined) {
      throw new CellInfoError(where, `id is already used by the cell on line ${earlier}`, spec.id);
    }
    seen.set(spec.id, line);

    let source: CellSource;
    if (spec.src) {
      if (node.value.trim() !== '') {
        throw new CellInfoError(where, `a cell with src= takes its code from the file; leave the fence empty`, spec.id);
      }
      try {
        source = { code: readExample(spec.src, options.examplesDir) };
      } catch (error) {
        throw new CellInfoError(where, `cannot read src/content/examples/${spec.src}: ${(error as Error).message}`, spec.id);
      }
    } else {
      source = splitSetup(node.value);
    }
    found.push({ node, spec, source });
  });
  return found;
}
