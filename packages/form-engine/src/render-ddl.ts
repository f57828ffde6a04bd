import { qualifiedName, quoteIdent } from '@tessera/query';
import type { ColumnPlanStep, PlannedColumn } from './column-plan';
import { childTableName, indexName } from './derived-names';

export interface RenderDdlOptions {
  /** The table of another form (relation targets); by default the form key in the same schema. */
  resolveTable?: (formKey: string) => { schema: string; table: string };
}

/**
 * Column plan → SQL statements. Identifiers only through quoteIdent/qualifiedName; column types and defaults
 * come from the field modules and are checked against a strict shape, so no metadata text reaches SQL raw.
 */
const COLUMN_TYPE =
  /^(text|numeric|numeric\(\d{1,3},\d{1,3}\)|integer|smallint|boolean|date|time|timestamptz|uuid|jsonb|text\[\]|uuid\[\]|interval)$/;
const DEFAULTS = new Set(['gen_random_uuid()', 'now()', '0', '1']);

export function renderDdl(
  steps: readonly ColumnPlanStep[],
  schemaName: string,
  tableName: string,
  options: RenderDdlOptions = {},
): string[] {
  const resolve = options.resolveTable ?? ((form: string) => ({ schema: schemaName, table: form }));
  const main = qualifiedName(schemaName, tableName);
  const tableOf = (child?: string) => (child ? qualifiedName(schemaName, childTableName(tableName, child)) : main);
  const bareName = (child?: string) => (child ? childTableName(tableName, child) : tableName);

  const column = (c: PlannedColumn): string => {
    if (!COLUMN_TYPE.test(c.type)) throw new Error(`Refusing column type ${JSON.stringify(c.type)}`);
    let sql = `${quoteIdent(c.name)} ${c.type}`;
    if (c.notNull) sql += ' NOT NULL';
    if (c.default !== undefined) {
      if (!DEFAULTS.has(c.default)) throw new Error(`Refusing column default ${JSON.stringify(c.default)}`);
      sql += ` DEFAULT ${c.default}`;
    }
    if (c.primaryKey) sql += ' PRIMARY KEY';
    if (c.references) {
      const target = c.references.form ? resolve(c.references.form) : { schema: schemaName, table: tableName };
      sql += ` REFERENCES ${qualifiedName(target.schema, target.table)} ("id") ON DELETE ${c.references.onDelete === 'cascade' ? 'CASCADE' : 'SET NULL'}`;
    }
    return sql;
  };

  const sql: string[] = [];
  for (const step of steps) {
    switch (step.kind) {
      case 'create_table':
        sql.push(`CREATE TABLE ${main} (\n  ${step.columns.map(column).join(',\n  ')}\n)`);
        break;
      case 'add_column':
        // IF NOT EXISTS: a field removed (column kept) and added again reuses its column
        sql.push(`ALTER TABLE ${tableOf(step.table)} ADD COLUMN IF NOT EXISTS ${column(step.column)}`);
        break;
      case 'alter_column_type':
        sql.push(
          `ALTER TABLE ${tableOf(step.table)} ALTER COLUMN ${quoteIdent(step.column)} TYPE ${checkedType(step.to)}`,
        );
        break;
      case 'drop_not_null':
        sql.push(`ALTER TABLE ${tableOf(step.table)} ALTER COLUMN ${quoteIdent(step.column)} DROP NOT NULL`);
        break;
      case 'create_index':
        sql.push(
          `CREATE INDEX IF NOT EXISTS ${quoteIdent(indexName(bareName(step.table), step.column, 'idx'))} ON ${tableOf(step.table)}` +
            `${step.method === 'gin' ? ' USING gin' : ''} (${quoteIdent(step.column)})`,
        );
        break;
      case 'create_unique_index':
        // soft-deleted records do not hold their unique values hostage
        sql.push(
          `CREATE UNIQUE INDEX IF NOT EXISTS ${quoteIdent(indexName(bareName(step.table), step.column, 'key'))} ON ${tableOf(step.table)} (${quoteIdent(step.column)}) WHERE "deleted_at" IS NULL`,
        );
        break;
      case 'drop_unique_index':
        sql.push(
          `DROP INDEX IF EXISTS ${qualifiedName(schemaName, indexName(bareName(step.table), step.column, 'key'))}`,
        );
        break;
      case 'create_child_table': {
        const child = childTableName(tableName, step.field);
        sql.push(
          `CREATE TABLE IF NOT EXISTS ${qualifiedName(schemaName, child)} (\n  ${step.columns.map(column).join(',\n  ')}\n)`,
        );
        sql.push(
          `CREATE INDEX IF NOT EXISTS ${quoteIdent(indexName(child, 'parent_id', 'idx'))} ON ${qualifiedName(schemaName, child)} ("parent_id", "sort_index")`,
        );
        break;
      }
      case 'create_link_table': {
        const link = childTableName(tableName, step.field);
        const target = resolve(step.targetForm);
        sql.push(
          `CREATE TABLE IF NOT EXISTS ${qualifiedName(schemaName, link)} (\n` +
            `  "record_id" uuid NOT NULL REFERENCES ${main} ("id") ON DELETE CASCADE,\n` +
            `  "target_id" uuid NOT NULL REFERENCES ${qualifiedName(target.schema, target.table)} ("id") ON DELETE CASCADE,\n` +
            `  "sort_index" integer NOT NULL DEFAULT 0,\n` +
            `  PRIMARY KEY ("record_id", "target_id")\n)`,
        );
        sql.push(
          `CREATE INDEX IF NOT EXISTS ${quoteIdent(indexName(link, 'target_id', 'idx'))} ON ${qualifiedName(schemaName, link)} ("target_id")`,
        );
        break;
      }
    }
  }
  return sql;
}

function checkedType(type: string): string {
  if (!COLUMN_TYPE.test(type)) throw new Error(`Refusing column type ${JSON.stringify(type)}`);
  return type;
}
