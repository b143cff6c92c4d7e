import type { Kysely } from 'kysely';

/**
 * Indexes for queries that run on every page (each is pinned by test/query-plans.test.ts):
 * - case_history by user: the 已办 box (cases this user acted on);
 * - cases by household: a villager's own cases in the case list's scope;
 * - case_copies by user: the 抄告 box and the "copied to me" branch of every case list;
 * - point_awards by region path (then status): the award queue, the 公示栏.
 * IF NOT EXISTS: other branches may add one of the same name.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('case_history_user').ifNotExists().on('case_history').columns(['by_user_id', 'action', 'case_id']).execute();
  await db.schema.createIndex('cases_household').ifNotExists().on('cases').columns(['household_id']).execute();
  await db.schema.createIndex('case_copies_user').ifNotExists().on('case_copies').columns(['user_id', 'case_id']).execute();
  await db.schema.createIndex('point_awards_path').ifNotExists().on('point_awards').columns(['region_path', 'status']).execute();
}
