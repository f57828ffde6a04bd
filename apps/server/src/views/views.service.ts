import { Injectable } from '@nestjs/common';
import type { Condition } from '@tessera/schema';
import type { AuthPrincipal } from '../auth/auth-principal';
import { AuditService } from '../audit/audit.service';
import { badRequest, conflict, forbidden, notFound } from '../common/problem/problem.exception';
import type { RecordListRequest } from '../records/record-list-query';
import { RecordsService, type FormScope, type RecordListPage } from '../records/records.service';
import { filterIssues, validateViewConfig, type ViewConfig, type ViewKind } from './view-config.validation';
import { ensureSortIndexes } from './view-sort-index';

export interface SavedView {
  id: string;
  name: string;
  kind: ViewKind;
  shared: boolean;
  ownerId: string | null;
  /** The caller owns it (may edit a personal view). */
  mine: boolean;
  config: ViewConfig;
  version: number;
  createdAt: string;
  updatedAt: string;
}

interface SavedViewRow {
  id: string;
  owner_id: string | null;
  shared: boolean;
  name: string;
  kind: ViewKind;
  config: ViewConfig;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, owner_id, shared, name, kind, config, version, created_at, updated_at';

function toView(row: SavedViewRow, principal: AuthPrincipal): SavedView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    shared: row.shared,
    ownerId: row.owner_id,
    mine: row.owner_id === principal.userId,
    config: row.config,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export interface ViewRunRequest {
  filter?: unknown;
  search?: string;
  limit: number;
  offset?: number;
  after?: string;
  total?: boolean;
}

/** Saved views of a form: personal ones (only their owner sees them) and shared ones (admins curate them). */
@Injectable()
export class ViewsService {
  constructor(
    private readonly records: RecordsService,
    private readonly audit: AuditService,
  ) {}

  list(principal: AuthPrincipal, formKey: string): Promise<SavedView[]> {
    return this.records.run(principal, formKey, 'read', async ({ em, form }) => {
      const rows: SavedViewRow[] = await em.query(
        `SELECT ${COLUMNS} FROM saved_views WHERE form_id = $1 AND (shared OR owner_id = $2) ORDER BY shared DESC, name, id`,
        [form.id, principal.userId],
      );
      return rows.map((row) => toView(row, principal));
    });
  }

  get(principal: AuthPrincipal, formKey: string, viewId: string): Promise<SavedView> {
    return this.records.run(principal, formKey, 'read', async (scope) =>
      toView(await this.visible(scope, principal, viewId), principal),
    );
  }

  create(
    principal: AuthPrincipal,
    formKey: string,
    input: { name: string; kind: ViewKind; shared?: boolean; config: ViewConfig },
  ): Promise<SavedView> {
    return this.records.run(principal, formKey, 'read', async ({ em, form }) => {
      if (input.shared && !principal.isAdmin) throw forbidden('Only administrators may share views');
      const errors = validateViewConfig(form, input.kind, input.config, '/body/config');
      if (errors.length) throw badRequest('The view is invalid', errors);
      await ensureSortIndexes(em, form, input.config);
      const [row]: SavedViewRow[] = await em.query(
        `INSERT INTO saved_views (tenant_id, form_id, owner_id, shared, name, kind, config)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
        [
          principal.tenantId,
          form.id,
          principal.userId,
          input.shared === true,
          input.name,
          input.kind,
          JSON.stringify(input.config),
        ],
      );
      await this.audit.record(em, principal, {
        action: 'view.created',
        entityType: 'saved_view',
        entityId: row.id,
        after: { form: form.key, name: row.name, kind: row.kind, shared: row.shared, config: row.config },
      });
      return toView(row, principal);
    });
  }

  update(
    principal: AuthPrincipal,
    formKey: string,
    viewId: string,
    input: { version: number; name?: string; kind?: ViewKind; shared?: boolean; config?: ViewConfig },
  ): Promise<SavedView> {
    return this.records.run(principal, formKey, 'read', async (scope) => {
      const { em, form } = scope;
      const current = await this.editable(scope, principal, viewId);
      if (input.shared !== undefined && input.shared !== current.shared && !principal.isAdmin)
        throw forbidden('Only administrators may share views');
      const kind = input.kind ?? current.kind;
      const config = input.config ?? current.config;
      if (input.kind !== undefined || input.config !== undefined) {
        const errors = validateViewConfig(form, kind, config, input.config ? '/body/config' : '/body/kind');
        if (errors.length) throw badRequest('The view is invalid', errors);
        await ensureSortIndexes(em, form, config);
      }
      // TypeORM answers an UPDATE … RETURNING with [rows, affected]
      const [rows]: [SavedViewRow[], number] = await em.query(
        `UPDATE saved_views SET name = $3, kind = $4, shared = $5, config = $6, version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2 RETURNING ${COLUMNS}`,
        [
          viewId,
          input.version,
          input.name ?? current.name,
          kind,
          input.shared ?? current.shared,
          JSON.stringify(config),
        ],
      );
      if (!rows[0])
        throw conflict('The view was changed by someone else', [
          { path: '/body/version', code: 'stale', message: `The view is at version ${current.version}` },
        ]);
      await this.audit.record(em, principal, {
        action: 'view.updated',
        entityType: 'saved_view',
        entityId: viewId,
        before: { name: current.name, kind: current.kind, shared: current.shared, config: current.config },
        after: { name: rows[0].name, kind: rows[0].kind, shared: rows[0].shared, config: rows[0].config },
      });
      return toView(rows[0], principal);
    });
  }

  remove(principal: AuthPrincipal, formKey: string, viewId: string): Promise<void> {
    return this.records.run(principal, formKey, 'read', async (scope) => {
      const current = await this.editable(scope, principal, viewId);
      await scope.em.query(`DELETE FROM saved_views WHERE id = $1`, [viewId]);
      await this.audit.record(scope.em, principal, {
        action: 'view.deleted',
        entityType: 'saved_view',
        entityId: viewId,
        before: { name: current.name, kind: current.kind, shared: current.shared, config: current.config },
      });
    });
  }

  /** The records of a view: its filter AND the extra one, its sort and columns, through the record list. */
  run(principal: AuthPrincipal, formKey: string, viewId: string, request: ViewRunRequest): Promise<RecordListPage> {
    return this.records.run(principal, formKey, 'read', async (scope) => {
      const view = toView(await this.visible(scope, principal, viewId), principal);
      return this.records.listIn(scope, this.listRequest(scope, view, request, '/body'), request.total !== false);
    });
  }

  /** A view (and optional extra filter) as a record list request; used by export too. */
  listRequest(
    scope: FormScope,
    view: SavedView | null,
    request: Omit<ViewRunRequest, 'limit'> & { limit: number; sort?: RecordListRequest['sort']; fields?: string[] },
    base: string,
  ): RecordListRequest {
    if (request.filter !== undefined) {
      const errors = filterIssues(request.filter, scope.form.queryable, `${base}/filter`);
      if (errors.length) throw badRequest('The filter is invalid', errors);
    }
    const filters = [view?.config.filter, request.filter as Condition | undefined].filter(
      (c): c is Condition => c !== undefined,
    );
    // a field removed from the form since the view was saved no longer shows, instead of breaking the view
    const columns = view?.config.columns?.filter((key) => scope.form.compiled.field(key));
    const sort = request.sort ?? view?.config.sort ?? [];
    // the keyset cursor is made of the sort columns: a projection must read them too
    const sortKeys = sort.map((s) => s.field).filter((key) => scope.form.compiled.field(key));
    const fields = request.fields ?? (columns?.length ? columns : undefined);
    return {
      filter: filters.length === 0 ? undefined : filters.length === 1 ? filters[0] : { and: filters },
      search: request.search ?? view?.config.search,
      sort,
      limit: request.limit,
      offset: request.offset,
      after: request.after,
      fields: fields ? [...new Set([...fields, ...sortKeys])] : undefined,
    };
  }

  /** A view the caller can see (their own or a shared one), for use inside a form scope. */
  async visibleIn(scope: FormScope, principal: AuthPrincipal, viewId: string): Promise<SavedView> {
    return toView(await this.visible(scope, principal, viewId), principal);
  }

  private async visible(scope: FormScope, principal: AuthPrincipal, viewId: string): Promise<SavedViewRow> {
    const rows: SavedViewRow[] = await scope.em.query(
      `SELECT ${COLUMNS} FROM saved_views WHERE id = $1 AND form_id = $2 AND (shared OR owner_id = $3)`,
      [viewId, scope.form.id, principal.userId],
    );
    if (!rows[0]) throw notFound(`No view ${viewId} on ${scope.form.key}`);
    return rows[0];
  }

  /** Personal views are edited by their owner; shared views by administrators. Locked for the change. */
  private async editable(scope: FormScope, principal: AuthPrincipal, viewId: string): Promise<SavedViewRow> {
    const row = await this.visible(scope, principal, viewId);
    const allowed = row.shared ? principal.isAdmin : row.owner_id === principal.userId;
    if (!allowed) throw forbidden('Only administrators may change shared views');
    await scope.em.query(`SELECT 1 FROM saved_views WHERE id = $1 FOR UPDATE`, [viewId]);
    return row;
  }
}
