import type { FlowError } from '@tessera/flow-engine';
import { ProblemException } from '../common/problem/problem.exception';

/** HTTP status of each refusal the engine can give: who may not (403), state moved on (409), bad request (422). */
const STATUS: Record<FlowError['code'], number> = {
  not_assignee: 403,
  not_submitter: 403,
  self_approval_forbidden: 403,
  field_not_editable: 403,
  task_closed: 409,
  stale_version: 409,
  instance_finished: 409,
  task_not_found: 404,
  unknown_node: 422,
  not_visited: 422,
  unknown_timer: 409,
  unknown_effect: 409,
  unknown_subflow: 409,
  flow_mismatch: 409,
  invalid_action: 422,
  invalid_flow: 422,
};

/** A refused event as problem+json; `path` names the request member the refusal is about. */
export function flowProblem(error: FlowError, path = '/body'): ProblemException {
  const at =
    error.code === 'stale_version'
      ? '/body/taskVersion'
      : error.code === 'not_visited' || error.code === 'unknown_node'
        ? '/body/toNodeId'
        : error.code === 'field_not_editable'
          ? '/body/fields'
          : path;
  return new ProblemException(STATUS[error.code], error.message, [
    { path: at, code: error.code, message: error.message },
  ]);
}
