// @vitest-environment jsdom
/**
 * Edited code after a reload: shown plain at once, then highlighted with the same
 * grammar and themes as the build's code (the editor's shiki setup), with every mark
 * already set on the plain lines carried over, and never replacing newer code.
 */
import { describe, expect, it, vi } from 'vitest';
import { CodeView } from '../../../src/components/cell/code-view';
import { highlightCode } from '../../../src/markdown/highlight';
import { toHtml } from 'hast-util-to-html';

const ORIGINAL = '<pre class="original"><code><span class="line">original()</span></code></pre>';
const EDITED = 'const total = [1, 2, 3].reduce((a, b) => a + b, 0); // sum\nconsole.log("total", total);\n\nfunction f(n) {\n  return n * 2;\n}';

function codeView(): CodeView {
  const element = document.createElement('div');
  element.className = 'wb-cell-code';
  element.innerHTML = ORIGINAL;
  document.body.append(element);
  return new CodeView(element);
}

const highlighted = (view: CodeView) => view.element.querySelector('pre.shiki');

describe('edited code is highlighted once the page is idle', () => {
  it('shows plain code at once, then the same markup the build makes for that code', async () => {
    const view = codeView();
    view.showPlain(EDITED);
    expect(view.element.querySelector('pre.wb-cell-plain')?.textContent).toBe(EDITED);
    expect(highlighted(view)).toBeNull();

    await vi.waitFor(() => expect(highlighted(view)).not.toBeNull(), { timeout: 15_000, interval: 50 });
    const pre = highlighted(view)!;
    expect(pre.textContent).toBe(EDITED);
    expect(pre.querySelectorAll('.line')).toHaveLength(EDITED.split('\n').length);
    expect(pre.hasAttribute('tabindex')).toBe(false);
    // Truth: the build's own highlighter on the same code (same tokens, same theme colours).
    const built = document.createElement('div');
    built.innerHTML = toHtml(await highlightCode(EDITED));
    expect(pre.innerHTML).toBe(built.querySelector('pre')!.innerHTML);
  }, 20_000);

  it('carries an error mark, gutter heat and a tooltip from the plain lines to the highlighted ones', async () => {
    const view = codeView();
    view.showPlain(EDITED);
    view.markLine(2, 'ReferenceError: total is not defined');
    const first = view.element.querySelectorAll<HTMLElement>('.line')[0];
    first.dataset.heat = '4';
    first.dataset.heatLabel = '80 % of the time';

    await vi.waitFor(() => expect(highlighted(view)).not.toBeNull(), { timeout: 15_000, interval: 50 });
    const lines = highlighted(view)!.querySelectorAll<HTMLElement>('.line');
    expect(lines[1].classList.contains('wb-line-error')).toBe(true);
    expect(lines[1].title).toBe('ReferenceError: total is not defined');
    expect(lines[0].dataset.heat).toBe('4');
    expect(lines[0].dataset.heatLabel).toBe('80 % of the time');
    expect(lines[2].classList.contains('wb-line-error')).toBe(false);
  }, 20_000);

  it('never replaces newer code: the original shown again, or a later edit, stays', async () => {
    const back = codeView();
    back.showPlain(EDITED);
    back.showOriginal();
    const later = codeView();
    later.showPlain(EDITED);
    later.showPlain('let newer = 1;');

    await vi.waitFor(() => expect(highlighted(later)).not.toBeNull(), { timeout: 15_000, interval: 50 });
    expect(highlighted(later)!.textContent).toBe('let newer = 1;');
    // Both views' highlighting was scheduled at the same time; the later one has finished.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(back.element.innerHTML).toBe(ORIGINAL);
  }, 20_000);
});
