import { sql, type Kysely } from 'kysely';
import type { DbKind } from '../kysely.js';

/**
 * Time limits per category, responsible level and priority (按类别、层级设定时限).
 * '*' stands for "any category" / "any level"; the most specific rule wins.
 * The per-category columns of case_categories move here and are dropped.
 */
export async function up(db: Kysely<any>, kind: DbKind): Promise<void> {
  const bytewise = kind === 'postgres' ? sql`text collate "C"` : sql`text`;
  // Each step may be re-run: SQLite applies DDL outside a transaction, so a half-done run must be able to finish.
  await db.schema
    .createTable('case_limits')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('category_code', bytewise, (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('accept_yellow', 'integer', (c) => c.notNull())
    .addColumn('accept_red', 'integer', (c) => c.notNull())
    .addColumn('resolve_yellow', 'integer', (c) => c.notNull())
    .addColumn('resolve_red', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('case_limits_rule', ['category_code', 'level', 'priority'])
    .execute();

  // selectAll: after an interrupted run some of the four columns may already be gone (their rows were copied first).
  const old = await db.selectFrom('case_categories').selectAll().execute();
  const now = new Date().toISOString();
  const rows = old
    .filter((c) => c.accept_yellow != null || c.accept_red != null || c.resolve_yellow != null || c.resolve_red != null)
    .map((c) => ({
      id: `lim_${c.id}`,
      category_code: c.code,
      level: '*',
      priority: 'normal',
      // The defaults these columns fell back to (2/5 to accept, 5/10 to resolve).
      accept_yellow: c.accept_yellow ?? 2,
      accept_red: c.accept_red ?? 5,
      resolve_yellow: c.resolve_yellow ?? 5,
      resolve_red: c.resolve_red ?? 10,
      updated_at: now,
    }));
  if (rows.length)
    await db
      .insertInto('case_limits')
      .values(rows)
      .onConflict((oc) => oc.doNothing())
      .execute();
  for (const col of ['accept_yellow', 'accept_red', 'resolve_yellow', 'resolve_red'])
    await db.schema
      .alterTable('case_categories')
      .dropColumn(col)
      .execute()
      .catch((err: Error) => {
        if (!/no such column/i.test(err.message)) throw err; // dropped by an earlier, interrupted run
      });
}
