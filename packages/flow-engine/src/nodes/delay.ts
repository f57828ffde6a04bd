import type { DelayNode } from '@tessera/schema';
import type { NodeContext, NodeKind, NodeOutcome } from '../node-kind';
import { getPath, tokenData } from '../runtime/data';
import { leave } from '../runtime/edges';
import { cancelTimer, scheduleTimer } from '../runtime/tokens';
import { addDuration } from '../time/durations';
import { dateValueToInstant } from '../time/date-value';

function fireAt(node: DelayNode, ctx: NodeContext): string | undefined {
  const { run, token } = ctx;
  if (node.duration) return addDuration(run.now, node.duration, run.calendar);
  if (node.until) {
    const value = getPath(tokenData(run, token), node.until.field);
    return dateValueToInstant(value, run.calendar, node.until.offset, node.until.atTime);
  }
  return undefined;
}

/** Wait, then continue. A moment already past (or a missing date) continues at once. */
function wait(node: DelayNode, ctx: NodeContext): NodeOutcome {
  const at = fireAt(node, ctx);
  if (at === undefined || Date.parse(at) <= Date.parse(ctx.run.now)) return leave(ctx);
  scheduleTimer(ctx.run, ctx.token, 'delay', at);
  return { type: 'wait' };
}

/** Delay: a duration, or until a date from the data (re-planned when the record's date changes). */
export const delayNode: NodeKind<'delay'> = {
  kind: 'delay',
  run: (node, _instance, ctx) => wait(node, ctx),
  resume(node, instance, event, ctx) {
    if (event.type === 'timer_fired') {
      instance.timers = instance.timers.filter((t) => t.id !== event.timerId);
      return leave(ctx);
    }
    if (event.type === 'record_changed' && node.until) {
      for (const t of instance.timers.filter((x) => x.tokenId === ctx.token.id)) cancelTimer(ctx.run, t.id);
      return wait(node, ctx);
    }
    return { type: 'wait' };
  },
};
