/** Save text (or a binary format's bytes) as a file from the browser (an object URL on a temporary link). */
export function downloadText(text: string | Uint8Array, filename: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text as BlobPart], { type: typeof text === 'string' ? `${mime};charset=utf-8` : mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Copy text to the clipboard; false when the browser refuses (then the caller offers a download). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function baseName(profileFile: string, cellId: string): string {
  const stem = profileFile.replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '-');
  return stem || cellId;
}
