/** Hands a file made in the page to the browser's download, as `name`. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // After the browser took the file.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
