import { type ConditionContext, assertValidContext, resolveContextValue, todayInContext } from './condition-context';
import { InvalidConditionError } from './condition-errors';

const ctx: ConditionContext = {
  now: new Date('2024-03-09T16:30:00Z'),
  timeZone: 'Asia/Shanghai',
  userId: 'u1',
  departmentIds: ['d1', 'd2'],
  vars: { amount: 5, me: 'shadow', empty: undefined },
};

describe('context values', () => {
  it('resolves built-ins', () => {
    expect(resolveContextValue({ $var: 'me' }, ctx)).toBe('u1');
    expect(resolveContextValue({ $var: 'my_department' }, ctx)).toEqual(['d1', 'd2']);
    expect(resolveContextValue({ $var: 'today' }, ctx)).toBe('2024-03-10');
    expect(resolveContextValue({ $var: 'now' }, ctx)).toBe('2024-03-09T16:30:00.000Z');
    expect(todayInContext({ ...ctx, timeZone: 'America/Los_Angeles' })).toBe('2024-03-09');
  });

  it('resolves missing user data to "nobody"', () => {
    const anonymous = { now: ctx.now, timeZone: 'UTC' };
    expect(resolveContextValue({ $var: 'me' }, anonymous)).toBeNull();
    expect(resolveContextValue({ $var: 'my_department' }, anonymous)).toEqual([]);
  });

  it('resolves vars, never shadowing built-ins', () => {
    expect(resolveContextValue({ $var: 'amount' }, ctx)).toBe(5);
    expect(resolveContextValue({ $var: 'empty' }, ctx)).toBeNull();
    expect(resolveContextValue({ $var: 'me' }, ctx)).toBe('u1');
  });

  it('refuses unknown variables with a typed error naming the path', () => {
    expect(() => resolveContextValue({ $var: 'nope' }, ctx, '/and/0/value')).toThrow(InvalidConditionError);
    try {
      resolveContextValue({ $var: 'toString' }, ctx, '/value');
    } catch (e) {
      expect((e as InvalidConditionError).issues).toEqual([
        expect.objectContaining({ path: '/value', code: 'unknown_variable' }),
      ]);
    }
  });

  it('validates the context itself', () => {
    expect(() => assertValidContext(ctx)).not.toThrow();
    expect(() => assertValidContext({ ...ctx, timeZone: 'Nowhere/Land' })).toThrow(InvalidConditionError);
    expect(() => assertValidContext({ ...ctx, now: new Date('nonsense') })).toThrow(InvalidConditionError);
  });
});
