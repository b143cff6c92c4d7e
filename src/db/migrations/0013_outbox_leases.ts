import type { Kysely } from 'kysely';
import type { DbKind } from '../kysely.js';

/**
 * The outbox (messages to outside systems, written in the transaction of the
 * write that caused them and delivered after it commits), the background jobs'
 * leases (SQLite's stand-in for PostgreSQL's advisory locks, and the day a daily
 * job last ran) and a log of the jobs' runs.
 */
export async function up(db: Kysely<any>, _kind: DbKind): Promise<void> {
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey()) // the message id the receiver deduplicates on
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull()) // JSON
    .addColumn('status', 'text', (c) => c.notNull()) // pending | sent | failed
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_at', 'text', (c) => c.notNull()) // when it is due (again); while claimed, when the claim lapses
    .addColumn('claimed_by', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_at']).execute();

  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text')
    .addColumn('until', 'text', (c) => c.notNull())
    .addColumn('done_key', 'text') // e.g. the Shanghai day a daily job last completed
    .execute();

  await db.schema
    .createTable('job_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('ok', 'integer')
    .addColumn('detail', 'text') // the job's result, or its error
    .execute();
  await db.schema.createIndex('job_runs_job').on('job_runs').columns(['job', 'started_at']).execute();
  await db.schema.createIndex('job_runs_started').on('job_runs').column('started_at').execute();
}
