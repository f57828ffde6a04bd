import { Injectable } from '@nestjs/common';
import type { Static } from '@sinclair/typebox';
import type { EntityManager } from 'typeorm';
import type { AuthPrincipal } from '../auth/auth-principal';
import { AuditService } from '../audit/audit.service';
import { conflict, forbidden, notFound } from '../common/problem/problem.exception';
import { isUniqueViolation } from '../db/postgres-errors';
import { TenantDatabase } from '../db/tenant-database.service';
import type { AppResponse, CreateAppRequest, UpdateAppRequest } from './apps.dto';

type App = Static<typeof AppResponse>;

interface AppRow {
  id: string;
  key: string;
  name: App['name'];
  icon: string | null;
  color: string | null;
  sort_index: number;
  version: number;
  forms: App['forms'];
}

const APP_SELECT = `
  SELECT a.id, a.key, a.name, a.icon, a.color, a.sort_index, a.version,
         coalesce((SELECT jsonb_agg(jsonb_build_object('id', f.id, 'key', f.key, 'name', f.draft->'name', 'publishedVersion', f.published_version)
                                    ORDER BY f.sort_index, f.created_at)
                     FROM forms f WHERE f.app_id = a.id), '[]') AS forms
    FROM apps a`;

function toApp(row: AppRow): App {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    icon: row.icon,
    color: row.color,
    sortIndex: row.sort_index,
    version: row.version,
    forms: row.forms,
  };
}

export function assertAdmin(principal: AuthPrincipal): void {
  if (!principal.isAdmin) throw forbidden('Only administrators may change apps and forms');
}

@Injectable()
export class AppsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly audit: AuditService,
  ) {}

  list(principal: AuthPrincipal): Promise<App[]> {
    return this.db.run(principal.tenantId, async (em) => {
      const rows: AppRow[] = await em.query(`${APP_SELECT} ORDER BY a.sort_index, a.created_at`);
      return rows.map(toApp);
    });
  }

  get(principal: AuthPrincipal, id: string): Promise<App> {
    return this.db.run(principal.tenantId, (em) => this.load(em, id));
  }

  async create(principal: AuthPrincipal, input: Static<typeof CreateAppRequest>): Promise<App> {
    assertAdmin(principal);
    return this.db.run(principal.tenantId, async (em) => {
      let id: string;
      try {
        [{ id }] = await em.query(
          `INSERT INTO apps (tenant_id, key, name, icon, color, sort_index)
           VALUES ($1, $2, $3, $4, $5, (SELECT coalesce(max(sort_index) + 1, 0) FROM apps)) RETURNING id`,
          [principal.tenantId, input.key, JSON.stringify(input.name), input.icon ?? null, input.color ?? null],
        );
      } catch (error) {
        if (isUniqueViolation(error))
          throw conflict('An app with this key exists', [
            { path: '/body/key', code: 'unique', message: 'Key already used' },
          ]);
        throw error;
      }
      const app = await this.load(em, id);
      await this.audit.record(em, principal, { action: 'app.create', entityType: 'app', entityId: id, after: app });
      return app;
    });
  }

  async update(principal: AuthPrincipal, id: string, input: Static<typeof UpdateAppRequest>): Promise<App> {
    assertAdmin(principal);
    return this.db.run(principal.tenantId, async (em) => {
      const before = await this.load(em, id);
      const result: [unknown[], number] = await em.query(
        `UPDATE apps SET name = coalesce($3, name), icon = CASE WHEN $4 THEN $5 ELSE icon END, color = CASE WHEN $6 THEN $7 ELSE color END,
                sort_index = coalesce($8, sort_index), version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2`,
        [
          id,
          input.version,
          input.name === undefined ? null : JSON.stringify(input.name),
          input.icon !== undefined,
          input.icon ?? null,
          input.color !== undefined,
          input.color ?? null,
          input.sortIndex ?? null,
        ],
      );
      if (result[1] === 0)
        throw conflict(
          'The app was changed by someone else; reload it',
          [{ path: '/body/version', code: 'stale', message: 'Stale version' }],
          { current: before },
        );
      const after = await this.load(em, id);
      await this.audit.record(em, principal, { action: 'app.update', entityType: 'app', entityId: id, before, after });
      return after;
    });
  }

  async remove(principal: AuthPrincipal, id: string): Promise<void> {
    assertAdmin(principal);
    await this.db.run(principal.tenantId, async (em) => {
      const before = await this.load(em, id);
      if (before.forms.length)
        throw conflict('Delete or move the forms of this app first', [
          { path: '/id', code: 'not_empty', message: 'The app has forms' },
        ]);
      await em.query(`DELETE FROM apps WHERE id = $1`, [id]);
      await this.audit.record(em, principal, { action: 'app.delete', entityType: 'app', entityId: id, before });
    });
  }

  private async load(em: EntityManager, id: string): Promise<App> {
    const rows: AppRow[] = await em.query(`${APP_SELECT} WHERE a.id = $1`, [id]);
    if (!rows[0]) throw notFound(`No app ${id}`);
    return toApp(rows[0]);
  }
}
