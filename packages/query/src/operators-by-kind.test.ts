import { CONDITION_OPERATORS, VALUE_KINDS } from '@tessera/schema';
import { isOperatorAllowed, operandShape, operatorsForKind } from './operators-by-kind';

describe('operators by kind', () => {
  it('gives every kind emptiness tests and only known operators', () => {
    for (const kind of VALUE_KINDS) {
      expect(operatorsForKind(kind)).toEqual(expect.arrayContaining(['isEmpty', 'isNotEmpty']));
      for (const op of operatorsForKind(kind)) expect(CONDITION_OPERATORS).toContain(op);
    }
  });

  it('keeps ordering off text and json, and within for date kinds only', () => {
    expect(isOperatorAllowed('text', 'gt')).toBe(false);
    expect(operatorsForKind('json')).toEqual(['isEmpty', 'isNotEmpty']);
    expect(VALUE_KINDS.filter((kind) => isOperatorAllowed(kind, 'within'))).toEqual(['date', 'datetime']);
    expect(isOperatorAllowed('text_array', 'contains')).toBe(true);
  });

  it('describes the operand for the filter UI', () => {
    expect(operandShape('number', 'between')).toBe('pair');
    expect(operandShape('text', 'in')).toBe('list');
    expect(operandShape('text', 'contains')).toBe('single');
    expect(operandShape('text_array', 'contains')).toBe('singleOrList');
    expect(operandShape('date', 'within')).toBe('period');
    expect(operandShape('uuid', 'isEmpty')).toBe('none');
  });
});
