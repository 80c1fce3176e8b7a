/**
 * <wb-progress-page>: the Progress page's live part. The build lists every
 * exercise of every chapter; this element shows each one's state from saved
 * progress, and offers export to a file, import from a file, and a reset
 * (after a confirmation).
 */
import { confirmInline } from './confirm';
import { onProgressChange, progress, type ExerciseProgress } from './progress-store';
import { button } from './button';

function describe(entry: ExerciseProgress | undefined): { text: string; state: string } {
  if (!entry) return { text: 'Not started', state: 'not-started' };
  if (entry.status === 'solved') return { text: entry.solutionShown ? '✓ Solved (after seeing the solution)' : '✓ Solved', state: 'solved' };
  const extras = [entry.hints ? `${entry.hints} hint${entry.hints === 1 ? '' : 's'} seen` : '', entry.solutionShown ? 'solution seen' : ''].filter(Boolean);
  return { text: `Started${extras.length ? ` (${extras.join(', ')})` : ''}`, state: 'started' };
}

export class WbProgressPage extends HTMLElement {
  private message!: HTMLElement;
  private started = false;

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    const tools = this.querySelector<HTMLElement>('.wb-progress-tools') ?? this.appendChild(document.createElement('div'));
    tools.replaceChildren();
    const exportButton = button('Export progress to a file', 'wb-progress-export');
    const importButton = button('Import progress from a file', 'wb-progress-import');
    const resetButton = button('Reset all progress', 'wb-progress-reset');
    const fileInput = document.createElement('input');
    fileInput.type = 'file';
    fileInput.accept = 'application/json,.json';
    fileInput.hidden = true;
    fileInput.className = 'wb-progress-file';
    fileInput.setAttribute('aria-label', 'Progress file to import');
    this.message = document.createElement('p');
    this.message.className = 'wb-progress-message';
    this.message.setAttribute('role', 'status');
    tools.append(exportButton, importButton, resetButton, fileInput, this.message);

    exportButton.addEventListener('click', () => this.exportFile());
    importButton.addEventListener('click', () => fileInput.click());
    fileInput.addEventListener('change', () => void this.importFile(fileInput));
    resetButton.addEventListener('click', () => void this.reset(resetButton));
    this.paint();
    onProgressChange(() => this.paint());
  }

  private paint(): void {
    const data = progress.load();
    let solved = 0;
    let total = 0;
    for (const row of this.querySelectorAll<HTMLElement>('[data-progress-key]')) {
      const entry = data.exercises[row.dataset.progressKey ?? ''];
      const { text, state } = describe(entry);
      row.dataset.state = state;
      const cell = row.querySelector<HTMLElement>('.wb-progress-state');
      if (cell) cell.textContent = text;
      total++;
      if (state === 'solved') solved++;
    }
    for (const chapter of this.querySelectorAll<HTMLElement>('[data-progress-chapter]')) {
      const rows = Array.from(chapter.querySelectorAll<HTMLElement>('[data-progress-key]'));
      const done = rows.filter((row) => row.dataset.state === 'solved').length;
      const count = chapter.querySelector<HTMLElement>('.wb-progress-chapter-count');
      if (count) count.textContent = `${done} of ${rows.length} solved`;
    }
    const summary = this.querySelector<HTMLElement>('.wb-progress-summary');
    if (summary) summary.textContent = `You have solved ${solved} of ${total} exercises.`;
    if (!progress.persistent) this.say('This browser is not letting the page save progress, so it will be forgotten when you leave.');
  }

  private say(text: string): void {
    this.message.textContent = text;
  }

  private exportFile(): void {
    const file = progress.toFile();
    const blob = new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `workbook-progress-${file.exportedAt.slice(0, 10)}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.say(`Exported ${Object.keys(file.exercises).length} exercise record(s) to ${link.download}.`);
  }

  private async importFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      this.say('The file could not be read.');
      return;
    }
    const outcome = progress.importText(text);
    this.say(
      outcome.ok
        ? `Imported ${outcome.count} exercise record(s) from ${file.name}. Nothing you had already solved was lost.`
        : `Nothing imported: ${outcome.reason}`,
    );
  }

  private async reset(trigger: HTMLButtonElement): Promise<void> {
    const yes = await confirmInline(trigger, {
      message: 'Forget all your progress in this browser? Export it first if you may want it back.',
      confirm: 'Yes, reset my progress',
      cancel: 'Keep my progress',
    });
    if (!yes) return;
    progress.reset();
    this.say('Your progress has been reset.');
  }
}

if (!customElements.get('wb-progress-page')) customElements.define('wb-progress-page', WbProgressPage);
