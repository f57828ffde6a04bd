import { randomUUID } from 'node:crypto';
import { autoNumberCounterKey, FormulaError, nextAutoNumber } from '@tessera/form-engine';
import { qualifiedName, type ConditionContext } from '@tessera/query';
import type { EntityManager } from 'typeorm';
import type { PublishedForm } from '../forms/form-catalog.service';
import type { RecordAccess } from './record-access.policy';
import { recordFieldPlan } from './record-field-plan';
import type { RecordInputErrors } from './record-input-errors';

export interface RecordInput {
  /** Where this record sits in the request body, for error paths: '/body/values', '/body/records/3/values'. */
  base: string;
  values: Record<string, unknown>;
}

/** Keys the client may not write: computed, system, layout, or masked by the access policy. */
function checkWritable(form: PublishedForm, access: RecordAccess, input: RecordInput, errors: RecordInputErrors): void {
  const plan = recordFieldPlan(form.definition);
  for (const key of Object.keys(input.values)) {
    const known = form.compiled.field(key);
    if (!known) continue; // the validator reports unknown fields
    if (!plan.writable.has(key))
      errors.add(input.base, `/${key}`, 'read_only', `${key} is computed and cannot be written`);
    else if (access.editable && !access.editable.has(key))
      errors.add(input.base, `/${key}`, 'forbidden', `You may not edit ${key}`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The file ids of an image/attachment value. Only well-formed UUIDs: anything else is already reported by the
 * value's schema, and would fail the ::uuid[] cast below.
 */
function fileIds(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((file: unknown) => {
    const id = typeof file === 'object' && file !== null ? (file as { id?: unknown }).id : undefined;
    return typeof id === 'string' && UUID.test(id) ? [id] : [];
  });
}

/**
 * Member, department, relation and file values must point at rows that exist (one query per kind for the batch).
 * `files` has row-level security, so another tenant's file id is as unknown as a made-up one.
 */
async function checkReferences(
  em: EntityManager,
  form: PublishedForm,
  inputs: RecordInput[],
  errors: RecordInputErrors,
): Promise<void> {
  const plan = recordFieldPlan(form.definition);
  const wanted: { table: string; ids: Set<string>; at: { base: string; key: string; id: string }[] }[] = [];
  const collect = (table: string, base: string, key: string, value: unknown) => {
    const ids = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    if (!ids.length) return;
    let entry = wanted.find((w) => w.table === table);
    if (!entry) wanted.push((entry = { table, ids: new Set(), at: [] }));
    for (const id of ids) {
      entry.ids.add(id);
      entry.at.push({ base, key, id });
    }
  };
  for (const input of inputs) {
    for (const person of plan.people) {
      if (input.values[person.key] !== undefined)
        collect(
          person.kind === 'user' ? 'public.users' : 'public.departments',
          input.base,
          person.key,
          input.values[person.key],
        );
    }
    for (const relation of [...plan.singleRelations, ...plan.links]) {
      if (input.values[relation.key] !== undefined)
        collect(`${form.schema}.${relation.relation.form}`, input.base, relation.key, input.values[relation.key]);
    }
    for (const field of plan.files) collect('public.files', input.base, field.key, fileIds(input.values[field.key]));
  }
  for (const entry of wanted) {
    const [schema, table] = entry.table.split('.');
    const softDelete = schema === 'public' ? '' : ' AND "deleted_at" IS NULL';
    const rows: { id: string }[] = await em.query(
      `SELECT "id" FROM ${qualifiedName(schema, table)} WHERE "id" = ANY($1::uuid[])${softDelete}`,
      [[...entry.ids]],
    );
    const found = new Set(rows.map((r) => r.id));
    for (const at of entry.at)
      if (!found.has(at.id)) errors.add(at.base, `/${at.key}`, 'not_found', `${at.id} does not exist`);
  }
}

/** Next value of an auto-number counter, allocated inside the transaction (a row lock serialises writers). */
async function allocateSequence(
  em: EntityManager,
  tenantId: string,
  formId: string,
  fieldKey: string,
  period: string,
  count: number,
): Promise<number> {
  const rows: { value: number }[] = await em.query(
    `INSERT INTO record_sequences (tenant_id, form_id, field_key, period, value) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (form_id, field_key, period) DO UPDATE SET value = record_sequences.value + EXCLUDED.value
     RETURNING value`,
    [tenantId, formId, fieldKey, period, count],
  );
  return Number(rows[0].value) - count + 1;
}

export interface PreparedCreate {
  id: string;
  values: Record<string, unknown>;
}

/**
 * Everything a create does before the INSERT, for a batch: defaults, the same compiled validator the browser
 * uses, references, formulas (bounded), auto-numbers. Problems are collected with their paths; nothing is
 * written when any exists.
 */
export async function prepareCreates(
  em: EntityManager,
  tenantId: string,
  form: PublishedForm,
  access: RecordAccess,
  inputs: RecordInput[],
  ctx: ConditionContext,
  errors: RecordInputErrors,
): Promise<PreparedCreate[]> {
  const prepared: PreparedCreate[] = [];
  for (const input of inputs) {
    checkWritable(form, access, input, errors);
    const withDefaults = await form.compiled.applyDefaults(input.values, ctx);
    const result = form.compiled.validate(withDefaults, 'create', ctx);
    for (const error of result.errors) errors.add(input.base, error.path, error.code, error.message);
    prepared.push({ id: randomUUID(), values: withDefaults });
  }
  await checkReferences(em, form, inputs, errors);
  if (errors.any) return [];
  for (const [index, record] of prepared.entries()) {
    record.values = await computeFormulas(form, record.values, ctx, inputs[index].base, errors);
  }
  if (errors.any) return [];
  for (const field of recordFieldPlan(form.definition).autoNumbers) {
    const byPeriod = new Map<string, PreparedCreate[]>();
    for (const record of prepared) {
      if (record.values[field.key] !== undefined && record.values[field.key] !== null) continue;
      const period = autoNumberCounterKey(field.autoNumber.pattern, ctx.now, ctx.timeZone);
      byPeriod.set(period, [...(byPeriod.get(period) ?? []), record]);
    }
    for (const [period, records] of byPeriod) {
      const first = await allocateSequence(em, tenantId, form.id, field.key, period, records.length);
      records.forEach(
        (record, i) =>
          (record.values[field.key] = nextAutoNumber(field.autoNumber.pattern, ctx.now, first + i, ctx.timeZone)),
      );
    }
  }
  return prepared;
}

/** An update: the patch is validated as a patch (older records stay editable), formulas see the merged record. */
export async function prepareUpdate(
  em: EntityManager,
  form: PublishedForm,
  access: RecordAccess,
  input: RecordInput,
  current: Record<string, unknown>,
  ctx: ConditionContext,
  errors: RecordInputErrors,
): Promise<Record<string, unknown>> {
  checkWritable(form, access, input, errors);
  const result = form.compiled.validate(input.values, 'update', ctx);
  for (const error of result.errors) errors.add(input.base, error.path, error.code, error.message);
  await checkReferences(em, form, [input], errors);
  if (errors.any) return {};
  const merged = await computeFormulas(form, { ...current, ...input.values }, ctx, input.base, errors);
  const changed: Record<string, unknown> = { ...input.values };
  for (const field of recordFieldPlan(form.definition).columns) {
    if (field.type !== 'formula') continue;
    const next = merged[field.key] ?? null;
    if (JSON.stringify(next) !== JSON.stringify(current[field.key] ?? null)) changed[field.key] = next;
  }
  return changed;
}

async function computeFormulas(
  form: PublishedForm,
  values: Record<string, unknown>,
  ctx: ConditionContext,
  base: string,
  errors: RecordInputErrors,
) {
  try {
    return await form.compiled.computeFormulas(values, ctx);
  } catch (error) {
    if (error instanceof FormulaError) {
      errors.add(base, `/${error.field}`, `formula_${error.code}`, error.message);
      return values;
    }
    throw error;
  }
}
