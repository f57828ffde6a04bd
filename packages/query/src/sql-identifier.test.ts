import { InvalidIdentifierError, qualifiedName, quoteIdent } from './sql-identifier';

describe('sql identifiers', () => {
  it('quotes valid names', () => {
    expect(quoteIdent('customer_name')).toBe('"customer_name"');
    expect(qualifiedName('t_demo', 'customers')).toBe('"t_demo"."customers"');
  });
  it.each(['', 'Name', '1abc', 'a-b', 'a"b', 'x; drop table users', 'a'.repeat(64), 'ä'])('refuses %p', (name) => {
    expect(() => quoteIdent(name)).toThrow(InvalidIdentifierError);
  });
});
