import { indexName } from '@tessera/form-engine';
import { qualifiedName, quoteIdent } from '@tessera/query';
import type { EntityManager } from 'typeorm';
import type { PublishedForm } from '../forms/form-catalog.service';
import type { ViewConfig } from './view-config.validation';

/**
 * A saved sort is opened again and again: back it with a b-tree index on the column, named like the indexes
 * publish creates for `indexed` fields (so one never duplicates the other). Runs in the saving transaction;
 * PostgreSQL DDL is transactional, so a refused save leaves no index behind.
 */
export async function ensureSortIndexes(em: EntityManager, form: PublishedForm, config: ViewConfig): Promise<void> {
  const byKey = new Map(form.queryable.map((f) => [f.key, f]));
  for (const key of config.sort ?? []) {
    const field = byKey.get(key.field);
    if (!field) continue;
    const column = field.column ?? field.key;
    if (column === 'id') continue; // the primary key
    await em.query(
      `CREATE INDEX IF NOT EXISTS ${quoteIdent(indexName(form.table, column, 'idx'))} ON ${qualifiedName(form.schema, form.table)} (${quoteIdent(column)})`,
    );
  }
}
