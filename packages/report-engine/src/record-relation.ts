import { qualifiedName, quoteIdent } from '@tessera/query';
import type { QueryableField, ValueKind } from '@tessera/schema';
import { ReportDefinitionError } from './errors';
import type { ReportSources, SourceForm } from './report-sources';
import { withSystemFields } from './system-fields';

/** The alias every report query reads records through. */
export const RECORD_ALIAS = 'rec';

/** A field reference resolved to a column of the record relation. */
export interface ResolvedField {
  ref: string;
  kind: ValueKind;
  /** The column of `rec` holding the value. */
  column: string;
  /** `"rec"."column"`. */
  sql: string;
}

interface Join {
  alias: string;
  form: SourceForm;
  /** The alias and column the join's relation field lives on. */
  fromAlias: string;
  fromColumn: string;
}

interface PathColumn {
  column: string;
  joinAlias: string;
  sourceColumn: string;
}

const BASE_ALIAS = 't0';

/**
 * The records of the source form as one relation `rec`, with the fields reached through single relations
 * (`customer.region`) exposed as extra columns. Only joins that some reference needs are added, as LEFT JOINs
 * to live (not soft-deleted) target records.
 */
export class RecordRelation {
  private readonly joins = new Map<string, Join>();
  private readonly pathColumns = new Map<string, PathColumn>();
  private readonly resolved = new Map<string, ResolvedField>();
  readonly source: SourceForm;

  constructor(
    private readonly sources: ReportSources,
    formKey: string,
  ) {
    this.source = formOf(sources, formKey, 'source.form');
  }

  /** Resolve a field key or relation path; throws a ReportDefinitionError naming the path when unknown. */
  resolve(ref: string, path = ref): ResolvedField {
    const known = this.resolved.get(ref);
    if (known) return known;
    const segments = ref.split('.');
    let form = this.source;
    let alias = BASE_ALIAS;
    let prefix = '';
    for (const segment of segments.slice(0, -1)) {
      const target = form.relations?.[segment];
      if (!target)
        throw new ReportDefinitionError(`"${segment}" in "${ref}" is not a relation field of ${form.key}`, path);
      const relationField = fieldOf(form, segment, ref, path);
      prefix = prefix ? `${prefix}.${segment}` : segment;
      let join = this.joins.get(prefix);
      if (!join) {
        join = {
          alias: `j${this.joins.size + 1}`,
          form: formOf(this.sources, target, path),
          fromAlias: alias,
          fromColumn: relationField.column ?? relationField.key,
        };
        this.joins.set(prefix, join);
      }
      form = join.form;
      alias = join.alias;
    }
    const last = segments[segments.length - 1];
    const field = fieldOf(form, last, ref, path);
    let column = field.column ?? field.key;
    if (segments.length > 1) {
      let pc = this.pathColumns.get(ref);
      if (!pc) {
        pc = { column: `__path_${this.pathColumns.size}`, joinAlias: alias, sourceColumn: column };
        this.pathColumns.set(ref, pc);
      }
      column = pc.column;
    }
    const out: ResolvedField = { ref, kind: field.kind, column, sql: qualifiedName(RECORD_ALIAS, column) };
    this.resolved.set(ref, out);
    return out;
  }

  /** The fields conditions may use, keyed by reference (resolve paths first). */
  queryableFields(): QueryableField[] {
    const base = withSystemFields(this.source.fields);
    const paths = [...this.resolved.values()]
      .filter((r) => r.ref.includes('.'))
      .map((r): QueryableField => ({ key: r.ref, kind: r.kind, column: r.column }));
    return [...base, ...paths];
  }

  /** The FROM item: the source table as `rec`, or a subquery adding the joined columns. */
  fromSql(): string {
    const table = qualifiedName(this.sources.schema, this.source.table);
    if (this.joins.size === 0) return `${table} AS ${quoteIdent(RECORD_ALIAS)}`;
    const cols = [...this.pathColumns.values()].map(
      (pc) => `${qualifiedName(pc.joinAlias, pc.sourceColumn)} AS ${quoteIdent(pc.column)}`,
    );
    const joins = [...this.joins.values()].map((j) => {
      const t = `${qualifiedName(this.sources.schema, j.form.table)} AS ${quoteIdent(j.alias)}`;
      return (
        `LEFT JOIN ${t} ON ${qualifiedName(j.alias, 'id')} = ${qualifiedName(j.fromAlias, j.fromColumn)}` +
        ` AND ${qualifiedName(j.alias, 'deleted_at')} IS NULL`
      );
    });
    return (
      `(SELECT ${quoteIdent(BASE_ALIAS)}.*, ${cols.join(', ')} FROM ${table} AS ${quoteIdent(BASE_ALIAS)} ` +
      `${joins.join(' ')}) AS ${quoteIdent(RECORD_ALIAS)}`
    );
  }

  /** `"rec"."deleted_at" IS NULL`: soft-deleted records never count. */
  liveSql(): string {
    return `${qualifiedName(RECORD_ALIAS, 'deleted_at')} IS NULL`;
  }
}

export function formOf(sources: ReportSources, key: string, path: string): SourceForm {
  const form = sources.forms[key];
  if (!form) throw new ReportDefinitionError(`Unknown form "${key}"`, path);
  return form;
}

function fieldOf(form: SourceForm, key: string, ref: string, path: string): QueryableField {
  const field = withSystemFields(form.fields).find((f) => f.key === key);
  if (!field) throw new ReportDefinitionError(`Unknown field "${ref}" (no field "${key}" in ${form.key})`, path);
  return field;
}
