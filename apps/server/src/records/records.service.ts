import { Injectable } from '@nestjs/common';
import { indexName } from '@tessera/form-engine';
import { qualifiedName, SqlParams, toSql, type ConditionContext } from '@tessera/query';
import type { EntityManager } from 'typeorm';
import type { AuthPrincipal } from '../auth/auth-principal';
import { badRequest, conflict, forbidden, notFound, ProblemException } from '../common/problem/problem.exception';
import { isUniqueViolation } from '../db/postgres-errors';
import { TenantDatabase } from '../db/tenant-database.service';
import { FormCatalog, type PublishedForm } from '../forms/form-catalog.service';
import { conditionContextFor } from '../tenancy/principal-context';
import { RecordAccessPolicy, type RecordAccess, type RecordAction } from './record-access.policy';
import { recordEventsCtes, writeRecordEvents, type RecordEvent } from './record-events';
import { recordFieldPlan } from './record-field-plan';
import { RecordInputErrors } from './record-input-errors';
import { buildListQuery, encodeCursor, ListQueryError, type RecordListRequest } from './record-list-query';
import { prepareCreates, prepareUpdate, type RecordInput } from './record-preparation';
import { recordSelectList, type ReadTarget } from './record-read-query';
import { toRecordView, type RecordRow, type RecordView } from './record-row';
import {
  hasChildRows,
  insertRows,
  insertRowsSql,
  readSubTableRows,
  updateRow,
  type RowToInsert,
} from './record-writer';

export interface RecordListPage {
  items: RecordView[];
  total: number | null;
  nextCursor: string | null;
}

export interface BulkRequest {
  create?: { values: Record<string, unknown>; ownerId?: string | null }[];
  update?: { id: string; version: number; values: Record<string, unknown> }[];
  delete?: string[];
}

/** Who writes: a signed-in user, or nobody (public form submissions, system jobs) with userId null. */
export type RecordActor = Pick<AuthPrincipal, 'tenantId' | 'isAdmin'> & { userId: string | null };

/** Everything one request needs about the form it works on. */
export interface FormScope {
  em: EntityManager;
  form: PublishedForm;
  access: RecordAccess;
  ctx: ConditionContext;
  targets: Map<string, ReadTarget>;
}

@Injectable()
export class RecordsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly catalog: FormCatalog,
    private readonly policy: RecordAccessPolicy,
  ) {}

  /** One tenant transaction with the form, the caller's access to it and the condition context. */
  run<T>(
    principal: AuthPrincipal,
    formKey: string,
    action: RecordAction,
    work: (scope: FormScope) => Promise<T>,
  ): Promise<T> {
    return this.db.run(principal.tenantId, async (em) => {
      const form = await this.catalog.published(em, principal.tenantId, formKey);
      const access = await this.policy.accessFor(principal, form);
      if (!access.actions.has(action)) throw forbidden(`You may not ${action} records of ${formKey}`);
      const ctx = await conditionContextFor(em, principal);
      const targets = new Map<string, ReadTarget>();
      for (const relation of [
        ...recordFieldPlan(form.definition).singleRelations,
        ...recordFieldPlan(form.definition).links,
      ]) {
        const key = relation.relation.form;
        if (targets.has(key)) continue;
        targets.set(key, {
          definition:
            key === form.key ? form.definition : (await this.catalog.published(em, principal.tenantId, key)).definition,
        });
      }
      return work({ em, form, access, ctx, targets });
    });
  }

  /**
   * A submission through a form's public link: no user, create only, owner left empty (e.g. a lead lands in the
   * public pool). The form's own validation applies in full.
   */
  submitPublic(tenantId: string, formKey: string, values: Record<string, unknown>): Promise<{ id: string }> {
    return this.db.run(tenantId, async (em) => {
      const form = await this.catalog.published(em, tenantId, formKey);
      const ctx = await conditionContextFor(em, null);
      const access: RecordAccess = { actions: new Set(['create']), scope: null, readable: null, editable: null };
      const actor: RecordActor = { tenantId, userId: null, isAdmin: false };
      const [id] = await this.createIn(
        { em, form, access, ctx, targets: new Map() },
        actor,
        [{ values, ownerId: null }],
        '/body',
      );
      return { id };
    });
  }
  list(
    principal: AuthPrincipal,
    formKey: string,
    request: RecordListRequest,
    withTotal: boolean,
  ): Promise<RecordListPage> {
    return this.run(principal, formKey, 'read', (scope) => this.listIn(scope, request, withTotal));
  }

  async listIn(
    { em, form, access, ctx, targets }: FormScope,
    request: RecordListRequest,
    withTotal: boolean,
  ): Promise<RecordListPage> {
    const projection = request.fields ? new Set(request.fields) : undefined;
    if (request.fields) {
      const unknown = request.fields.filter((key) => !form.compiled.field(key));
      if (unknown.length)
        throw badRequest(
          'Unknown fields',
          unknown.map((key) => ({ path: '/query/fields', code: 'unknown_field', message: `No field ${key}` })),
        );
    }
    let query: ReturnType<typeof buildListQuery>;
    try {
      query = buildListQuery({
        schema: form.schema,
        formKey: form.key,
        fields: form.queryable,
        // Sort columns are always read: the next page's cursor is made of them.
        selectList: (alias) =>
          recordSelectList({
            schema: form.schema,
            form: form.definition,
            alias,
            targets,
            projection: projection && new Set([...projection, ...request.sort.map((key) => key.field)]),
          }),
        scope: access.scope,
        request,
        ctx,
      });
    } catch (error) {
      if (error instanceof ListQueryError) throw badRequest('The list request is invalid', error.errors);
      throw error;
    }
    const rows: RecordRow[] = await em.query(query.page.text, query.page.values);
    const total = withTotal
      ? ((await em.query(query.count.text, query.count.values)) as { total: number }[])[0].total
      : null;
    const last = rows[rows.length - 1];
    const nextCursor =
      last && rows.length === request.limit
        ? encodeCursor([...query.sortColumns.map((c) => normaliseCursorValue(last[c])), last.id])
        : null;
    return {
      items: rows.map((row) => toRecordView(form.definition, row, access.readable, projection)),
      total,
      nextCursor,
    };
  }

  get(principal: AuthPrincipal, formKey: string, id: string, includeDeleted = false): Promise<RecordView> {
    return this.run(principal, formKey, 'read', (scope) => this.read(scope, id, includeDeleted));
  }

  create(
    principal: AuthPrincipal,
    formKey: string,
    input: { values: Record<string, unknown>; ownerId?: string | null },
  ): Promise<RecordView> {
    return this.run(principal, formKey, 'create', async (scope) => {
      const inputs = [{ values: input.values, ownerId: input.ownerId }];
      if (hasChildRows(scope.form.definition)) {
        const [id] = await this.createIn(scope, principal, inputs, '/body');
        return this.read(scope, id);
      }
      // One statement for the row, its audit entry and outbox event, and the row read back with display names.
      const { rows, events } = await this.prepareForCreate(scope, principal, inputs, '/body');
      const { em, form, targets } = scope;
      const params = new SqlParams();
      const insert = insertRowsSql(params, form.schema, form.definition, principal.userId, rows);
      const sql = `WITH inserted AS (${insert} RETURNING *), ${recordEventsCtes(params, principal.tenantId, events)}
        SELECT ${recordSelectList({ schema: form.schema, form: form.definition, alias: 'r', targets })} FROM inserted r`;
      const created: RecordRow[] = await this.guardUnique(form, '/body', () => em.query(sql, params.values));
      return toRecordView(form.definition, created[0], scope.access.readable);
    });
  }

  update(
    principal: AuthPrincipal,
    formKey: string,
    id: string,
    input: { version: number; values: Record<string, unknown> },
  ): Promise<RecordView> {
    return this.run(principal, formKey, 'update', async (scope) => {
      await this.updateIn(scope, principal, [{ id, version: input.version, values: input.values }], '/body');
      return this.read(scope, id);
    });
  }

  remove(principal: AuthPrincipal, formKey: string, id: string): Promise<void> {
    return this.run(principal, formKey, 'delete', (scope) => this.setDeletedIn(scope, principal, [id], true, '/id'));
  }

  restore(principal: AuthPrincipal, formKey: string, id: string): Promise<RecordView> {
    return this.run(principal, formKey, 'delete', async (scope) => {
      await this.setDeletedIn(scope, principal, [id], false, '/id');
      return this.read(scope, id);
    });
  }

  /** Creates, updates and deletes in ONE transaction: all or nothing, every problem reported with its path. */
  bulk(
    principal: AuthPrincipal,
    formKey: string,
    request: BulkRequest,
  ): Promise<{ created: string[]; updated: string[]; deleted: string[] }> {
    const action: RecordAction = request.create?.length ? 'create' : request.update?.length ? 'update' : 'delete';
    return this.run(principal, formKey, action, async (scope) => {
      for (const [needed, present] of [
        ['create', request.create?.length],
        ['update', request.update?.length],
        ['delete', request.delete?.length],
      ] as const) {
        if (present && !scope.access.actions.has(needed))
          throw forbidden(`You may not ${needed} records of ${formKey}`);
      }
      const created = request.create?.length
        ? await this.createIn(scope, principal, request.create, '/body/create')
        : [];
      const updated = request.update?.length
        ? await this.updateIn(scope, principal, request.update, '/body/update')
        : [];
      if (request.delete?.length) await this.setDeletedIn(scope, principal, request.delete, true, '/body/delete');
      return { created, updated, deleted: request.delete ?? [] };
    });
  }

  /** Sync from ERP/website: find the live record whose unique field has this value; update it or create it. */
  upsert(
    principal: AuthPrincipal,
    formKey: string,
    matchField: string,
    values: Record<string, unknown>,
  ): Promise<{ created: boolean; record: RecordView }> {
    return this.run(principal, formKey, 'create', async (scope) => {
      const field = scope.form.compiled.field(matchField);
      if (!field || !(field.unique || field.type === 'auto_number')) {
        throw badRequest('Upsert needs a unique field', [
          { path: '/body/matchField', code: 'not_unique', message: `${matchField} is not a unique field` },
        ]);
      }
      const value = values[matchField];
      if (value === undefined || value === null || value === '') {
        throw badRequest('The match value is missing', [
          { path: `/body/values/${matchField}`, code: 'required', message: `${matchField} is required to upsert` },
        ]);
      }
      const existing = await this.findLiveByField(scope, matchField, value);
      if (!existing) {
        const [id] = await this.createIn(scope, principal, [{ values }], '/body');
        return { created: true, record: await this.read(scope, id) };
      }
      if (!scope.access.actions.has('update')) throw forbidden(`You may not update records of ${formKey}`);
      await this.updateIn(scope, principal, [{ id: existing.id, version: existing.version, values }], '/body');
      return { created: false, record: await this.read(scope, existing.id) };
    });
  }

  /** The audit trail of one record (the record page's timeline). */
  history(principal: AuthPrincipal, formKey: string, id: string) {
    return this.run(principal, formKey, 'read', async (scope) => {
      await this.read(scope, id, true);
      const rows: {
        id: number;
        action: string;
        actor_id: string | null;
        actor_name: string | null;
        before: unknown;
        after: unknown;
        at: Date;
      }[] = await scope.em.query(
        `SELECT a.id, a.action, a.actor_id, u.name AS actor_name, a.before, a.after, a.at
           FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
          WHERE a.entity_type = $1 AND a.entity_id = $2 ORDER BY a.at DESC, a.id DESC LIMIT 500`,
        [`record:${formKey}`, id],
      );
      return rows.map((r) => ({
        id: r.id,
        action: r.action,
        actorId: r.actor_id,
        actorName: r.actor_name,
        before: r.before,
        after: r.after,
        at: new Date(r.at).toISOString(),
      }));
    });
  }

  async createIn(
    scope: FormScope,
    principal: RecordActor,
    inputs: { values: Record<string, unknown>; ownerId?: string | null }[],
    base: string,
  ): Promise<string[]> {
    const { rows, events } = await this.prepareForCreate(scope, principal, inputs, base);
    const { em, form } = scope;
    await this.guardUnique(form, base, () => insertRows(em, form.schema, form.definition, principal.userId, rows));
    await writeRecordEvents(em, principal.tenantId, events);
    return rows.map((row) => row.id);
  }

  /** Validated, computed rows ready to insert, and their events; a 400 with every problem when any is invalid. */
  private async prepareForCreate(
    scope: FormScope,
    principal: RecordActor,
    inputs: { values: Record<string, unknown>; ownerId?: string | null }[],
    base: string,
  ): Promise<{ rows: RowToInsert[]; events: RecordEvent[] }> {
    const { em, form, access, ctx } = scope;
    const errors = new RecordInputErrors();
    const single = base === '/body';
    const recordInputs: RecordInput[] = inputs.map((input, i) => ({
      base: single ? `${base}/values` : `${base}/${i}/values`,
      values: input.values,
    }));
    inputs.forEach((input, i) => {
      if (input.ownerId && input.ownerId !== principal.userId && !principal.isAdmin) {
        errors.add(
          single ? base : `${base}/${i}`,
          '/ownerId',
          'forbidden',
          'Only administrators may create records for someone else',
        );
      }
    });
    const prepared = await prepareCreates(em, principal.tenantId, form, access, recordInputs, ctx, errors);
    if (errors.any) throw badRequest('Some values are invalid', errors.errors);
    return {
      rows: prepared.map((p, i) => ({ id: p.id, values: p.values, ownerId: inputs[i].ownerId ?? principal.userId })),
      events: prepared.map((p) => event('created', form, principal, p.id, null, p.values)),
    };
  }

  async updateIn(
    scope: FormScope,
    principal: RecordActor,
    inputs: { id: string; version: number; values: Record<string, unknown> }[],
    base: string,
  ): Promise<string[]> {
    const { em, form, access, ctx } = scope;
    const single = base === '/body';
    const events: RecordEvent[] = [];
    for (const [i, input] of inputs.entries()) {
      const at = single ? base : `${base}/${i}`;
      const current = await this.lockLive(scope, input.id, at);
      if (current.version !== input.version) {
        throw conflict(
          'The record was changed by someone else',
          [{ path: `${at}/version`, code: 'stale', message: `The record is at version ${current.version}` }],
          {
            current: await this.read(scope, input.id),
          },
        );
      }
      const errors = new RecordInputErrors();
      const changed = await prepareUpdate(
        em,
        form,
        access,
        { base: `${at}/values`, values: input.values },
        current.values,
        ctx,
        errors,
      );
      if (errors.any) throw badRequest('Some values are invalid', errors.errors);
      const written = await this.guardUnique(form, at, () =>
        updateRow(em, form.schema, form.definition, principal.userId, input.id, input.version, changed),
      );
      if (!written)
        throw conflict('The record was changed by someone else', [
          { path: `${at}/version`, code: 'stale', message: 'Stale version' },
        ]);
      const before: Record<string, unknown> = {};
      for (const key of Object.keys(changed)) before[key] = current.values[key] ?? null;
      const changedKeys = Object.keys(changed).filter(
        (k) => JSON.stringify(before[k]) !== JSON.stringify(changed[k] ?? null),
      );
      events.push({ ...event('updated', form, principal, input.id, before, changed), changed: changedKeys });
    }
    await writeRecordEvents(em, principal.tenantId, events);
    return inputs.map((i) => i.id);
  }

  /** Moves records to the trash (or back), within the caller's scope, with their record events. */
  async setDeletedIn(
    scope: FormScope,
    principal: RecordActor,
    ids: string[],
    deleted: boolean,
    base: string,
  ): Promise<void> {
    const { em, form, access, ctx } = scope;
    const params = new SqlParams();
    const idsParam = params.add(ids, 'uuid[]');
    const scopeSql = access.scope
      ? ` AND ${toSql(access.scope, form.queryable, ctx, params, { tableAlias: 'r' })}`
      : '';
    const table = qualifiedName(form.schema, form.key);
    const rows: { id: string }[] = await this.guardUnique(form, base, () =>
      em
        .query(
          `UPDATE ${table} r SET "deleted_at" = ${deleted ? 'now()' : 'NULL'}, "version" = r."version" + 1, "updated_at" = now(), "updated_by" = ${params.add(principal.userId, 'uuid')}
          WHERE r."id" = ANY(${idsParam}) AND r."deleted_at" IS ${deleted ? 'NULL' : 'NOT NULL'}${scopeSql} RETURNING r."id"`,
          params.values,
        )
        .then((result: [{ id: string }[], number]) => result[0]),
    );
    const done = new Set(rows.map((r) => r.id));
    const missing = ids.filter((id) => !done.has(id));
    if (missing.length) {
      throw notFound(
        `${missing.length} record(s) not found${deleted ? '' : ' in the trash'}: ${missing.slice(0, 5).join(', ')}`,
      );
    }
    await writeRecordEvents(
      em,
      principal.tenantId,
      ids.map((id) => event(deleted ? 'deleted' : 'restored', form, principal, id, null, null)),
    );
  }

  private async read(scope: FormScope, id: string, includeDeleted = false): Promise<RecordView> {
    const { em, form, access, ctx, targets } = scope;
    const params = new SqlParams();
    const where = [`r."id" = ${params.add(id, 'uuid')}`];
    if (!includeDeleted) where.push(`r."deleted_at" IS NULL`);
    if (access.scope) where.push(toSql(access.scope, form.queryable, ctx, params, { tableAlias: 'r' }));
    const rows: RecordRow[] = await em.query(
      `SELECT ${recordSelectList({ schema: form.schema, form: form.definition, alias: 'r', targets })} FROM ${qualifiedName(form.schema, form.key)} r WHERE ${where.join(' AND ')}`,
      params.values,
    );
    if (!rows[0]) throw notFound(`No record ${id} in ${form.key}`);
    const view = toRecordView(form.definition, rows[0], access.readable);
    for (const field of recordFieldPlan(form.definition).subTables) {
      if (access.readable && !access.readable.has(field.key)) continue;
      view.values[field.key] = await readSubTableRows(em, form.schema, form.definition, field, id);
    }
    return view;
  }

  /** The live row, locked for this transaction, within the caller's scope. */
  private async lockLive(
    scope: FormScope,
    id: string,
    at: string,
  ): Promise<{ version: number; values: Record<string, unknown> }> {
    const { em, form, access, ctx } = scope;
    const params = new SqlParams();
    const where = [`r."id" = ${params.add(id, 'uuid')}`, `r."deleted_at" IS NULL`];
    if (access.scope) where.push(toSql(access.scope, form.queryable, ctx, params, { tableAlias: 'r' }));
    const rows: RecordRow[] = await em.query(
      `SELECT r.* FROM ${qualifiedName(form.schema, form.key)} r WHERE ${where.join(' AND ')} FOR UPDATE`,
      params.values,
    );
    if (!rows[0])
      throw new ProblemException(404, `No record ${id} in ${form.key}`, [
        { path: `${at}/id`, code: 'not_found', message: 'No such record' },
      ]);
    return { version: Number(rows[0].version), values: toRecordView(form.definition, rows[0], null).values };
  }

  private async findLiveByField(
    scope: FormScope,
    key: string,
    value: unknown,
  ): Promise<{ id: string; version: number } | null> {
    const { em, form, ctx, access } = scope;
    const params = new SqlParams();
    const where = [
      toSql({ field: key, op: 'eq', value: value as string }, form.queryable, ctx, params, { tableAlias: 'r' }),
      `r."deleted_at" IS NULL`,
    ];
    if (access.scope) where.push(toSql(access.scope, form.queryable, ctx, params, { tableAlias: 'r' }));
    const rows: { id: string; version: number }[] = await em.query(
      `SELECT r."id", r."version" FROM ${qualifiedName(form.schema, form.key)} r WHERE ${where.join(' AND ')} FOR UPDATE`,
      params.values,
    );
    return rows[0] ?? null;
  }

  /** A unique index violation becomes a 409 naming the field. */
  private async guardUnique<T>(form: PublishedForm, base: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const field = form.definition.fields.find((f) => indexName(form.key, f.key, 'key') === error.constraint);
      const key = field?.key ?? 'unknown';
      throw conflict(`Another record already has this ${key}`, [
        { path: `${base}/values/${key}`, code: 'unique', message: `${key} must be unique` },
      ]);
    }
  }
}

function event(
  kind: RecordEvent['kind'],
  form: PublishedForm,
  principal: RecordActor,
  recordId: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): RecordEvent {
  return {
    kind,
    form: form.key,
    formVersion: form.version,
    recordId,
    actorId: principal.userId,
    before,
    after,
    changed: after ? Object.keys(after) : [],
  };
}

function normaliseCursorValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : (value ?? null);
}
