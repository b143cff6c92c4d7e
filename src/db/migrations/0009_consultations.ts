import { sql, type Kysely } from 'kysely';
import type { DbKind } from '../kysely.js';

/** The township's weekly 会商: meetings with the agenda generated for them, and a decision per case. */
export async function up(db: Kysely<any>, kind: DbKind): Promise<void> {
  const bytewise = kind === 'postgres' ? sql`text collate "C"` : sql`text`;
  await db.schema
    .createTable('consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('region_path', bytewise, (c) => c.notNull())
    .addColumn('week_key', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('attendees', 'text')
    .addColumn('agenda', 'text', (c) => c.notNull()) // JSON array of case ids, fixed when the meeting is opened
    .addColumn('status', 'text', (c) => c.notNull()) // open | closed
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addUniqueConstraint('consultations_week', ['region_id', 'week_key'])
    .execute();
  await db.schema
    .createTable('consultation_decisions')
    .addColumn('consultation_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultation_decisions_pk', ['consultation_id', 'case_id'])
    .execute();
}
