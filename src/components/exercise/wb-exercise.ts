/**
 * <wb-exercise>: a guided exercise. The build emits the task, the starter cell,
 * hidden hints and solution, and the exercise's data (src/markdown/remark-exercises.ts);
 * this element adds the controls: an answer field when the exercise asks for
 * one, "Check my answer", hints one at a time, the solution after a
 * confirmation, "My code vs the solution", and saved progress.
 * The checker and the comparison are fetched on first use.
 */
import type { ExerciseSpec } from '../../sandbox/exercises/types';
import type { CheckResult } from '../../sandbox/exercises/types';
import type { RunResult } from '../../sandbox/types';
import { CHECK_FILENAME } from '../../sandbox/exercises/types';
import type { Turn } from '../cell/run-queue';
import { confirmInline } from './confirm';
import { onProgressChange, progress, progressKey, type ExerciseProgress } from './progress-store';
import { button } from './button';

type CellLike = HTMLElement & { currentCode?: () => string; showCheckedRun?: (result: RunResult, code: string) => Promise<void> };

export class WbExercise extends HTMLElement {
  private spec!: ExerciseSpec;
  private key = '';
  private started = false;

  private answerField: HTMLInputElement | undefined;
  private choiceInputs: HTMLInputElement[] = [];
  private checkButton!: HTMLButtonElement;
  private hintButton!: HTMLButtonElement;
  private solutionButton!: HTMLButtonElement;
  private verdict!: HTMLElement;
  private state!: HTMLElement;
  private storageNote!: HTMLElement;
  private turn: Turn | undefined;

  connectedCallback(): void {
    if (this.started) return;
    const data = this.querySelector(':scope > script[data-exercise-spec]');
    if (!data) {
      document.addEventListener('DOMContentLoaded', () => this.connectedCallback(), { once: true });
      return;
    }
    try {
      this.spec = JSON.parse(data.textContent ?? '') as ExerciseSpec;
    } catch {
      return; // the build wrote it; if it cannot be read, the static page is all there is
    }
    this.started = true;
    this.key = progressKey(this.spec.chapter, this.spec.id);
    this.buildPanel();
    this.restore(progress.get(this.key));
    onProgressChange(() => this.showState(progress.get(this.key)));
  }

  /* ------------------------------------------------------------ controls */

  private buildPanel(): void {
    const panel = this.querySelector<HTMLElement>(':scope > .wb-exercise-panel') ?? this.appendChild(document.createElement('div'));
    panel.className = 'wb-exercise-panel';
    panel.replaceChildren();

    this.state = document.createElement('p');
    this.state.className = 'wb-exercise-state';
    panel.append(this.state);

    const answer = this.spec.answer;
    if (answer?.kind === 'choice') {
      const group = document.createElement('fieldset');
      group.className = 'wb-exercise-answer';
      const legend = document.createElement('legend');
      legend.textContent = 'Your answer';
      group.append(legend);
      this.choiceInputs = answer.choices.map((choice, index) => {
        const label = document.createElement('label');
        const input = document.createElement('input');
        input.type = 'radio';
        input.name = `answer-${this.spec.chapter}-${this.spec.id}`;
        input.value = choice;
        input.id = `exercise-${this.spec.id}-choice-${index}`;
        label.append(input, ` ${choice}`);
        group.append(label);
        return input;
      });
      panel.append(group);
    } else if (answer) {
      const label = document.createElement('label');
      label.className = 'wb-exercise-answer';
      label.append(answer.kind === 'number' ? 'Your answer (a number)' : 'Your answer');
      const input = document.createElement('input');
      input.type = 'text';
      input.autocomplete = 'off';
      input.spellcheck = false;
      if (answer.kind === 'number') input.inputMode = 'decimal';
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          void this.check();
        }
      });
      label.append(input);
      this.answerField = input;
      panel.append(label);
    }

    const buttons = document.createElement('div');
    buttons.className = 'wb-exercise-buttons';
    this.checkButton = button('Check my answer', 'wb-exercise-check');
    this.hintButton = button('Show a hint', 'wb-exercise-hint-button');
    this.solutionButton = button('Show the solution', 'wb-exercise-solution-button');
    this.checkButton.addEventListener('click', () => void (this.turn ? this.stopChecking() : this.check()));
    this.hintButton.addEventListener('click', () => this.revealHint(true));
    this.solutionButton.addEventListener('click', () => void this.askForSolution());
    buttons.append(this.checkButton, this.hintButton, this.solutionButton);
    panel.append(buttons);

    this.verdict = document.createElement('div');
    this.verdict.className = 'wb-exercise-verdict';
    this.verdict.setAttribute('role', 'status');
    this.verdict.setAttribute('aria-live', 'polite');
    panel.append(this.verdict);

    this.storageNote = document.createElement('p');
    this.storageNote.className = 'wb-exercise-storage-note';
    this.storageNote.hidden = true;
    panel.append(this.storageNote);
    this.updateHintButton();
  }

  private restore(saved: ExerciseProgress | undefined): void {
    for (let shown = 0; shown < (saved?.hints ?? 0); shown++) this.revealHint(false);
    if (saved?.solutionShown) this.revealSolution(false);
    this.showState(saved);
  }

  private showState(saved: ExerciseProgress | undefined): void {
    const solved = saved?.status === 'solved';
    this.dataset.progress = saved?.status ?? 'not-started';
    this.state.textContent = solved
      ? `✓ Solved${saved?.solutionShown ? ' (after seeing the solution)' : ''}`
      : saved
        ? 'Started, not solved yet'
        : 'Not started';
    this.storageNote.hidden = progress.persistent;
    this.storageNote.textContent = 'This browser is not letting the page save your progress, so it will be forgotten when you leave.';
  }

  /* ------------------------------------------------------------ checking */

  private starterCell(): CellLike | null {
    return this.querySelector<CellLike>('.wb-exercise-task wb-cell');
  }

  private currentCode(): string {
    const cell = this.starterCell();
    return typeof cell?.currentCode === 'function' ? cell.currentCode() : this.spec.starter;
  }

  private currentAnswer(): string | undefined {
    if (this.spec.answer?.kind === 'choice') return this.choiceInputs.find((input) => input.checked)?.value;
    return this.answerField?.value.trim() || undefined;
  }

  async check(): Promise<CheckResult | undefined> {
    if (this.turn) return undefined;
    const answer = this.currentAnswer();
    if (this.spec.answer && answer === undefined) {
      this.showVerdict(undefined, this.spec.answer.kind === 'choice' ? 'Choose an answer first.' : 'Type your answer first.');
      (this.answerField ?? this.choiceInputs[0])?.focus();
      return undefined;
    }
    const turn: Turn = { cancelled: false };
    this.turn = turn;
    this.setChecking(true);
    let result: CheckResult;
    try {
      const { checkInPage } = await import('./check-runner');
      const code = this.currentCode();
      const checked = await checkInPage({ exercise: this.spec, code, answer }, turn);
      result = checked.check;
      this.showCheckedRun(checked.shown, code);
    } catch (error) {
      result = {
        passed: false,
        outcome: 'no-check',
        message: `Not checked: the checker could not load (${error instanceof Error ? error.message : String(error)}). Reload the page and try again.`,
      };
    } finally {
      this.turn = undefined;
      this.setChecking(false);
    }
    const saved = result.passed ? progress.markSolved(this.key) : progress.markTried(this.key);
    this.showState(saved);
    this.showVerdict(result);
    this.dispatchEvent(new CustomEvent('wb-exercise-checked', { detail: { result }, bubbles: true }));
    return result;
  }

  /**
   * The starter cell shows the run the check made, so the output beside the code is
   * what the verdict speaks of. Not a run the learner stopped, and not one where the
   * check itself failed (that error is the exercise's, told in the verdict).
   */
  private showCheckedRun(run: RunResult, code: string): void {
    if (run.status === 'stopped' || run.error?.location?.file === CHECK_FILENAME) return;
    const cell = this.starterCell();
    if (typeof cell?.showCheckedRun === 'function') void cell.showCheckedRun(run, code);
  }

  private async stopChecking(): Promise<void> {
    const turn = this.turn;
    if (!turn) return;
    const { stopCheck } = await import('./check-runner');
    await stopCheck(turn);
  }

  private setChecking(checking: boolean): void {
    this.checkButton.textContent = checking ? 'Stop checking' : 'Check my answer';
    this.dataset.state = checking ? 'checking' : 'idle';
    this.setAttribute('aria-busy', String(checking));
    if (checking) this.showVerdict(undefined, 'Checking: your code runs, then the check looks at it…');
  }

  private showVerdict(result: CheckResult | undefined, note?: string): void {
    this.verdict.replaceChildren();
    delete this.verdict.dataset.outcome;
    if (!result) {
      this.verdict.textContent = note ?? '';
      return;
    }
    this.verdict.dataset.outcome = result.passed ? 'passed' : 'failed';
    const label = document.createElement('strong');
    label.textContent = result.passed ? '✓ Passed. ' : '✗ Not yet. ';
    this.verdict.append(label, result.message);
  }

  /* ------------------------------------------------------------ hints */

  private hints(): HTMLElement[] {
    return Array.from(this.querySelectorAll<HTMLElement>('.wb-exercise-hint'));
  }

  private revealHint(byLearner: boolean): void {
    const next = this.hints().find((hint) => hint.hidden);
    if (!next) return;
    next.hidden = false;
    if (byLearner) {
      next.tabIndex = -1;
      next.focus();
      progress.noteHints(this.key, this.hints().filter((hint) => !hint.hidden).length);
    }
    this.updateHintButton();
  }

  private updateHintButton(): void {
    const hints = this.hints();
    const shown = hints.filter((hint) => !hint.hidden).length;
    this.hintButton.hidden = hints.length === 0;
    this.hintButton.disabled = shown >= hints.length;
    this.hintButton.textContent = shown >= hints.length ? 'All hints shown' : `Show hint ${shown + 1} of ${hints.length}`;
  }

  /* ------------------------------------------------------------ solution */

  private async askForSolution(): Promise<void> {
    const solution = this.querySelector<HTMLElement>('.wb-exercise-solution');
    if (solution && !solution.hidden) {
      solution.focus();
      return;
    }
    const yes = await confirmInline(this.solutionButton, {
      message: 'Show the solution? Working it out yourself is what makes it stick. You can still check your own code afterwards.',
      confirm: 'Yes, show the solution',
      cancel: 'Not yet',
    });
    if (!yes) return;
    progress.noteSolutionShown(this.key);
    this.revealSolution(true);
  }

  private revealSolution(byLearner: boolean): void {
    const solution = this.querySelector<HTMLElement>('.wb-exercise-solution');
    if (!solution) return;
    solution.hidden = false;
    this.solutionButton.textContent = 'Solution shown below';
    if (!solution.querySelector('.wb-exercise-compare-button')) {
      const compare = button('Compare my code with the solution', 'wb-exercise-compare-button');
      compare.addEventListener('click', () => void this.openCompare(solution, compare));
      solution.append(compare);
    }
    if (byLearner) {
      solution.tabIndex = -1;
      solution.focus();
    }
  }

  private async openCompare(solution: HTMLElement, trigger: HTMLButtonElement): Promise<void> {
    solution.querySelector('.wb-exercise-compare-problem')?.remove();
    let view: HTMLElement;
    try {
      const { buildCompare } = await import('./compare-view');
      view = buildCompare({
        exerciseId: this.spec.id,
        chapter: this.spec.chapter,
        title: this.spec.title,
        mine: this.currentCode(),
        solution: this.spec.solution,
        starter: this.starterCell(),
        filename: this.spec.run.filename,
      });
    } catch (error) {
      // Said where the learner clicked, never lost in the console; the button stays for another try.
      const problem = document.createElement('p');
      problem.className = 'wb-exercise-compare-problem';
      problem.setAttribute('role', 'alert');
      problem.textContent = `The comparison could not open (${error instanceof Error ? error.message : String(error)}). Try again, or reload the page.`;
      trigger.after(problem);
      return;
    }
    solution.querySelector('.wb-exercise-compare')?.remove();
    trigger.textContent = 'Compare again with my current code';
    solution.append(view);
    view.tabIndex = -1;
    view.focus();
  }
}

if (!customElements.get('wb-exercise')) customElements.define('wb-exercise', WbExercise);

declare global {
  interface HTMLElementTagNameMap {
    'wb-exercise': WbExercise;
  }
}
