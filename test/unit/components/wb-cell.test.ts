// @vitest-environment jsdom
/**
 * The <wb-cell> element on the build's markup, in jsdom: the toolbar it
 * fills in, saved edits restored with their badge, Reset and its Undo, the
 * setup toggle, code from a link (shown, marked, never saved on its own), and
 * storage that is corrupt or throws. Running is covered in the browser tests.
 */
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { EditStore, editKey } from '../../../src/components/cell/edit-store';
import { shareUrl } from '../../../src/components/cell/share-link';
import type { WbCell } from '../../../src/components/cell/wb-cell';

const ORIGINAL = 'function add(a, b) {\n  return a + b;\n}\nconsole.log(add(2, 3));';

function cellMarkup(options: { id?: string; setup?: string } = {}): string {
  const id = options.id ?? 'adder';
  const source = JSON.stringify(options.setup ? { code: ORIGINAL, setup: options.setup } : { code: ORIGINAL });
  const setup = options.setup
    ? `<details class="wb-cell-setup"><summary>Setup</summary><div class="wb-cell-setup-code"><pre>${options.setup}</pre></div></details>`
    : '';
  const lines = ORIGINAL.split('\n')
    .map((line) => `<span class="line">${line.replace(/</g, '&lt;')}</span>`)
    .join('\n');
  return `<wb-cell id="cell-${id}" data-cell-id="${id}" data-chapter="testing" data-show="console" data-filename="cell-${id}.js" data-options='{"id":"${id}"}'>
  <script type="application/json" data-cell-source>${source}</script>
  <div class="wb-cell-toolbar" role="toolbar" aria-label="Cell ${id}"></div>
  ${setup}
  <div class="wb-cell-code" tabindex="0"><pre class="shiki"><code>${lines}</code></pre></div>
  <div class="wb-cell-results" aria-live="polite"></div>
</wb-cell>`;
}

async function mount(options: { id?: string; setup?: string } = {}): Promise<WbCell> {
  document.body.innerHTML = cellMarkup(options);
  const cell = document.querySelector('wb-cell') as WbCell;
  await customElements.whenDefined('wb-cell');
  return cell;
}

const button = (cell: WbCell, name: string) =>
  Array.from(cell.querySelectorAll<HTMLButtonElement>('.wb-cell-toolbar button')).find((item) => item.textContent === name);
const badge = (cell: WbCell, kind: 'modified' | 'link') => cell.querySelector<HTMLElement>(`.wb-cell-badge-${kind}`)!;
const notice = (cell: WbCell, key: string) => cell.querySelector<HTMLElement>(`.wb-cell-notice[data-notice="${key}"]`);

beforeAll(async () => {
  await import('../../../src/components/cell/wb-cell');
});

afterEach(() => {
  document.body.innerHTML = '';
  localStorage.clear();
  history.replaceState(null, '', '/');
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('<wb-cell>', () => {
  test('fills the toolbar; an unmodified cell shows its highlighted original and no badge', async () => {
    const cell = await mount();
    expect(Array.from(cell.querySelectorAll('.wb-cell-toolbar button')).filter((item) => !(item as HTMLElement).hidden).map((item) => item.textContent)).toEqual([
      'Run',
      'Reset',
      'Copy link',
    ]);
    expect(button(cell, 'Reset')!.disabled).toBe(true);
    expect(badge(cell, 'modified').hidden).toBe(true);
    expect(cell.currentCode()).toBe(ORIGINAL);
    expect(cell.querySelector('.wb-cell-code pre.shiki')).not.toBeNull();
    // One Tab stop in the toolbar.
    expect(Array.from(cell.querySelectorAll<HTMLButtonElement>('.wb-cell-toolbar button')).filter((item) => item.tabIndex === 0)).toHaveLength(1);
  });

  test('restores saved edits, marks them modified; Reset brings the original back and Undo the edits', async () => {
    new EditStore('testing', 'adder', ORIGINAL).save('console.log("mine");');
    const cell = await mount();
    expect(cell.currentCode()).toBe('console.log("mine");');
    expect(cell.querySelector('.wb-cell-code')!.textContent).toBe('console.log("mine");');
    expect(badge(cell, 'modified').hidden).toBe(false);

    button(cell, 'Reset')!.click();
    expect(cell.currentCode()).toBe(ORIGINAL);
    expect(cell.querySelector('.wb-cell-code pre.shiki')).not.toBeNull();
    expect(badge(cell, 'modified').hidden).toBe(true);
    expect(localStorage.getItem(editKey('testing', 'adder'))).toBeNull();

    const undo = Array.from(notice(cell, 'reset')!.querySelectorAll('button')).find((item) => item.textContent === 'Undo')!;
    undo.click();
    expect(cell.currentCode()).toBe('console.log("mine");');
    expect(badge(cell, 'modified').hidden).toBe(false);
    expect(new EditStore('testing', 'adder', ORIGINAL).load()).toMatchObject({ kind: 'saved', code: 'console.log("mine");' });
    expect(notice(cell, 'reset')).toBeNull();
  });

  test('"Show setup" opens and closes the hidden setup, and says which it will do', async () => {
    const cell = await mount({ setup: 'const helper = 1;' });
    const toggle = button(cell, 'Show setup')!;
    const details = cell.querySelector('details')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    details.dispatchEvent(new Event('toggle'));
    expect(details.open).toBe(true);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent).toBe('Hide setup');
  });

  test('no "Show setup" button without setup', async () => {
    const cell = await mount();
    expect(button(cell, 'Show setup')).toBeUndefined();
  });

  test('code from a link is shown and marked, and leaves the saved edits alone', async () => {
    new EditStore('testing', 'adder', ORIGINAL).save('console.log("saved");');
    const url = await shareUrl(location.href, 'adder', 'console.log("linked");');
    history.replaceState(null, '', new URL(url).hash);
    const cell = await mount();
    await vi.waitFor(() => expect(cell.currentCode()).toBe('console.log("linked");'));
    expect(badge(cell, 'link').hidden).toBe(false);
    expect(badge(cell, 'modified').hidden).toBe(true);
    expect(notice(cell, 'link')!.textContent).toContain('runs only when you press Run');
    expect(new EditStore('testing', 'adder', ORIGINAL).load()).toMatchObject({ code: 'console.log("saved");' });

    // The learner prefers their own edits.
    const mine = Array.from(notice(cell, 'link')!.querySelectorAll('button')).find((item) => item.textContent === 'Show my saved edits')!;
    mine.click();
    expect(cell.currentCode()).toBe('console.log("saved");');
    expect(badge(cell, 'link').hidden).toBe(true);
    expect(location.hash).toBe('#cell-adder');
  });

  test('a link for another cell does not touch this one', async () => {
    const url = await shareUrl(location.href, 'someone-else', 'console.log(1);');
    history.replaceState(null, '', new URL(url).hash);
    const cell = await mount();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(cell.currentCode()).toBe(ORIGINAL);
    expect(badge(cell, 'link').hidden).toBe(true);
  });

  test('unreadable saved edits: the original is shown with a notice', async () => {
    localStorage.setItem(editKey('testing', 'adder'), '{"v":1,"code":');
    const cell = await mount();
    expect(cell.currentCode()).toBe(ORIGINAL);
    expect(notice(cell, 'unreadable')!.textContent).toContain('could not be read');
  });

  test('a save that throws leaves a notice saying edits will not be kept, once', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    // A touch screen: the editor is the plain textarea (Monaco does not run in jsdom).
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query.includes('coarse'), media: query }));
    const cell = await mount();
    // Edits arrive through the editor's onChange; the textarea editor is what jsdom can mount.
    const editing = cell.startEditing();
    const editor = await editing;
    expect(editor?.kind).toBe('textarea');
    const textarea = cell.querySelector('textarea')!;
    textarea.value = 'console.log("edited");';
    textarea.dispatchEvent(new Event('input'));
    await vi.waitFor(() => expect(notice(cell, 'storage')).not.toBeNull(), { timeout: 2000 });
    expect(notice(cell, 'storage')!.textContent).toContain('will not be kept');
    expect(cell.currentCode()).toBe('console.log("edited");');
    expect(badge(cell, 'modified').hidden).toBe(false);

    notice(cell, 'storage')!.querySelector<HTMLButtonElement>('.wb-cell-notice-dismiss')!.click();
    textarea.value = 'console.log("edited again");';
    textarea.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(notice(cell, 'storage')).toBeNull();
  });
});
