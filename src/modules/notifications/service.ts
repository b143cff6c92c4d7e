// The in-app inbox (站内消息) and the outbound hook for SMS/WeChat gateways.
import type { Ctx } from '../../core/context.js';
import type { Executor } from '../../db/kysely.js';
import { newId } from '../../core/ids.js';
import { enqueue, type OutboxMessage } from '../../core/outbox.js';
import * as repo from './repo.js';

export type NotificationKind =
  | 'assignment'
  | 'deadline'
  | 'card_yellow'
  | 'card_red'
  | 'escalated'
  | 'supervised'
  | 'rated'
  | 'copied'
  | 'extension'
  | 'status'
  | 'points';

export interface Notice {
  kind: NotificationKind;
  title: string;
  body?: string;
  entity?: string;
  entityId?: string;
}

/** Hands one notice to the outside (may return a promise); throws or rejects when it was not delivered, to be retried with the same `messageId`. */
type Gateway = (userIds: string[], n: Notice, messageId: string) => unknown;
let gateway: Gateway | null = null;

/** The outbox topic of notices bound for the gateway. */
export const NOTIFICATION_TOPIC = 'notification';

/**
 * Where notices also go out (SMS, WeChat template messages). With a gateway set
 * (XZ_WEBHOOK_URL), each notice is written to the outbox in the transaction that
 * stores it and handed to the gateway after that commits, at least once, with a
 * message id that stays the same through retries; delivery never blocks or fails
 * the write that caused it, and a write that rolls back sends nothing.
 */
export function setGateway(g: Gateway | null) {
  gateway = g;
}

/** POSTs `{id,userIds,kind,title,body?,entity?,entityId?}`; the id is also sent as Idempotency-Key and X-Message-Id. */
export function webhookGateway(url: string): Gateway {
  return async (userIds, n, messageId) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': messageId, 'x-message-id': messageId },
      body: JSON.stringify({ id: messageId, userIds, ...n }),
      signal: AbortSignal.timeout(10_000),
    });
    await res.body?.cancel();
    if (!res.ok) throw new Error(`notification webhook answered ${res.status}`);
  };
}

/** The outbox handler for NOTIFICATION_TOPIC. */
export async function deliver(msg: OutboxMessage): Promise<void> {
  if (!gateway) throw new Error('no notification gateway is set');
  const { userIds, notice } = msg.payload as { userIds: string[]; notice: Notice };
  await gateway(userIds, notice, msg.id);
}

/** Stores one notice per user inside the caller's transaction. */
export async function notify(ctx: Ctx, tx: Executor, userIds: string[], n: Notice): Promise<void> {
  const ids = [...new Set(userIds.filter(Boolean))];
  if (!ids.length) return;
  const at = ctx.clock.now().toISOString();
  await repo.insert(
    tx,
    ids.map((user_id) => ({
      id: newId(),
      user_id,
      kind: n.kind,
      title: n.title,
      body: n.body ?? null,
      entity: n.entity ?? null,
      entity_id: n.entityId ?? null,
      created_at: at,
      read_at: null,
    })),
  );
  if (gateway) await enqueue(tx, NOTIFICATION_TOPIC, { userIds: ids, notice: n });
}

export async function inbox(ctx: Ctx, userId: string, unreadOnly: boolean, page: number, pageSize: number) {
  const { total, unread, rows } = await repo.list(ctx.db, userId, unreadOnly, page, pageSize);
  return {
    total,
    unread,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      entity: r.entity,
      entityId: r.entity_id,
      createdAt: r.created_at,
      read: !!r.read_at,
    })),
  };
}

export async function markRead(ctx: Ctx, userId: string, ids: string[] | 'all') {
  await repo.markRead(ctx.db, userId, ids, ctx.clock.now().toISOString());
}
