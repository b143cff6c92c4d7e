import type { Kysely } from 'kysely';

/**
 * 办结须附照片: a category may require at least one photo of the result when a case is resolved
 * (人居环境、设施损坏、安全隐患: the village shows what it did, not only says it).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('case_categories')
    .addColumn('require_result_photo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
