/** The short line under every editor that tells keyboard users how to run and how to get out. */

export function isApplePlatform(): boolean {
  const platform =
    (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ??
    navigator.platform ??
    '';
  return /mac|iphone|ipad|ipod/i.test(platform);
}

export function keyboardHintText(): string {
  const run = isApplePlatform() ? '⌘+Enter' : 'Ctrl+Enter';
  return `${run} runs the cell. Tab indents; press Esc, then Tab, to leave the editor.`;
}

let hintCounter = 0;

/** Creates the hint element; its id is meant for the editing surface's aria-describedby. */
export function createKeyboardHint(): HTMLParagraphElement {
  const hint = document.createElement('p');
  hint.className = 'wb-editor__hint';
  hint.id = `wb-editor-hint-${++hintCounter}`;
  hint.textContent = keyboardHintText();
  return hint;
}
