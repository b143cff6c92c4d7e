import type { Kysely } from 'kysely';

/**
 * resident_tags by household: every household list page reads the tags of its twenty households, and
 * without this index that read scanned the whole table (bench/RESULTS.md, B1r; pinned by
 * test/query-plans.test.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('resident_tags_household').ifNotExists().on('resident_tags').columns(['household_id', 'tag']).execute();
}
