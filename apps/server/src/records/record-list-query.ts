import {
  InvalidConditionError,
  qualifiedName,
  quoteIdent,
  SqlParams,
  toSql,
  type ConditionContext,
  type SqlStatement,
} from '@tessera/query';
import type { Condition, QueryableField } from '@tessera/schema';
import type { ProblemError } from '../common/problem/problem-details';

export interface SortKey {
  field: string;
  direction: 'asc' | 'desc';
}

export interface RecordListRequest {
  filter?: Condition;
  /** Free text: matched (case-insensitively) against every text-like field. */
  search?: string;
  sort: SortKey[];
  limit: number;
  offset?: number;
  /** Keyset cursor from a previous page's `nextCursor` (instead of offset). */
  after?: string;
  fields?: string[];
  deleted?: 'exclude' | 'only';
}

export class ListQueryError extends Error {
  constructor(readonly errors: ProblemError[]) {
    super(errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  }
}

const SORTABLE_KINDS = new Set(['text', 'number', 'date', 'datetime', 'time', 'boolean', 'uuid']);
const SEARCHABLE_KINDS = new Set(['text']);

/** Cursor = the sort values and id of the last row of a page, base64url JSON. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor(cursor: string, length: number): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== length)
    throw new ListQueryError([{ path: '/query/after', code: 'invalid_cursor', message: 'The cursor is invalid' }]);
  return parsed;
}

const CAST: Record<string, string> = {
  text: 'text',
  number: 'numeric',
  date: 'date',
  datetime: 'timestamptz',
  time: 'time',
  boolean: 'boolean',
  uuid: 'uuid',
};

/**
 * The list statement of a record view: scope AND filter AND search, sorted (id as the tie-breaker
 * so pages are stable), paginated by offset or by keyset. Every value is bound; every identifier quoted.
 */
export function buildListQuery(options: {
  schema: string;
  formKey: string;
  fields: readonly QueryableField[];
  selectList: (alias: string) => string;
  scope: Condition | null;
  request: RecordListRequest;
  ctx: ConditionContext;
}): { page: SqlStatement; count: SqlStatement; sortColumns: string[] } {
  const { schema, formKey, fields, scope, request, ctx } = options;
  const params = new SqlParams();
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const where: string[] = [request.deleted === 'only' ? `r."deleted_at" IS NOT NULL` : `r."deleted_at" IS NULL`];
  const conditionSql = (condition: Condition, path: string) => {
    try {
      return toSql(condition, fields, ctx, params, { tableAlias: 'r' });
    } catch (error) {
      if (error instanceof InvalidConditionError) {
        throw new ListQueryError(
          error.issues.map((i) => ({ path: `${path}${i.path}`, code: i.code, message: i.message })),
        );
      }
      throw error;
    }
  };
  if (scope) where.push(conditionSql(scope, '/scope'));
  if (request.filter) where.push(conditionSql(request.filter, '/filter'));
  if (request.search?.trim()) {
    const searchable = fields.filter((f) => SEARCHABLE_KINDS.has(f.kind));
    const rules: Condition[] = searchable.map((f) => ({
      field: f.key,
      op: 'contains',
      value: request.search?.trim() ?? '',
    }));
    where.push(rules.length ? conditionSql({ or: rules }, '/search') : 'FALSE');
  }

  const sort = [...request.sort];
  const sortColumns: string[] = [];
  const order: string[] = [];
  for (const [index, key] of sort.entries()) {
    const field = byKey.get(key.field);
    if (!field || !SORTABLE_KINDS.has(field.kind)) {
      throw new ListQueryError([
        { path: `/sort/${index}`, code: 'not_sortable', message: `Cannot sort by ${key.field}` },
      ]);
    }
    const column = `r.${quoteIdent(field.column ?? field.key)}`;
    sortColumns.push(field.column ?? field.key);
    // PostgreSQL's default NULL placement (last ascending, first descending) lets one btree serve both directions.
    order.push(`${column} ${key.direction === 'desc' ? 'DESC' : 'ASC'}`);
  }
  order.push(`r."id" ASC`);

  const countSql = `SELECT count(*)::int AS total FROM ${qualifiedName(schema, formKey)} r WHERE ${where.join(' AND ')}`;
  const countValues = [...params.values];

  if (request.after) {
    const cursor = decodeCursor(request.after, sort.length + 1);
    const id = params.add(cursor[sort.length], 'uuid');
    // Lexicographic "after" over (sort columns…, id).
    const alternatives: string[] = [];
    for (let i = 0; i <= sort.length; i++) {
      const parts: string[] = [];
      for (let j = 0; j < i; j++) {
        const field = byKey.get(sort[j].field) as QueryableField;
        const column = `r.${quoteIdent(field.column ?? field.key)}`;
        parts.push(cursor[j] === null ? `${column} IS NULL` : `${column} = ${params.add(cursor[j], CAST[field.kind])}`);
      }
      if (i === sort.length) parts.push(`r."id" > ${id}`);
      else {
        const field = byKey.get(sort[i].field) as QueryableField;
        const column = `r.${quoteIdent(field.column ?? field.key)}`;
        const descending = sort[i].direction === 'desc';
        if (cursor[i] === null) {
          // NULLs come last ascending (nothing after them but ties) and first descending (every value after them).
          if (!descending) continue;
          parts.push(`${column} IS NOT NULL`);
        } else if (descending) {
          parts.push(`${column} < ${params.add(cursor[i], CAST[field.kind])}`);
        } else {
          parts.push(`(${column} > ${params.add(cursor[i], CAST[field.kind])} OR ${column} IS NULL)`);
        }
      }
      alternatives.push(`(${parts.join(' AND ')})`);
    }
    where.push(`(${alternatives.join(' OR ')})`);
  }

  let text = `SELECT ${options.selectList('r')} FROM ${qualifiedName(schema, formKey)} r WHERE ${where.join(' AND ')} ORDER BY ${order.join(', ')}`;
  text += ` LIMIT ${params.add(request.limit, 'int')}`;
  if (!request.after && request.offset) text += ` OFFSET ${params.add(request.offset, 'int')}`;
  return { page: { text, values: params.values }, count: { text: countSql, values: countValues }, sortColumns };
}
