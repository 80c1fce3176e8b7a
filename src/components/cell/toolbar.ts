/**
 * The cell's toolbar, filled into the empty `.wb-cell-toolbar` the build
 * emits. It follows the WAI-ARIA toolbar pattern: one Tab stop, arrow keys
 * (and Home/End) move between the visible buttons.
 */

export interface ToolbarParts {
  run: HTMLButtonElement;
  stop: HTMLButtonElement;
  reset: HTMLButtonElement;
  copyLink: HTMLButtonElement;
  setup?: HTMLButtonElement;
  elapsed: HTMLSpanElement;
  status: HTMLSpanElement;
  modifiedBadge: HTMLSpanElement;
  linkBadge: HTMLSpanElement;
}

function button(label: string, className: string, title?: string): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = `wb-cell-button ${className}`;
  element.textContent = label;
  if (title) element.title = title;
  return element;
}

function badge(text: string, className: string): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = `wb-cell-badge ${className}`;
  element.textContent = text;
  element.hidden = true;
  return element;
}

export function buildToolbar(toolbar: HTMLElement, options: { hasSetup: boolean; shortcut: string }): ToolbarParts {
  const run = button('Run', 'wb-cell-run', `Run this cell (${options.shortcut} in the editor)`);
  const stop = button('Stop', 'wb-cell-stop', 'Stop this run');
  stop.hidden = true;
  const reset = button('Reset', 'wb-cell-reset', 'Put the original code back (you can undo this)');
  const copyLink = button('Copy link', 'wb-cell-copy-link', "Copy a link that opens this page with this cell's code");
  const setup = options.hasSetup ? button('Show setup', 'wb-cell-setup-toggle', 'Show the hidden lines that run first') : undefined;
  setup?.setAttribute('aria-expanded', 'false');

  const elapsed = document.createElement('span');
  elapsed.className = 'wb-cell-elapsed';
  elapsed.hidden = true;

  const status = document.createElement('span');
  status.className = 'wb-cell-status';
  status.setAttribute('role', 'status');

  const modifiedBadge = badge('modified', 'wb-cell-badge-modified');
  const linkBadge = badge('code from a link', 'wb-cell-badge-link');

  const spacer = document.createElement('span');
  spacer.className = 'wb-cell-toolbar-spacer';

  // The cell's name (from the build), so the prose can say "the sleeper-graph cell" and a reader finds it.
  const name = toolbar.querySelector<HTMLElement>('.wb-cell-name');
  toolbar.replaceChildren(
    ...[name, run, stop, elapsed, status, spacer, modifiedBadge, linkBadge, setup, reset, copyLink].filter(
      (part): part is HTMLElement => part != null,
    ),
  );
  enableRovingFocus(toolbar);
  return { run, stop, reset, copyLink, setup, elapsed, status, modifiedBadge, linkBadge };
}

/** Arrow keys between buttons; only one of them is in the Tab order. */
function enableRovingFocus(toolbar: HTMLElement): void {
  const buttons = () =>
    Array.from(toolbar.querySelectorAll<HTMLButtonElement>('button')).filter((item) => !item.hidden && !item.disabled);
  const settle = (current?: HTMLButtonElement) => {
    const visible = buttons();
    const keep = current && visible.includes(current) ? current : visible[0];
    for (const item of toolbar.querySelectorAll('button')) item.tabIndex = item === keep ? 0 : -1;
  };
  settle();
  toolbar.addEventListener('focusin', (event) => {
    if (event.target instanceof HTMLButtonElement) settle(event.target);
  });
  toolbar.addEventListener('keydown', (event) => {
    const visible = buttons();
    const index = visible.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    const target =
      event.key === 'ArrowRight'
        ? visible[(index + 1) % visible.length]
        : event.key === 'ArrowLeft'
          ? visible[(index - 1 + visible.length) % visible.length]
          : event.key === 'Home'
            ? visible[0]
            : event.key === 'End'
              ? visible[visible.length - 1]
              : undefined;
    if (!target) return;
    event.preventDefault();
    target.focus();
  });
  // Buttons appear and disappear (Run/Stop): keep exactly one Tab stop.
  new MutationObserver(() => settle(buttons().find((item) => item.tabIndex === 0))).observe(toolbar, {
    subtree: true,
    attributes: true,
    attributeFilter: ['hidden', 'disabled'],
  });
}
