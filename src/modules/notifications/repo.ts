import type { Executor } from '../../db/kysely.js';
import type { NotificationsTable } from '../../db/schema.js';

export type NotificationRow = NotificationsTable;

export function insert(db: Executor, rows: NotificationRow[]) {
  return rows.length ? db.insertInto('notifications').values(rows).execute() : Promise.resolve([]);
}

export async function list(db: Executor, userId: string, unreadOnly: boolean, page: number, pageSize: number) {
  const base = db
    .selectFrom('notifications')
    .where('user_id', '=', userId)
    .$if(unreadOnly, (q) => q.where('read_at', 'is', null));
  const [{ n }] = await base.select((e) => e.fn.countAll<number>().as('n')).execute();
  const [{ u }] = await db
    .selectFrom('notifications')
    .select((e) => e.fn.countAll<number>().as('u'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
  const rows = await base
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(n), unread: Number(u), rows };
}

export function markRead(db: Executor, userId: string, ids: string[] | 'all', at: string) {
  let q = db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== 'all') q = q.where('id', 'in', ids.length ? ids : ['']);
  return q.execute();
}
