import type { QueryableField } from '@tessera/schema';
import type { ConditionContext } from './condition-context';
import { InvalidConditionError, InvalidRecordValueError } from './condition-errors';
import { matches } from './condition-matches';

const FIELDS: QueryableField[] = [
  { key: 'name', kind: 'text' },
  { key: 'amount', kind: 'number' },
  { key: 'due', kind: 'date' },
  { key: 'at', kind: 'datetime', column: 'at_col' },
  { key: 'clock', kind: 'time' },
  { key: 'won', kind: 'boolean' },
  { key: 'tags', kind: 'text_array' },
  { key: 'owner', kind: 'uuid' },
  { key: 'depts', kind: 'uuid_array' },
  { key: 'doc', kind: 'json' },
];
const U1 = '00000000-0000-4000-8000-000000000001';
const U2 = '00000000-0000-4000-8000-00000000000a';
const ctx: ConditionContext = {
  now: new Date('2024-03-09T16:30:00Z'), // Sunday 2024-03-10 00:30 in Shanghai
  timeZone: 'Asia/Shanghai',
  userId: U1,
  departmentIds: [U1, U2],
  vars: { limit: '100', label: 'ACME' },
};

type Case = [string, unknown, string, unknown, boolean];
const check = (field: string, record: unknown, op: string, value: unknown) =>
  matches({ [field]: record }, value === undefined ? { field, op } : { field, op, value }, FIELDS, ctx);

describe('matches, per operator', () => {
  it.each<Case>([
    ['name', 'Acme', 'eq', 'Acme', true],
    ['name', 'Acme', 'eq', 'acme', false], // eq is exact
    ['name', null, 'eq', 'Acme', false],
    ['name', null, 'ne', 'Acme', true], // negatives include empty values
    ['name', 'Acme', 'ne', 'Acme', false],
    ['name', 'Acme Ltd', 'contains', 'ME L', true],
    ['name', 'Acme Ltd', 'contains', { $var: 'label' }, true],
    ['name', null, 'contains', 'a', false],
    ['name', null, 'notContains', 'a', true],
    ['name', '100%', 'contains', '0%', true],
    ['name', '1000', 'contains', '0%', false], // % is literal
    ['name', 'a_c', 'contains', 'a_', true],
    ['name', 'abc', 'contains', 'a_', false], // _ is literal
    ['name', 'İstanbul', 'startsWith', 'ist', true],
    ['name', 'Straße', 'endsWith', 'SSE', false], // no full case folding
    ['name', 'Straße', 'endsWith', 'ẞE', true],
    ['name', '北京市', 'startsWith', '北京', true],
    ['name', 'b', 'in', ['a', 'b'], true],
    ['name', null, 'notIn', ['a', 'b'], true],
    ['name', '', 'isEmpty', undefined, true],
    ['name', ' ', 'isEmpty', undefined, false],
    ['name', undefined, 'isEmpty', undefined, true],
    ['amount', '1.50', 'eq', 1.5, true],
    ['amount', 100, 'eq', { $var: 'limit' }, true],
    ['amount', 0.30000000000000004, 'eq', 0.3, false],
    ['amount', '5', 'gt', 4.99, true],
    ['amount', 5, 'gte', 5, true],
    ['amount', 5, 'lt', 5, false],
    ['amount', 5, 'lte', '5.0', true],
    ['amount', 5, 'between', [5, 6], true],
    ['amount', 6, 'between', [5, 6], true],
    ['amount', 6, 'between', [7, 5], false], // reversed bounds select nothing, as in SQL
    ['amount', null, 'gt', 0, false],
    ['amount', 2, 'in', [1, 2], true],
    ['amount', 2, 'notIn', [1, 2], false],
    ['due', '2024-03-10', 'eq', { $var: 'today' }, true],
    ['due', '2024-03-04', 'within', 'this_week', true],
    ['due', '2024-03-11', 'within', 'this_week', false],
    ['due', '2024-03-04', 'within', { period: 'last_n_days', n: 7 }, true],
    ['due', '2024-03-03', 'within', 'last_7_days', false],
    ['due', '2024-03-16', 'within', 'next_7_days', true],
    ['due', '2024-03-17', 'within', 'next_7_days', false],
    ['due', '2024-02-29', 'between', ['2024-02-01', '2024-02-29'], true],
    ['at', '2024-03-09T16:00:00Z', 'within', 'today', true],
    ['at', new Date('2024-03-09T15:59:59.999Z'), 'within', 'today', false],
    ['at', '2024-03-10 00:00:00+08', 'eq', '2024-03-09T16:00:00Z', true],
    ['at', new Date('2024-03-09T16:00:00Z'), 'eq', '2024-03-09T16:00:00.000001Z', false], // exact instant
    ['at', '2024-03-09T16:30:00Z', 'gte', { $var: 'now' }, true],
    ['clock', '08:30:00', 'between', ['08:00', '09:00'], true],
    ['clock', '24:00:00', 'gt', '23:59:59.999999', true],
    ['won', true, 'eq', true, true],
    ['won', null, 'ne', true, true],
    ['won', false, 'isNotEmpty', undefined, true],
    ['tags', ['a', 'b'], 'contains', 'a', true],
    ['tags', ['a', 'b'], 'contains', ['a', 'b'], true],
    ['tags', ['a'], 'contains', ['a', 'b'], false],
    ['tags', ['A'], 'contains', 'a', false], // array elements compare exactly
    ['tags', ['a', 'b'], 'in', ['b', 'c'], true],
    ['tags', ['a'], 'notIn', ['b', 'c'], true],
    ['tags', [], 'isEmpty', undefined, true],
    ['tags', [null], 'isEmpty', undefined, false],
    ['tags', [null], 'contains', 'a', false],
    ['tags', null, 'notContains', 'a', true],
    ['owner', U1, 'eq', { $var: 'me' }, true],
    ['owner', U1.toUpperCase(), 'eq', U1, true],
    ['owner', U2, 'eq', { $var: 'my_department' }, true], // a list-valued variable means "any of"
    ['owner', U2, 'ne', { $var: 'my_department' }, false],
    ['owner', U2, 'in', { $var: 'my_department' }, true],
    ['depts', [U2], 'in', { $var: 'my_department' }, true],
    ['depts', [U2], 'contains', { $var: 'me' }, false],
    ['doc', {}, 'isEmpty', undefined, true],
    ['doc', [], 'isEmpty', undefined, true],
    ['doc', '', 'isEmpty', undefined, true],
    ['doc', 0, 'isEmpty', undefined, false],
    ['doc', { a: 1 }, 'isNotEmpty', undefined, true],
  ])('%s = %j, %s %j → %s', (field, record, op, value, expected) => {
    expect(check(field, record, op, value)).toBe(expected);
  });

  it('reads rows keyed by column name', () => {
    expect(
      matches({ at_col: new Date('2024-03-09T16:00:00Z') }, { field: 'at', op: 'within', value: 'today' }, FIELDS, ctx),
    ).toBe(true);
  });

  it('combines with and / or / not', () => {
    const record = { name: 'Acme', amount: 5 };
    expect(matches(record, { and: [] }, FIELDS, ctx)).toBe(true);
    expect(matches(record, { or: [] }, FIELDS, ctx)).toBe(false);
    expect(matches(record, { not: { or: [] } }, FIELDS, ctx)).toBe(true);
    expect(
      matches(
        record,
        {
          and: [
            { field: 'name', op: 'eq', value: 'Acme' },
            { or: [{ field: 'amount', op: 'gt', value: 9 }, { not: { field: 'won', op: 'isNotEmpty' } }] },
          ],
        },
        FIELDS,
        ctx,
      ),
    ).toBe(true);
  });

  it('treats unknown operands as matching nothing', () => {
    const anonymous = { ...ctx, userId: undefined, departmentIds: undefined };
    expect(matches({ owner: U1 }, { field: 'owner', op: 'eq', value: { $var: 'me' } }, FIELDS, anonymous)).toBe(false);
    expect(matches({ owner: U1 }, { field: 'owner', op: 'ne', value: { $var: 'me' } }, FIELDS, anonymous)).toBe(true);
    expect(
      matches({ owner: U1 }, { field: 'owner', op: 'in', value: { $var: 'my_department' } }, FIELDS, anonymous),
    ).toBe(false);
  });

  it('throws typed errors, never TypeErrors', () => {
    expect(() => matches({}, { field: 'name', op: 'gt', value: 'a' }, FIELDS, ctx)).toThrow(InvalidConditionError);
    expect(() => matches({}, { field: 'name', op: 'eq', value: { $var: 'missing' } }, FIELDS, ctx)).toThrow(
      InvalidConditionError,
    );
    expect(() => matches({}, null, FIELDS, ctx)).toThrow(InvalidConditionError);
    expect(() => matches({ due: new Date() }, { field: 'due', op: 'isEmpty' }, FIELDS, ctx)).toThrow(
      InvalidRecordValueError,
    );
    expect(() => matches({ amount: 'lots' }, { field: 'amount', op: 'gt', value: 1 }, FIELDS, ctx)).toThrow(
      InvalidRecordValueError,
    );
    expect(() => matches({ tags: 'a' }, { field: 'tags', op: 'contains', value: 'a' }, FIELDS, ctx)).toThrow(
      InvalidRecordValueError,
    );
  });
});
