import { sql } from 'kysely';
import type { Executor } from '../../db/kysely.js';
import type { PointAwardsTable, PointEntriesTable, PointRulesTable } from '../../db/schema.js';
import { withinPath } from '../../core/scope.js';

export type RuleRow = PointRulesTable;
export type AwardRow = PointAwardsTable;
export type EntryRow = PointEntriesTable;

/** Rules that apply in a village: its own and those of the regions above it (inherited). */
export function rulesFor(db: Executor, ancestorIds: string[]) {
  return db.selectFrom('point_rules').selectAll().where('region_id', 'in', ancestorIds).orderBy('category').orderBy('code').execute();
}
export const ruleById = (db: Executor, id: string) => db.selectFrom('point_rules').selectAll().where('id', '=', id).executeTakeFirst();
export const insertRule = (db: Executor, row: RuleRow) => db.insertInto('point_rules').values(row).execute();

export const insertAward = (db: Executor, row: AwardRow) => db.insertInto('point_awards').values(row).execute();
export const awardById = (db: Executor, id: string) => db.selectFrom('point_awards').selectAll().where('id', '=', id).executeTakeFirst();
export const awardByKey = (db: Executor, by: string, key: string) =>
  db.selectFrom('point_awards').selectAll().where('proposed_by', '=', by).where('idempotency_key', '=', key).executeTakeFirst();

/** Version-checked award update: false when someone else changed it first. */
export async function updateAward(db: Executor, id: string, version: number, patch: Partial<AwardRow>) {
  const r = await db.updateTable('point_awards').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Values of the household's awards under a rule in a cap period that count against its cap (in 公示 or effective). */
export async function countedValues(db: Executor, householdId: string, ruleId: string, capKey: string) {
  const rows = await db.selectFrom('point_awards').select('value').where('household_id', '=', householdId).where('rule_id', '=', ruleId)
    .where('cap_key', '=', capKey).where('status', 'in', ['publicized', 'effective']).execute();
  return rows.map((r) => r.value);
}

export const awardsOfHousehold = (db: Executor, householdId: string) =>
  db.selectFrom('point_awards').selectAll().where('household_id', '=', householdId).where('status', 'in', ['pending', 'publicized']).orderBy('proposed_at', 'desc').execute();

export function awardsWithin(db: Executor, path: string, status: string, limit: number) {
  return db.selectFrom('point_awards').selectAll().where((eb) => withinPath(eb, 'region_path', path)).where('status', '=', status)
    .orderBy('proposed_at').limit(limit).execute();
}

/** Awards whose 公示 has ended (the sweeper's work list). */
export const dueToTakeEffect = (db: Executor, now: string, limit: number) =>
  db.selectFrom('point_awards').selectAll().where('status', '=', 'publicized').where('public_until', '<=', now).orderBy('public_until').limit(limit).execute();

export const entriesOf = (db: Executor, householdId: string) =>
  db.selectFrom('point_entries').selectAll().where('household_id', '=', householdId).orderBy('at', 'desc').orderBy('id', 'desc').execute();

export async function balanceOf(db: Executor, householdId: string) {
  return (await db.selectFrom('point_balances').select('balance').where('household_id', '=', householdId).executeTakeFirst())?.balance ?? 0;
}

/**
 * Posts an entry and moves the balance row in the caller's transaction. A debit
 * that would take the balance below zero changes nothing and returns false.
 */
export async function post(db: Executor, e: EntryRow): Promise<boolean> {
  if (e.delta < 0) {
    const r = await db.updateTable('point_balances').set({ balance: sql`balance + ${e.delta}`, updated_at: e.at })
      .where('household_id', '=', e.household_id).where('balance', '>=', -e.delta).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
  } else {
    await db.insertInto('point_balances').values({ household_id: e.household_id, balance: e.delta, updated_at: e.at })
      .onConflict((oc) => oc.column('household_id').doUpdateSet({ balance: sql`point_balances.balance + ${e.delta}`, updated_at: e.at })).execute();
  }
  await db.insertInto('point_entries').values(e).execute();
  return true;
}

/**
 * Takes the household's balance row for the rest of the transaction (creating it at 0 if needed), so that
 * decisions counting against the household's caps or balance run one at a time.
 */
export async function lockHousehold(db: Executor, householdId: string, at: string) {
  await db.insertInto('point_balances').values({ household_id: householdId, balance: 0, updated_at: at }).onConflict((oc) => oc.column('household_id').doNothing()).execute();
  await db.updateTable('point_balances').set({ balance: sql`balance` }).where('household_id', '=', householdId).execute();
}
