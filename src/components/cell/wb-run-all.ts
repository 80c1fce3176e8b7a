/**
 * <wb-run-all>: one button that runs every cell of the page, top to bottom,
 * one after the other (each in its own fresh sandbox run). Stop ends the
 * current cell and skips the rest.
 */
import type { WbCell } from './wb-cell';

export class WbRunAll extends HTMLElement {
  private button!: HTMLButtonElement;
  private progress!: HTMLSpanElement;
  private stopping = false;
  private busy = false;

  connectedCallback(): void {
    if (this.button) return;
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.button.className = 'wb-cell-button wb-run-all-button';
    this.button.textContent = 'Run all cells';
    this.progress = document.createElement('span');
    this.progress.className = 'wb-run-all-progress';
    this.progress.setAttribute('role', 'status');
    this.replaceChildren(this.button, this.progress);
    this.button.addEventListener('click', () => (this.busy ? this.stop() : void this.runAll()));
  }

  private cells(): WbCell[] {
    return Array.from(document.querySelectorAll<WbCell>('wb-cell')).filter((cell) => typeof cell.run === 'function');
  }

  async runAll(): Promise<void> {
    if (this.busy) return;
    const cells = this.cells();
    this.busy = true;
    this.stopping = false;
    this.button.textContent = 'Stop running cells';
    this.dataset.state = 'running';
    const endings: boolean[] = [];
    for (const [index, cell] of cells.entries()) {
      if (this.stopping) break;
      this.progress.textContent = `Running cell ${index + 1} of ${cells.length}…`;
      const result = await cell.run();
      // A cell written to end out of memory (or with an error) did what it shows when it does.
      endings.push(result.status === cell.expectedStatus);
    }
    const failed = endings.filter((asMeant) => !asMeant).length;
    this.progress.textContent = this.stopping
      ? `Stopped after ${endings.length} of ${cells.length} cells.`
      : `Ran ${cells.length} cell${cells.length === 1 ? '' : 's'}: ${cells.length - failed} ended as expected, ${failed} did not.`;
    this.busy = false;
    this.button.textContent = 'Run all cells';
    this.dataset.state = 'idle';
  }

  stop(): void {
    this.stopping = true;
    for (const cell of this.cells()) if (cell.running) cell.stop();
  }
}

if (!customElements.get('wb-run-all')) customElements.define('wb-run-all', WbRunAll);
