import { sql, type Kysely } from 'kysely';
import type { DbKind } from '../kysely.js';

/** Points (积分制): the rule catalog, awards with their 公示, the household ledger and its balance row. */
export async function up(db: Kysely<any>, kind: DbKind): Promise<void> {
  const bytewise = kind === 'postgres' ? sql`text collate "C"` : sql`text`;
  await db.schema
    .createTable('point_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull()) // the village, or the township whose villages inherit it
    .addColumn('region_path', bytewise, (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('cap', 'integer')
    .addColumn('cap_period', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('point_rules_code', ['region_id', 'code'])
    .execute();

  await db.schema
    .createTable('point_awards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull())
    .addColumn('region_path', bytewise, (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text')
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cap_key', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.notNull())
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('reason', 'text')
    .addColumn('public_until', 'text')
    .addColumn('objection', 'text')
    .addColumn('entry_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('point_awards_idempotency', ['proposed_by', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('point_awards_household').on('point_awards').columns(['household_id', 'rule_id', 'cap_key']).execute();
  await db.schema.createIndex('point_awards_status').on('point_awards').columns(['status', 'public_until']).execute();

  await db.schema
    .createTable('point_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull())
    .addColumn('region_path', bytewise, (c) => c.notNull())
    .addColumn('delta', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull()) // rule_award, first_report, mediator, volunteer, evaluation, redemption, refund, correction, settlement
    .addColumn('source_id', 'text')
    .addColumn('rule_id', 'text')
    .addColumn('resident_id', 'text')
    .addColumn('note', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('point_entries_household').on('point_entries').columns(['household_id', 'at']).execute();
  // One entry per source record (an award takes effect once, a redemption debits once).
  await db.schema.createIndex('point_entries_source').on('point_entries').columns(['source', 'source_id']).unique().execute();

  await db.schema
    .createTable('point_balances')
    .addColumn('household_id', 'text', (c) => c.primaryKey())
    .addColumn('balance', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('point_balances_not_negative', sql`balance >= 0`)
    .execute();
}
