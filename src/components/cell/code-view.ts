/**
 * The static code of a cell (`.wb-cell-code`): the build's highlighted
 * original, or plain text for code that is not the original (restored edits,
 * code from a link) until the editor takes over. Lines are `span.line` in
 * both, so an error's line can be marked the same way.
 */
export class CodeView {
  private readonly originalMarkup: string;
  private showingOriginal = true;

  constructor(readonly element: HTMLElement) {
    this.originalMarkup = element.innerHTML;
  }

  showOriginal(): void {
    if (this.showingOriginal) return;
    this.element.innerHTML = this.originalMarkup;
    this.showingOriginal = true;
  }

  /** Unhighlighted, but the same box and font: enough to read before the editor loads. */
  showPlain(code: string): void {
    this.element.replaceChildren(plainCode(code));
    this.element.style.setProperty('--wb-lines', String(code.split('\n').length));
    this.showingOriginal = false;
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
