import type { AssigneeSpec } from '@tessera/schema';
import type { Awaiting, Token } from '../instance';
import { getPath, tokenData } from '../runtime/data';
import { emit, type Run } from '../runtime/run';

function userIds(value: unknown): string[] {
  if (typeof value === 'string' && value !== '') return [value];
  if (Array.isArray(value)) return value.flatMap(userIds);
  if (typeof value === 'object' && value !== null && 'id' in value) return userIds((value as { id: unknown }).id);
  return [];
}

/**
 * Users the engine can resolve from the instance data alone, or undefined when a spec needs the organisation
 * (roles, departments, managers) and the shell must answer.
 */
export function resolveLocally(run: Run, token: Token, specs: AssigneeSpec[]): string[] | undefined {
  const out: string[] = [];
  for (const spec of specs) {
    switch (spec.type) {
      case 'users':
        out.push(...spec.userIds);
        break;
      case 'submitter':
        out.push(run.instance.submitterId);
        break;
      case 'record_owner':
        out.push(...userIds(run.instance.record.owner_id));
        break;
      case 'member_field':
        out.push(...userIds(run.instance.record[spec.field]));
        break;
      case 'variable':
        out.push(...userIds(getPath(tokenData(run, token), spec.path)));
        break;
      case 'roles':
      case 'departments':
      case 'manager':
        return undefined;
    }
  }
  return unique(out);
}

export function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

/**
 * Assignees for the token's node: pre-resolved by the shell in the event, resolved locally, or asked for with a
 * `resolve_assignees` effect (the token then waits for `assignees_resolved`).
 */
export function resolveOrRequest(
  run: Run,
  token: Token,
  specs: AssigneeSpec[],
  purpose: Awaiting['purpose'] = 'assignees',
): string[] | undefined {
  const pre = purpose === 'assignees' ? run.resolvedAssignees[token.nodeId] : undefined;
  if (pre) return unique(pre);
  const local = resolveLocally(run, token, specs);
  if (local) return local;
  const effectId = emit(run, {
    type: 'resolve_assignees',
    nodeId: token.nodeId,
    tokenId: token.id,
    specs,
    submitterId: run.instance.submitterId,
    record: run.instance.record,
  });
  token.awaiting = { effectId, purpose };
  return undefined;
}
