/** Content types a browser may show in place; anything else is offered as a download. */
export function isInlineType(contentType: string): boolean {
  return contentType.startsWith('image/');
}

/**
 * A Content-Disposition header value carrying any file name: an ASCII `filename` for old clients (non-ASCII and
 * quoting characters replaced by `_`) and the exact UTF-8 name as RFC 5987 `filename*` (中文 names survive).
 */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
