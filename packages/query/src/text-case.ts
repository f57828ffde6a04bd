/**
 * Case-insensitive text matching that PostgreSQL reproduces exactly. SQL uses ILIKE under the built-in
 * "pg_c_utf8" collation (PostgreSQL 17+), which lower-cases with Unicode *simple* case mapping, one code point
 * at a time, independent of the database locale. JS toLowerCase uses *full* mapping, which differs in exactly
 * two places: U+0130 'İ' (→ 'i̇', two code points) and the word-final sigma rule (Σ → ς). Pre-mapping those
 * two gives the simple mapping. Residual risk: characters added in a Unicode version that only one side knows.
 */
export const CASE_INSENSITIVE_COLLATION = 'pg_c_utf8';

export type TextPosition = 'contains' | 'startsWith' | 'endsWith';

export function simpleLowerCase(text: string): string {
  return text.replace(/[\u0130\u03a3]/g, (c) => (c === '\u0130' ? 'i' : '\u03c3')).toLowerCase();
}

/** A LIKE pattern for `needle` at `position`, with the wildcards and the escape character escaped. */
export function likePattern(needle: string, position: TextPosition): string {
  const escaped = needle.replace(/[\\%_]/g, '\\$&');
  return `${position === 'startsWith' ? '' : '%'}${escaped}${position === 'endsWith' ? '' : '%'}`;
}

/** What `text ILIKE likePattern(needle, position)` answers under pg_c_utf8. */
export function matchesTextPosition(text: string, needle: string, position: TextPosition): boolean {
  const haystack = simpleLowerCase(text);
  const lowerNeedle = simpleLowerCase(needle);
  if (position === 'startsWith') return haystack.startsWith(lowerNeedle);
  if (position === 'endsWith') return haystack.endsWith(lowerNeedle);
  return haystack.includes(lowerNeedle);
}
