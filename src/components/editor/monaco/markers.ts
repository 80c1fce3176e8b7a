/** Turns the sandbox's line:column error positions into Monaco markers (squiggle + hover). */
import type { editor as MonacoEditor } from 'monaco-editor/esm/vs/editor/editor.api';
import type { EditorMarker } from '../types';
import type { Monaco } from './load-monaco';

export const MARKER_OWNER = 'workbook';

export function toMonacoMarkers(
  model: MonacoEditor.ITextModel,
  markers: EditorMarker[],
  monaco: Monaco,
): MonacoEditor.IMarkerData[] {
  return markers.map((marker) => {
    const line = clamp(marker.line, 1, model.getLineCount());
    const maxColumn = model.getLineMaxColumn(line);
    const column = clamp(marker.column, 1, maxColumn);
    // Underline the word at the spot; at a line's end or on punctuation, at least one character.
    const word = model.getWordAtPosition({ lineNumber: line, column });
    const startColumn = word ? word.startColumn : column === maxColumn && column > 1 ? column - 1 : column;
    const endColumn = word ? word.endColumn : Math.min(maxColumn, startColumn + 1);
    return {
      severity: marker.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Error,
      message: marker.message,
      startLineNumber: line,
      startColumn,
      endLineNumber: line,
      endColumn: Math.max(endColumn, startColumn + (maxColumn > 1 ? 1 : 0)),
    };
  });
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, Math.floor(Number.isFinite(value) ? value : low)));
}
