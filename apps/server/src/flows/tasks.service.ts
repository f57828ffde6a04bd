import { Injectable } from '@nestjs/common';
import type { AuthPrincipal } from '../auth/auth-principal';
import { TenantDatabase } from '../db/tenant-database.service';
import {
  FlowInstancesService,
  TASK_SELECT,
  toTaskView,
  type InstanceView,
  type TaskView,
} from './flow-instances.service';

export type TaskBoxName = 'todo' | 'done' | 'cc' | 'started';

/** Done = closed by my own decision (approved, rejected, submitted, returned, transferred, signer added). */
const BOXES: Record<Exclude<TaskBoxName, 'started'>, string> = {
  todo: `t.assignee_id = $1::text AND t.status = 'open' AND t.type <> 'cc'`,
  done: `t.assignee_id = $1::text AND t.type <> 'cc' AND t.status NOT IN ('open', 'cancelled')`,
  cc: `t.assignee_id = $1::text AND t.type = 'cc'`,
};

/** My inbox: 待办 (to do), 已办 (done), 抄送我 (CC to me), 我发起的 (started by me), with counts. */
@Injectable()
export class TasksService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly instances: FlowInstancesService,
  ) {}

  list(
    principal: AuthPrincipal,
    box: TaskBoxName,
    limit: number,
    offset: number,
  ): Promise<{ items: (TaskView | InstanceView)[]; total: number }> {
    return this.db.run(principal.tenantId, async (em) => {
      if (box === 'started') {
        const rows: { id: string }[] = await em.query(
          `SELECT id FROM flow_instances WHERE submitter_id = $1 AND parent_instance_id IS NULL
            ORDER BY started_at DESC, id LIMIT $2 OFFSET $3`,
          [principal.userId, limit, offset],
        );
        const [{ total }]: { total: number }[] = await em.query(
          `SELECT count(*)::int AS total FROM flow_instances WHERE submitter_id = $1 AND parent_instance_id IS NULL`,
          [principal.userId],
        );
        const items: InstanceView[] = [];
        for (const r of rows) items.push(await this.instances.view(em, r.id));
        return { items, total };
      }
      const order = box === 'todo' ? 't.created_at ASC' : 'coalesce(t.closed_at, t.created_at) DESC';
      const rows = await em.query(`${TASK_SELECT} WHERE ${BOXES[box]} ORDER BY ${order}, t.id LIMIT $2 OFFSET $3`, [
        principal.userId,
        limit,
        offset,
      ]);
      const [{ total }]: { total: number }[] = await em.query(
        `SELECT count(*)::int AS total FROM flow_tasks t WHERE ${BOXES[box]}`,
        [principal.userId],
      );
      return { items: rows.map(toTaskView), total };
    });
  }

  counts(principal: AuthPrincipal): Promise<Record<TaskBoxName, number>> {
    return this.db.run(principal.tenantId, async (em) => {
      const [row]: Record<TaskBoxName, number>[] = await em.query(
        `SELECT count(*) FILTER (WHERE ${BOXES.todo})::int AS todo,
                count(*) FILTER (WHERE ${BOXES.done})::int AS done,
                count(*) FILTER (WHERE ${BOXES.cc})::int AS cc,
                (SELECT count(*)::int FROM flow_instances WHERE submitter_id = $1::uuid AND parent_instance_id IS NULL) AS started
           FROM flow_tasks t WHERE t.assignee_id = $1::text`,
        [principal.userId],
      );
      return row;
    });
  }
}
