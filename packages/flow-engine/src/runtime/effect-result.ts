import type { JsonValue } from '@tessera/schema';
import type { ResumeEvent } from '../events';
import type { NodeContext, NodeOutcome } from '../node-kind';
import { failNode, leave } from './edges';

/** The token waits for the answer to effect `effectId`. */
export function awaitEffect(ctx: NodeContext, effectId: string): NodeOutcome {
  ctx.token.awaiting = { effectId, purpose: 'result' };
  return { type: 'wait' };
}

/** Shared resume of action nodes: an error follows `on: 'error'` (or fails), a result is stored, then leave. */
export function onEffectResult(ctx: NodeContext, event: ResumeEvent, store: (result: JsonValue) => void): NodeOutcome {
  if (event.type !== 'effect_result') return { type: 'wait' };
  ctx.token.awaiting = undefined;
  if (event.error !== undefined) return failNode(ctx, event.error);
  store(event.result ?? null);
  return leave(ctx);
}
