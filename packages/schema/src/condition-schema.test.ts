import Ajv from 'ajv';
import { conditionSchema } from './condition-schema';

describe('condition meta-schema', () => {
  const validate = new Ajv({ strict: false }).compile(conditionSchema);

  it.each([
    { and: [] },
    { or: [{ field: 'name', op: 'contains', value: 'acme' }, { not: { field: 'stage', op: 'isEmpty' } }] },
    { field: 'owner_id', op: 'eq', value: { $var: 'me' } },
    { field: 'amount', op: 'between', value: [1, { $var: 'limit' }] },
    { field: 'closed_on', op: 'within', value: { period: 'last_n_days', n: 7 } },
    { field: 'closed_on', op: 'within', value: 'this_month' },
    { field: 'customer.region', op: 'in', value: ['north', 'south'] },
  ])('accepts %j', (condition) => {
    expect(validate(condition)).toBe(true);
  });

  it.each([
    null,
    [],
    { and: {} },
    { and: [], or: [] },
    { field: 'name', op: 'like', value: 'x' },
    { field: 'Name', op: 'eq', value: 'x' },
    { field: 'name', op: 'eq', value: 'x', extra: 1 },
    { field: 'name', op: 'eq', value: { $var: '' } },
    { field: 'd', op: 'within', value: { period: 'last_n_days', n: 0 } },
    { field: 'd', op: 'within', value: { period: 'someday' } },
    { not: [{ field: 'name', op: 'isEmpty' }] },
  ])('rejects %j', (condition) => {
    expect(validate(condition)).toBe(false);
  });
});
