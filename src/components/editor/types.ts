/**
 * The editor contract used by the cell element. Two implementations honour it:
 * Monaco (desktop) and a plain <textarea> (touch screens, or when Monaco cannot load).
 */

export interface EditorMarker {
  /** 1-based line in the learner's code. */
  line: number;
  /** 1-based column in the learner's code. */
  column: number;
  message: string;
  severity?: 'error' | 'warning';
}

export interface EditorOptions {
  code: string;
  language?: 'javascript';
  /** Accessible name of the editing surface, e.g. "Code of cell sleeper". */
  ariaLabel: string;
  /** Called on every edit by the learner (not for setValue()). */
  onChange?(code: string): void;
  /** Ctrl/Cmd+Enter. */
  onRun?(): void;
  /** Minimum visible height in lines (default: the code's own line count, at least 1). */
  minLines?: number;
}

export interface EditorHandle {
  getValue(): string;
  /** Replaces the whole text without moving focus (Monaco keeps it on its undo stack); does not call onChange. */
  setValue(code: string): void;
  setMarkers(markers: EditorMarker[]): void;
  /** Heat marks in the gutter (each line's share of the time, 0..1); an empty list clears them. Optional: the textarea skips it. */
  setLineHeat?(heat: Array<{ line: number; share: number; label: string }>): void;
  /** Scrolls to a line and marks it (a view pointed at that function). */
  revealLine?(line: number): void;
  clearMarkers(): void;
  focus(): void;
  dispose(): void;
  kind: 'monaco' | 'textarea';
}
