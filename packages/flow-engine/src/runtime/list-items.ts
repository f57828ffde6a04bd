import type { JsonValue } from '@tessera/schema';
import type { NodeContext } from '../node-kind';
import { getPath, toJson, tokenData } from './data';

/** The list at a data path (a sub-table, a multi-member field, a variable); a single value is a list of one. */
export function listItems(ctx: NodeContext, path: string | undefined): JsonValue[] {
  if (!path) return [];
  const value = toJson(getPath(tokenData(ctx.run, ctx.token), path));
  if (value === null) return [];
  return Array.isArray(value) ? value : [value];
}
