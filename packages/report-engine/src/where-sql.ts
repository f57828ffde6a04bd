import { toSql } from '@tessera/query';
import type { Condition, QueryableField } from '@tessera/schema';
import type { CompileState } from './compile-state';

/**
 * `<live> AND (<c1>) AND (<c2>) …`: every condition (report filters, dashboard filters, data scope) compiled
 * by the ONE condition compiler of `@tessera/query` against the fields of one relation alias.
 */
export function whereSql(
  live: string,
  conditions: readonly (Condition | undefined)[],
  fields: QueryableField[],
  tableAlias: string,
  state: CompileState,
): string {
  const parts = [live];
  for (const c of conditions) {
    if (c) parts.push(`(${toSql(c, fields, state.ctx, state.params, { tableAlias })})`);
  }
  return parts.join(' AND ');
}
