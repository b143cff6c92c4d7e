import { sql, type Kysely } from 'kysely';
import type { DbKind } from '../kysely.js';

/**
 * 随手拍 for villagers (issue 12):
 * - case_report_choices: a village's own setting of a plain-word choice (路灯坏了 → 公共设施损坏), replacing the
 *   default mapping, order or on/off for that village; without a row the default applies;
 * - case_followers: people told of every step of a case they did not report (我也遇到, or a reporter of a case merged
 *   into it); one row per person and case, so following twice changes nothing;
 * - cases.followers: how many rows a case has there, so the reads and writes of a case nobody follows (nearly all)
 *   do not look for followers.
 */
export async function up(db: Kysely<any>, kind: DbKind): Promise<void> {
  // Each step may be re-run: SQLite applies DDL outside a transaction, so a half-done run must be able to finish.
  await db.schema
    .createTable('case_report_choices')
    .ifNotExists()
    .addColumn('village_id', 'text', (c) => c.notNull())
    .addColumn('choice_code', 'text', (c) => c.notNull())
    .addColumn('category_code', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_report_choices_pk', ['village_id', 'choice_code'])
    .execute();
  await db.schema
    .createTable('case_followers')
    .ifNotExists()
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_followers_pk', ['case_id', 'user_id'])
    .execute();
  await db.schema.createIndex('case_followers_user').ifNotExists().on('case_followers').columns(['user_id', 'case_id']).execute();
  // Re-runnable: SQLite has no ADD COLUMN IF NOT EXISTS.
  const has =
    kind === 'postgres'
      ? await sql<{
          n: number;
        }>`select count(*)::int as n from information_schema.columns where table_schema = current_schema() and table_name = 'cases' and column_name = 'followers'`.execute(
          db,
        )
      : await sql<{ n: number }>`select count(*) as n from pragma_table_info('cases') where name = 'followers'`.execute(db);
  if (!Number(has.rows[0].n))
    await db.schema
      .alterTable('cases')
      .addColumn('followers', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
}
