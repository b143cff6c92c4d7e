import { sql } from 'kysely';
import type { Executor } from '../../db/kysely.js';
import type { PointAwardsTable, PointDesignationsTable, PointEntriesTable, PointRulesTable, PointSettlementsTable } from '../../db/schema.js';
import { withinPath, type Scope } from '../../core/scope.js';

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
  const r = await db
    .updateTable('point_awards')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Values of the household's awards under a rule in a cap period that count against its cap (in 公示 or effective). */
export async function countedValues(db: Executor, householdId: string, ruleId: string, capKey: string) {
  const rows = await db
    .selectFrom('point_awards')
    .select('value')
    .where('household_id', '=', householdId)
    .where('rule_id', '=', ruleId)
    .where('cap_key', '=', capKey)
    .where('status', 'in', ['publicized', 'effective'])
    .execute();
  return rows.map((r) => r.value);
}

export const awardsOfHousehold = (db: Executor, householdId: string) =>
  db
    .selectFrom('point_awards')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('status', 'in', ['pending', 'publicized'])
    .orderBy('proposed_at', 'desc')
    .execute();

export function awardsWithin(db: Executor, path: string, status: string, limit: number) {
  return db
    .selectFrom('point_awards')
    .selectAll()
    .where((eb) => withinPath(eb, 'region_path', path))
    .where('status', '=', status)
    .orderBy('proposed_at')
    .limit(limit)
    .execute();
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
    const r = await db
      .updateTable('point_balances')
      .set({ balance: sql`balance + ${e.delta}`, updated_at: e.at })
      .where('household_id', '=', e.household_id)
      .where('balance', '>=', -e.delta)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
  } else {
    await db
      .insertInto('point_balances')
      .values({ household_id: e.household_id, balance: e.delta, updated_at: e.at })
      .onConflict((oc) => oc.column('household_id').doUpdateSet({ balance: sql`point_balances.balance + ${e.delta}`, updated_at: e.at }))
      .execute();
  }
  await db.insertInto('point_entries').values(e).execute();
  return true;
}

/**
 * Takes the household's balance row for the rest of the transaction (creating it at 0 if needed), so that
 * decisions counting against the household's caps or balance run one at a time.
 */
export async function lockHousehold(db: Executor, householdId: string, at: string) {
  await db
    .insertInto('point_balances')
    .values({ household_id: householdId, balance: 0, updated_at: at })
    .onConflict((oc) => oc.column('household_id').doNothing())
    .execute();
  await db.updateTable('point_balances').set({ balance: sql`balance` }).where('household_id', '=', householdId).execute();
}

export const entryBySource = (db: Executor, source: string, sourceId: string) =>
  db.selectFrom('point_entries').select(['id', 'delta']).where('source', '=', source).where('source_id', '=', sourceId).executeTakeFirst();
export const entryById = (db: Executor, id: string) => db.selectFrom('point_entries').selectAll().where('id', '=', id).executeTakeFirst();

/** Balance rows that disagree with the sum of their household's entries, inside a subtree. */
export async function balanceMismatches(db: Executor, path: string) {
  const sums = await db
    .selectFrom('point_entries')
    .select(['household_id', sql<number>`sum(delta)`.as('total')])
    .where((eb) => withinPath(eb, 'region_path', path))
    .groupBy('household_id')
    .execute();
  const bySum = new Map(sums.map((s) => [s.household_id, Number(s.total)]));
  const ids = [...bySum.keys()];
  const balances = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const b of await db
      .selectFrom('point_balances')
      .select(['household_id', 'balance'])
      .where('household_id', 'in', ids.slice(i, i + 500))
      .execute())
      balances.set(b.household_id, b.balance);
  }
  const out: { householdId: string; balance: number; sum: number }[] = [];
  for (const [h, sum] of bySum) if ((balances.get(h) ?? 0) !== sum) out.push({ householdId: h, balance: balances.get(h) ?? 0, sum });
  return out;
}

export const updateRule = (db: Executor, id: string, patch: Partial<RuleRow>) => db.updateTable('point_rules').set(patch).where('id', '=', id).execute();

export async function rulesByIds(db: Executor, ids: string[]) {
  if (!ids.length) return new Map<string, RuleRow>();
  return new Map((await db.selectFrom('point_rules').selectAll().where('id', 'in', ids).execute()).map((r) => [r.id, r]));
}

export const insertAwardEvent = (
  db: Executor,
  row: { id: string; award_id: string; action: string; by_user_id: string | null; by_name: string | null; at: string; note: string | null },
) => db.insertInto('point_award_events').values(row).execute();
export const awardEvents = (db: Executor, awardId: string) =>
  db.selectFrom('point_award_events').selectAll().where('award_id', '=', awardId).orderBy('at').orderBy('id').execute();

export async function listAwards(db: Executor, scope: Scope, path: string, status: string | undefined, page: number, pageSize: number) {
  let q = db
    .selectFrom('point_awards')
    .where((eb) => withinPath(eb, 'region_path', path))
    .where(scope.rowFilter('region_path', 'household_id'));
  if (status) q = q.where('status', '=', status);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await q
    .selectAll()
    .orderBy('proposed_at', status === 'pending' ? 'asc' : 'desc')
    .orderBy('id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total };
}

/** A village's 公示栏: awards in 公示, and those that took effect since `since`. */
export const boardAwards = (db: Executor, path: string, since: string, limit: number) =>
  db
    .selectFrom('point_awards')
    .selectAll()
    .where((eb) => withinPath(eb, 'region_path', path))
    .where((eb) => eb.or([eb('status', '=', 'publicized'), eb.and([eb('status', '=', 'effective'), eb('decided_at', '>=', since)])]))
    .orderBy('status', 'desc')
    .orderBy('decided_at', 'desc')
    .limit(limit)
    .execute();

export async function balancesOf(db: Executor, ids: string[]) {
  if (!ids.length) return new Map<string, number>();
  return new Map(
    (await db.selectFrom('point_balances').select(['household_id', 'balance']).where('household_id', 'in', ids).execute()).map((b) => [
      b.household_id,
      b.balance,
    ]),
  );
}

/** Per household: points earned (earning sources) and spent (redemptions net of refunds) since `from`. */
export async function periodSums(db: Executor, ids: string[], from: string, earning: string[]) {
  if (!ids.length) return new Map<string, { earned: number; spent: number }>();
  const rows = await db
    .selectFrom('point_entries')
    .select([
      'household_id',
      sql<number>`sum(case when source in (${sql.join(earning)}) then delta else 0 end)`.as('earned'),
      sql<number>`sum(case when source in ('redemption', 'refund') then -delta else 0 end)`.as('spent'),
    ])
    .where('household_id', 'in', ids)
    .where('at', '>=', from)
    .groupBy('household_id')
    .execute();
  return new Map(rows.map((r) => [r.household_id, { earned: Number(r.earned), spent: Number(r.spent) }]));
}

export interface EntryFilter {
  path: string;
  scope: Scope;
  from?: string;
  to?: string;
  source?: string;
  householdId?: string;
}

/** Ledger entries of a subtree, newest first (the console's 积分流水). */
export async function listEntries(db: Executor, f: EntryFilter, page: number, pageSize: number) {
  let q = db
    .selectFrom('point_entries')
    .where((eb) => withinPath(eb, 'region_path', f.path))
    .where(f.scope.rowFilter('region_path', 'household_id'));
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  if (f.source) q = q.where('source', '=', f.source);
  if (f.householdId) q = q.where('household_id', '=', f.householdId);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await q
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total };
}

/**
 * One page of the ranking of a subtree's households by points earned in [from, to), ranked in the
 * store (the sums in a subquery, RANK() over them): equal points share a rank and the next rank
 * skips (1, 1, 3); within equal points households come in id order. `total` counts every
 * household with points earned (> 0).
 */
export async function rankingPage(db: Executor, f: { path: string; from: string; to: string; earning: string[] }, page: number, pageSize: number) {
  const earned = db
    .selectFrom('point_entries')
    .select(['household_id', sql<number>`sum(delta)`.as('points')])
    .where((eb) => withinPath(eb, 'region_path', f.path))
    .where('at', '>=', f.from)
    .where('at', '<', f.to)
    .where('source', 'in', f.earning)
    .groupBy('household_id')
    .having(sql`sum(delta)`, '>', 0);
  const rows = await db
    .selectFrom(earned.as('e'))
    .select(['e.household_id', 'e.points', sql<number>`rank() over (order by e.points desc)`.as('rank'), sql<number>`count(*) over ()`.as('total')])
    .orderBy('e.points', 'desc')
    .orderBy('e.household_id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  // A page past the end has no rows to carry the total: count on its own.
  const total = rows.length
    ? Number(rows[0].total)
    : page > 1
      ? Number(
          (
            await db
              .selectFrom(earned.as('e'))
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirst()
          )?.n ?? 0,
        )
      : 0;
  return { total, items: rows.map((r) => ({ householdId: r.household_id, points: Number(r.points), rank: Number(r.rank) })) };
}

export const insertDesignation = (db: Executor, row: DesignationRow) => db.insertInto('point_designations').values(row).execute();
export const designationsWithin = (db: Executor, path: string, year: number) =>
  db
    .selectFrom('point_designations')
    .selectAll()
    .where((eb) => withinPath(eb, 'region_path', path))
    .where('year', '=', year)
    .orderBy('awarded_at', 'desc')
    .execute();

export const insertSettlement = (db: Executor, row: SettlementRow) => db.insertInto('point_settlements').values(row).execute();
export const settlementsWithin = (db: Executor, path: string) =>
  db
    .selectFrom('point_settlements')
    .selectAll()
    .where((eb) => withinPath(eb, 'region_path', path))
    .orderBy('year', 'desc')
    .execute();
export const settlementOf = (db: Executor, regionId: string, year: number) =>
  db.selectFrom('point_settlements').selectAll().where('region_id', '=', regionId).where('year', '=', year).executeTakeFirst();

export type DesignationRow = PointDesignationsTable;
export type SettlementRow = PointSettlementsTable;

/** Paths of the regions whose own settings give a monthly base score (their villages may inherit it). */
export const monthlyBaseRoots = (db: Executor) =>
  db.selectFrom('point_settings').select(['region_id', 'region_path']).where('monthly_base', '>', 0).orderBy('region_path').execute();

/** Which of these source ids already have their entry (one index probe per id, in chunks). */
export async function postedSourceIds(db: Executor, source: string, sourceIds: string[]) {
  const out = new Set<string>();
  for (let i = 0; i < sourceIds.length; i += 500) {
    for (const r of await db
      .selectFrom('point_entries')
      .select('source_id')
      .where('source', '=', source)
      .where('source_id', 'in', sourceIds.slice(i, i + 500))
      .execute())
      if (r.source_id) out.add(r.source_id);
  }
  return out;
}

/**
 * Per household of a subtree: points credited at or after `from` that are new points
 * (refunds give back points spent earlier, so they are not counted as new).
 */
export async function creditsSince(db: Executor, path: string, from: string) {
  const rows = await db
    .selectFrom('point_entries')
    .select(['household_id', sql<number>`sum(delta)`.as('total')])
    .where((eb) => withinPath(eb, 'region_path', path))
    .where('at', '>=', from)
    .where('delta', '>', 0)
    .where('source', '!=', 'refund')
    .groupBy('household_id')
    .execute();
  return new Map(rows.map((r) => [r.household_id, Number(r.total)]));
}

/** Balance rows of these households (households without one have never had points). */
export async function balanceRows(db: Executor, ids: string[]) {
  const out = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 500)
    for (const b of await db
      .selectFrom('point_balances')
      .select(['household_id', 'balance'])
      .where('household_id', 'in', ids.slice(i, i + 500))
      .execute())
      out.set(b.household_id, b.balance);
  return out;
}

export const laterSettlement = (db: Executor, regionId: string, year: number) =>
  db.selectFrom('point_settlements').select('year').where('region_id', '=', regionId).where('year', '>', year).orderBy('year', 'desc').executeTakeFirst();
export const settlementTotals = (db: Executor, id: string, households: number, total: number) =>
  db.updateTable('point_settlements').set({ households, total }).where('id', '=', id).execute();

/** Households of a subtree that have at least one ledger entry. */
export async function householdsWithEntries(db: Executor, path: string) {
  return (
    await db
      .selectFrom('point_entries')
      .select('household_id')
      .distinct()
      .where((eb) => withinPath(eb, 'region_path', path))
      .execute()
  ).map((r) => r.household_id);
}

/** The status of every award proposed inside a subtree (the demo's summary). */
export function awardStatusesWithin(db: Executor, path: string) {
  return db
    .selectFrom('point_awards')
    .select('status')
    .where((eb) => withinPath(eb, 'region_path', path))
    .execute();
}

/** The household's awards still pending or in 公示, with the region of their rule. */
export const openAwardRules = (db: Executor, householdId: string) =>
  db
    .selectFrom('point_awards as a')
    .innerJoin('point_rules as r', 'r.id', 'a.rule_id')
    .select(['a.id', 'a.status', 'r.region_id as ruleRegionId', 'r.name as ruleName'])
    .where('a.household_id', '=', householdId)
    .where('a.status', 'in', ['pending', 'publicized'])
    .execute();

/**
 * Moves the household's entries, awards and volunteer signups to `path`. Awards get a new
 * version, so a decision or the 公示 sweep that read the old row retries with the new path.
 */
export async function rehomeHouseholdRows(db: Executor, householdId: string, path: string) {
  const n = (r: { numUpdatedRows: bigint }[]) => Number(r[0]?.numUpdatedRows ?? 0);
  const entries = n(await db.updateTable('point_entries').set({ region_path: path }).where('household_id', '=', householdId).execute());
  const awards = n(
    await db.updateTable('point_awards').set({ region_path: path, version: sql`version + 1` }).where('household_id', '=', householdId).execute(),
  );
  const signups = n(await db.updateTable('volunteer_signups').set({ region_path: path }).where('household_id', '=', householdId).execute());
  return { entries, awards, signups };
}
