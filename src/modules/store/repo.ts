import { sql } from 'kysely';
import type { Executor } from '../../db/kysely.js';
import type { StoreItemsTable, StoreRedemptionsTable, StoreStockMovesTable } from '../../db/schema.js';
import { withinPath } from '../../core/scope.js';

export type ItemRow = StoreItemsTable;
export type RedemptionRow = StoreRedemptionsTable;
export type MoveRow = StoreStockMovesTable;

export const itemById = (db: Executor, id: string) => db.selectFrom('store_items').selectAll().where('id', '=', id).executeTakeFirst();
export const insertItem = (db: Executor, row: ItemRow) => db.insertInto('store_items').values(row).execute();
export const updateItem = (db: Executor, id: string, patch: Partial<ItemRow>) => db.updateTable('store_items').set(patch).where('id', '=', id).execute();

/** Items offered in a region: those of the region and the regions above it, and (for a township or county) of every store below. */
export function itemsFor(db: Executor, ancestorIds: string[], path: string, includeInactive: boolean) {
  let q = db
    .selectFrom('store_items')
    .selectAll()
    .where((eb) => eb.or([eb('region_id', 'in', ancestorIds), withinPath(eb, 'region_path', path)]));
  if (!includeInactive) q = q.where('active', '=', 1);
  return q.orderBy('sort_order').orderBy('cost').orderBy('name').execute();
}

/**
 * Moves stock by `delta` in the caller's transaction and logs the move; a take the
 * stock cannot cover changes nothing and returns false.
 */
export async function moveStock(db: Executor, m: MoveRow): Promise<boolean> {
  const r = await db
    .updateTable('store_items')
    .set({ stock: sql`stock + ${m.delta}`, updated_at: m.at })
    .where('id', '=', m.item_id)
    .$if(m.delta < 0, (q) => q.where('stock', '>=', -m.delta))
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await db.insertInto('store_stock_moves').values(m).execute();
  return true;
}

export const movesOf = (db: Executor, itemId: string, limit = 100) =>
  db.selectFrom('store_stock_moves').selectAll().where('item_id', '=', itemId).orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();

export const insertRedemption = (db: Executor, row: RedemptionRow) => db.insertInto('store_redemptions').values(row).execute();
export const redemptionById = (db: Executor, id: string) => db.selectFrom('store_redemptions').selectAll().where('id', '=', id).executeTakeFirst();
export const redemptionByCode = (db: Executor, code: string) => db.selectFrom('store_redemptions').selectAll().where('code', '=', code).executeTakeFirst();
export const redemptionByKey = (db: Executor, by: string, key: string) =>
  db.selectFrom('store_redemptions').selectAll().where('requested_by', '=', by).where('idempotency_key', '=', key).executeTakeFirst();
export const codeTaken = async (db: Executor, code: string) =>
  !!(await db.selectFrom('store_redemptions').select('id').where('code', '=', code).executeTakeFirst());

/** Version-checked update: false when someone else changed the redemption first. */
export async function updateRedemption(db: Executor, id: string, version: number, patch: Partial<RedemptionRow>) {
  const r = await db
    .updateTable('store_redemptions')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface RedemptionFilter {
  storePath?: string;
  householdIds?: string[];
  householdPath?: string;
  status?: string;
  itemId?: string;
}

export async function listRedemptions(db: Executor, f: RedemptionFilter, page: number, pageSize: number) {
  let q = db.selectFrom('store_redemptions');
  if (f.householdIds) q = q.where('household_id', 'in', f.householdIds.length ? f.householdIds : ['-']);
  if (f.storePath && f.householdPath) {
    const s = f.storePath,
      h = f.householdPath;
    q = q.where((eb) => eb.or([withinPath(eb, 'item_region_path', s), withinPath(eb, 'region_path', h)]));
  } else if (f.storePath) {
    const s = f.storePath;
    q = q.where((eb) => withinPath(eb, 'item_region_path', s));
  }
  if (f.status) q = q.where('status', '=', f.status);
  if (f.itemId) q = q.where('item_id', '=', f.itemId);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await q
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total };
}

/** Items whose stock disagrees with the sum of their moves (should be none). */
export async function stockMismatches(db: Executor, path: string) {
  const rows = await db
    .selectFrom('store_items as i')
    .leftJoin(
      db
        .selectFrom('store_stock_moves')
        .select(['item_id', sql<number>`sum(delta)`.as('total')])
        .groupBy('item_id')
        .as('m'),
      'm.item_id',
      'i.id',
    )
    .select(['i.id', 'i.stock', 'm.total'])
    .where((eb) => withinPath(eb, 'i.region_path', path))
    .execute();
  return rows.filter((r) => Number(r.total ?? 0) !== r.stock).map((r) => ({ itemId: r.id, stock: r.stock, sumOfMoves: Number(r.total ?? 0) }));
}

/** The status of every redemption of a household inside a subtree (the demo's summary). */
export function redemptionStatusesWithin(db: Executor, path: string) {
  return db
    .selectFrom('store_redemptions')
    .select('status')
    .where((eb) => withinPath(eb, 'region_path', path))
    .execute();
}

/** Moves a household's redemptions to its new region path; a new version, so a counter action that read the old row retries. */
export async function rehomeRedemptions(db: Executor, householdId: string, path: string) {
  const r = await db
    .updateTable('store_redemptions')
    .set({ region_path: path, version: sql`version + 1` })
    .where('household_id', '=', householdId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
