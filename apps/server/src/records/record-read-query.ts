import { childTableName } from '@tessera/form-engine';
import { qualifiedName, quoteIdent } from '@tessera/query';
import type { FormDefinition } from '@tessera/schema';
import { recordFieldPlan } from './record-field-plan';

/** The system columns every record row is read with. */
export const SYSTEM_SELECT = [
  'id',
  'version',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'owner_id',
  'deleted_at',
] as const;

/** Names of users/departments and relation titles, keyed by field key, in one jsonb column. */
export const DISPLAY_ALIAS = '"tessera$display"';

export interface ReadTarget {
  definition: FormDefinition;
}

export interface ReadQueryOptions {
  schema: string;
  form: FormDefinition;
  alias: string;
  /** Published definitions of relation targets, by form key. */
  targets: ReadonlyMap<string, ReadTarget>;
  /** Only these field keys (system columns always come). */
  projection?: ReadonlySet<string>;
}

function titleColumn(target: ReadTarget | undefined, displayField: string | undefined): string {
  if (displayField) return displayField;
  if (target?.definition.titleField) return target.definition.titleField;
  const firstText = target?.definition.fields.find((f) => f.type === 'text');
  return firstText?.key ?? 'id';
}

/**
 * The SELECT list of a record read: system columns, column fields, multi-relation ids, lookups and rollups
 * computed in SQL, and display names — every identifier quoted, no values (nothing to bind).
 */
export function recordSelectList(options: ReadQueryOptions): string {
  const { schema, form, alias, targets, projection } = options;
  const plan = recordFieldPlan(form);
  const r = quoteIdent(alias);
  const wanted = (key: string) => !projection || projection.has(key);
  const parts: string[] = SYSTEM_SELECT.map((c) => `${r}.${quoteIdent(c)}`);
  const users = qualifiedName('public', 'users');
  const departments = qualifiedName('public', 'departments');
  const targetTable = (formKey: string) => qualifiedName(schema, formKey);
  const linkTable = (fieldKey: string) => qualifiedName(schema, childTableName(form.key, fieldKey));

  for (const field of plan.columns) if (wanted(field.key)) parts.push(`${r}.${quoteIdent(field.key)}`);
  for (const field of plan.links) {
    if (!wanted(field.key)) continue;
    parts.push(
      `(SELECT coalesce(array_agg(l."target_id" ORDER BY l."sort_index"), '{}') FROM ${linkTable(field.key)} l WHERE l."record_id" = ${r}."id") AS ${quoteIdent(field.key)}`,
    );
  }
  for (const field of plan.lookups) {
    if (!wanted(field.key)) continue;
    const relation = form.fields.find((f) => f.key === field.lookup.relationField);
    if (relation?.type !== 'relation') continue;
    const target = targetTable(relation.relation.form);
    const column = quoteIdent(field.lookup.field);
    parts.push(
      relation.relation.multiple
        ? `(SELECT array_agg(t.${column} ORDER BY l."sort_index") FROM ${linkTable(relation.key)} l JOIN ${target} t ON t."id" = l."target_id" AND t."deleted_at" IS NULL WHERE l."record_id" = ${r}."id") AS ${quoteIdent(field.key)}`
        : `(SELECT t.${column} FROM ${target} t WHERE t."id" = ${r}.${quoteIdent(relation.key)} AND t."deleted_at" IS NULL) AS ${quoteIdent(field.key)}`,
    );
  }
  for (const field of plan.rollups) {
    if (!wanted(field.key)) continue;
    const relation = form.fields.find((f) => f.key === field.rollup.relationField);
    if (relation?.type !== 'relation') continue;
    const target = targetTable(relation.relation.form);
    const aggregate =
      field.rollup.aggregate === 'count'
        ? 'count(t."id")'
        : `${field.rollup.aggregate}(t.${quoteIdent(field.rollup.field ?? 'id')})`;
    const from = relation.relation.multiple
      ? `${linkTable(relation.key)} l JOIN ${target} t ON t."id" = l."target_id" AND t."deleted_at" IS NULL WHERE l."record_id" = ${r}."id"`
      : `${target} t WHERE t."id" = ${r}.${quoteIdent(relation.key)} AND t."deleted_at" IS NULL`;
    parts.push(
      `(SELECT ${field.rollup.aggregate === 'count' ? aggregate : `coalesce(${aggregate}, 0)`} FROM ${from}) AS ${quoteIdent(field.key)}`,
    );
  }

  const display: string[] = [];
  for (const person of plan.people) {
    if (!wanted(person.key) && !plan.system.some((s) => s.field.key === person.key)) continue;
    const table = person.kind === 'user' ? users : departments;
    const column = `${r}.${quoteIdent(person.column)}`;
    display.push(
      `'${person.key}', ` +
        (person.multiple
          ? `(SELECT array_agg(p."name" ORDER BY array_position(${column}, p."id")) FROM ${table} p WHERE p."id" = ANY(${column}))`
          : `(SELECT p."name" FROM ${table} p WHERE p."id" = ${column})`),
    );
  }
  for (const field of [...plan.singleRelations, ...plan.links]) {
    if (!wanted(field.key)) continue;
    const target = targetTable(field.relation.form);
    const title = quoteIdent(titleColumn(targets.get(field.relation.form), field.relation.displayField));
    display.push(
      `'${field.key}', ` +
        (field.relation.multiple
          ? `(SELECT array_agg(t.${title}::text ORDER BY l."sort_index") FROM ${linkTable(field.key)} l JOIN ${target} t ON t."id" = l."target_id" WHERE l."record_id" = ${r}."id")`
          : `(SELECT t.${title}::text FROM ${target} t WHERE t."id" = ${r}.${quoteIdent(field.key)})`),
    );
  }
  // Owner and creator names are always shown, whether or not the form has fields for them.
  display.push(`'owner_id', (SELECT p."name" FROM ${users} p WHERE p."id" = ${r}."owner_id")`);
  display.push(`'created_by', (SELECT p."name" FROM ${users} p WHERE p."id" = ${r}."created_by")`);
  parts.push(`jsonb_build_object(${display.join(', ')}) AS ${DISPLAY_ALIAS}`);
  return parts.join(', ');
}
