/**
 * Short messages inside a cell ("Code reset. Undo", "Edits will not be
 * kept"), each under a key so the same notice is never stacked twice. They
 * stay until dismissed or replaced: no timeout hurries a slow reader.
 */

export interface NoticeAction {
  label: string;
  run(): void;
}

export type NoticeTone = 'info' | 'warning';

export class Notices {
  readonly element: HTMLDivElement;
  private readonly shown = new Map<string, HTMLElement>();

  constructor() {
    this.element = document.createElement('div');
    this.element.className = 'wb-cell-notices';
    this.element.setAttribute('role', 'status');
  }

  show(key: string, message: string | Node, options: { tone?: NoticeTone; actions?: NoticeAction[] } = {}): HTMLElement {
    this.hide(key);
    const notice = document.createElement('div');
    notice.className = 'wb-cell-notice';
    notice.dataset.notice = key;
    notice.dataset.tone = options.tone ?? 'info';

    const text = document.createElement('span');
    text.className = 'wb-cell-notice-text';
    text.append(message);
    notice.append(text);

    for (const action of options.actions ?? []) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'wb-cell-notice-action';
      button.textContent = action.label;
      button.addEventListener('click', () => {
        this.hide(key);
        action.run();
      });
      notice.append(button);
    }

    const dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.className = 'wb-cell-notice-dismiss';
    dismiss.setAttribute('aria-label', 'Dismiss this notice');
    dismiss.textContent = '×';
    dismiss.addEventListener('click', () => this.hide(key));
    notice.append(dismiss);

    this.element.append(notice);
    this.shown.set(key, notice);
    return notice;
  }

  hide(key: string): void {
    this.shown.get(key)?.remove();
    this.shown.delete(key);
  }

  has(key: string): boolean {
    return this.shown.has(key);
  }
}
