/** Saves a blob or a data URL under a file name (a temporary link clicked programmatically). */
export function downloadFile(data: Blob | string, fileName: string): void {
  const url = typeof data === 'string' ? data : URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  if (typeof data !== 'string') window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
