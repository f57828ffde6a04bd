import type { FlowEvent, FlowInstance } from '@tessera/flow-engine';
import type { EntityManager } from 'typeorm';

/** An event waiting to be applied to an instance later in the same transaction (an effect's answer). */
export interface QueuedEvent {
  instanceId: string;
  event: FlowEvent;
}

/**
 * One database transaction of the flow shell: every step it runs, every effect it applies and every answer it
 * feeds back commit together — or not at all.
 */
export interface FlowStep {
  em: EntityManager;
  tenantId: string;
  now: Date;
  timeZone: string;
  queue: QueuedEvent[];
  /** Instances to fail after the current effects (an effect nobody waits for failed). */
  failures: { instanceId: string; reason: string }[];
  /** Starts a child instance (subflow) inside this step. */
  startChild(input: {
    flowKey: string;
    instanceId: string;
    parent: FlowInstance;
    record: FlowInstance['record'];
    vars: FlowInstance['vars'];
  }): Promise<void>;
}

export const MAX_EVENTS_PER_TRANSACTION = 10000;

/** Runs `work` in a savepoint: a failed effect rolls back its own writes and nothing else of the step. */
export async function inSavepoint<T>(em: EntityManager, work: () => Promise<T>): Promise<T> {
  await em.query('SAVEPOINT flow_effect');
  try {
    const result = await work();
    await em.query('RELEASE SAVEPOINT flow_effect');
    return result;
  } catch (error) {
    await em.query('ROLLBACK TO SAVEPOINT flow_effect');
    throw error;
  }
}

export function errorMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'getResponse' in error) {
    const response = (error as { getResponse(): unknown }).getResponse();
    if (response && typeof response === 'object') {
      const r = response as { detail?: string; errors?: { path: string; message: string }[] };
      const details = (r.errors ?? []).map((e) => `${e.path}: ${e.message}`).join('; ');
      return [r.detail, details].filter(Boolean).join(' — ');
    }
  }
  return error instanceof Error ? error.message : String(error);
}
