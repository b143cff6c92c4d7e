import { sql, type Kysely } from 'kysely';
import type { DbKind } from '../kysely.js';

/** Patrols (巡查): the checklist in use, and patrol records with their item results. */
export async function up(db: Kysely<any>, kind: DbKind): Promise<void> {
  const bytewise = kind === 'postgres' ? sql`text collate "C"` : sql`text`;
  await db.schema
    .createTable('patrol_checklists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull()) // JSON [{code, category, name}]
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('patrols')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('region_path', bytewise, (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('patroller_id', 'text', (c) => c.notNull())
    .addColumn('patrolled_at', 'text', (c) => c.notNull())
    .addColumn('patrol_date', 'text', (c) => c.notNull())
    .addColumn('results', 'text', (c) => c.notNull()) // JSON [{code, category, name, ok, note, caseId}]
    .addColumn('problems', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('latitude', 'real')
    .addColumn('longitude', 'real')
    .addColumn('idempotency_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('patrols_idempotency', ['patroller_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('patrols_region').on('patrols').columns(['region_path', 'patrol_date']).execute();
  await db.schema.createIndex('patrols_period').on('patrols').columns(['kind', 'period_key', 'region_id']).execute();
}
