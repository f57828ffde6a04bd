export { start } from './start';
export { handle } from './handle';
export { validateFlow, type FlowIssue, type ValidateFlowOptions } from './validate-flow';
export type { ConditionContext, EngineDeps, StartContext } from './deps';
export type * from './events';
export type { Effect, EffectType, TaskView } from './effects';
export type * from './instance';
export { flowError, type FlowError, type FlowErrorCode, type StepResult } from './results';
export type { Branch, NodeContext, NodeKind, NodeOutcome } from './node-kind';
export { NODE_REGISTRY } from './node-registry';
export {
  DEFAULT_WORKING_CALENDAR,
  addWorkingDays,
  isWorkingDay,
  workingDaysBetween,
  type WorkingCalendar,
} from './time/working-calendar';
export { addDuration } from './time/durations';
export { dateValueToInstant } from './time/date-value';
export { dateTriggerFireAt } from './time/trigger-time';
