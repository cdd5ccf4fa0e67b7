/** Saving a file the app made (an export) to the user's computer, without a server. */
export function downloadBytes(bytes: BlobPart, name: string, type: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([bytes], { type }));
  link.download = name;
  link.click();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

export function downloadText(text: string, name: string, type: string): void {
  downloadBytes(text, name, `${type};charset=utf-8`);
}
