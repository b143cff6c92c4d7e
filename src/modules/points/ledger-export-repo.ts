// Queries behind the points 台账 export: the entries of a subtree and period read in
// pages (oldest first), their totals, and each household's sums around the period.
import { sql } from 'kysely';
import type { Executor } from '../../db/kysely.js';
import { withinPath } from '../../core/scope.js';
import type { EntryRow } from './repo.js';

/** Entries of the subtree in [from, to): how many, points added and points taken. */
export async function entryTotals(db: Executor, path: string, from: string, to: string) {
  const r = await db
    .selectFrom('point_entries')
    .select([
      sql<number>`count(*)`.as('n'),
      sql<number>`coalesce(sum(case when delta > 0 then delta else 0 end), 0)`.as('plus'),
      sql<number>`coalesce(sum(case when delta < 0 then -delta else 0 end), 0)`.as('minus'),
    ])
    .where((eb) => withinPath(eb, 'region_path', path))
    .where('at', '>=', from)
    .where('at', '<', to)
    .executeTakeFirst();
  return { count: Number(r?.n ?? 0), plus: Number(r?.plus ?? 0), minus: Number(r?.minus ?? 0) };
}

/** The next page of the subtree's entries in [from, to), ordered by (at, id), after the last one read. */
export function entriesAfter(
  db: Executor,
  path: string,
  from: string,
  to: string,
  after: { at: string; id: string } | null,
  limit: number,
): Promise<EntryRow[]> {
  let q = db
    .selectFrom('point_entries')
    .selectAll()
    .where((eb) => withinPath(eb, 'region_path', path))
    .where('at', '>=', from)
    .where('at', '<', to);
  if (after) q = q.where((eb) => eb.or([eb('at', '>', after.at), eb.and([eb('at', '=', after.at), eb('id', '>', after.id)])]));
  return q.orderBy('at').orderBy('id').limit(limit).execute();
}

/** Per household (every entry of it, wherever posted): the sum before `from`, and points added and taken in [from, to). */
export async function householdSums(db: Executor, ids: string[], from: string, to: string) {
  const out = new Map<string, { opening: number; plus: number; minus: number }>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await db
      .selectFrom('point_entries')
      .select([
        'household_id',
        sql<number>`sum(case when at < ${from} then delta else 0 end)`.as('opening'),
        sql<number>`sum(case when at >= ${from} and delta > 0 then delta else 0 end)`.as('plus'),
        sql<number>`sum(case when at >= ${from} and delta < 0 then -delta else 0 end)`.as('minus'),
      ])
      .where('household_id', 'in', ids.slice(i, i + 5000))
      .where('at', '<', to)
      .groupBy('household_id')
      .execute();
    for (const r of rows) out.set(r.household_id, { opening: Number(r.opening), plus: Number(r.plus), minus: Number(r.minus) });
  }
  return out;
}
