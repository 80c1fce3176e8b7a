/**
 * The expanded inspector: any cell's results opened wide in a modal dialog
 * (95 % of the viewport, the whole screen on a phone). The same Results
 * component renders there with `expanded`, so views that can use the room do
 * (the icicle fills the width above its table, the call graph fits its
 * tallest path). Esc or Close ends it and focus goes back where it was.
 * Loaded with the results views, never before.
 */
import { createRoot, type Root } from 'react-dom/client';
import { Results, type ResultsProps } from './Results';

let open: { dialog: HTMLDialogElement; root: Root; returnTo: HTMLElement | null } | undefined;

export function openInspector(props: ResultsProps, title: string): void {
  closeInspector();
  const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const dialog = document.createElement('dialog');
  dialog.className = 'wb-inspector not-content';
  dialog.setAttribute('aria-label', title);
  const header = document.createElement('div');
  header.className = 'wb-inspector-header';
  const heading = document.createElement('h2');
  heading.textContent = title;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'wb-cell-button wb-inspector-close';
  close.textContent = 'Close';
  close.addEventListener('click', () => closeInspector());
  header.append(heading, close);
  const body = document.createElement('div');
  body.className = 'wb-inspector-body';
  dialog.append(header, body);
  dialog.addEventListener('close', () => closeInspector());
  document.body.append(dialog);
  const root = createRoot(body);
  root.render(<Results {...props} expanded onExpand={undefined} />);
  open = { dialog, root, returnTo };
  dialog.showModal();
  close.focus();
}

export function closeInspector(): void {
  const current = open;
  if (!current) return;
  open = undefined;
  current.root.unmount();
  if (current.dialog.open) current.dialog.close();
  current.dialog.remove();
  current.returnTo?.focus();
}
