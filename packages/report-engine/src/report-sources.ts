import type { QueryableField } from '@tessera/schema';

/** What the report compiler knows about one form's record table. */
export interface SourceForm {
  key: string;
  /** The record table's name inside the tenant schema (usually the form key). */
  table: string;
  /** The queryable fields; system columns (id, owner_id, created_at …) are added when absent. */
  fields: QueryableField[];
  /** Single relation fields: field key → the key of the form it points at. */
  relations?: Record<string, string>;
}

/** The forms a report may read, in one tenant schema. */
export interface ReportSources {
  schema: string;
  forms: Record<string, SourceForm>;
}
