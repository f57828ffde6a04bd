import type { QueryableField } from '@tessera/schema';
import type { ConditionContext } from './condition-context';
import { type Bound, type ResolvedCondition, type RuleTest, resolveCondition } from './condition-resolution';
import { isArrayKind } from './operators-by-kind';
import { quoteIdent } from './sql-identifier';
import type { SqlParams } from './sql-params';
import { CASE_INSENSITIVE_COLLATION, likePattern } from './text-case';
import { type ScalarValue, codecFor } from './value-codecs';

export interface ToSqlOptions {
  /** Qualifies every column: `"alias"."column"`. */
  tableAlias?: string;
}

/**
 * Compiles a condition to a boolean SQL expression whose values are bound into `params`. Identifiers only pass
 * through quoteIdent; every value is a parameter with an explicit cast. Every rule compiles to an expression
 * that is never NULL (`col IS NOT NULL AND …`), so NOT and the negated operators are exact complements —
 * the same two-valued logic as matches(). Throws InvalidConditionError on invalid input.
 */
export function toSql(
  condition: unknown,
  fields: readonly QueryableField[],
  ctx: ConditionContext,
  params: SqlParams,
  options: ToSqlOptions = {},
): string {
  const resolved = resolveCondition(condition, fields, ctx);
  const prefix = options.tableAlias === undefined ? '' : `${quoteIdent(options.tableAlias)}.`;
  return nodeToSql(resolved, params, prefix);
}

function nodeToSql(node: ResolvedCondition, params: SqlParams, prefix: string): string {
  switch (node.type) {
    case 'constant':
      return node.value ? 'TRUE' : 'FALSE';
    case 'and':
      return node.items.length
        ? `(${node.items.map((item) => nodeToSql(item, params, prefix)).join(' AND ')})`
        : 'TRUE';
    case 'or':
      return node.items.length
        ? `(${node.items.map((item) => nodeToSql(item, params, prefix)).join(' OR ')})`
        : 'FALSE';
    case 'not':
      return `(NOT ${nodeToSql(node.item, params, prefix)})`;
    case 'rule': {
      const column = `${prefix}${quoteIdent(node.field.column ?? node.field.key)}`;
      const positive =
        node.test.test === 'isEmpty'
          ? isEmptySql(node.field, column)
          : `(${column} IS NOT NULL AND ${testSql(node.field, node.test, column, params)})`;
      return node.negate ? `(NOT ${positive})` : positive;
    }
  }
}

function isEmptySql(field: QueryableField, column: string): string {
  switch (field.kind) {
    case 'text':
      return `(${column} IS NULL OR ${column} = '')`;
    case 'text_array':
    case 'uuid_array':
      return `(${column} IS NULL OR cardinality(${column}) = 0)`;
    case 'json':
      return `(${column} IS NULL OR ${column} IN ('null'::jsonb, '""'::jsonb, '[]'::jsonb, '{}'::jsonb))`;
    default:
      return `(${column} IS NULL)`;
  }
}

/** SQL of a positive test, NULL only when the column is NULL (operands are never NULL after resolution). */
function testSql(
  field: QueryableField,
  test: Exclude<RuleTest, { test: 'isEmpty' }>,
  column: string,
  params: SqlParams,
): string {
  const codec = codecFor(field.kind);
  if (!codec) throw new Error(`Internal error: no operand codec for ${field.kind}`);
  const one = (value: ScalarValue) => params.add(codec.toParam(value), codec.sqlType);
  const many = (values: ScalarValue[]) => params.add(values.map(codec.toParam), `${codec.sqlType}[]`);
  const bound = (b: Bound, inclusive: string, exclusive: string) =>
    `${column} ${b.inclusive ? inclusive : exclusive} ${one(b.value)}`;
  switch (test.test) {
    case 'equals':
      return `${column} = ${one(test.value)}`;
    case 'oneOf':
      return `${column} = ANY(${many(test.values)})`;
    case 'range': {
      const parts: string[] = [];
      if (test.lower) parts.push(bound(test.lower, '>=', '>'));
      if (test.upper) parts.push(bound(test.upper, '<=', '<'));
      return parts.join(' AND ');
    }
    case 'text':
      // The explicit collation makes ILIKE's case folding independent of the database locale (see text-case.ts).
      return `(${column} COLLATE "${CASE_INSENSITIVE_COLLATION}") ILIKE ${params.add(likePattern(test.needle, test.position), 'text')} ESCAPE '\\'`;
    case 'hasAll':
      return `${column} @> ${many(test.values)}`;
    case 'hasAny':
      if (!isArrayKind(field.kind)) throw new Error('Internal error: hasAny on a scalar kind');
      return `${column} && ${many(test.values)}`;
  }
}
