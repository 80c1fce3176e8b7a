// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountTextareaEditor } from '../../../src/components/editor/textarea/mount-textarea';
import { mountEditorWith } from '../../../src/components/editor/mount-editor';
import { isTouchDevice } from '../../../src/components/editor/touch';
import { MAX_VISIBLE_LINES } from '../../../src/components/editor/layout';

function makeContainer(): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  return container;
}

function press(target: HTMLElement, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

function textareaIn(container: HTMLElement): HTMLTextAreaElement {
  const textarea = container.querySelector('textarea');
  if (!textarea) throw new Error('no textarea rendered');
  return textarea;
}

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('textarea editor', () => {
  it('shows the code with its accessible name and a keyboard hint', () => {
    const container = makeContainer();
    const handle = mountTextareaEditor(container, { code: 'let a = 1;\nconsole.log(a);', ariaLabel: 'Code of cell demo' });
    const textarea = textareaIn(container);

    expect(handle.kind).toBe('textarea');
    expect(textarea.value).toBe('let a = 1;\nconsole.log(a);');
    expect(textarea.getAttribute('aria-label')).toBe('Code of cell demo');
    expect(textarea.spellcheck).toBe(false);
    const describedBy = textarea.getAttribute('aria-describedby')!.split(' ');
    const hint = document.getElementById(describedBy[0])!;
    expect(hint.textContent).toMatch(/Enter runs/);
    expect(hint.textContent).toMatch(/Esc, then Tab/);
  });

  it('grows with the code from the static height up to the cap', () => {
    const container = makeContainer();
    const handle = mountTextareaEditor(container, { code: 'a\nb\nc', ariaLabel: 'code' });
    const textarea = textareaIn(container);
    expect(textarea.rows).toBe(3);

    textarea.value = Array.from({ length: 8 }, (_, i) => `line${i}`).join('\n');
    textarea.dispatchEvent(new Event('input'));
    expect(textarea.rows).toBe(8);

    // Never shorter than the code it replaced, so deleting lines does not make the page jump.
    textarea.value = 'a';
    textarea.dispatchEvent(new Event('input'));
    expect(textarea.rows).toBe(3);

    handle.setValue(Array.from({ length: MAX_VISIBLE_LINES + 20 }, () => 'x').join('\n'));
    expect(textarea.rows).toBe(MAX_VISIBLE_LINES);
  });

  it('honours minLines', () => {
    const container = makeContainer();
    mountTextareaEditor(container, { code: 'x', ariaLabel: 'code', minLines: 5 });
    expect(textareaIn(container).rows).toBe(5);
  });

  it('reports learner edits through onChange but not setValue()', () => {
    const container = makeContainer();
    const onChange = vi.fn();
    const handle = mountTextareaEditor(container, { code: 'old', ariaLabel: 'code', onChange });
    const textarea = textareaIn(container);

    textarea.value = 'typed';
    textarea.dispatchEvent(new Event('input'));
    expect(onChange).toHaveBeenCalledWith('typed');
    expect(handle.getValue()).toBe('typed');

    onChange.mockClear();
    handle.setValue('reset');
    expect(handle.getValue()).toBe('reset');
    expect(textarea.value).toBe('reset');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('runs on Ctrl+Enter and Cmd+Enter, not on plain Enter', () => {
    const container = makeContainer();
    const onRun = vi.fn();
    mountTextareaEditor(container, { code: '', ariaLabel: 'code', onRun });
    const textarea = textareaIn(container);

    expect(press(textarea, 'Enter', { ctrlKey: true }).defaultPrevented).toBe(true);
    press(textarea, 'Enter', { metaKey: true });
    press(textarea, 'Enter');
    expect(onRun).toHaveBeenCalledTimes(2);
  });

  it('indents with Tab (two spaces) and outdents with Shift+Tab', () => {
    const container = makeContainer();
    const onChange = vi.fn();
    mountTextareaEditor(container, { code: 'if (x) {\ny();\n}', ariaLabel: 'code', onChange });
    const textarea = textareaIn(container);
    textarea.focus();
    textarea.setSelectionRange(9, 9); // start of "y();"

    const tab = press(textarea, 'Tab');
    expect(tab.defaultPrevented).toBe(true);
    expect(textarea.value).toBe('if (x) {\n  y();\n}');
    expect(textarea.selectionStart).toBe(11);
    expect(onChange).toHaveBeenLastCalledWith('if (x) {\n  y();\n}');

    press(textarea, 'Tab', { shiftKey: true });
    expect(textarea.value).toBe('if (x) {\ny();\n}');
    expect(textarea.selectionStart).toBe(9);
  });

  it('lets Tab leave the editor after Escape', () => {
    const container = makeContainer();
    mountTextareaEditor(container, { code: 'a', ariaLabel: 'code' });
    const textarea = textareaIn(container);
    textarea.setSelectionRange(1, 1);

    press(textarea, 'Escape');
    const tab = press(textarea, 'Tab');
    expect(tab.defaultPrevented).toBe(false); // the browser moves focus
    expect(textarea.value).toBe('a');

    // The exit is armed for one key only: the next Tab indents again.
    expect(press(textarea, 'Tab').defaultPrevented).toBe(true);
    expect(textarea.value).toBe('a  ');
  });

  it('shows markers as a message line and clears them', () => {
    const container = makeContainer();
    const handle = mountTextareaEditor(container, { code: 'let = 1', ariaLabel: 'code' });
    const textarea = textareaIn(container);
    const problems = container.querySelector<HTMLElement>('.wb-editor__problems')!;
    expect(problems.hidden).toBe(true);

    handle.setMarkers([
      { line: 1, column: 5, message: "SyntaxError: unexpected token in expression: '='" },
      { line: 2, column: 1, message: 'unused', severity: 'warning' },
    ]);
    expect(problems.hidden).toBe(false);
    expect(problems.textContent).toContain("Error at line 1, column 5: SyntaxError: unexpected token in expression: '='");
    expect(problems.textContent).toContain('Warning at line 2, column 1: unused');
    expect(textarea.getAttribute('aria-invalid')).toBe('true');
    expect(textarea.getAttribute('aria-describedby')).toContain(problems.id);

    handle.clearMarkers();
    expect(problems.hidden).toBe(true);
    expect(problems.textContent).toBe('');

    // Replacing the whole text drops markers that pointed into the old one.
    handle.setMarkers([{ line: 1, column: 1, message: 'stale' }]);
    handle.setValue('let ok = 1');
    expect(problems.hidden).toBe(true);
    expect(problems.textContent).toBe('');
    expect(textarea.hasAttribute('aria-invalid')).toBe(false);
  });

  it('focuses and disposes', () => {
    const container = makeContainer();
    const handle = mountTextareaEditor(container, { code: 'a', ariaLabel: 'code' });
    handle.focus();
    expect(document.activeElement).toBe(textareaIn(container));
    handle.dispose();
    expect(container.querySelector('.wb-editor')).toBeNull();
  });
});

describe('choosing the editor', () => {
  it('detects touch screens through (pointer: coarse)', () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(pointer: coarse)' }));
    expect(isTouchDevice()).toBe(true);
    vi.stubGlobal('matchMedia', () => ({ matches: false }));
    expect(isTouchDevice()).toBe(false);
  });

  it('uses the textarea on touch screens without loading Monaco', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(pointer: coarse)' }));
    const loadMonaco = vi.fn();
    const handle = await mountEditorWith(makeContainer(), { code: 'x', ariaLabel: 'code' }, loadMonaco);
    expect(handle.kind).toBe('textarea');
    expect(loadMonaco).not.toHaveBeenCalled();
  });

  it('falls back to the textarea when Monaco fails to load, removing any half-built editor', async () => {
    vi.stubGlobal('matchMedia', () => ({ matches: false }));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const container = makeContainer();
    const handle = await mountEditorWith(container, { code: 'kept', ariaLabel: 'code' }, async () => async (target) => {
      const partial = document.createElement('div');
      partial.className = 'wb-editor';
      target.append(partial);
      throw new Error('chunk failed');
    });
    expect(handle.kind).toBe('textarea');
    expect(container.querySelectorAll('.wb-editor')).toHaveLength(1);
    expect(handle.getValue()).toBe('kept');
  });

  it('uses Monaco when it loads on a desktop', async () => {
    vi.stubGlobal('matchMedia', () => ({ matches: false }));
    const fake = { kind: 'monaco' as const } as never;
    const handle = await mountEditorWith(makeContainer(), { code: 'x', ariaLabel: 'code' }, async () => async () => fake);
    expect(handle).toBe(fake);
  });
});
