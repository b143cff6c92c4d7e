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
  const r = await db.selectFrom('attachments').select((e) => e.fn.countAll<number>().as('n')).where('entity', '=', entity).where('entity_id', '=', entityId).executeTakeFirstOrThrow();
  return Number(r.n);
}
