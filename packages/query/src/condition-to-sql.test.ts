import type { QueryableField } from '@tessera/schema';
import type { ConditionContext } from './condition-context';
import { InvalidConditionError } from './condition-errors';
import { InvalidIdentifierError } from './sql-identifier';
import { SqlParams } from './sql-params';
import { toSql } from './condition-to-sql';

const FIELDS: QueryableField[] = [
  { key: 'name', kind: 'text' },
  { key: 'amount', kind: 'number' },
  { key: 'due', kind: 'date' },
  { key: 'at', kind: 'datetime' },
  { key: 'tags', kind: 'text_array' },
  { key: 'owner', kind: 'uuid', column: 'owner_id' },
  { key: 'depts', kind: 'uuid_array' },
  { key: 'doc', kind: 'json' },
];
const USER = '00000000-0000-4000-8000-000000000001';
const ctx: ConditionContext = {
  now: new Date('2024-03-09T16:30:00Z'),
  timeZone: 'Asia/Shanghai',
  userId: USER,
  departmentIds: [],
};

function compile(condition: unknown, alias?: string): { sql: string; values: unknown[] } {
  const params = new SqlParams();
  const sql = toSql(condition, FIELDS, ctx, params, alias === undefined ? {} : { tableAlias: alias });
  return { sql, values: params.values };
}

describe('toSql', () => {
  it('binds values with explicit casts and quotes identifiers', () => {
    expect(compile({ field: 'amount', op: 'gte', value: 10 }, 'r')).toEqual({
      sql: '("r"."amount" IS NOT NULL AND "r"."amount" >= $1::numeric)',
      values: ['0.1e2'],
    });
    expect(compile({ field: 'owner', op: 'eq', value: { $var: 'me' } }).sql).toBe(
      '("owner_id" IS NOT NULL AND "owner_id" = $1::uuid)',
    );
    expect(compile({ field: 'name', op: 'in', value: ['a', 'b'] })).toEqual({
      sql: '("name" IS NOT NULL AND "name" = ANY($1::text[]))',
      values: [['a', 'b']],
    });
  });

  it('escapes LIKE patterns and folds case locale-independently', () => {
    expect(compile({ field: 'name', op: 'contains', value: "50%_o'k\\" })).toEqual({
      sql: `("name" IS NOT NULL AND ("name" COLLATE "pg_c_utf8") ILIKE $1::text ESCAPE '\\')`,
      values: ["%50\\%\\_o'k\\\\%"],
    });
  });

  it('makes negative operators include empty values', () => {
    expect(compile({ field: 'name', op: 'ne', value: 'x' }).sql).toBe(
      '(NOT ("name" IS NOT NULL AND "name" = $1::text))',
    );
    expect(compile({ field: 'tags', op: 'notContains', value: 'x' }).sql).toBe(
      '(NOT ("tags" IS NOT NULL AND "tags" @> $1::text[]))',
    );
  });

  it('compiles emptiness per kind', () => {
    expect(compile({ field: 'name', op: 'isEmpty' }).sql).toBe(`("name" IS NULL OR "name" = '')`);
    expect(compile({ field: 'tags', op: 'isNotEmpty' }).sql).toBe('(NOT ("tags" IS NULL OR cardinality("tags") = 0))');
    expect(compile({ field: 'amount', op: 'isEmpty' }).sql).toBe('("amount" IS NULL)');
    expect(compile({ field: 'doc', op: 'isEmpty' }).values).toEqual([]);
  });

  it('compiles groups, with empty and = TRUE and empty or = FALSE', () => {
    expect(compile({ and: [] }).sql).toBe('TRUE');
    expect(compile({ or: [] }).sql).toBe('FALSE');
    expect(compile({ not: { or: [] } }).sql).toBe('(NOT FALSE)');
    expect(
      compile({
        or: [
          { field: 'amount', op: 'lt', value: 1 },
          { field: 'amount', op: 'gt', value: 9 },
        ],
      }).values,
    ).toEqual(['0.1e1', '0.9e1']);
  });

  it('resolves periods to half-open ranges', () => {
    expect(compile({ field: 'due', op: 'within', value: 'this_month' })).toEqual({
      sql: '("due" IS NOT NULL AND "due" >= $1::date AND "due" < $2::date)',
      values: ['2024-03-01', '2024-04-01'],
    });
    expect(compile({ field: 'at', op: 'within', value: { period: 'today' } }).values).toEqual([
      '2024-03-09T16:00:00.000000Z',
      '2024-03-10T16:00:00.000000Z',
    ]);
  });

  it('turns comparisons with unknown operands into constants', () => {
    const anonymous = { ...ctx, userId: undefined };
    const params = new SqlParams();
    expect(toSql({ field: 'owner', op: 'eq', value: { $var: 'me' } }, FIELDS, anonymous, params)).toBe('FALSE');
    expect(toSql({ field: 'owner', op: 'ne', value: { $var: 'me' } }, FIELDS, anonymous, params)).toBe('TRUE');
    expect(toSql({ field: 'depts', op: 'in', value: { $var: 'my_department' } }, FIELDS, ctx, params)).toBe('FALSE');
    expect(params.values).toEqual([]);
  });

  it('throws typed errors on bad input', () => {
    expect(() => compile({ field: 'nope', op: 'eq', value: 1 })).toThrow(InvalidConditionError);
    expect(() => compile({ field: 'amount', op: 'eq', value: { $var: 'undefined_var' } })).toThrow(
      InvalidConditionError,
    );
    expect(() => compile({ field: 'name', op: 'eq', value: 'x' }, 'Bad Alias')).toThrow(InvalidIdentifierError);
    const params = new SqlParams();
    expect(() =>
      toSql({ field: 'amount', op: 'eq', value: { $var: 'x' } }, FIELDS, { ...ctx, vars: { x: 'abc' } }, params),
    ).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ path: '/value', code: 'context_value_mismatch' })],
      }),
    );
  });
});
