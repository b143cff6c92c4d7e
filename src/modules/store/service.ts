// 追梦超市: items per village (or township, or a partner merchant) with cost and
// stock; a redemption reserves stock and debits the household's points in one
// transaction and yields a pick-up code; the counter checks the code (核销) or
// the redemption is cancelled (a refund entry, the stock returned).
import { randomInt } from 'node:crypto';
import type { Actor, Ctx } from '../../core/context.js';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import { audit } from '../../core/audit.js';
import { newId } from '../../core/ids.js';
import { uniqueViolation } from '../../core/db-errors.js';
import { withRetry } from '../../core/retry.js';
import { pathIds } from '../../core/scope.js';
import * as regions from '../regions/service.js';
import * as people from '../people/service.js';
import * as attachments from '../attachments/service.js';
import { userNames } from '../accounts/index.js';
import * as ledger from '../points/index.js';
import * as repo from './repo.js';
import { itemPolicy, mayRedeemFor, redemptionPolicy, storeRegion } from './policy.js';
import {
  MAX_QUANTITY,
  nextRedemptionStatus,
  normalizeCode,
  pickupCode,
  redemptionBlock,
  totalCost,
  type RedemptionAction,
  type RedemptionStatus,
} from './rules.js';

const outOfStock = () => new AppError('OUT_OF_STOCK', '该商品库存不足', 'Not enough of this item in stock');

async function itemViews(ctx: Ctx, actor: Actor, rows: repo.ItemRow[]) {
  const [places, photos] = await Promise.all([
    regions.getMany(
      ctx,
      rows.map((r) => r.region_id),
    ),
    attachments.latestFor(
      ctx,
      'store_item',
      rows.map((r) => r.id),
    ),
  ]);
  const names = new Map(places.map((p) => [p.id, p.name]));
  return rows.map((r) => ({
    id: r.id,
    regionId: r.region_id,
    regionName: names.get(r.region_id) ?? '',
    name: r.name,
    description: r.description,
    merchant: r.merchant,
    cost: r.cost,
    stock: r.stock,
    active: !!r.active,
    sortOrder: r.sort_order,
    photoId: photos.get(r.id) ?? null,
    updatedAt: r.updated_at,
    abilities: itemPolicy.abilities(actor, r),
  }));
}
export type ItemView = Awaited<ReturnType<typeof itemViews>>[number];

/** Items a region's people can redeem (the village's and those above it); managers see the stores below too. */
export async function listItems(ctx: Ctx, actor: Actor, regionId: string, includeInactive = false) {
  const r = await regions.requirePublicRegion(ctx, actor, regionId);
  const manager = storeRegion.canIn(actor, 'store.manage', r.path);
  const rows = await repo.itemsFor(ctx.db, pathIds(r.path), r.path, includeInactive && manager);
  return itemViews(ctx, actor, rows);
}

async function requireItem(ctx: Ctx, actor: Actor, id: string) {
  return itemPolicy.assert(actor, 'item.read', await repo.itemById(ctx.db, id));
}

async function requireKeeper(actor: Actor, item: { region_path: string }) {
  storeRegion.assertIn(actor, 'store.manage', item.region_path);
}

export async function createItem(
  ctx: Ctx,
  actor: Actor,
  input: { regionId: string; name: string; cost: number; stock: number; merchant?: string | null; description?: string | null; sortOrder?: number },
) {
  const r = await regions.requireBodyRegion(ctx, actor, input.regionId);
  if (r.level === 'grid') throw new AppError('VALIDATION_FAILED', '超市商品按村或乡镇设置', 'Stores are kept per village or township');
  await requireKeeper(actor, { region_path: r.path });
  const now = ctx.clock.now().toISOString();
  const row: repo.ItemRow = {
    id: newId(),
    region_id: r.id,
    region_path: r.path,
    name: input.name.trim(),
    description: input.description?.trim() || null,
    merchant: input.merchant?.trim() || null,
    cost: input.cost,
    stock: 0,
    active: 1,
    sort_order: input.sortOrder ?? 0,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (tx) => {
    await repo.insertItem(tx, row);
    if (input.stock > 0)
      await repo.moveStock(tx, {
        id: newId(),
        item_id: row.id,
        delta: input.stock,
        reason: 'initial',
        source_id: row.id,
        note: '上架',
        by_user_id: actor.userId,
        at: now,
      });
    await audit(tx, ctx.clock.now(), actor, { action: 'store_item.create', entity: 'store_item', entityId: row.id, regionPath: r.path, detail: input });
  });
  return (await itemViews(ctx, actor, [(await repo.itemById(ctx.db, row.id))!]))[0];
}

export async function updateItem(
  ctx: Ctx,
  actor: Actor,
  id: string,
  patch: { name?: string; cost?: number; merchant?: string | null; description?: string | null; active?: boolean; sortOrder?: number },
) {
  const item = await requireItem(ctx, actor, id);
  await requireKeeper(actor, item);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    await repo.updateItem(tx, id, {
      ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
      ...(patch.cost !== undefined ? { cost: patch.cost } : {}),
      ...(patch.merchant !== undefined ? { merchant: patch.merchant?.trim() || null } : {}),
      ...(patch.description !== undefined ? { description: patch.description?.trim() || null } : {}),
      ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
      ...(patch.sortOrder !== undefined ? { sort_order: patch.sortOrder } : {}),
      updated_at: now.toISOString(),
    });
    await audit(tx, now, actor, { action: 'store_item.update', entity: 'store_item', entityId: id, regionPath: item.region_path, detail: patch });
  });
  return (await itemViews(ctx, actor, [(await repo.itemById(ctx.db, id))!]))[0];
}

/** 入库 / 盘点: stock moves by `delta` (a take never below zero), logged; idempotent on the caller's key. */
export async function adjustStock(ctx: Ctx, actor: Actor, id: string, input: { delta: number; note?: string; idempotencyKey?: string }) {
  const item = await requireItem(ctx, actor, id);
  await requireKeeper(actor, item);
  if (!Number.isInteger(input.delta) || input.delta === 0)
    throw new AppError('VALIDATION_FAILED', '调整数量须为非零整数', 'The change must be a non-zero integer');
  const now = ctx.clock.now();
  const sourceId = input.idempotencyKey ? `${actor.userId}:${input.idempotencyKey}` : newId();
  try {
    await withRetry(ctx, () =>
      ctx.db.transaction().execute(async (tx) => {
        const ok = await repo.moveStock(tx, {
          id: newId(),
          item_id: id,
          delta: input.delta,
          reason: input.delta > 0 ? 'restock' : 'adjust',
          source_id: sourceId,
          note: input.note?.trim() || null,
          by_user_id: actor.userId,
          at: now.toISOString(),
        });
        if (!ok) throw new AppError('OUT_OF_STOCK', '减少的数量超过现有库存', 'The stock cannot go below zero');
        await audit(tx, now, actor, {
          action: 'store_item.stock',
          entity: 'store_item',
          entityId: id,
          regionPath: item.region_path,
          detail: { delta: input.delta, note: input.note ?? null },
        });
      }),
    );
  } catch (err) {
    if (!uniqueViolation(err)) throw err; // a retried key: the first move stands
  }
  return (await itemViews(ctx, actor, [(await repo.itemById(ctx.db, id))!]))[0];
}

export async function stockMoves(ctx: Ctx, actor: Actor, id: string) {
  const item = await requireItem(ctx, actor, id);
  await requireKeeper(actor, item);
  const rows = await repo.movesOf(ctx.db, id);
  const names = await userNames(
    ctx,
    rows.map((m) => m.by_user_id).filter((x): x is string => !!x),
  );
  return rows.map((m) => ({
    id: m.id,
    delta: m.delta,
    reason: m.reason,
    note: m.note,
    byName: m.by_user_id ? (names.get(m.by_user_id)?.name ?? null) : null,
    at: m.at,
  }));
}

export async function attachPhoto(ctx: Ctx, actor: Actor, id: string, files: attachments.Upload[]) {
  const item = await requireItem(ctx, actor, id);
  await requireKeeper(actor, item);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    const out = await attachments.attachAll(ctx, tx, 'store_item', id, actor.userId, files);
    await audit(tx, now, actor, {
      action: 'store_item.photo',
      entity: 'store_item',
      entityId: id,
      regionPath: item.region_path,
      detail: { files: out.map((f) => f.id) },
    });
    return out;
  });
}

export async function openPhoto(ctx: Ctx, actor: Actor, id: string, attachmentId: string) {
  await requireItem(ctx, actor, id);
  const file = await attachments.open(ctx, 'store_item', id, attachmentId);
  if (!file) throw notFound('图片', 'Photo');
  return file;
}

async function redemptionViews(ctx: Ctx, actor: Actor, rows: repo.RedemptionRow[]) {
  const households = await people.householdBriefs(
    ctx,
    rows.map((r) => r.household_id),
  );
  const [users, placeOf] = await Promise.all([
    userNames(
      ctx,
      rows.flatMap((r) => [r.requested_by, r.fulfilled_by, r.cancelled_by]).filter((x): x is string => !!x),
    ),
    regions.placeNames(
      ctx,
      [...households.values()].map((h) => h.regionPath),
    ),
  ]);
  const name = (id: string | null) => (id ? (users.get(id)?.name ?? null) : null);
  return rows.map((r) => ({
    id: r.id,
    householdId: r.household_id,
    householdName: households.get(r.household_id)?.headName ?? '',
    placeName: households.has(r.household_id) ? placeOf(households.get(r.household_id)!.regionPath) : '',
    itemId: r.item_id,
    itemName: r.item_name,
    quantity: r.quantity,
    unitCost: r.unit_cost,
    totalCost: r.total_cost,
    code: r.code,
    status: r.status as RedemptionStatus,
    requestedBy: r.requested_by,
    requestedByName: name(r.requested_by),
    createdAt: r.created_at,
    fulfilledAt: r.fulfilled_at,
    fulfilledByName: name(r.fulfilled_by),
    cancelledAt: r.cancelled_at,
    cancelledByName: name(r.cancelled_by),
    cancelReason: r.cancel_reason,
    abilities: redemptionPolicy.abilities(actor, r),
  }));
}
export type RedemptionView = Awaited<ReturnType<typeof redemptionViews>>[number];
const redemptionView = async (ctx: Ctx, actor: Actor, r: repo.RedemptionRow) => (await redemptionViews(ctx, actor, [r]))[0];

async function freshCode(ctx: Ctx) {
  for (;;) {
    const c = pickupCode(randomInt);
    if (!(await repo.codeTaken(ctx.db, c))) return c;
  }
}

/**
 * 兑换: reserves the stock and debits the points in one transaction, or changes
 * nothing (409 INSUFFICIENT_POINTS / OUT_OF_STOCK). The same idempotencyKey from
 * the same caller returns the first redemption and moves nothing more.
 */
export async function redeem(ctx: Ctx, actor: Actor, input: { householdId: string; itemId: string; quantity: number; idempotencyKey: string }) {
  const prior = await repo.redemptionByKey(ctx.db, actor.userId, input.idempotencyKey);
  if (prior) return redemptionView(ctx, actor, prior);
  const h = (await people.householdBriefs(ctx, [input.householdId])).get(input.householdId);
  if (!h || !actor.scope.canSeeRow(h.regionPath, h.id)) throw new AppError('UNKNOWN_HOUSEHOLD', '所选户不存在或不在您的辖区内', 'Unknown household');
  if (!mayRedeemFor(actor, h)) throw forbidden('只有本户村民或村干部（柜台）可以兑换', 'Only the household or a village cadre at the counter redeems');
  if (!Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > MAX_QUANTITY)
    throw new AppError('VALIDATION_FAILED', `兑换数量须为1至${MAX_QUANTITY}件`, `Quantity must be 1-${MAX_QUANTITY}`);
  const item = await repo.itemById(ctx.db, input.itemId);
  if (!item?.active || !pathIds(h.regionPath).includes(item.region_id))
    throw new AppError('VALIDATION_FAILED', '该商品不在本村超市', 'The item is not offered to this household');
  const now = ctx.clock.now();
  const row: repo.RedemptionRow = {
    id: newId(),
    household_id: h.id,
    region_path: h.regionPath,
    item_id: item.id,
    item_name: item.name,
    item_region_path: item.region_path,
    quantity: input.quantity,
    unit_cost: item.cost,
    total_cost: totalCost(item.cost, input.quantity),
    code: await freshCode(ctx),
    status: 'reserved',
    requested_by: actor.userId,
    idempotency_key: input.idempotencyKey,
    created_at: now.toISOString(),
    fulfilled_by: null,
    fulfilled_at: null,
    cancelled_by: null,
    cancelled_at: null,
    cancel_reason: null,
    version: 0,
  };
  try {
    await withRetry(ctx, () =>
      ctx.db.transaction().execute(async (tx) => {
        // A clear answer first (points before stock); the conditional writes below are what actually guard.
        const block = redemptionBlock(await ledger.balanceOf(tx, h.id), (await repo.itemById(tx, item.id))!.stock, item.cost, input.quantity);
        if (block === 'INSUFFICIENT_POINTS') throw ledger.insufficient();
        if (block === 'OUT_OF_STOCK') throw outOfStock();
        // Stock first, then points: every writer takes the item row before the balance row, so none wait on each other in a circle.
        if (
          !(await repo.moveStock(tx, {
            id: newId(),
            item_id: item.id,
            delta: -input.quantity,
            reason: 'redemption',
            source_id: row.id,
            note: null,
            by_user_id: actor.userId,
            at: row.created_at,
          }))
        )
          throw outOfStock();
        await repo.insertRedemption(tx, row);
        await ledger.postOnce(tx, {
          householdId: h.id,
          regionPath: h.regionPath,
          delta: -row.total_cost,
          source: 'redemption',
          sourceId: row.id,
          note: `兑换${item.name}×${input.quantity}`,
          by: actor.userId,
          at: now,
        });
        await audit(tx, now, actor, {
          action: 'store.redeem',
          entity: 'store_redemption',
          entityId: row.id,
          regionPath: h.regionPath,
          detail: { itemId: item.id, quantity: input.quantity, cost: row.total_cost },
        });
      }),
    );
  } catch (err) {
    if (uniqueViolation(err)) {
      const again = await repo.redemptionByKey(ctx.db, actor.userId, input.idempotencyKey);
      if (again) return redemptionView(ctx, actor, again);
      return redeem(ctx, actor, input); // a pick-up code taken at the same instant: draw another
    }
    throw err;
  }
  return redemptionView(ctx, actor, row);
}

export async function redemptionDetail(ctx: Ctx, actor: Actor, id: string) {
  const r = redemptionPolicy.assert(actor, 'redemption.read', await repo.redemptionById(ctx.db, id));
  return redemptionView(ctx, actor, r);
}

/** The counter looks a code up before handing the goods over. */
export async function byCode(ctx: Ctx, actor: Actor, code: string) {
  const c = normalizeCode(code);
  const r = c ? await repo.redemptionByCode(ctx.db, c) : undefined;
  if (!r || !redemptionPolicy.can(actor, 'redemption.fulfil', r))
    throw new AppError('NOT_FOUND', '兑换码不存在，请核对后重新输入', 'No redemption has this code');
  return redemptionView(ctx, actor, r);
}

async function act(ctx: Ctx, actor: Actor, r: repo.RedemptionRow, action: RedemptionAction, reason?: string) {
  const to = nextRedemptionStatus(r.status as RedemptionStatus, action);
  if (!to)
    throw new AppError(
      'INVALID_TRANSITION',
      r.status === 'fulfilled' ? '该兑换码已核销，不能重复使用' : '该兑换已取消',
      r.status === 'fulfilled' ? 'This code was already used' : 'This redemption was cancelled',
    );
  const now = ctx.clock.now();
  const ok = await withRetry(ctx, () =>
    ctx.db.transaction().execute(async (tx) => {
      if (action === 'fulfil') {
        if (!(await repo.updateRedemption(tx, r.id, r.version, { status: to, fulfilled_by: actor.userId, fulfilled_at: now.toISOString() }))) return false;
      } else {
        if (
          !(await repo.updateRedemption(tx, r.id, r.version, {
            status: to,
            cancelled_by: actor.userId,
            cancelled_at: now.toISOString(),
            cancel_reason: reason?.trim() || null,
          }))
        )
          return false;
        // Item row before balance row, as in redeem.
        await repo.moveStock(tx, {
          id: newId(),
          item_id: r.item_id,
          delta: r.quantity,
          reason: 'cancel',
          source_id: r.id,
          note: reason?.trim() || null,
          by_user_id: actor.userId,
          at: now.toISOString(),
        });
        await ledger.postOnce(tx, {
          householdId: r.household_id,
          regionPath: r.region_path,
          delta: r.total_cost,
          source: 'refund',
          sourceId: r.id,
          note: `取消兑换${r.item_name}×${r.quantity}，积分退回`,
          by: actor.userId,
          at: now,
        });
      }
      await audit(tx, now, actor, {
        action: `store.${action}`,
        entity: 'store_redemption',
        entityId: r.id,
        regionPath: r.region_path,
        detail: { code: r.code, reason: reason ?? null },
      });
      return true;
    }),
  );
  if (!ok) throw new AppError('CONFLICT', '该兑换正被他人处理，请刷新后重试', 'The redemption changed meanwhile; retry');
  return redemptionView(ctx, actor, (await repo.redemptionById(ctx.db, r.id))!);
}

/** 核销: the counter hands the goods over against the code. */
export async function fulfil(ctx: Ctx, actor: Actor, code: string) {
  const c = normalizeCode(code);
  const r = c ? await repo.redemptionByCode(ctx.db, c) : undefined;
  if (!r || !redemptionPolicy.can(actor, 'redemption.fulfil', r))
    throw new AppError('NOT_FOUND', '兑换码不存在，请核对后重新输入', 'No redemption has this code');
  return act(ctx, actor, r, 'fulfil');
}

/** 取消: by the household (while not yet picked up) or the store's keepers; points and stock go back. */
export async function cancel(ctx: Ctx, actor: Actor, id: string, reason?: string) {
  const r = redemptionPolicy.assert(actor, 'redemption.cancel', await repo.redemptionById(ctx.db, id));
  return act(ctx, actor, r, 'cancel', reason);
}

/** Redemptions: a store keeper sees the store's (and its households'); a villager their own household's. */
export async function listRedemptions(
  ctx: Ctx,
  actor: Actor,
  f: { regionId?: string; householdId?: string; status?: RedemptionStatus; itemId?: string; page: number; pageSize: number },
) {
  let filter: repo.RedemptionFilter;
  if (f.householdId) {
    const h = (await people.householdBriefs(ctx, [f.householdId])).get(f.householdId);
    if (!h || !actor.scope.canSeeRow(h.regionPath, h.id)) throw notFound('户', 'Household');
    filter = { householdIds: [h.id] };
  } else if (f.regionId) {
    const r = await regions.requireVisible(ctx, actor, f.regionId);
    if (!storeRegion.canIn(actor, 'store.manage', r.path)) throw forbidden('只有超市管理人员可以查看兑换记录', 'Only store keepers list redemptions');
    filter = { storePath: r.path, householdPath: r.path };
  } else {
    filter = { householdIds: actor.scope.householdIds };
  }
  const { rows, total } = await repo.listRedemptions(ctx.db, { ...filter, status: f.status, itemId: f.itemId }, f.page, f.pageSize);
  return { items: await redemptionViews(ctx, actor, rows), total };
}

/** Items whose stock differs from the sum of their moves, inside a subtree (the consistency check). */
export const stockMismatches = (ctx: Ctx, path: string) => repo.stockMismatches(ctx.db, path);
