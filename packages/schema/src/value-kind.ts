/**
 * How a field's value is stored and compared. The query compiler and the in-memory matcher only know value
 * kinds; the form engine maps every field type to one. This keeps `@tessera/query` independent of field types.
 */
export const VALUE_KINDS = [
  'text', // text column; compared as strings
  'number', // numeric column; JS number in memory
  'date', // date column; 'YYYY-MM-DD' string in memory
  'datetime', // timestamptz column; ISO-8601 string in memory
  'time', // time column; 'HH:MM[:SS]' string in memory
  'boolean',
  'text_array', // text[]; multi select, tags
  'uuid', // uuid; member, department, single relation, owner
  'uuid_array', // uuid[]; multi member / department
  'json', // jsonb; address, location, files: only isEmpty / isNotEmpty
] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

/** What the query layer needs to know about one queryable column. */
export interface QueryableField {
  key: string;
  kind: ValueKind;
  /** The column name when it differs from the key (system columns). */
  column?: string;
}
