// The in-app inbox (站内消息) and the outbound hook for SMS/WeChat gateways.
import type { Ctx } from '../../core/context.js';
import type { Executor } from '../../db/kysely.js';
import { newId } from '../../core/ids.js';
import * as repo from './repo.js';

export type NotificationKind = 'assignment' | 'deadline' | 'card_yellow' | 'card_red' | 'escalated' | 'supervised' | 'rated' | 'copied' | 'extension' | 'status' | 'points';

export interface Notice {
  kind: NotificationKind;
  title: string;
  body?: string;
  entity?: string;
  entityId?: string;
}

type Gateway = (userIds: string[], n: Notice) => void;
let gateway: Gateway | null = null;

/**
 * Where notices also go out (SMS, WeChat template messages). With XZ_WEBHOOK_URL
 * set, each notice is POSTed there as JSON after it is stored; delivery is best
 * effort and never blocks or fails the write that caused it.
 */
export function setGateway(g: Gateway | null) { gateway = g; }

export function webhookGateway(url: string): Gateway {
  return (userIds, n) => {
    void fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userIds, ...n }), signal: AbortSignal.timeout(5000) })
      .catch((err) => console.error('notification webhook failed:', (err as Error).message));
  };
}

/** Stores one notice per user inside the caller's transaction. */
export async function notify(ctx: Ctx, tx: Executor, userIds: string[], n: Notice): Promise<void> {
  const ids = [...new Set(userIds.filter(Boolean))];
  if (!ids.length) return;
  const at = ctx.clock.now().toISOString();
  await repo.insert(tx, ids.map((user_id) => ({
    id: newId(), user_id, kind: n.kind, title: n.title, body: n.body ?? null, entity: n.entity ?? null, entity_id: n.entityId ?? null, created_at: at, read_at: null,
  })));
  gateway?.(ids, n);
}

export async function inbox(ctx: Ctx, userId: string, unreadOnly: boolean, page: number, pageSize: number) {
  const { total, unread, rows } = await repo.list(ctx.db, userId, unreadOnly, page, pageSize);
  return {
    total, unread,
    items: rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, entity: r.entity, entityId: r.entity_id, createdAt: r.created_at, read: !!r.read_at })),
  };
}

export async function markRead(ctx: Ctx, userId: string, ids: string[] | 'all') {
  await repo.markRead(ctx.db, userId, ids, ctx.clock.now().toISOString());
}
