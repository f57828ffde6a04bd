import type { FlowNode, FlowNodeKind } from '@tessera/schema';
import type { ResumeEvent } from './events';
import type { NodeContext, NodeKind, NodeOutcome } from './node-kind';
import { approvalNode } from './nodes/approval';
import { assignOwnerNode } from './nodes/assign-owner';
import { calculateNode } from './nodes/calculate';
import { ccNode } from './nodes/cc';
import { conditionNode } from './nodes/condition';
import { createRecordNode } from './nodes/create-record';
import { deferredChoiceNode } from './nodes/deferred-choice';
import { delayNode } from './nodes/delay';
import { deleteRecordNode } from './nodes/delete-record';
import { discriminatorNode } from './nodes/discriminator';
import { emailNode } from './nodes/email';
import { endNode } from './nodes/end';
import { fillNode } from './nodes/fill';
import { httpNode } from './nodes/http';
import { inclusiveNode } from './nodes/inclusive';
import { inclusiveMergeNode } from './nodes/inclusive-merge';
import { joinNode } from './nodes/join';
import { loopNode } from './nodes/loop';
import { multiInstanceNode } from './nodes/multi-instance';
import { multiMergeNode } from './nodes/multi-merge';
import { notifyNode } from './nodes/notify';
import { parallelNode } from './nodes/parallel';
import { queryRecordsNode } from './nodes/query-records';
import { smsNode } from './nodes/sms';
import { startNode } from './nodes/start';
import { subflowNode } from './nodes/subflow';
import { updateRecordNode } from './nodes/update-record';
import { flowError, type FlowError } from './results';

/** Every node kind, by kind: the one place a new kind is registered. */
export const NODE_REGISTRY: { [K in FlowNodeKind]: NodeKind<K> } = {
  start: startNode,
  end: endNode,
  approval: approvalNode,
  fill: fillNode,
  cc: ccNode,
  condition: conditionNode,
  inclusive: inclusiveNode,
  inclusive_merge: inclusiveMergeNode,
  parallel: parallelNode,
  join: joinNode,
  discriminator: discriminatorNode,
  multi_merge: multiMergeNode,
  delay: delayNode,
  loop: loopNode,
  multi_instance: multiInstanceNode,
  deferred_choice: deferredChoiceNode,
  create_record: createRecordNode,
  update_record: updateRecordNode,
  delete_record: deleteRecordNode,
  query_records: queryRecordsNode,
  calculate: calculateNode,
  notify: notifyNode,
  email: emailNode,
  sms: smsNode,
  http: httpNode,
  assign_owner: assignOwnerNode,
  subflow: subflowNode,
};

/** The registry entry for a node, with its kind's node type widened to FlowNode. */
function kindOf(node: FlowNode): NodeKind<FlowNodeKind> {
  return NODE_REGISTRY[node.kind] as unknown as NodeKind<FlowNodeKind>;
}

export function runNode(node: FlowNode, ctx: NodeContext): NodeOutcome {
  return kindOf(node).run(node, ctx.run.instance, ctx);
}

export function resumeNode(node: FlowNode, event: ResumeEvent, ctx: NodeContext): NodeOutcome | FlowError {
  const kind = kindOf(node);
  if (!kind.resume) return flowError('invalid_action', `A ${node.kind} node does not wait for events`);
  return kind.resume(node, ctx.run.instance, event, ctx);
}
