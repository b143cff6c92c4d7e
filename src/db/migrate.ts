import { sql, type Kysely } from 'kysely';
import type { Database, DbKind } from './kysely.js';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_grant_paths.js';
import * as m0003 from './migrations/0003_cases.js';
import * as m0004 from './migrations/0004_attachments.js';
import * as m0005 from './migrations/0005_units.js';
import * as m0006 from './migrations/0006_case_limits.js';
import * as m0007 from './migrations/0007_visits.js';
import * as m0008 from './migrations/0008_patrols.js';
import * as m0009 from './migrations/0009_consultations.js';
import * as m0010 from './migrations/0010_points.js';
import * as m0011 from './migrations/0011_points_store.js';
import * as m0012 from './migrations/0012_work_calendar.js';
import * as m0013 from './migrations/0013_outbox_leases.js';
import * as m0014 from './migrations/0014_indexes.js';
import * as m0015 from './migrations/0015_list_indexes.js';
import * as m0016 from './migrations/0016_result_photo.js';
import * as m0017 from './migrations/0017_report_form.js';

export type Step = { up(db: Kysely<any>, kind: DbKind): Promise<void> };
// Ordered by name; add new files here (kept explicit so bundling and tsx agree).
export const STEPS: Record<string, Step> = {
  '0001_foundation': m0001,
  '0002_grant_paths': m0002,
  '0003_cases': m0003,
  '0004_attachments': m0004,
  '0005_units': m0005,
  '0006_case_limits': m0006,
  '0007_visits': m0007,
  '0008_patrols': m0008,
  '0009_consultations': m0009,
  '0010_points': m0010,
  '0011_points_store': m0011,
  '0012_work_calendar': m0012,
  '0013_outbox_leases': m0013,
  '0014_indexes': m0014,
  '0015_list_indexes': m0015,
  '0016_result_photo': m0016,
  '0017_report_form': m0017,
};

/** The bookkeeping table Kysely's Migrator made, kept so existing stores carry on where they are. */
const TABLE = 'kysely_migration';
/** PostgreSQL advisory lock (transaction-scoped) that lets one server process migrate at a time. */
const LOCK_KEY = 7_281_309_513;

/**
 * Runs each pending step in its own transaction, with its bookkeeping row, on both
 * stores: a step that fails half-way leaves neither its tables nor its row, so the
 * next start finds the store as the previous step left it. (Kysely's Migrator runs
 * SQLite steps outside any transaction, and all PostgreSQL steps in one.)
 */
export async function migrateToLatest(database: Database, steps: Record<string, Step> = STEPS): Promise<void> {
  const db = database.db as unknown as Kysely<any>;
  const lock = async (tx: Kysely<any>) => {
    if (database.kind === 'postgres') await sql`select pg_advisory_xact_lock(${sql.lit(LOCK_KEY)})`.execute(tx);
  };
  const done = await db.transaction().execute(async (tx) => {
    await lock(tx);
    await tx.schema
      .createTable(TABLE)
      .ifNotExists()
      .addColumn('name', 'varchar(255)', (c) => c.primaryKey())
      .addColumn('timestamp', 'varchar(255)', (c) => c.notNull())
      .execute();
    return new Set((await tx.selectFrom(TABLE).select('name').execute()).map((r) => r.name as string));
  });
  for (const name of Object.keys(steps).sort()) {
    if (done.has(name)) continue;
    try {
      await db.transaction().execute(async (tx) => {
        await lock(tx);
        // Another process may have run it while this one waited for the lock.
        if (await tx.selectFrom(TABLE).select('name').where('name', '=', name).executeTakeFirst()) return;
        await steps[name].up(tx, database.kind);
        await tx.insertInto(TABLE).values({ name, timestamp: new Date().toISOString() }).execute();
      });
    } catch (err) {
      throw new Error(`migration ${name} failed: ${(err as Error).message}`, { cause: err });
    }
  }
}
