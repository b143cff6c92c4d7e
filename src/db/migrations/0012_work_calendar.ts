import type { Kysely } from 'kysely';
import type { DbKind } from '../kysely.js';

/**
 * The work calendar (工作日历): one row per official year, its holidays and 调休
 * working weekend days as JSON arrays of YYYY-MM-DD. A year without a row counts
 * Monday–Friday (provisional). Start-up fills in the years chinese-days knows
 * and no row holds yet (core/work-calendar.ts), so upgrading the package adds
 * new years without overwriting one the office entered.
 */
export async function up(db: Kysely<any>, _kind: DbKind): Promise<void> {
  await db.schema
    .createTable('work_calendar')
    .ifNotExists()
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('holidays', 'text', (c) => c.notNull())
    .addColumn('workdays', 'text', (c) => c.notNull())
    .addColumn('names', 'text')
    .addColumn('origin', 'text', (c) => c.notNull()) // 'chinese-days' | 'entered'
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}
