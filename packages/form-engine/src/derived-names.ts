/**
 * Names of tables and indexes derived from a form's table name. PostgreSQL cuts identifiers at 63 bytes, so a
 * long name is shortened with a stable hash instead of being truncated into a collision.
 */
const MAX_IDENTIFIER = 63;

/** FNV-1a 32-bit: deterministic, tiny, no crypto needed (runs in the browser too). */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function derivedName(base: string, separator: string, suffix: string): string {
  const name = `${base}${separator}${suffix}`;
  if (name.length <= MAX_IDENTIFIER) return name;
  const hash = fnv1a(name);
  const keep = MAX_IDENTIFIER - hash.length - suffix.length - separator.length - 1;
  return `${base.slice(0, Math.max(1, keep))}_${hash}${separator}${suffix}`.slice(0, MAX_IDENTIFIER);
}

/** `<table>__<field>`: the child table of a sub-table field, or the link table of a multi relation. */
export function childTableName(table: string, fieldKey: string): string {
  return derivedName(table, '__', fieldKey);
}

export function indexName(table: string, column: string, kind: 'idx' | 'key'): string {
  return derivedName(table, '_', `${column}_${kind}`);
}
