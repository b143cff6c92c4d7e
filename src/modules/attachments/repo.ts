import type { Executor } from '../../db/kysely.js';
import type { AttachmentsTable } from '../../db/schema.js';

export type AttachmentRow = AttachmentsTable;

export function insert(db: Executor, row: AttachmentRow) {
  return db.insertInto('attachments').values(row).execute();
}

export function byId(db: Executor, id: string) {
  return db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listFor(db: Executor, entity: string, entityId: string) {
  return db.selectFrom('attachments').selectAll().where('entity', '=', entity).where('entity_id', '=', entityId).orderBy('created_at').orderBy('id').execute();
}

export async function countFor(db: Executor, entity: string, entityId: string) {
  const r = await db
    .selectFrom('attachments')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** How many files each of several records has. */
export async function countsFor(db: Executor, entity: string, ids: string[]) {
  if (!ids.length) return new Map<string, number>();
  const rows = await db
    .selectFrom('attachments')
    .select(['entity_id', (e) => e.fn.countAll<number>().as('n')])
    .where('entity', '=', entity)
    .where('entity_id', 'in', ids)
    .groupBy('entity_id')
    .execute();
  return new Map(rows.map((r) => [r.entity_id, Number(r.n)]));
}

/** Each record's most recent file (by upload time), for records shown with one picture. */
export async function latestFor(db: Executor, entity: string, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db
    .selectFrom('attachments')
    .select(['entity_id', 'id'])
    .where('entity', '=', entity)
    .where('entity_id', 'in', ids)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return new Map(rows.map((r) => [r.entity_id, r.id]));
}
