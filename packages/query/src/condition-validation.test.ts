import type { QueryableField } from '@tessera/schema';
import { MAX_CONDITION_DEPTH, validateCondition } from './condition-validation';

const FIELDS: QueryableField[] = [
  { key: 'name', kind: 'text' },
  { key: 'amount', kind: 'number' },
  { key: 'due', kind: 'date' },
  { key: 'at', kind: 'datetime' },
  { key: 'won', kind: 'boolean' },
  { key: 'tags', kind: 'text_array' },
  { key: 'owner', kind: 'uuid', column: 'owner_id' },
  { key: 'doc', kind: 'json' },
];
const codes = (condition: unknown) => validateCondition(condition, FIELDS).map((i) => `${i.path} ${i.code}`);

describe('validateCondition', () => {
  it('accepts valid conditions', () => {
    expect(
      codes({
        and: [
          { field: 'name', op: 'contains', value: 'acme' },
          {
            or: [
              { field: 'amount', op: 'between', value: [1, { $var: 'max' }] },
              { not: { field: 'won', op: 'eq', value: true } },
            ],
          },
          { field: 'owner', op: 'in', value: { $var: 'my_department' } },
          { field: 'due', op: 'within', value: 'last_7_days' },
          { field: 'at', op: 'gte', value: '2024-03-10T08:00:00+08:00' },
          { field: 'tags', op: 'contains', value: ['a', 'b'] },
          { field: 'doc', op: 'isEmpty' },
        ],
      }),
    ).toEqual([]);
    expect(codes({ and: [] })).toEqual([]);
  });

  it('never throws on garbage', () => {
    for (const garbage of [null, undefined, 42, 'x', [], [{}], new Date(), { and: null }, { field: {}, op: [] }])
      expect(Array.isArray(validateCondition(garbage, FIELDS))).toBe(true);
    expect(codes(null)).toEqual([' invalid_node']);
    expect(codes({ and: { field: 'name' } })).toEqual(['/and invalid_node']);
  });

  it('names unknown fields, operators and properties', () => {
    expect(codes({ and: [{ field: 'nope', op: 'eq', value: 1 }] })).toEqual(['/and/0/field unknown_field']);
    expect(codes({ field: 'name', op: 'like', value: 'x' })).toEqual(['/op unknown_operator']);
    expect(codes({ field: 'name', op: 'gt', value: 'x' })).toEqual(['/op operator_not_allowed']);
    expect(codes({ field: 'name', op: 'eq', value: 'x', extra: 1 })).toEqual(['/extra unknown_property']);
    expect(codes({ and: [], or: [] })).toEqual(['/or unknown_property']);
  });

  it('checks values against the field kind and operator', () => {
    expect(codes({ field: 'amount', op: 'eq', value: '12' })).toEqual([]);
    expect(codes({ field: 'amount', op: 'eq', value: 'twelve' })).toEqual(['/value invalid_value']);
    expect(codes({ field: 'amount', op: 'eq', value: Number.NaN })).toEqual(['/value invalid_value']);
    expect(codes({ field: 'amount', op: 'eq' })).toEqual(['/value missing_value']);
    expect(codes({ field: 'amount', op: 'eq', value: null })).toEqual(['/value null_value']);
    expect(codes({ field: 'amount', op: 'between', value: [1] })).toEqual(['/value between_needs_two']);
    expect(codes({ field: 'amount', op: 'between', value: [1, 'x'] })).toEqual(['/value/1 invalid_value']);
    expect(codes({ field: 'name', op: 'in', value: 'x' })).toEqual(['/value in_needs_array']);
    expect(codes({ field: 'name', op: 'in', value: ['x', null] })).toEqual(['/value/1 null_value']);
    expect(codes({ field: 'due', op: 'within', value: { period: 'last_n_days' } })).toEqual(['/value invalid_period']);
    expect(codes({ field: 'due', op: 'eq', value: '2024-02-30' })).toEqual(['/value invalid_value']);
    expect(codes({ field: 'at', op: 'eq', value: '2024-03-10T08:00:00' })).toEqual(['/value invalid_value']);
    expect(codes({ field: 'owner', op: 'eq', value: 'not-a-uuid' })).toEqual(['/value invalid_value']);
    expect(codes({ field: 'won', op: 'eq', value: 'true' })).toEqual(['/value invalid_value']);
    expect(codes({ field: 'name', op: 'isEmpty', value: 'x' })).toEqual(['/value unexpected_value']);
    expect(codes({ field: 'name', op: 'eq', value: 'a\u0000b' })).toEqual(['/value invalid_value']);
  });

  it('checks context values', () => {
    expect(codes({ field: 'owner', op: 'eq', value: { $var: 'me' } })).toEqual([]);
    expect(codes({ field: 'name', op: 'eq', value: { $var: 'me' } })).toEqual(['/value variable_kind_mismatch']);
    expect(codes({ field: 'at', op: 'gte', value: { $var: 'today' } })).toEqual(['/value variable_kind_mismatch']);
    expect(codes({ field: 'name', op: 'eq', value: { $var: '' } })).toEqual(['/value invalid_variable']);
    expect(codes({ field: 'name', op: 'eq', value: { $var: 'x', y: 1 } })).toEqual(['/value invalid_variable']);
  });

  it('limits nesting depth', () => {
    let deep: unknown = { field: 'name', op: 'isEmpty' };
    for (let i = 0; i < MAX_CONDITION_DEPTH; i++) deep = { and: [deep] };
    expect(codes(deep)).toEqual([]);
    const issues = validateCondition({ not: deep }, FIELDS);
    expect(issues.map((i) => i.code)).toEqual(['too_deep']);
    // A cyclic object cannot recurse forever.
    const cyclic: { and: unknown[] } = { and: [] };
    cyclic.and.push(cyclic);
    expect(validateCondition(cyclic, FIELDS).map((i) => i.code)).toEqual(['too_deep']);
  });

  it('limits the number of rules', () => {
    const rule = { field: 'name', op: 'isEmpty' };
    expect(codes({ or: Array(500).fill(rule) })).toEqual([]);
    expect(codes({ or: Array(501).fill(rule) })).toEqual([' too_many_rules']);
  });
});
