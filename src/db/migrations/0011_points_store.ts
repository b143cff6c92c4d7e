import { sql, type Kysely } from 'kysely';
import type { DbKind } from '../kysely.js';

/**
 * Points, the rest of it: who may propose a rule and whether it needs approval,
 * each award's timeline, a village's points settings (公示 days, monthly base
 * score, year-end carry-over or reset, mediator and volunteer rates),
 * designations (评选), year-end settlements, volunteer activities (道德银行),
 * and the 追梦超市 store: items with stock and its append-only moves,
 * redemptions with their pick-up codes.
 */
export async function up(db: Kysely<any>, kind: DbKind): Promise<void> {
  const bytewise = kind === 'postgres' ? sql`text collate "C"` : sql`text`;
  // Older rows keep the defaults: cadres and grid workers propose, the village approves.
  await db.schema
    .alterTable('point_rules')
    .addColumn('proposers', 'text', (c) => c.notNull().defaultTo('cadre,grid'))
    .execute();
  await db.schema
    .alterTable('point_rules')
    .addColumn('needs_approval', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('point_rules').addColumn('description', 'text').execute();
  await db.schema
    .alterTable('point_awards')
    .addColumn('proposer_role', 'text', (c) => c.notNull().defaultTo('cadre'))
    .execute();

  await db.schema
    .createTable('point_award_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('award_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull()) // propose, approve, reject, object, take_effect
    .addColumn('by_user_id', 'text')
    .addColumn('by_name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('point_award_events_award').on('point_award_events').columns(['award_id', 'at']).execute();

  await db.schema.createIndex('point_entries_path_at').on('point_entries').columns(['region_path', 'at']).execute();

  await db.schema
    .createTable('point_settings')
    .addColumn('region_id', 'text', (c) => c.primaryKey()) // a village, or a township whose villages inherit it
    .addColumn('region_path', bytewise, (c) => c.notNull())
    .addColumn('public_days', 'integer', (c) => c.notNull())
    .addColumn('monthly_base', 'integer', (c) => c.notNull())
    .addColumn('settlement_mode', 'text', (c) => c.notNull()) // carry | reset
    .addColumn('mediator_points', 'integer', (c) => c.notNull())
    .addColumn('volunteer_rate', 'integer', (c) => c.notNull()) // points per hour of volunteer service
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('point_designations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull())
    .addColumn('region_path', bytewise, (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('entry_id', 'text')
    .addColumn('awarded_by', 'text', (c) => c.notNull())
    .addColumn('awarded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('point_designations_once', ['household_id', 'title', 'year'])
    .execute();
  await db.schema.createIndex('point_designations_path').on('point_designations').columns(['region_path', 'year']).execute();

  await db.schema
    .createTable('point_settlements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull()) // the village settled
    .addColumn('region_path', bytewise, (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('households', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull()) // points carried over, or cleared
    .addColumn('done_by', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('point_settlements_once', ['region_id', 'year'])
    .execute();

  await db.schema
    .createTable('volunteer_activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('region_path', bytewise, (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('place', 'text')
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('hours', 'real', (c) => c.notNull()) // planned hours per person
    .addColumn('rate', 'integer', (c) => c.notNull()) // points per hour, fixed when the activity is posted
    .addColumn('capacity', 'integer')
    .addColumn('status', 'text', (c) => c.notNull()) // open | closed
    .addColumn('organizer_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('volunteer_activities_path').on('volunteer_activities').columns(['region_path', 'starts_at']).execute();

  await db.schema
    .createTable('volunteer_signups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activity_id', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addColumn('region_path', bytewise, (c) => c.notNull())
    .addColumn('signed_by', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // signed | attended | absent
    .addColumn('hours', 'real')
    .addColumn('points', 'integer')
    .addColumn('entry_id', 'text')
    .addColumn('confirmed_by', 'text')
    .addColumn('confirmed_at', 'text')
    .addUniqueConstraint('volunteer_signups_once', ['activity_id', 'resident_id'])
    .execute();
  await db.schema.createIndex('volunteer_signups_household').on('volunteer_signups').columns(['household_id']).execute();

  await db.schema
    .createTable('store_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull()) // the village (or township) whose store offers it
    .addColumn('region_path', bytewise, (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('merchant', 'text') // a partner merchant; null = run by the village
    .addColumn('cost', 'integer', (c) => c.notNull())
    .addColumn('stock', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('store_items_stock_not_negative', sql`stock >= 0`)
    .addCheckConstraint('store_items_cost_positive', sql`cost > 0`)
    .execute();
  await db.schema.createIndex('store_items_path').on('store_items').columns(['region_path']).execute();

  // Every change of stock, append-only: stock = sum of moves (checked by the consistency command).
  await db.schema
    .createTable('store_stock_moves')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('delta', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull()) // initial, restock, adjust, redemption, cancel
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('by_user_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('store_stock_moves_once', ['reason', 'source_id'])
    .execute();
  await db.schema.createIndex('store_stock_moves_item').on('store_stock_moves').columns(['item_id', 'at']).execute();

  await db.schema
    .createTable('store_redemptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull())
    .addColumn('region_path', bytewise, (c) => c.notNull()) // the household's
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('item_name', 'text', (c) => c.notNull())
    .addColumn('item_region_path', bytewise, (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_cost', 'integer', (c) => c.notNull())
    .addColumn('total_cost', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // reserved | fulfilled | cancelled
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('fulfilled_by', 'text')
    .addColumn('fulfilled_at', 'text')
    .addColumn('cancelled_by', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('store_redemptions_idempotency', ['requested_by', 'idempotency_key'])
    .addUniqueConstraint('store_redemptions_code', ['code'])
    .execute();
  await db.schema.createIndex('store_redemptions_household').on('store_redemptions').columns(['household_id', 'created_at']).execute();
  await db.schema.createIndex('store_redemptions_item_path').on('store_redemptions').columns(['item_region_path', 'status', 'created_at']).execute();
}
