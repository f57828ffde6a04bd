import { Injectable } from '@nestjs/common';
import type { JsonRecord } from '@tessera/flow-engine';
import { qualifiedName } from '@tessera/query';
import type { Condition } from '@tessera/schema';
import type { EntityManager } from 'typeorm';
import type { AuthPrincipal } from '../auth/auth-principal';
import { notFound } from '../common/problem/problem.exception';
import { FormCatalog } from '../forms/form-catalog.service';
import { conditionContextFor } from '../tenancy/principal-context';
import { RecordAccessPolicy } from '../records/record-access.policy';
import { writeRecordEvents } from '../records/record-events';
import { recordFieldPlan } from '../records/record-field-plan';
import type { ReadTarget } from '../records/record-read-query';
import type { RecordView } from '../records/record-row';
import { RecordsService } from '../records/records.service';

type FormScope = Parameters<RecordsService['createIn']>[0];

/** A record as flows see it: system columns under their column names, then the field values. */
export function recordSnapshot(view: RecordView): JsonRecord {
  return JSON.parse(
    JSON.stringify({
      id: view.id,
      version: view.version,
      owner_id: view.ownerId,
      created_by: view.createdBy,
      created_at: view.createdAt,
      updated_at: view.updatedAt,
      ...view.values,
    }),
  ) as JsonRecord;
}

/**
 * Record reads and writes of flows, inside the flow's own transaction (effects commit with the instance state),
 * through the same RecordsService preparation as the API: validation, formulas, unique checks, audit, outbox.
 * Flows act with administrator rights, attributed to the instance's submitter.
 */
@Injectable()
export class FlowRecordsGateway {
  constructor(
    private readonly records: RecordsService,
    private readonly catalog: FormCatalog,
    private readonly policy: RecordAccessPolicy,
  ) {}

  /** The same scope RecordsService.run builds, on the caller's EntityManager. */
  async scope(
    em: EntityManager,
    principal: AuthPrincipal,
    formKey: string,
    now: Date,
    vars?: JsonRecord,
  ): Promise<FormScope> {
    const form = await this.catalog.published(em, principal.tenantId, formKey);
    const access = await this.policy.accessFor(principal, form);
    const ctx = { ...(await conditionContextFor(em, principal, now)), ...(vars ? { vars } : {}) };
    const targets = new Map<string, ReadTarget>();
    const plan = recordFieldPlan(form.definition);
    for (const relation of [...plan.singleRelations, ...plan.links]) {
      const key = relation.relation.form;
      if (targets.has(key)) continue;
      targets.set(key, {
        definition:
          key === form.key ? form.definition : (await this.catalog.published(em, principal.tenantId, key)).definition,
      });
    }
    return { em, form, access, ctx, targets };
  }

  async read(
    em: EntityManager,
    principal: AuthPrincipal,
    formKey: string,
    id: string,
    now: Date,
    deleted = false,
  ): Promise<JsonRecord | null> {
    const scope = await this.scope(em, principal, formKey, now);
    const page = await this.records.listIn(
      scope,
      {
        filter: { field: 'id', op: 'eq', value: id },
        sort: [],
        limit: 1,
        ...(deleted ? { deleted: 'only' as const } : {}),
      },
      false,
    );
    return page.items[0] ? recordSnapshot(page.items[0]) : null;
  }

  async query(
    em: EntityManager,
    principal: AuthPrincipal,
    formKey: string,
    request: {
      condition?: Condition;
      sort?: { field: string; direction: 'asc' | 'desc' }[];
      limit?: number;
      vars: JsonRecord;
    },
    now: Date,
  ): Promise<JsonRecord[]> {
    const scope = await this.scope(em, principal, formKey, now, request.vars);
    const page = await this.records.listIn(
      scope,
      { filter: request.condition, sort: request.sort ?? [], limit: Math.min(Math.max(request.limit ?? 100, 1), 500) },
      false,
    );
    return page.items.map(recordSnapshot);
  }

  async create(
    em: EntityManager,
    principal: AuthPrincipal,
    formKey: string,
    values: JsonRecord,
    now: Date,
  ): Promise<JsonRecord> {
    const scope = await this.scope(em, principal, formKey, now);
    const [id] = await this.records.createIn(scope, principal, [{ values }], '/body');
    return (await this.read(em, principal, formKey, id, now)) ?? { id };
  }

  async update(
    em: EntityManager,
    principal: AuthPrincipal,
    formKey: string,
    id: string,
    values: JsonRecord,
    now: Date,
  ): Promise<void> {
    const scope = await this.scope(em, principal, formKey, now);
    // Lock first, so the version given to updateIn cannot go stale between the read and the write.
    const rows: { version: number }[] = await em.query(
      `SELECT "version" FROM ${qualifiedName(scope.form.schema, scope.form.key)} WHERE "id" = $1 AND "deleted_at" IS NULL FOR UPDATE`,
      [id],
    );
    if (!rows[0]) throw notFound(`No record ${id} in ${formKey}`);
    await this.records.updateIn(scope, principal, [{ id, version: Number(rows[0].version), values }], '/body');
  }

  /** Soft delete, exactly as the API's delete (scope, record event). */
  async remove(em: EntityManager, principal: AuthPrincipal, formKey: string, id: string, now: Date): Promise<void> {
    const scope = await this.scope(em, principal, formKey, now);
    await this.records.setDeletedIn(scope, principal, [id], true, '/id');
  }

  /** Changes the owner (assign_owner): owner_id is a system column, not a writable field. */
  async setOwner(
    em: EntityManager,
    principal: AuthPrincipal,
    formKey: string,
    id: string,
    ownerId: string,
    now: Date,
  ): Promise<void> {
    const scope = await this.scope(em, principal, formKey, now);
    const table = qualifiedName(scope.form.schema, scope.form.key);
    const rows: { before: string | null }[] = await em.query(
      `SELECT "owner_id" AS before FROM ${table} WHERE "id" = $1 AND "deleted_at" IS NULL FOR UPDATE`,
      [id],
    );
    if (rows.length)
      await em.query(
        `UPDATE ${table} SET "owner_id" = $2, "version" = "version" + 1, "updated_at" = now(), "updated_by" = $3 WHERE "id" = $1`,
        [id, ownerId, principal.userId],
      );
    if (!rows.length) throw notFound(`No record ${id} in ${formKey}`);
    await writeRecordEvents(em, principal.tenantId, [
      {
        kind: 'updated',
        form: scope.form.key,
        formVersion: scope.form.version,
        recordId: id,
        actorId: principal.userId,
        before: { owner_id: rows[0].before },
        after: { owner_id: ownerId },
        changed: ['owner_id'],
      },
    ]);
  }

  /** Least-loaded assignment: live records of the form owned by each candidate. */
  async ownedCounts(
    em: EntityManager,
    principal: AuthPrincipal,
    formKey: string,
    userIds: string[],
    now: Date,
  ): Promise<Map<string, number>> {
    const scope = await this.scope(em, principal, formKey, now);
    const rows: { owner_id: string; n: number }[] = await em.query(
      `SELECT "owner_id", count(*)::int AS n FROM ${qualifiedName(scope.form.schema, scope.form.key)}
        WHERE "deleted_at" IS NULL AND "owner_id" = ANY($1::uuid[]) GROUP BY "owner_id"`,
      [userIds],
    );
    return new Map(rows.map((r) => [r.owner_id, r.n] as [string, number]));
  }
}
