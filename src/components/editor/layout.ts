/**
 * Sizing shared by both editor kinds, so that swapping the static code for an
 * editor does not make the page jump: the editor is as tall as the code (or
 * `minLines`), up to a cap past which it scrolls inside.
 */

/** Past this many lines the editor stops growing and scrolls. The static render should use the same cap. */
export const MAX_VISIBLE_LINES = 30;

export function lineCount(code: string): number {
  return code.split('\n').length;
}

/** How many lines the editor shows for `contentLines` lines of code. */
export function visibleLines(contentLines: number, minLines?: number): number {
  const floor = Math.max(1, Math.floor(minLines ?? 1));
  return Math.min(Math.max(contentLines, floor), Math.max(floor, MAX_VISIBLE_LINES));
}

export interface CodeMetrics {
  fontFamily: string;
  fontSize: number;
  lineHeight: number;
  paddingBlock: number;
  paddingInline: number;
}

/**
 * Reads the code font from the editor's wrapper, whose CSS (editor.css) takes it from the same
 * custom properties as the static render, so Monaco's canvas-like layout gets the same numbers.
 */
export function readCodeMetrics(wrapper: HTMLElement): CodeMetrics {
  const style = getComputedStyle(wrapper);
  const fontSize = parseFloat(style.fontSize) || 14;
  const lineHeight = parsePixels(style.lineHeight) ?? Math.round(fontSize * 1.6);
  const paddingBlock = parsePixels(style.getPropertyValue('--wb-editor-padding-block')) ?? 12;
  return {
    fontFamily: style.fontFamily || 'monospace',
    fontSize,
    lineHeight,
    paddingBlock,
    paddingInline: measureLength(wrapper, 'var(--wb-code-padding-inline, 12px)') || 12,
  };
}

/** Resolves a CSS length that may be in rem/em (custom properties are not resolved by getComputedStyle). */
function measureLength(parent: HTMLElement, cssLength: string): number {
  const probe = document.createElement('div');
  probe.style.cssText = `position:absolute;visibility:hidden;height:0;width:${cssLength}`;
  parent.append(probe);
  const width = probe.getBoundingClientRect().width;
  probe.remove();
  return width;
}

function parsePixels(value: string): number | undefined {
  const trimmed = value.trim();
  if (!trimmed.endsWith('px')) return undefined;
  const number = parseFloat(trimmed);
  return Number.isFinite(number) ? number : undefined;
}
