import type { EdgeOutcome, FlowNodeKind, FlowNodeOf } from '@tessera/schema';
import type { ResumeEvent } from './events';
import type { FlowInstance, Frame, JsonRecord, Token } from './instance';
import type { FlowError } from './results';
import type { Run } from './runtime/run';

/** What a node gets to work with: the step being computed and the token that is at the node. */
export interface NodeContext {
  run: Run;
  token: Token;
}

/** A token leaving by one path. Unset fields are inherited from the leaving token (race is not). */
export interface Branch {
  to: string;
  edgeId?: string;
  locals?: JsonRecord;
  frames?: Frame[];
  race?: string;
}

export type NodeOutcome =
  /** The token stays at the node (a task, a timer, an effect result …). */
  | { type: 'wait' }
  /** The token leaves by these branches (none: the path ends — implicit termination). */
  | { type: 'leave'; branches: Branch[]; outcome?: EdgeOutcome }
  /** The token is consumed here (a join counted it, a discriminator ignored it, an end). */
  | { type: 'absorb' }
  /** The whole instance ends. */
  | { type: 'finish'; status: 'completed' | 'rejected' | 'failed'; reason?: string }
  /** The node already moved or removed the token itself (a return). */
  | { type: 'detached' };

/**
 * One node kind (NocoBase "Instruction" style): `run` when a token arrives, `resume` when an event concerns a
 * token waiting at the node. Both mutate only the run's draft and return what happens to the token.
 */
export interface NodeKind<K extends FlowNodeKind> {
  kind: K;
  run(node: FlowNodeOf<K>, instance: FlowInstance, ctx: NodeContext): NodeOutcome;
  resume?(node: FlowNodeOf<K>, instance: FlowInstance, event: ResumeEvent, ctx: NodeContext): NodeOutcome | FlowError;
}
