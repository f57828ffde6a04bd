import type { ConditionOperator, ValueKind } from '@tessera/schema';
import { operatorsForKind as queryOperatorsForKind } from '@tessera/query';

/**
 * Field types never list operators themselves: they delegate to the condition language's table through their
 * value kind, so filters, linkage and flows offer exactly what the query compiler accepts.
 */
export function operatorsForKind(kind: ValueKind | null): readonly ConditionOperator[] {
  return kind ? queryOperatorsForKind(kind) : [];
}
