// Kysely queries for volunteer activities (志愿服务) and their signups.
import { sql } from 'kysely';
import type { Executor } from '../../db/kysely.js';
import type { VolunteerActivitiesTable, VolunteerSignupsTable } from '../../db/schema.js';
import { withinPath } from '../../core/scope.js';

export type ActivityRow = VolunteerActivitiesTable;
export type SignupRow = VolunteerSignupsTable;

export const activityById = (db: Executor, id: string) => db.selectFrom('volunteer_activities').selectAll().where('id', '=', id).executeTakeFirst();
export const insertActivity = (db: Executor, row: ActivityRow) => db.insertInto('volunteer_activities').values(row).execute();

/**
 * Takes the activity's row for the rest of the transaction, so signups (capacity),
 * attendance and closing of one activity run one at a time; returns the row as it is now.
 */
export async function lockActivity(db: Executor, id: string) {
  await db.updateTable('volunteer_activities').set({ status: sql`status` }).where('id', '=', id).execute();
  return activityById(db, id);
}

/** Closes an open activity; false when it was already closed. */
export async function closeActivity(db: Executor, id: string, at: string) {
  const r = await db
    .updateTable('volunteer_activities')
    .set({ status: 'closed', closed_at: at })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Activities of a subtree and those posted by the regions above it (`ancestorIds`), newest first. */
export async function listActivities(db: Executor, f: { path: string; ancestorIds: string[]; status?: string; page: number; pageSize: number }) {
  let q = db.selectFrom('volunteer_activities').where((eb) => eb.or([withinPath(eb, 'region_path', f.path), eb('region_id', 'in', f.ancestorIds)]));
  if (f.status) q = q.where('status', '=', f.status);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await q
    .selectAll()
    .orderBy('starts_at', 'desc')
    .orderBy('id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { rows, total };
}

export const signupsOf = (db: Executor, activityIds: string[]) =>
  activityIds.length
    ? db.selectFrom('volunteer_signups').selectAll().where('activity_id', 'in', activityIds).orderBy('signed_at').orderBy('id').execute()
    : Promise.resolve([] as SignupRow[]);

export const signupOfResident = (db: Executor, activityId: string, residentId: string) =>
  db.selectFrom('volunteer_signups').selectAll().where('activity_id', '=', activityId).where('resident_id', '=', residentId).executeTakeFirst();

export async function countSignups(db: Executor, activityId: string) {
  return Number(
    (
      await db
        .selectFrom('volunteer_signups')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('activity_id', '=', activityId)
        .executeTakeFirst()
    )?.n ?? 0,
  );
}

export const insertSignup = (db: Executor, row: SignupRow) => db.insertInto('volunteer_signups').values(row).execute();

export const signupById = (db: Executor, activityId: string, id: string) =>
  db.selectFrom('volunteer_signups').selectAll().where('id', '=', id).where('activity_id', '=', activityId).executeTakeFirst();

/** Records attendance on a signup not yet credited; false when it was credited meanwhile. */
export async function confirmSignup(
  db: Executor,
  id: string,
  patch: Pick<SignupRow, 'status' | 'hours' | 'points' | 'entry_id' | 'confirmed_by' | 'confirmed_at'>,
) {
  const r = await db.updateTable('volunteer_signups').set(patch).where('id', '=', id).where('status', '!=', 'attended').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
