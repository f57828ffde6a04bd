import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Every tenant-scoped database access goes through `run`: one transaction with `app.tenant_id` set locally, so
 * the row-level security policies see the request's tenant and nothing else.
 */
@Injectable()
export class TenantDatabase {
  constructor(readonly dataSource: DataSource) {}

  run<T>(tenantId: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      return work(em);
    });
  }

  /** Queries that are not tenant data (login lookups, rate limits, health). */
  withoutTenant<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return work(this.dataSource.manager);
  }
}
