import type { Kysely } from 'kysely';

/**
 * - resident_tags by household: every household list page reads the tags of its twenty households, and
 *   without this index that read scanned the whole table;
 * - households in list order (path, then created_at, id): a page reads its twenty rows in order instead of
 *   sorting every household of the subtree.
 * (bench/RESULTS.md, B1r; pinned by test/query-plans.test.ts.)
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('households_list').ifNotExists().on('households').columns(['region_path', 'created_at', 'id']).execute();
  await db.schema.createIndex('resident_tags_household').ifNotExists().on('resident_tags').columns(['household_id', 'tag']).execute();
}
