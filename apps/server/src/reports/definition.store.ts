import type { EntityManager } from 'typeorm';
import { conflict, notFound } from '../common/problem/problem.exception';
import { isForeignKeyViolation, isUniqueViolation } from '../db/postgres-errors';

/** A stored report or dashboard, as the API returns it. */
export interface StoredDefinition<D> {
  id: string;
  appId: string;
  key: string;
  version: number;
  definition: D;
  createdAt: string;
  updatedAt: string;
}

interface Row<D> {
  id: string;
  app_id: string;
  key: string;
  version: number;
  definition: D;
  created_at: Date;
  updated_at: Date;
}

function toStored<D>(row: Row<D>): StoredDefinition<D> {
  return {
    id: row.id,
    appId: row.app_id,
    key: row.key,
    version: row.version,
    definition: row.definition,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const COLUMNS = 'id, app_id, key, version, definition, created_at, updated_at';

/**
 * Reports and dashboards are stored the same way: a JSON definition per key inside an app, with a version for
 * optimistic concurrency. The table name is one of two constants, never input.
 */
export class DefinitionStore<D> {
  constructor(
    private readonly table: 'reports' | 'dashboards',
    private readonly noun: string,
  ) {}

  async list(em: EntityManager, appId: string): Promise<StoredDefinition<D>[]> {
    await this.assertApp(em, appId);
    const rows: Row<D>[] = await em.query(`SELECT ${COLUMNS} FROM ${this.table} WHERE app_id = $1 ORDER BY key`, [
      appId,
    ]);
    return rows.map(toStored);
  }

  async find(em: EntityManager, key: string): Promise<StoredDefinition<D> | undefined> {
    const rows: Row<D>[] = await em.query(`SELECT ${COLUMNS} FROM ${this.table} WHERE key = $1`, [key]);
    return rows[0] ? toStored(rows[0]) : undefined;
  }

  async get(em: EntityManager, key: string): Promise<StoredDefinition<D>> {
    const found = await this.find(em, key);
    if (!found) throw notFound(`No ${this.noun} ${key}`);
    return found;
  }

  async insert(
    em: EntityManager,
    input: { tenantId: string; appId: string; key: string; definition: D; userId: string },
  ): Promise<StoredDefinition<D>> {
    await this.assertApp(em, input.appId);
    try {
      const rows: Row<D>[] = await em.query(
        `INSERT INTO ${this.table} (tenant_id, app_id, key, definition, created_by) VALUES ($1, $2, $3, $4, $5)
         RETURNING ${COLUMNS}`,
        [input.tenantId, input.appId, input.key, JSON.stringify(input.definition), input.userId],
      );
      return toStored(rows[0]);
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict(`A ${this.noun} with the key ${input.key} exists`, [
          { path: '/body/definition/key', code: 'unique', message: 'Key already used' },
        ]);
      if (isForeignKeyViolation(error)) throw notFound(`No app ${input.appId}`);
      throw error;
    }
  }

  /** Replaces the definition when `version` is current; 409 with the current document otherwise. */
  async update(em: EntityManager, key: string, version: number, definition: D): Promise<StoredDefinition<D>> {
    // TypeORM answers an UPDATE on PostgreSQL with [returned rows, affected count]
    const [rows]: [Row<D>[], number] = await em.query(
      `UPDATE ${this.table} SET definition = $3, version = version + 1, updated_at = now()
        WHERE key = $1 AND version = $2 RETURNING ${COLUMNS}`,
      [key, version, JSON.stringify(definition)],
    );
    if (rows[0]) return toStored(rows[0]);
    const current = await this.get(em, key);
    throw conflict(
      `The ${this.noun} was changed by someone else; reload it`,
      [{ path: '/body/version', code: 'stale', message: 'Stale version' }],
      { current },
    );
  }

  async remove(em: EntityManager, key: string): Promise<StoredDefinition<D>> {
    const before = await this.get(em, key);
    await em.query(`DELETE FROM ${this.table} WHERE id = $1`, [before.id]);
    return before;
  }

  private async assertApp(em: EntityManager, appId: string): Promise<void> {
    const rows: unknown[] = await em.query(`SELECT 1 FROM apps WHERE id = $1`, [appId]);
    if (!rows.length) throw notFound(`No app ${appId}`);
  }
}
