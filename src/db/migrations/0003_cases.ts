import { sql, type Kysely } from 'kysely';
import type { DbKind } from '../kysely.js';

/** Cases (事件), their append-only history, category settings and the in-app inbox. */
export async function up(db: Kysely<any>, kind: DbKind): Promise<void> {
  const bytewise = kind === 'postgres' ? sql`text collate "C"` : sql`text`;

  await db.schema
    .createTable('case_categories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addColumn('group_name', 'text')
    .addColumn('accept_yellow', 'integer')
    .addColumn('accept_red', 'integer')
    .addColumn('resolve_yellow', 'integer')
    .addColumn('resolve_red', 'integer')
    .addColumn('skip_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('verify_required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_report_points', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('county_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'text', (c) => c.notNull().unique()) // human case number, e.g. SJ20261127-0001
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('category_code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('region_path', bytewise, (c) => c.notNull())
    .addColumn('household_id', 'text')
    .addColumn('reporter_id', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('card', 'text')
    .addColumn('level_region_id', 'text', (c) => c.notNull())
    .addColumn('level_region_path', bytewise, (c) => c.notNull())
    .addColumn('assignee_id', 'text')
    .addColumn('yellow_at', 'text')
    .addColumn('red_at', 'text')
    .addColumn('red_escalated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extension_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extension_pending', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalations', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reopened', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rating', 'integer')
    .addColumn('rating_comment', 'text')
    .addColumn('resolved_level', 'text')
    .addColumn('details', 'text') // type-specific facts as JSON (dispute parties, service steps)
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('cases_idem').on('cases').columns(['reporter_id', 'idempotency_key']).unique().execute();
  await db.schema.createIndex('cases_region').on('cases').columns(['region_path', 'reported_at']).execute();
  await db.schema.createIndex('cases_level').on('cases').columns(['level_region_path', 'status']).execute();
  await db.schema.createIndex('cases_open_clock').on('cases').columns(['status', 'red_at']).execute();
  await db.schema.createIndex('cases_assignee').on('cases').columns(['assignee_id', 'status']).execute();

  await db.schema
    .createTable('case_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text') // null: the system (sweeper)
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('data', 'text')
    .addColumn('idempotency_key', 'text') // a retried action finds its first result here
    .execute();
  await db.schema.createIndex('case_history_case').on('case_history').columns(['case_id', 'at']).execute();
  await db.schema.createIndex('case_history_idem').on('case_history').columns(['case_id', 'by_user_id', 'idempotency_key']).unique().execute();

  await db.schema
    .createTable('case_copies') // 抄告: units or people kept informed
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_copies_pk', ['case_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('entity', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'created_at']).execute();
}
