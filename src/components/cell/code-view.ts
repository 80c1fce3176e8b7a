import { afterLoadWhenIdle } from './idle';

/**
 * The static code of a cell (`.wb-cell-code`): the build's highlighted
 * original, or code that is not the original (restored edits, code from a
 * link) until the editor takes over: plain at once, then highlighted with the
 * editor's shiki setup once the page is idle. Lines are `span.line` in all
 * three, so an error's line can be marked the same way.
 */
export class CodeView {
  private readonly originalMarkup: string;
  private showingOriginal = true;
  /** Counts what was shown, so a highlighting that finishes late never replaces newer code. */
  private shown = 0;

  constructor(readonly element: HTMLElement) {
    this.originalMarkup = element.innerHTML;
  }

  showOriginal(): void {
    if (this.showingOriginal) return;
    this.shown++;
    this.element.innerHTML = this.originalMarkup;
    this.showingOriginal = true;
  }

  /**
   * Unhighlighted at once, in the same box and font, then highlighted when the page
   * is idle: the learner's own code reads like the original without the highlighter
   * ever loading before the page does.
   */
  showPlain(code: string): void {
    const shown = ++this.shown;
    this.element.replaceChildren(plainCode(code));
    this.element.style.setProperty('--wb-lines', String(code.split('\n').length));
    this.showingOriginal = false;
    afterLoadWhenIdle(() => void this.highlight(code, shown));
  }

  private async highlight(code: string, shown: number): Promise<void> {
    if (shown !== this.shown) return;
    try {
      const { highlightedPre } = await import('../editor/shiki/highlight-code');
      const pre = await highlightedPre(code);
      if (!pre || shown !== this.shown) return;
      carryLineMarks(this.element, pre);
      this.element.replaceChildren(pre);
    } catch {
      // Highlighting is a nicety: the plain code stays, readable and marked.
    }
  }

  /** Marks the line an error points at (1-based) and says why in its tooltip. */
  markLine(line: number, message: string): void {
    this.clearMarks();
    const target = this.element.querySelectorAll<HTMLElement>('.line')[line - 1];
    if (!target) return;
    target.classList.add('wb-line-error');
    target.title = message;
  }

  clearMarks(): void {
    for (const marked of this.element.querySelectorAll<HTMLElement>('.wb-line-error')) {
      marked.classList.remove('wb-line-error');
      marked.removeAttribute('title');
    }
  }

  set hidden(value: boolean) {
    this.element.hidden = value;
  }
}

/** Code as unhighlighted `pre.wb-cell-plain`, one `span.line` per line like the highlighted markup. */
export function plainCode(code: string): HTMLPreElement {
  const pre = document.createElement('pre');
  pre.className = 'wb-cell-plain';
  const codeElement = document.createElement('code');
  code.split('\n').forEach((text, index) => {
    if (index > 0) codeElement.append('\n');
    const line = document.createElement('span');
    line.className = 'line';
    line.textContent = text;
    codeElement.append(line);
  });
  pre.append(codeElement);
  return pre;
}

/**
 * Marks set on the plain lines while highlighting loaded (an error's line, gutter heat,
 * the line a view pointed at) move to the same lines of the highlighted code.
 */
function carryLineMarks(from: HTMLElement, to: HTMLElement): void {
  const before = from.querySelectorAll<HTMLElement>('.line');
  const after = to.querySelectorAll<HTMLElement>('.line');
  before.forEach((line, index) => {
    const target = after[index];
    if (!target) return;
    for (const name of line.classList) target.classList.add(name);
    for (const { name, value } of line.attributes) if (name === 'title' || name.startsWith('data-')) target.setAttribute(name, value);
  });
}
