import type { Executor } from '../../db/kysely.js';
import type { ConsultationDecisionsTable, ConsultationsTable } from '../../db/schema.js';
import { withinPath, type Scope } from '../../core/scope.js';

export type ConsultationRow = ConsultationsTable;
export type DecisionRow = ConsultationDecisionsTable;

export const insert = (db: Executor, row: ConsultationRow) => db.insertInto('consultations').values(row).execute();
export const byId = (db: Executor, id: string) => db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
export const byWeek = (db: Executor, regionId: string, week: string) =>
  db.selectFrom('consultations').selectAll().where('region_id', '=', regionId).where('week_key', '=', week).executeTakeFirst();

/** Closes an open meeting (false when it was already closed). */
export async function close(db: Executor, id: string, at: string) {
  const r = await db.updateTable('consultations').set({ status: 'closed', closed_at: at }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function list(db: Executor, scope: Scope, regionPath: string | undefined, page: number, pageSize: number) {
  let q = db.selectFrom('consultations').where(scope.rowFilter('region_path', null));
  if (regionPath) q = q.where((eb) => withinPath(eb, 'region_path', regionPath));
  const [{ n }] = await q.select((eb) => eb.fn.countAll<number>().as('n')).execute();
  const rows = await q
    .selectAll()
    .orderBy('held_on', 'desc')
    .orderBy('created_at', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(n), rows };
}

export const decisionsOf = (db: Executor, ids: string[]) =>
  ids.length ? db.selectFrom('consultation_decisions').selectAll().where('consultation_id', 'in', ids).execute() : Promise.resolve([] as DecisionRow[]);

/** Records the meeting's decision on a case once (false when one is already recorded). */
export async function insertDecision(db: Executor, row: DecisionRow) {
  const r = await db
    .insertInto('consultation_decisions')
    .values(row)
    .onConflict((oc) => oc.columns(['consultation_id', 'case_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Takes the meeting's row for this transaction if it is still open (false when closed): decisions and closing serialise on it. */
export async function lockOpen(db: Executor, id: string) {
  const r = await db
    .updateTable('consultations')
    .set((eb) => ({ status: eb.ref('status') }))
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
