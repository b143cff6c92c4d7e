import { sql, type Kysely } from 'kysely';
import type { DbKind } from '../kysely.js';

/** Visits (走访): plan rules, the generated plan items per period, and the visit log. */
export async function up(db: Kysely<any>, kind: DbKind): Promise<void> {
  const bytewise = kind === 'postgres' ? sql`text collate "C"` : sql`text`;

  await db.schema
    .createTable('visit_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('tag', 'text') // null: every household
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('visit_plan_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull()) // resident id, or 'household'
    .addColumn('resident_id', 'text')
    .addColumn('region_id', 'text', (c) => c.notNull()) // the household's grid, kept in step while the period is open
    .addColumn('region_path', bytewise, (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull()) // JSON array of rule names
    .addColumn('visit_id', 'text')
    .addColumn('done_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('visit_plan_items_subject', ['household_id', 'subject', 'frequency', 'period_key'])
    .execute();
  await db.schema.createIndex('visit_plan_items_region').on('visit_plan_items').columns(['region_path', 'period_end']).execute();
  await db.schema.createIndex('visit_plan_items_household').on('visit_plan_items').columns(['household_id', 'period_start']).execute();

  await db.schema
    .createTable('visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text')
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('region_path', bytewise, (c) => c.notNull())
    .addColumn('visitor_id', 'text', (c) => c.notNull())
    .addColumn('visited_at', 'text', (c) => c.notNull())
    .addColumn('visit_date', 'text', (c) => c.notNull()) // Shanghai calendar day
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('situation', 'text', (c) => c.notNull())
    .addColumn('needs', 'text')
    .addColumn('follow_up', 'text')
    .addColumn('problem', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('case_id', 'text')
    .addColumn('latitude', 'real')
    .addColumn('longitude', 'real')
    .addColumn('idempotency_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('visits_idempotency', ['visitor_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('visits_region').on('visits').columns(['region_path', 'visit_date']).execute();
  await db.schema.createIndex('visits_household').on('visits').columns(['household_id', 'visit_date']).execute();
}
