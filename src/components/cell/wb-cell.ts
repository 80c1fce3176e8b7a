/**
 * <wb-cell>: the live code cell. The build emits its markup (highlighted
 * code, an empty toolbar, recorded results); this element brings it to life
 * without React: toolbar, editing (editor loaded on first use), saved edits,
 * share links, runs in the sandbox, Stop, Reset with undo. React, the editor
 * and the sandbox are all fetched later, when the learner needs them, so the
 * page's first JavaScript stays small.
 */
import { reactReady } from './react-dev-preamble';
import type { RunResult } from '../../sandbox/types';
import { RECOVERED_NOTE } from '../../sandbox/engine/recovered-note';
import type { EditorHandle } from '../editor/types';
import type { ResultsHandle } from './mount-results';
import type { ResultsProps } from './Results';
import type { ProfileTransform } from '../../sandbox/profile/transform';
import type { CellOptions } from '../../cells/cell-info';
import { isApplePlatform } from '../editor/keyboard-hint';
import { formatDuration } from '../views/console/format-time';
import { CodeView } from './code-view';
import { applyGutterHeat, forwardLineClicks, highlightSourceLine } from './gutter-heat';
import { codeHeat } from '../../sandbox/lines/heat';
import { builtinNote, SOURCE_EVENT, type SourceRequest } from '../views/source-link';
import { EditStore } from './edit-store';
import { ElapsedClock } from './elapsed-clock';
import { Notices } from './notices';
import { enqueueRun, sandboxBusy, type Turn } from './run-queue';
import { sandboxClient, startSandboxEarly } from './sandbox-access';
import { decodeSharedCode, parseShareHash, shareUrl } from './share-link';
import { enableStaticTabs } from './static-tabs';
import { RAISE_LIMIT_EVENT, type RaiseLimitDetail } from '../views/console/raise-limit-event';
import { loadRecordedResult, staticSelectedTab, whenResultsWanted } from './recorded-results';
import { afterLoadWhenIdle, holdIdleWork } from './idle';
import { renderEveryBlockWhenIdle } from './offscreen-blocks';
import { buildToolbar, type ToolbarParts } from './toolbar';
import { parseShow } from './view-order';
import { syntheticResult } from './synthetic-result';
import { buildRunRequest } from './run-support';
import './wb-run-all';
import './cell.css';
import '../views/console/console.css';

/** Where the code on screen came from. */
type Origin = 'original' | 'edited' | 'link';

const SAVE_DELAY_MS = 400;
/** Quick runs never flash a "Running…" state; slower ones show live output after this. */
const LIVE_AFTER_MS = 300;

const STATUS_TEXT: Record<RunResult['status'], string> = {
  ok: 'Done',
  error: 'Error',
  timeout: 'Time limit reached',
  'out-of-memory': 'Out of memory',
  'stack-overflow': 'Stack overflow',
  'output-limit': 'Output limit reached',
  stopped: 'Stopped',
  crashed: 'Sandbox crashed',
};

/**
 * A lazily imported module, kept once loaded: a bundler's dynamic import()
 * re-checks its preload list on every call, which costs milliseconds on
 * every Run.
 */
function lazyModule<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined; // let a later attempt try the network again
      throw error;
    });
    return loaded;
  };
}

// These reach React; in `astro dev` React needs its refresh preamble first.
const loadResultsModule = lazyModule(() => reactReady().then(() => import('./mount-results')));
const loadEditorModule = lazyModule(() => reactReady().then(() => import('../editor/index')));

let runPartsRequested = false;
/**
 * What the first Run needs besides the sandbox and the request builder (both
 * part of this script): React and the results views. Fetched when the learner
 * reaches for a cell, or when the browser is idle after the page has loaded, so
 * the first Run does not wait for them.
 */
function prefetchRunParts(): void {
  if (runPartsRequested) return;
  runPartsRequested = true;
  loadResultsModule().catch(() => {
    runPartsRequested = false; // a later Run loads them again and reports a failure there
  });
}

export class WbCell extends HTMLElement {
  cellId = '';
  private chapter = '';
  private filename = '';
  private show: string[] = [];
  private options: CellOptions = {};
  private original = '';
  private setup: string | undefined;

  private code = '';
  private origin: Origin = 'original';
  private store!: EditStore;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private storageWorks = true;
  private storageNoticeShown = false;

  private toolbar!: ToolbarParts;
  private notices!: Notices;
  private codeView!: CodeView;
  private resultsArea!: HTMLElement;
  private clock!: ElapsedClock;

  private editor: EditorHandle | undefined;
  private editorLoading: Promise<EditorHandle | undefined> | undefined;

  private results: ResultsHandle | undefined;
  private lastResult: RunResult | undefined;
  /** The build's recording, while it is what the results area shows. */
  private recordedShown: RunResult | undefined;
  /** The last run an exercise check made of this cell (showCheckedRun). */
  private checkedShown: RunResult | undefined;
  /** The results tab the learner chose last (kept across runs). */
  private chosenTab: string | undefined;
  private currentRun: Promise<RunResult> | undefined;
  private turn: Turn | undefined;
  private started = false;

  connectedCallback(): void {
    if (this.started) return;
    if (!this.querySelector('[data-cell-source]')) {
      // Parsed before its children arrived (a classic script): try again once the document is in.
      document.addEventListener('DOMContentLoaded', () => this.connectedCallback(), { once: true });
      return;
    }
    this.started = true;
    this.readMarkup();
    this.buildUi();
    this.restoreSavedEdits();
    void this.openSharedCode();
    startSandboxEarly();
    renderEveryBlockWhenIdle();
    afterLoadWhenIdle(prefetchRunParts, 6000);
  }

  disconnectedCallback(): void {
    // A cell taken off the page (e.g. a closed comparison) keeps its last edit.
    this.flushSave();
  }

  /* ------------------------------------------------------------ markup */

  private readMarkup(): void {
    this.cellId = this.dataset.cellId ?? this.id.replace(/^cell-/, '');
    this.chapter = this.dataset.chapter ?? location.pathname;
    this.filename = this.dataset.filename ?? `cell-${this.cellId}.js`;
    this.show = parseShow(this.dataset.show);
    try {
      this.options = JSON.parse(this.dataset.options ?? '{}') as CellOptions;
    } catch {
      this.options = {};
    }
    let source: { code?: string; setup?: string };
    try {
      source = JSON.parse(this.querySelector('[data-cell-source]')?.textContent ?? '{}') as typeof source;
    } catch {
      // Damaged markup: the visible code is still there to read and run.
      source = { code: this.querySelector('.wb-cell-code')?.textContent ?? '' };
    }
    this.original = source.code ?? '';
    this.setup = source.setup || undefined;
    this.code = this.original;
    this.store = new EditStore(this.chapter, this.cellId, this.original);
  }

  private buildUi(): void {
    const toolbarElement =
      this.querySelector<HTMLElement>('.wb-cell-toolbar') ?? this.insertAdjacentElement('afterbegin', document.createElement('div'));
    toolbarElement!.classList.add('wb-cell-toolbar');
    this.toolbar = buildToolbar(toolbarElement as HTMLElement, {
      hasSetup: this.setup !== undefined && this.querySelector('details.wb-cell-setup') !== null,
      shortcut: isApplePlatform() ? '⌘+Enter' : 'Ctrl+Enter',
    });
    this.notices = new Notices();
    toolbarElement!.after(this.notices.element);
    this.clock = new ElapsedClock(this.toolbar.elapsed);

    this.codeView = new CodeView(this.querySelector<HTMLElement>('.wb-cell-code') ?? this.appendChild(document.createElement('div')));
    this.resultsArea = this.querySelector<HTMLElement>('.wb-cell-results') ?? this.appendChild(document.createElement('div'));
    enableStaticTabs(this.resultsArea, (viewId) => this.chooseStaticTab(viewId));
    if (this.querySelector('script[data-cell-recorded]')) whenResultsWanted(this.resultsArea, () => void this.showRecordedLive());
    this.addEventListener(RAISE_LIMIT_EVENT, (event) => this.raiseLimit((event as CustomEvent<RaiseLimitDetail>).detail));

    const { run, stop, reset, copyLink, setup } = this.toolbar;
    run.addEventListener('click', () => void this.run());
    stop.addEventListener('click', () => this.stop());
    reset.addEventListener('click', () => this.reset());
    copyLink.addEventListener('click', () => void this.copyLink());
    if (setup) this.wireSetupToggle(setup);

    const code = this.codeView.element;
    forwardLineClicks(code, this, () => this.cellId);
    this.addEventListener(SOURCE_EVENT, (event) => this.showSource((event as CustomEvent<SourceRequest>).detail));
    code.addEventListener('click', () => void this.startEditing());
    code.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void this.run();
      } else if (event.key === 'Enter') {
        event.preventDefault();
        void this.startEditing();
      }
    });
    // Reaching for the code fetches the editor; reaching for the cell fetches what a Run shows.
    code.addEventListener('focus', () => void loadEditorModule().catch(() => undefined), { once: true });
    code.addEventListener('pointerenter', () => void loadEditorModule().catch(() => undefined), { once: true });
    const prefetchRun = () => {
      prefetchRunParts();
      void this.preloadViews();
    };
    this.addEventListener('pointerenter', prefetchRun, { once: true });
    this.addEventListener('focusin', prefetchRun, { once: true });

    const flush = () => this.flushSave();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flush();
    });
    window.addEventListener('hashchange', () => void this.openSharedCode());
    this.updateBadges();
  }

  private wireSetupToggle(toggle: HTMLButtonElement): void {
    const details = this.querySelector<HTMLDetailsElement>('details.wb-cell-setup')!;
    const sync = () => {
      toggle.setAttribute('aria-expanded', String(details.open));
      toggle.textContent = details.open ? 'Hide setup' : 'Show setup';
    };
    toggle.addEventListener('click', () => {
      details.open = !details.open;
    });
    details.addEventListener('toggle', sync);
    sync();
  }

  /* ------------------------------------------------------------ code */

  /** The code the learner sees right now. */
  currentCode(): string {
    return this.editor ? this.editor.getValue() : this.code;
  }

  /** Puts code on screen (editor or static view) without counting it as an edit. */
  private showCode(code: string, origin: Origin): void {
    this.code = code;
    this.origin = origin;
    this.editor?.setValue(code);
    if (!this.editor) {
      if (code === this.original) this.codeView.showOriginal();
      else this.codeView.showPlain(code);
    }
    this.clearErrorMarks();
    this.updateBadges();
    this.relabelRecorded();
  }

  private onEdit(code: string): void {
    this.code = code;
    if (this.origin === 'link') this.adoptLinkCode();
    this.origin = code === this.original ? 'original' : 'edited';
    this.notices.hide('reset');
    this.scheduleSave();
    this.updateBadges();
    this.relabelRecorded();
  }

  /** Recorded results say whether they belong to the code on screen (re-rendered only when that changes). */
  private relabelRecorded(): void {
    if (!this.results || !this.recordedShown || this.lastResult !== this.recordedShown) return;
    const differs = this.code !== this.original;
    if (this.dataset.recordedFor === (differs ? 'other' : 'same')) return;
    this.dataset.recordedFor = differs ? 'other' : 'same';
    this.results.render(this.resultsProps(this.code, {}));
  }

  private updateBadges(): void {
    const fromLink = this.origin === 'link';
    const modified = !fromLink && this.code !== this.original;
    this.toolbar.linkBadge.hidden = !fromLink;
    this.toolbar.modifiedBadge.hidden = !modified;
    this.toolbar.reset.disabled = this.code === this.original && !fromLink;
    this.dataset.modified = String(modified || fromLink);
  }

  /** Loads the editor (once) and swaps it in for the static code. */
  startEditing(): Promise<EditorHandle | undefined> {
    this.editorLoading ??= this.mountEditor();
    return this.editorLoading;
  }

  private async mountEditor(): Promise<EditorHandle | undefined> {
    const host = document.createElement('div');
    host.className = 'wb-cell-editor';
    this.codeView.element.after(host);
    this.dataset.editor = 'loading';
    const options = {
      code: this.code,
      language: 'javascript' as const,
      ariaLabel: `Code of cell ${this.cellId}`,
      minLines: this.code.split('\n').length,
      onChange: (code: string) => this.onEdit(code),
      onRun: () => void this.run(),
    };
    let editor: EditorHandle;
    try {
      const { mountEditor } = await loadEditorModule();
      editor = await mountEditor(host, options);
    } catch (error) {
      console.warn('The editor module could not load; using a plain text area.', error);
      try {
        const { mountTextareaEditor } = await import('../editor/textarea/mount-textarea');
        editor = mountTextareaEditor(host, options);
      } catch {
        host.remove();
        delete this.dataset.editor;
        this.notices.show('editor', 'The editor could not be loaded, so this cell cannot be edited right now.', {
          tone: 'warning',
        });
        this.editorLoading = undefined;
        return undefined;
      }
    }
    // The learner may have reset or opened a link while the editor loaded.
    if (editor.getValue() !== this.code) editor.setValue(this.code);
    this.editor = editor;
    if (this.lastResult) editor.setLineHeat?.(codeHeat(this.lastResult, this.filename));
    this.codeView.hidden = true;
    this.dataset.editor = editor.kind;
    this.markError(this.lastResult);
    editor.focus();
    return editor;
  }

  /* ------------------------------------------------------------ persistence */

  private restoreSavedEdits(): void {
    const saved = this.store.load();
    if (saved.kind === 'saved' && saved.code !== this.original) {
      this.showCode(saved.code, 'edited');
      if (saved.originalChanged) {
        this.notices.show(
          'original-changed',
          'The original code of this cell has changed since you edited it. Reset shows the new version.',
        );
      }
    } else if (saved.kind === 'unreadable') {
      this.notices.show('unreadable', 'Your saved edits for this cell could not be read, so the original code is shown.', {
        tone: 'warning',
      });
    } else if (saved.kind === 'too-large') {
      this.notices.show('unreadable', `Your saved edits for this cell were not opened because ${saved.why}, so the original code is shown.`, {
        tone: 'warning',
      });
    } else if (saved.kind === 'unavailable') {
      this.storageWorks = false; // said on the first edit, when it starts to matter
    }
    this.offerBackup();
  }

  private scheduleSave(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.flushSave(), SAVE_DELAY_MS);
  }

  private flushSave(): void {
    if (this.saveTimer === undefined) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (this.origin === 'link') return; // a link never overwrites saved edits on its own
    const code = this.currentCode();
    const kept = code === this.original ? this.store.clear() : this.store.save(code);
    if (kept && !this.storageWorks) this.notices.hide('storage');
    // Said once while storage stays broken: a dismissed notice does not come back on every key press.
    const alreadyTold = !this.storageWorks && this.storageNoticeShown;
    this.storageWorks = kept;
    if (!kept && !alreadyTold) {
      this.storageNoticeShown = true;
      this.notices.show(
        'storage',
        'This browser is not letting the page store data (storage is full or turned off), so your edits to this cell will not be kept after you leave the page. Editing and running still work.',
        { tone: 'warning' },
      );
    }
  }

  /* ------------------------------------------------------------ reset */

  reset(): void {
    const before = { code: this.currentCode(), origin: this.origin };
    const savedBefore = this.store.load();
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.store.clear();
    this.showCode(this.original, 'original');
    this.notices.hide('link');
    this.notices.show('reset', 'The original code is back.', {
      actions: [
        {
          label: 'Undo',
          run: () => {
            if (savedBefore.kind === 'saved') this.store.save(savedBefore.code);
            this.showCode(before.code, before.origin);
            if (before.origin === 'edited') {
              this.scheduleSave();
              this.flushSave();
            }
          },
        },
      ],
    });
  }

  /* ------------------------------------------------------------ share */

  async copyLink(): Promise<void> {
    const url = await shareUrl(location.href, this.cellId, this.currentCode());
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      copied = false; // no permission or not a secure context: the learner copies it by hand
    }
    const message = document.createElement('span');
    message.append(copied ? 'Link copied. It opens this page with this code in the cell: ' : 'Copy this link: ');
    const field = document.createElement('input');
    field.type = 'text';
    field.readOnly = true;
    field.value = url;
    field.className = 'wb-cell-link-field';
    field.setAttribute('aria-label', "Link to this cell's code");
    message.append(field);
    this.notices.show('copy-link', message);
    if (!copied) field.select();
  }

  private async openSharedCode(): Promise<void> {
    const shared = parseShareHash(location.hash);
    if (!shared || shared.cellId !== this.cellId) return;
    // Bounded (code-limits.ts): a link that expands past the bound is refused before it is built.
    const decoded = decodeSharedCode(shared.packed);
    if (decoded.kind !== 'ok') {
      const text =
        decoded.kind === 'too-large'
          ? `The link's code was not opened because ${decoded.why}, so this cell shows its own code.`
          : "The link's code could not be read, so this cell shows its own code.";
      this.notices.show('link', text, { tone: 'warning' });
      return;
    }
    const code = decoded.code;
    const saved = this.store.load();
    this.showCode(code, 'link');
    this.notices.show('link', 'This cell shows code from a link. It runs only when you press Run; your own version stays saved.', {
      actions:
        saved.kind === 'saved'
          ? [{ label: 'Show my saved edits', run: () => this.showSavedInsteadOfLink() }]
          : [],
    });
    if (typeof this.scrollIntoView === 'function') this.scrollIntoView({ block: 'start' });
  }

  private showSavedInsteadOfLink(): void {
    const saved = this.store.load();
    this.showCode(saved.kind === 'saved' ? saved.code : this.original, saved.kind === 'saved' ? 'edited' : 'original');
    this.forgetLinkInUrl();
  }

  /**
   * The learner made the link's code their own (edited or ran it): from now on it is saved like
   * any edit. Their own saved version is never lost: it moves to the backup slot, and a notice
   * offers it back (also after a reload, see offerBackup).
   */
  private adoptLinkCode(): void {
    const saved = this.store.load();
    if (saved.kind === 'saved' && saved.code !== this.currentCode()) this.store.backup().save(saved.code);
    this.origin = 'edited';
    this.notices.hide('link');
    this.forgetLinkInUrl();
    this.offerBackup();
  }

  /** Says that the learner's version from before a link is kept, with a way back to it. */
  private offerBackup(): void {
    const backup = this.store.backup().load();
    if (backup.kind !== 'saved') return;
    this.notices.show('backup', "The linked code is now this cell's code. Your own version from before is kept.", {
      actions: [
        { label: 'Back to my version', run: () => this.swapWithBackup() },
        { label: 'Forget my version', run: () => { this.store.backup().clear(); this.notices.hide('backup'); } },
      ],
    });
  }

  /** Your version <-> the linked version: each swap keeps the other one in the backup slot. */
  private swapWithBackup(): void {
    const backup = this.store.backup().load();
    if (backup.kind !== 'saved') return;
    const current = this.currentCode();
    this.store.backup().save(current);
    this.showCode(backup.code, backup.code === this.original ? 'original' : 'edited');
    this.scheduleSave();
    this.flushSave();
    this.notices.show('backup', 'Your own version is back. The linked code is kept.', {
      actions: [
        { label: 'Back to the linked code', run: () => this.swapWithBackup() },
        { label: 'Forget the linked code', run: () => { this.store.backup().clear(); this.notices.hide('backup'); } },
      ],
    });
  }

  private forgetLinkInUrl(): void {
    if (parseShareHash(location.hash)?.cellId === this.cellId) {
      history.replaceState(history.state, '', `${location.pathname}${location.search}#cell-${this.cellId}`);
    }
  }

  /* ------------------------------------------------------------ run */

  /** "Run again with more time/memory": the new limit holds for this cell until the page is reloaded. */
  private raiseLimit(detail: RaiseLimitDetail | undefined): void {
    if (!detail || this.running) return;
    const { limit, value } = detail;
    if (limit === 'timeoutMs') this.options = { ...this.options, timeout: `${Math.round(value)}ms` };
    else if (limit === 'memoryBytes') this.options = { ...this.options, memory: `${Math.round(value / 1048576)}MB` };
    else return;
    void this.run();
  }

  get running(): boolean {
    return this.currentRun !== undefined;
  }

  /** How this cell is meant to end (`expect=` in its fence: an out-of-memory demo ends out of memory). */
  get expectedStatus(): RunResult['status'] {
    const expected = this.options.expect;
    return typeof expected === 'string' && expected in STATUS_TEXT ? (expected as RunResult['status']) : 'ok';
  }

  /** Runs the cell's current code; resolves with the result once it is on screen. */
  run(): Promise<RunResult> {
    if (!this.currentRun) {
      // The page's idle work waits until this result is on screen (idle.ts).
      const release = holdIdleWork();
      this.currentRun = this.runOnce().finally(() => {
        this.currentRun = undefined;
        release();
      });
    }
    return this.currentRun;
  }

  private async runOnce(): Promise<RunResult> {
    const code = this.currentCode();
    if (this.origin === 'link') {
      this.adoptLinkCode();
      this.origin = code === this.original ? 'original' : 'edited';
      this.updateBadges();
      this.scheduleSave();
    }
    this.flushSave();
    this.notices.hide('reset');

    // Marks for the browser's performance panel (and the page benchmark).
    // Keep only the latest run's marks (tests and benchmarks read them); never let them pile up.
    for (const name of ['wb:run-start', 'wb:run-sent', 'wb:run-result', 'wb:results-ready']) performance.clearMarks(name);
    performance.mark('wb:run-start');
    const turn: Turn = { cancelled: false };
    this.turn = turn;
    this.setRunning(true, sandboxBusy() ? 'Waiting for another cell…' : 'Running…');
    const resultsReady = this.ensureResults();
    void this.preloadViews();
    const live: RunResult['console'] = [];
    let showLive = false;
    let liveFrame = 0;
    const paintLive = () => {
      liveFrame = 0;
      if (showLive) this.results?.render(this.resultsProps(code, { live: [...live] }));
    };
    const liveTimer = setTimeout(() => {
      showLive = true;
      void resultsReady.then(paintLive);
    }, LIVE_AFTER_MS);

    let result: RunResult;
    try {
      result = await enqueueRun(
        turn,
        async () => {
          this.toolbar.status.textContent = 'Running…';
          if (turn.cancelled) return syntheticResult('stopped');
          performance.mark('wb:run-sent');
          const request = buildRunRequest({
            chapter: this.chapter,
            options: this.options,
            filename: this.filename,
            show: this.show,
            code,
            setup: this.setup,
          });
          return sandboxClient().run(request, {
            onConsole: (entries) => {
              live.push(...entries);
              if (showLive && !liveFrame) liveFrame = requestAnimationFrame(paintLive);
            },
          });
        },
        () => syntheticResult('stopped'),
      );
    } catch (error) {
      result = syntheticResult('crashed', `The sandbox failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(liveTimer);
      cancelAnimationFrame(liveFrame);
      if (this.turn === turn) this.turn = undefined;
    }

    performance.mark('wb:run-result');
    await resultsReady;
    performance.mark('wb:results-ready');
    this.results?.render(this.resultsProps(code, { result, previous: this.lastResult }));
    this.lastResult = result;
    this.markError(result);
    this.showHeat(result);
    this.setRunning(false, statusLine(result));
    this.dataset.status = result.status;
    this.dispatchEvent(new CustomEvent('wb-cell-ran', { detail: { result }, bubbles: true }));
    return result;
  }

  /**
   * Shows a run that an exercise check made of this cell's code, as if Run had
   * made it, so the output beside the code is the output the verdict speaks of.
   */
  async showCheckedRun(result: RunResult, code: string): Promise<void> {
    if (this.turn) return; // a Run of the learner's own is on its way: it has the last word
    await this.ensureResults();
    this.checkedShown = result;
    this.results?.render(this.resultsProps(code, { result, previous: this.lastResult }), { background: true });
    this.lastResult = result;
    this.markError(result);
    this.showHeat(result);
    this.setRunning(false, statusLine(result));
    this.dataset.status = result.status;
  }

  stop(): void {
    const turn = this.turn;
    if (!turn) return;
    turn.cancelled = true;
    // Only the run that holds the sandbox is stopped there; a waiting one just gives up its turn.
    if (turn.started) sandboxClient().stop();
  }

  private resultsProps(code: string, extra: { result?: RunResult; previous?: RunResult; live?: RunResult['console'] }): ResultsProps {
    const result = extra.result ?? this.lastResult;
    const fromBuild = result !== undefined && result === this.recordedShown;
    const fromCheck = result !== undefined && result === this.checkedShown;
    return {
      result,
      previous: extra.result ? extra.previous : undefined,
      live: extra.live,
      show: this.show,
      code,
      cellId: this.cellId,
      fromBuild,
      recordedForOtherCode: fromBuild && code !== this.original,
      fromCheck,
      initialTab: this.chosenTab,
      onTabChange: (viewId) => {
        this.chosenTab = viewId;
      },
      onExpand: (viewId, transforms) => void this.expandResults(code, viewId, transforms),
    };
  }

  /** Opens the results wide, on the tab the learner is looking at, with the profile transformed as it is in the cell. */
  private async expandResults(code: string, viewId: string, transforms: ProfileTransform[]): Promise<void> {
    const { openInspector } = await import('./inspector');
    const props = this.resultsProps(code, {});
    openInspector({ ...props, initialTab: viewId, initialTransforms: transforms, onTabChange: undefined }, `Results of cell ${this.cellId}`);
  }

  /** The build's recorded result, made live (sortable, zoomable...) without a Run. */
  private async showRecordedLive(): Promise<void> {
    if (this.results || this.currentRun) return; // a run's results are already on their way
    const recorded = await loadRecordedResult(this);
    if (!recorded || this.results || this.currentRun) return;
    const focusedTab = this.focusedResultsTab();
    const { harvestStaticSvgs } = await import('../views/profile/callgraph/prerendered');
    harvestStaticSvgs(this.resultsArea);
    // With the views' code in first, the live results replace the static ones in one commit:
    // a view still loading would show its one-line placeholder, and the page below would
    // jump up by the results' height, then back (under a reader, or a click on its way).
    await Promise.all([this.ensureResults({ keepStatic: true }), this.preloadViews()]);
    const results = this.results as ResultsHandle | undefined; // set by ensureResults()
    if (!results || this.lastResult || this.currentRun) return;
    this.lastResult = recorded;
    this.recordedShown = recorded;
    results.render(this.resultsProps(this.currentCode(), {}), { background: !focusedTab });
    // The static tab that had focus is gone: focus its live twin, unless the learner has moved on.
    if (focusedTab) {
      requestAnimationFrame(() => {
        const active = document.activeElement;
        if (active && active !== document.body && active.isConnected) return;
        this.resultsArea.querySelector<HTMLElement>(`[role="tab"][data-view="${CSS.escape(focusedTab)}"]`)?.focus();
      });
    }
  }

  /**
   * A tab chosen on the recorded (static) results. Their live twin may already be
   * rendering, with the tab chosen before: render it again, on this one.
   */
  private chooseStaticTab(viewId: string): void {
    this.chosenTab = viewId;
    if (this.results && this.recordedShown && this.lastResult === this.recordedShown && !this.currentRun) {
      this.results.render(this.resultsProps(this.currentCode(), {}), { background: true });
    }
  }

  /** The view whose tab has the keyboard focus in this cell's results, if one has. */
  private focusedResultsTab(): string | undefined {
    const active = document.activeElement as HTMLElement | null;
    if (!active || !this.resultsArea.contains(active)) return undefined;
    return active.closest<HTMLElement>('[role="tab"]')?.dataset.view;
  }

  /** Fetches this cell's view chunks ahead of its result, so rendering it waits for none of them. */
  private preloadViews(): Promise<void> {
    return loadResultsModule()
      .then((module) => module.preloadViews(this.show))
      .catch(() => undefined);
  }

  private async ensureResults(options: { keepStatic?: boolean } = {}): Promise<void> {
    if (this.results) return;
    try {
      const { mountResults } = await loadResultsModule();
      // The live tabs open where the static ones were left.
      this.chosenTab ??= staticSelectedTab(this.resultsArea);
      this.results ??= mountResults(this.resultsArea, options);
    } catch (error) {
      console.error('The results area could not load:', error);
      this.resultsArea.textContent = 'The results could not be shown (a part of the page failed to load). Reload the page to try again.';
    }
  }

  private setRunning(running: boolean, status: string): void {
    const { run, stop } = this.toolbar;
    const focusWasOnButton = document.activeElement === (running ? run : stop);
    run.hidden = running;
    stop.hidden = !running;
    if (focusWasOnButton) (running ? stop : run).focus();
    this.toolbar.status.textContent = status;
    this.dataset.state = running ? 'running' : 'idle';
    this.setAttribute('aria-busy', String(running));
    if (running) this.clock.start();
    else this.clock.stop();
  }

  /* ------------------------------------------------------------ heat and source links */

  private showHeat(result: RunResult): void {
    const heat = codeHeat(result, this.filename);
    applyGutterHeat(this.codeView.element, heat);
    this.editor?.setLineHeat?.(heat);
  }

  /** A view pointed at a function: highlight its definition, or say a built-in has none. */
  private showSource(request: SourceRequest): void {
    if (request.builtin || request.file !== this.filename || !(request.line > 0)) {
      const why = request.builtin ? builtinNote(request.name) : `${request.name} is not in this cell's code.`;
      this.notices.show('source', why, { tone: 'info' });
      return;
    }
    this.notices.hide('source');
    if (this.editor?.revealLine) this.editor.revealLine(request.line);
    else highlightSourceLine(this.codeView.element, request.line);
  }

  /* ------------------------------------------------------------ errors */

  private markError(result: RunResult | undefined): void {
    this.clearErrorMarks();
    const location = result?.error?.location;
    if (!result?.error || !location || location.file !== this.filename) return;
    const message = `${result.error.name}: ${result.error.message}${location.recovered ? ` (${RECOVERED_NOTE})` : ''}`;
    this.editor?.setMarkers([{ line: location.line, column: location.column, message }]);
    this.codeView.markLine(location.line, message);
  }

  private clearErrorMarks(): void {
    this.editor?.clearMarkers();
    this.codeView.clearMarks();
  }
}

function statusLine(result: RunResult): string {
  const text = STATUS_TEXT[result.status] ?? result.status;
  return result.status === 'ok' ? `${text} in ${formatDuration(result.timing.wallMs)}` : text;
}

if (!customElements.get('wb-cell')) customElements.define('wb-cell', WbCell);

declare global {
  interface HTMLElementTagNameMap {
    'wb-cell': WbCell;
  }
}
