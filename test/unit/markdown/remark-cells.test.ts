import { describe, expect, it } from 'vitest';
import { renderChapter } from './render';

const fence = (meta: string, body: string) => `\`\`\`js ${meta}\n${body}\n\`\`\`\n`;

describe('remark-cells: the HTML contract', () => {
  it('turns a cell fence into a <wb-cell> with every documented part', async () => {
    const { document } = await renderChapter(
      `# Chapter\n\n${fence('cell id=first show=console,time timeout=2s', 'const answer = 42;\nconsole.log(answer);')}`,
    );
    const cell = document.querySelector('wb-cell')!;
    expect(cell).not.toBeNull();
    expect(cell.id).toBe('cell-first');
    expect(cell.dataset.cellId).toBe('first');
    expect(cell.dataset.chapter).toBe('testing');
    expect(cell.dataset.show).toBe('console,time');
    expect(cell.dataset.filename).toBe('cell-first.js');
    expect(JSON.parse(cell.dataset.options!)).toEqual({ id: 'first', show: 'console,time', timeout: '2s' });

    const children = [...cell.children].map((child) => child.tagName.toLowerCase() + '.' + child.className);
    expect(children).toEqual(['script.', 'div.wb-cell-toolbar', 'div.wb-cell-code', 'div.wb-cell-results']);

    const source = cell.querySelector('script[type="application/json"][data-cell-source]')!;
    expect(JSON.parse(source.textContent!)).toEqual({ code: 'const answer = 42;\nconsole.log(answer);' });

    const toolbar = cell.querySelector('.wb-cell-toolbar')!;
    expect(toolbar.getAttribute('role')).toBe('toolbar');
    expect(toolbar.getAttribute('aria-label')).toBe('Cell first');
    // Before any script runs, the toolbar holds only the cell's visible name, a link to the cell.
    expect([...toolbar.children].map((child) => child.className)).toEqual(['wb-cell-name']);
    const name = toolbar.querySelector('a.wb-cell-name')!;
    expect(name.textContent).toBe('first');
    expect(name.getAttribute('href')).toBe('#cell-first');

    const code = cell.querySelector('.wb-cell-code')!;
    expect(code.getAttribute('tabindex')).toBe('0');
    expect(code.getAttribute('aria-label')).toBe('Code of cell first, press Enter to edit');
    expect(code.getAttribute('style')).toContain('--wb-lines:2');
    expect(code.textContent).toBe('const answer = 42;\nconsole.log(answer);');

    const results = cell.querySelector('.wb-cell-results')!;
    expect(results.getAttribute('aria-live')).toBe('polite');
    expect(results.innerHTML).toBe('');
  });

  it('highlights with both github themes as CSS variables (no fixed colours)', async () => {
    const { document } = await renderChapter(fence('cell id=hl', 'const x = "text"; // note'));
    const pre = document.querySelector('wb-cell .wb-cell-code pre.shiki')!;
    expect(pre.className).toContain('github-light');
    expect(pre.className).toContain('github-dark');
    expect(pre.hasAttribute('tabindex')).toBe(false);
    const keyword = [...pre.querySelectorAll('span')].find((span) => span.textContent === 'const')!;
    const style = keyword.getAttribute('style')!;
    expect(style).toMatch(/--shiki-light:#D73A49/i);
    expect(style).toMatch(/--shiki-dark:#F97583/i);
    expect(style).not.toMatch(/(^|;)color:/);
  });

  it('leaves ordinary code blocks alone', async () => {
    const { document } = await renderChapter(fence('title="x.js"', 'let a = 1;') + '```python cell id=nope\nprint(1)\n```\n');
    expect(document.querySelectorAll('wb-cell')).toHaveLength(0);
    expect(document.querySelectorAll('pre > code')).toHaveLength(2);
  });

  it('puts hidden setup in a closed <details> and in the source JSON', async () => {
    const { document } = await renderChapter(fence('cell id=with-setup', 'const log = console.log;\n// ---\nlog("hi");'));
    const cell = document.querySelector('wb-cell')!;
    const setup = cell.querySelector('details.wb-cell-setup')!;
    expect(setup.hasAttribute('open')).toBe(false);
    expect(setup.querySelector('summary')!.textContent).toMatch(/1 hidden line\b/);
    expect(setup.querySelector('pre.shiki')!.textContent).toBe('const log = console.log;');
    expect(cell.querySelector('.wb-cell-code')!.textContent).toBe('log("hi");');
    expect(JSON.parse(cell.querySelector('script[data-cell-source]')!.textContent!)).toEqual({
      code: 'log("hi");',
      setup: 'const log = console.log;',
    });
    // Order: setup comes before the code.
    expect(setup.nextElementSibling!.className).toBe('wb-cell-code');
  });

  it('keeps code that looks like HTML inert inside the JSON script', async () => {
    const nasty = 'console.log("</script><script>alert(1)</script> <!-- & \u2028");';
    const { html, document } = await renderChapter(fence('cell id=nasty', nasty));
    expect(document.querySelectorAll('script')).toHaveLength(1);
    expect(html).not.toContain('</script><script>');
    expect(JSON.parse(document.querySelector('script[data-cell-source]')!.textContent!).code).toBe(nasty);
  });

  it('reads src= cells from the examples folder and names the file', async () => {
    const { document } = await renderChapter(fence('cell id=from-file src=twice.js', ''));
    const cell = document.querySelector('wb-cell')!;
    expect(cell.dataset.filename).toBe('twice.js');
    expect(JSON.parse(cell.querySelector('script[data-cell-source]')!.textContent!).code).toContain('function twice(x)');
    expect(cell.querySelector('.wb-cell-code')!.textContent).toContain('return 2 * x;');
  });

  it('finds cells inside directive containers (exercises)', async () => {
    const { document } = await renderChapter(`:::exercise{id=ex}\nDo it.\n\n${fence('cell id=starter', 'let n = 1;')}:::\n`);
    expect(document.querySelector('wb-cell')?.id).toBe('cell-starter');
  });

  it.each([
    [fence('cell id=twin', 'a') + '\n' + fence('cell id=twin', 'b'), /testing:5: cell "twin": id is already used by the cell on line 1/],
    [fence('cell id=gone src=missing.js', ''), /testing:1: cell "gone": cannot read src\/content\/examples\/missing.js/],
    [fence('cell id=both src=twice.js', 'extra();'), /testing:1: cell "both": a cell with src= takes its code from the file/],
    ['text\n\n' + fence('cell timeout=1s', 'x'), /testing:3: a cell needs an id/],
  ])('fails with chapter and line: %#', async (markdown, message) => {
    await expect(renderChapter(markdown)).rejects.toThrow(message);
  });
});

describe('remark-cells: results recorded at build time', () => {
  it('runs the cell in the real sandbox and puts its console output in the page', async () => {
    const { document } = await renderChapter(
      fence('cell id=rec', 'const log = (...a) => console.log(...a);\n// ---\nfor (let i = 1; i <= 3; i++) log("line", i * 7);'),
      { record: true },
    );
    const cell = document.querySelector('wb-cell')!;
    expect(cell.hasAttribute('data-recorded')).toBe(true);
    const results = cell.querySelector('.wb-cell-results')!;
    expect(results.textContent).toMatch(/recorded when the site was built/i);
    expect(results.textContent).toContain('line 7');
    expect(results.textContent).toContain('line 14');
    expect(results.textContent).toContain('line 21');
    // The same result as data, so the page can make the recorded views live without a Run.
    const data = JSON.parse(cell.querySelector('script[type="application/json"][data-cell-recorded]')!.textContent!);
    expect(data.status).toBe('ok');
    expect(data.console.map((entry: { text: string }) => entry.text)).toEqual(['line 7', 'line 14', 'line 21']);
  });

  it('draws a recorded call graph at build time, so it reads without JavaScript', async () => {
    const { document } = await renderChapter(
      fence('cell id=graph show=callgraph', 'function leaf() { let s = 0; for (let i = 0; i < 1e4; i++) s += i; return s; }\nfunction top() { return leaf() + leaf(); }\ntop();'),
      { record: true },
    );
    const canvas = document.querySelector('.wb-results[data-snapshot] .wb-callgraph-canvas svg');
    expect(canvas).not.toBeNull();
    expect(canvas!.textContent).toContain('leaf');
    expect(document.body.textContent).not.toContain('Laying out the graph');
  });

  it('records src= cells too', async () => {
    const { document } = await renderChapter(fence('cell id=file src=twice.js', ''), { record: true });
    expect(document.querySelector('.wb-cell-results')!.textContent).toContain('twice(21) = 42');
  });

  it('skips cells with record=off', async () => {
    const { document } = await renderChapter(fence('cell id=live record=off', 'console.log("not now")'), { record: true });
    expect(document.querySelector('.wb-cell-results')!.innerHTML).toBe('');
    expect(document.querySelector('wb-cell')!.hasAttribute('data-recorded')).toBe(false);
  });

  it('fails naming chapter, cell id and the error with its line and column', async () => {
    const errors: Error[] = [];
    await expect(
      renderChapter(fence('cell id=broken', 'const a = 1;\nnull.boom();'), { record: true, onError: (e) => errors.push(e) }),
    ).rejects.toThrow(/testing:1: cell "broken" failed at build time: error: TypeError: .*cell-broken\.js:2:/);
    expect(errors).toHaveLength(1);
  });

  it('accepts the ending named by expect=, and fails on any other', async () => {
    const { document } = await renderChapter(fence('cell id=throws expect=error', 'throw new RangeError("on purpose");'), {
      record: true,
    });
    expect(document.querySelector('.wb-cell-results')!.textContent).toContain('on purpose');
    await expect(renderChapter(fence('cell id=fine expect=error', 'console.log(1);'), { record: true })).rejects.toThrow(
      /cell "fine" failed at build time: ok \(expected error, see expect=\)/,
    );
  });
});
