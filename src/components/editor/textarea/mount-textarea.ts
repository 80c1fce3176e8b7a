/**
 * The plain editor: a styled <textarea> honouring the same EditorHandle as Monaco.
 * Used on touch screens (Monaco is clumsy there) and whenever Monaco fails to load.
 * Markers are shown as a message line under it, since a textarea cannot underline text.
 */
import type { EditorHandle, EditorMarker, EditorOptions } from '../types';
import { createKeyboardHint } from '../keyboard-hint';
import { lineCount, visibleLines } from '../layout';

const INDENT = '  ';

export function mountTextareaEditor(container: HTMLElement, opts: EditorOptions): EditorHandle {
  const wrapper = document.createElement('div');
  wrapper.className = 'wb-editor wb-editor--textarea not-content';

  const textarea = document.createElement('textarea');
  textarea.className = 'wb-editor__textarea';
  textarea.value = opts.code;
  textarea.setAttribute('aria-label', opts.ariaLabel);
  textarea.setAttribute('aria-multiline', 'true');
  textarea.spellcheck = false;
  textarea.wrap = 'off';
  // Phones would otherwise "correct" identifiers and capitalise the first letter of each line.
  textarea.setAttribute('autocapitalize', 'off');
  textarea.setAttribute('autocomplete', 'off');
  textarea.setAttribute('autocorrect', 'off');
  textarea.dataset.language = opts.language ?? 'javascript';

  const problems = document.createElement('p');
  problems.className = 'wb-editor__problems';
  problems.hidden = true;
  problems.id = `${textareaId()}-problems`;
  // Announce markers when they appear, the way Monaco's squiggles would be seen.
  problems.setAttribute('aria-live', 'polite');

  const hint = createKeyboardHint();
  textarea.setAttribute('aria-describedby', `${hint.id} ${problems.id}`);

  wrapper.append(textarea, problems, hint);
  container.append(wrapper);

  const resize = () => {
    textarea.rows = visibleLines(lineCount(textarea.value), opts.minLines ?? lineCount(opts.code));
  };
  resize();

  // Escape arms an exit: the next Tab leaves the editor instead of indenting.
  let escapeArmed = false;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      escapeArmed = false;
      opts.onRun?.();
      return;
    }
    if (event.key === 'Escape') {
      escapeArmed = true;
      return;
    }
    if (event.key === 'Tab' && !event.altKey && !event.ctrlKey && !event.metaKey) {
      if (escapeArmed) {
        escapeArmed = false;
        return; // let the browser move focus
      }
      event.preventDefault();
      if (event.shiftKey) outdentSelection(textarea);
      else insertText(textarea, INDENT);
      afterEdit();
      return;
    }
    escapeArmed = false;
  };

  const afterEdit = () => {
    resize();
    opts.onChange?.(textarea.value);
  };

  textarea.addEventListener('keydown', onKeyDown);
  textarea.addEventListener('input', afterEdit);
  textarea.addEventListener('blur', () => (escapeArmed = false));

  const clearMarkers = () => {
    problems.replaceChildren();
    problems.hidden = true;
    textarea.removeAttribute('aria-invalid');
  };

  return {
    kind: 'textarea',
    getValue: () => textarea.value,
    setValue(code: string) {
      // A plain assignment: it must not steal focus from the button (e.g. Reset) that asked for it.
      textarea.value = code;
      clearMarkers(); // they pointed into the old text
      resize();
    },
    setMarkers(markers: EditorMarker[]) {
      clearMarkers();
      if (markers.length === 0) return;
      for (const marker of markers) {
        const line = document.createElement('span');
        line.className = `wb-editor__problem wb-editor__problem--${marker.severity ?? 'error'}`;
        line.textContent = describeMarker(marker);
        problems.append(line);
      }
      problems.hidden = false;
      if (markers.some((marker) => (marker.severity ?? 'error') === 'error')) {
        textarea.setAttribute('aria-invalid', 'true');
      }
    },
    clearMarkers,
    focus: () => textarea.focus(),
    dispose() {
      textarea.removeEventListener('keydown', onKeyDown);
      textarea.removeEventListener('input', afterEdit);
      wrapper.remove();
    },
  };
}

export function describeMarker(marker: EditorMarker): string {
  const kind = marker.severity === 'warning' ? 'Warning' : 'Error';
  return `${kind} at line ${marker.line}, column ${marker.column}: ${marker.message}`;
}

let textareaCounter = 0;
function textareaId(): string {
  return `wb-editor-textarea-${++textareaCounter}`;
}

/** Inserts text at the caret, through the browser's undo stack when it allows it. */
function insertText(textarea: HTMLTextAreaElement, text: string): void {
  const before = textarea.value;
  const undoable = typeof document.execCommand === 'function' && document.execCommand('insertText', false, text);
  if (undoable && textarea.value !== before) return;
  const { selectionStart, selectionEnd } = textarea;
  textarea.setRangeText(text, selectionStart, selectionEnd, 'end');
}

/** Shift+Tab: removes up to two leading spaces from each selected line. */
function outdentSelection(textarea: HTMLTextAreaElement): void {
  const { value, selectionStart, selectionEnd } = textarea;
  const blockStart = value.lastIndexOf('\n', selectionStart - 1) + 1;
  const block = value.slice(blockStart, selectionEnd);
  const outdented = block.replace(/^ {1,2}/gm, '');
  if (outdented === block) return;
  const removedOnFirstLine = block.length - block.replace(/^ {1,2}/, '').length;
  textarea.setRangeText(outdented, blockStart, selectionEnd, 'preserve');
  const start = Math.max(blockStart, selectionStart - removedOnFirstLine);
  textarea.setSelectionRange(start, selectionEnd - (block.length - outdented.length));
}
