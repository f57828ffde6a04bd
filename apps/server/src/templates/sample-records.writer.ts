import { childTableName } from '@tessera/form-engine';
import { qualifiedName } from '@tessera/query';
import type { FieldDefinition, FormDefinition, JsonValue } from '@tessera/schema';
import type { FormPublishStep, SampleRecord } from '@tessera/templates';
import type { AuthPrincipal } from '../auth/auth-principal';
import { ProblemException } from '../common/problem/problem.exception';
import type { FormScope, RecordActor, RecordsService } from '../records/records.service';

/** Records per createIn call: large enough to amortise the per-batch queries, small enough for one statement. */
const BATCH = 1000;

/** Sample refs ("customers:12", "user:3") → database ids, filled as records are created. */
export class RefMap {
  readonly ids = new Map<string, string>();

  id(ref: string): string {
    const id = this.ids.get(ref);
    if (!id) throw new Error(`Sample data refers to ${ref}, which was not created`);
    return id;
  }
}

/** The values with every relation and member ref replaced by its id; late fields are left out. */
function mapValues(
  fields: readonly FieldDefinition[],
  values: Record<string, JsonValue>,
  refs: RefMap,
  skip: ReadonlySet<string>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const byKey = new Map(fields.map((f) => [f.key, f]));
  for (const [key, value] of Object.entries(values)) {
    if (skip.has(key)) continue;
    const field = byKey.get(key);
    if (value !== null && (field?.type === 'relation' || field?.type === 'member'))
      out[key] = Array.isArray(value) ? value.map((v) => refs.id(String(v))) : refs.id(String(value));
    else if (field?.type === 'sub_table' && Array.isArray(value))
      out[key] = value.map((row) => mapValues(field.fields, row as Record<string, JsonValue>, refs, new Set()));
    else out[key] = value;
  }
  return out;
}

export interface SampleWriteContext {
  records: RecordsService;
  actor: AuthPrincipal;
  refs: RefMap;
}

/**
 * Creates the sample records of one form through RecordsService.createIn — the API's own validation, formulas,
 * auto-numbers, audit and outbox — in batches, one transaction each, then back-dates created_at/updated_at to
 * the sample history (the record happened then; reports by creation date would otherwise show one spike today).
 * Records without an owner (leads in the public pool) are written by a user-less actor, which leaves the owner
 * empty as a public-form submission does.
 */
export async function writeSampleRecords(
  context: SampleWriteContext,
  step: FormPublishStep,
  samples: readonly SampleRecord[],
): Promise<number> {
  const { records, actor, refs } = context;
  const form = step.complete ?? step.first;
  const late = new Set(step.lateFields);
  const unowned: RecordActor = { tenantId: actor.tenantId, userId: null, isAdmin: true };
  for (let start = 0; start < samples.length; start += BATCH) {
    const batch = samples.slice(start, start + BATCH);
    await withRetryOnFormulaTimeout(() =>
      records.run(actor, step.key, 'create', async (scope) => {
        for (const owned of [true, false]) {
          const part = batch.filter((s) => (s.ownerRef !== null) === owned);
          if (!part.length) continue;
          const ids = await records.createIn(
            scope,
            owned ? actor : unowned,
            part.map((s) => ({
              values: mapValues(form.fields, s.values, refs, late),
              ownerId: s.ownerRef === null ? null : refs.id(s.ownerRef),
            })),
            '/sample',
          );
          part.forEach((s, i) => refs.ids.set(s.ref, ids[i]));
          await backdate(
            scope,
            part.map((s, i) => ({ id: ids[i], at: s.createdAt })),
          );
        }
      }),
    );
  }
  return samples.length;
}

/**
 * Formulas run under a wall-clock budget (500 ms per evaluation); a long garbage-collection pause in the middle of a
 * 1,000-record batch can exhaust it for a trivial formula. The batch is its own transaction, so it is simply
 * run again — a formula that really loops fails every attempt and the error surfaces.
 */
async function withRetryOnFormulaTimeout<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const timedOut =
        error instanceof ProblemException &&
        error.details.errors.length > 0 &&
        error.details.errors.every((e) => e.code === 'formula_timeout');
      if (!timedOut || attempt >= attempts) throw error;
    }
  }
}

async function backdate(scope: FormScope, rows: { id: string; at: string }[]): Promise<void> {
  const table = qualifiedName(scope.form.schema, scope.form.key);
  await scope.em.query(
    `UPDATE ${table} t SET "created_at" = x.at, "updated_at" = x.at
       FROM json_to_recordset($1::json) AS x(id uuid, at timestamptz) WHERE t."id" = x.id`,
    [JSON.stringify(rows)],
  );
}

/**
 * The multi-relation values that point forward (customers.contracts → the contracts created after them), written
 * once their targets exist. They go straight into the link table in one statement: every pair mirrors a
 * contract.customer value the API already validated, and 1,500 single-record updates would cost more than the
 * whole rest of the install.
 */
export async function writeLateLinks(
  context: SampleWriteContext,
  step: FormPublishStep,
  samples: readonly SampleRecord[],
): Promise<number> {
  const form: FormDefinition | undefined = step.complete;
  if (!form) return 0;
  let written = 0;
  await context.records.run(context.actor, step.key, 'update', async (scope) => {
    for (const key of step.lateFields) {
      const field = form.fields.find((f) => f.key === key);
      if (field?.type !== 'relation' || !field.relation.multiple) continue;
      const links = samples.flatMap((s) =>
        ((s.values[key] as string[] | undefined) ?? []).map((target, index) => ({
          record_id: context.refs.id(s.ref),
          target_id: context.refs.id(target),
          sort_index: index,
        })),
      );
      if (!links.length) continue;
      const link = qualifiedName(scope.form.schema, childTableName(step.key, key));
      await scope.em.query(
        `INSERT INTO ${link} ("record_id", "target_id", "sort_index")
         SELECT "record_id", "target_id", "sort_index" FROM json_populate_recordset(NULL::${link}, $1::json)`,
        [JSON.stringify(links)],
      );
      written += links.length;
    }
  });
  return written;
}
