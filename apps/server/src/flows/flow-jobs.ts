/** graphile-worker task names of the flow shell (flow_add_job only accepts `flow_*`). */
export const TIMER_TASK = 'flow_timer';
export const DELIVER_TASK = 'flow_deliver';

export interface TimerJobPayload {
  tenantId: string;
  key: string;
}

export interface DeliverJobPayload {
  tenantId: string;
  instanceId: string;
  effectId: string;
  message: Record<string, unknown>;
}
