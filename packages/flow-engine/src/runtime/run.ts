import type { FlowDefinition, FlowNode } from '@tessera/schema';
import type { EngineDeps } from '../deps';
import type { Effect, EffectInput } from '../effects';
import type { FlowInstance, HistoryEntry } from '../instance';
import { DEFAULT_WORKING_CALENDAR, type WorkingCalendar } from '../time/working-calendar';

/**
 * One step of the interpreter: a private draft of the instance (a deep copy of the caller's, so a refused event
 * changes nothing), the effects emitted so far and the tokens still to run.
 */
export interface Run {
  flow: FlowDefinition;
  nodes: Map<string, FlowNode>;
  instance: FlowInstance;
  deps: EngineDeps;
  calendar: WorkingCalendar;
  now: string;
  effects: Effect[];
  /** Token ids that just arrived at their node and must run it. */
  queue: string[];
  resolvedAssignees: Record<string, string[]>;
}

export function createRun(
  flow: FlowDefinition,
  instance: FlowInstance,
  deps: EngineDeps,
  now: string,
  resolvedAssignees: Record<string, string[]> = {},
): Run {
  return {
    flow,
    nodes: new Map(flow.nodes.map((n) => [n.id, n])),
    instance,
    deps,
    calendar: deps.calendar ?? DEFAULT_WORKING_CALENDAR,
    now,
    effects: [],
    queue: [],
    resolvedAssignees,
  };
}

/** A deterministic id: the instance id, a prefix and the instance's counter. */
export function nextId(run: Run, prefix: string): string {
  run.instance.seq += 1;
  return `${run.instance.id}:${prefix}${run.instance.seq}`;
}

export function emit(run: Run, effect: EffectInput): string {
  const id = nextId(run, 'e');
  run.effects.push({ ...effect, id } as Effect);
  return id;
}

export function addHistory(run: Run, entry: Omit<HistoryEntry, 'at'>): void {
  run.instance.history.push({ at: run.now, ...entry });
}

export function maxSteps(run: Run): number {
  return run.flow.settings?.maxSteps ?? 1000;
}
