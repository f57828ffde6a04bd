import type { NodeKind } from '../node-kind';
import { getPath, resolveValue, resolveValues, toJson } from '../runtime/data';
import { leave } from '../runtime/edges';
import { emit } from '../runtime/run';
import { awaitEffect, onEffectResult } from '../runtime/effect-result';

/** HTTP request to an external API; with `resultVar` / `responseMapping` the response is mapped into vars. */
export const httpNode: NodeKind<'http'> = {
  kind: 'http',
  run(node, _instance, ctx) {
    const awaitResult = node.resultVar !== undefined || node.responseMapping !== undefined;
    const id = emit(ctx.run, {
      type: 'http',
      nodeId: node.id,
      method: node.method,
      url: resolveValue(ctx.run, ctx.token, node.url),
      headers: resolveValues(ctx.run, ctx.token, node.headers),
      body: node.body === undefined ? undefined : resolveValue(ctx.run, ctx.token, node.body),
      timeoutMs: node.timeoutMs,
      awaitResult,
    });
    return awaitResult ? awaitEffect(ctx, id) : leave(ctx);
  },
  resume(node, instance, event, ctx) {
    return onEffectResult(ctx, event, (response) => {
      if (node.resultVar) instance.vars[node.resultVar] = response;
      for (const [name, path] of Object.entries(node.responseMapping ?? {})) {
        instance.vars[name] = toJson(getPath(response, path));
      }
    });
  },
};
