import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectCells } from '../../../src/markdown/collect-cells';
import { DOCS_DIR, EXAMPLES_DIR } from '../../../src/markdown/find-cells';
import { FIXTURE_EXAMPLES } from './render';

function writeTemp(name: string, text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'wb-cells-'));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('collectCells', () => {
  it('returns every cell with its spec, code and setup, and true line numbers after front matter', () => {
    const file = writeTemp(
      'sample.md',
      '---\ntitle: Sample\n---\n\nIntro.\n\n```js cell id=one show=console,time\nconsole.log(1);\n```\n\n' +
        ':::exercise{id=e}\n```js cell id=two src=twice.js\n```\n:::\n\n' +
        '```js cell id=three\nconst x = 1;\n// ---\nconsole.log(x);\n```\n\n```js\nnot a cell\n```\n',
    );
    const cells = collectCells(file, { examplesDir: FIXTURE_EXAMPLES });
    expect(cells.map((cell) => [cell.spec.id, cell.spec.line])).toEqual([
      ['one', 7],
      ['two', 12],
      ['three', 16],
    ]);
    expect(cells[0]).toMatchObject({ code: 'console.log(1);', spec: { chapter: 'sample', show: ['console', 'time'] } });
    expect(cells[0].setup).toBeUndefined();
    expect(cells[1].code).toContain('function twice');
    expect(cells[2]).toMatchObject({ setup: 'const x = 1;', code: 'console.log(x);' });
  });

  it('reads .mdx with JSX in it', () => {
    const file = writeTemp(
      'page.mdx',
      "import { Aside } from '@astrojs/starlight/components';\n\n<Aside>Note</Aside>\n\n```js cell id=m\nconsole.log('mdx');\n```\n",
    );
    expect(collectCells(file).map((cell) => cell.code)).toEqual(["console.log('mdx');"]);
  });

  it('finds the cells of the real chapters, with unique ids and readable src files', () => {
    for (const chapter of ['profiling', 'optimisation', 'memory']) {
      const cells = collectCells(path.join(DOCS_DIR, `${chapter}.md`), { examplesDir: EXAMPLES_DIR });
      expect(cells.length, chapter).toBeGreaterThan(0);
      expect(new Set(cells.map((cell) => cell.spec.id)).size).toBe(cells.length);
      for (const cell of cells) {
        expect(cell.spec.chapter).toBe(chapter);
        expect(cell.code.trim().length, `${chapter}/${cell.spec.id}`).toBeGreaterThan(0);
      }
    }
  });
});
