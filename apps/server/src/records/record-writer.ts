import { childTableName } from '@tessera/form-engine';
import { qualifiedName, quoteIdent, SqlParams } from '@tessera/query';
import type { FormDefinition, SubTableField } from '@tessera/schema';
import type { EntityManager } from 'typeorm';
import { recordFieldPlan } from './record-field-plan';

/**
 * Writes record rows with json_populate_record(set): PostgreSQL converts each JSON value to the column's type
 * (numeric, date, text[], uuid[], jsonb …), the whole batch is ONE bound parameter, and identifiers are quoted.
 */
export interface RowToInsert {
  id: string;
  values: Record<string, unknown>;
  ownerId: string | null;
}

function columnKeys(form: FormDefinition): string[] {
  return recordFieldPlan(form).columns.map((f) => f.key);
}

/** `INSERT … SELECT … FROM json_populate_recordset` of record rows (no children), with its parameters bound. */
export function insertRowsSql(
  params: SqlParams,
  schema: string,
  form: FormDefinition,
  actorId: string | null,
  rows: RowToInsert[],
): string {
  const table = qualifiedName(schema, form.key);
  const columns = ['id', 'created_by', 'updated_by', 'owner_id', ...columnKeys(form)].map(quoteIdent).join(', ');
  const payload = rows.map((row) => {
    const out: Record<string, unknown> = {
      id: row.id,
      created_by: actorId,
      updated_by: actorId,
      owner_id: row.ownerId,
    };
    for (const key of columnKeys(form)) if (row.values[key] !== undefined) out[key] = row.values[key];
    return out;
  });
  return `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${table}, ${params.add(JSON.stringify(payload), 'json')})`;
}

/** Whether a form's records have rows elsewhere (sub-tables, link tables) that are written after the record. */
export function hasChildRows(form: FormDefinition): boolean {
  const plan = recordFieldPlan(form);
  return plan.subTables.length > 0 || plan.links.length > 0;
}

export async function insertRows(
  em: EntityManager,
  schema: string,
  form: FormDefinition,
  actorId: string | null,
  rows: RowToInsert[],
): Promise<void> {
  if (!rows.length) return;
  const params = new SqlParams();
  await em.query(insertRowsSql(params, schema, form, actorId, rows), params.values);
  await writeChildren(
    em,
    schema,
    form,
    rows.map((r) => ({ id: r.id, values: r.values })),
    false,
  );
}

/** Updates the given columns of one row if its version still matches; returns false when it does not. */
export async function updateRow(
  em: EntityManager,
  schema: string,
  form: FormDefinition,
  actorId: string | null,
  id: string,
  expectedVersion: number,
  values: Record<string, unknown>,
): Promise<boolean> {
  const table = qualifiedName(schema, form.key);
  const keys = columnKeys(form).filter((k) => values[k] !== undefined);
  const assignments = keys.length
    ? `(${keys.map(quoteIdent).join(', ')}) = (SELECT ${keys.map(quoteIdent).join(', ')} FROM json_populate_record(NULL::${table}, $4::json)), `
    : '';
  const payload: Record<string, unknown> = {};
  for (const key of keys) payload[key] = values[key];
  const result: [unknown[], number] = await em.query(
    `UPDATE ${table} SET ${assignments}"version" = "version" + 1, "updated_at" = now(), "updated_by" = $3
      WHERE "id" = $1 AND "version" = $2 AND "deleted_at" IS NULL`,
    [id, expectedVersion, actorId, JSON.stringify(payload)],
  );
  if (result[1] === 0) return false;
  await writeChildren(em, schema, form, [{ id, values }], true);
  return true;
}

/** Sub-table rows and multi-relation links of the given records (replaced when `replace`). */
async function writeChildren(
  em: EntityManager,
  schema: string,
  form: FormDefinition,
  records: { id: string; values: Record<string, unknown> }[],
  replace: boolean,
) {
  const plan = recordFieldPlan(form);
  for (const field of plan.subTables) {
    const touched = records.filter((r) => Array.isArray(r.values[field.key]));
    if (!touched.length) continue;
    const child = qualifiedName(schema, childTableName(form.key, field.key));
    if (replace) await em.query(`DELETE FROM ${child} WHERE "parent_id" = ANY($1::uuid[])`, [touched.map((r) => r.id)]);
    const columns = ['parent_id', 'sort_index', ...subTableColumns(field)].map(quoteIdent).join(', ');
    const payload = touched.flatMap((r) =>
      (r.values[field.key] as Record<string, unknown>[]).map((row, index) => ({
        ...row,
        parent_id: r.id,
        sort_index: index,
      })),
    );
    if (payload.length)
      await em.query(
        `INSERT INTO ${child} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${child}, $1::json)`,
        [JSON.stringify(payload)],
      );
  }
  for (const field of plan.links) {
    const touched = records.filter((r) => Array.isArray(r.values[field.key]));
    if (!touched.length) continue;
    const link = qualifiedName(schema, childTableName(form.key, field.key));
    if (replace) await em.query(`DELETE FROM ${link} WHERE "record_id" = ANY($1::uuid[])`, [touched.map((r) => r.id)]);
    const payload = touched.flatMap((r) =>
      (r.values[field.key] as string[]).map((target, index) => ({
        record_id: r.id,
        target_id: target,
        sort_index: index,
      })),
    );
    if (payload.length) {
      await em.query(
        `INSERT INTO ${link} ("record_id", "target_id", "sort_index") SELECT "record_id", "target_id", "sort_index" FROM json_populate_recordset(NULL::${link}, $1::json)`,
        [JSON.stringify(payload)],
      );
    }
  }
}

export function subTableColumns(field: SubTableField): string[] {
  return recordFieldPlan({ key: 'row', name: 'row', fields: field.fields }).columns.map((f) => f.key);
}

/** Sub-table rows of one record, in order, without the bookkeeping columns. */
export async function readSubTableRows(
  em: EntityManager,
  schema: string,
  form: FormDefinition,
  field: SubTableField,
  recordId: string,
): Promise<Record<string, unknown>[]> {
  const child = qualifiedName(schema, childTableName(form.key, field.key));
  const columns = ['id', ...subTableColumns(field)].map(quoteIdent).join(', ');
  const rows: Record<string, unknown>[] = await em.query(
    `SELECT ${columns} FROM ${child} WHERE "parent_id" = $1 ORDER BY "sort_index"`,
    [recordId],
  );
  return rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) out[key] = value instanceof Date ? value.toISOString() : value;
    return out;
  });
}
