import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthPrincipal } from '../auth/auth-principal';
import { notFound } from '../common/problem/problem.exception';
import { TenantDatabase } from '../db/tenant-database.service';

export interface NewNotification {
  userIds: string[];
  kind: string;
  title: string;
  body?: string | null;
  instanceId?: string | null;
  taskId?: string | null;
  /** Same key for the same user = one notification (a replayed effect does not notify twice). */
  dedupeKey?: string | null;
}

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  instanceId: string | null;
  taskId: string | null;
  read: boolean;
  createdAt: string;
}

interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  instance_id: string | null;
  task_id: string | null;
  read_at: Date | null;
  created_at: Date;
}

const toView = (r: NotificationRow): NotificationView => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  instanceId: r.instance_id,
  taskId: r.task_id,
  read: r.read_at !== null,
  createdAt: new Date(r.created_at).toISOString(),
});

/** In-app notifications: written inside the transaction that caused them, read by their recipient only. */
@Injectable()
export class NotificationsService {
  constructor(private readonly db: TenantDatabase) {}

  async add(em: EntityManager, tenantId: string, n: NewNotification): Promise<void> {
    if (!n.userIds.length) return;
    await em.query(
      `INSERT INTO notifications (tenant_id, user_id, kind, title, body, instance_id, task_id, dedupe_key)
       SELECT $1, u.id, $3, $4, $5, $6, $7, $8 FROM users u WHERE u.id = ANY($2::uuid[])
       ON CONFLICT (tenant_id, user_id, dedupe_key) DO NOTHING`,
      [
        tenantId,
        n.userIds,
        n.kind,
        n.title.slice(0, 500),
        n.body?.slice(0, 10000) ?? null,
        n.instanceId ?? null,
        n.taskId ?? null,
        n.dedupeKey ?? null,
      ],
    );
  }

  list(principal: AuthPrincipal, options: { unreadOnly: boolean; limit: number; offset: number }) {
    return this.db.run(principal.tenantId, async (em) => {
      const rows: NotificationRow[] = await em.query(
        `SELECT id, kind, title, body, instance_id, task_id, read_at, created_at FROM notifications
          WHERE user_id = $1 ${options.unreadOnly ? 'AND read_at IS NULL' : ''}
          ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
        [principal.userId, options.limit, options.offset],
      );
      const [{ unread }]: { unread: number }[] = await em.query(
        `SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
        [principal.userId],
      );
      return { items: rows.map(toView), unread };
    });
  }

  unreadCount(principal: AuthPrincipal): Promise<{ unread: number }> {
    return this.db.run(principal.tenantId, async (em) => {
      const [{ unread }]: { unread: number }[] = await em.query(
        `SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
        [principal.userId],
      );
      return { unread };
    });
  }

  markRead(principal: AuthPrincipal, id: string): Promise<void> {
    return this.db.run(principal.tenantId, async (em) => {
      const [rows] = (await em.query(
        `UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id`,
        [id, principal.userId],
      )) as [{ id: string }[], number];
      if (!rows.length) throw notFound(`No notification ${id}`);
    });
  }

  markAllRead(principal: AuthPrincipal): Promise<{ updated: number }> {
    return this.db.run(principal.tenantId, async (em) => {
      const [rows] = (await em.query(
        `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id`,
        [principal.userId],
      )) as [{ id: string }[], number];
      return { updated: rows.length };
    });
  }
}
