// 年终结算: once a year has ended, a village settles it — its rule says whether
// balances carry over (nothing moves; the totals are recorded) or reset to zero
// (one settlement entry per household with points, all in one transaction).
import type { Actor, Ctx } from '../../core/context.js';
import { AppError, forbidden } from '../../core/errors.js';
import { audit } from '../../core/audit.js';
import { newId } from '../../core/ids.js';
import { shanghaiDate } from '../../core/clock.js';
import { uniqueViolation } from '../../core/db-errors.js';
import * as regions from '../regions/service.js';
import * as people from '../people/service.js';
import * as repo from './repo.js';
import { postOnce } from './ledger.js';
import { settingsAt, type SettlementMode } from './settings.js';
import { settlementDelta } from './rules.js';

export async function settle(ctx: Ctx, actor: Actor, input: { regionId: string; year: number }) {
  const r = await regions.requireBodyRegion(ctx, actor, input.regionId);
  if (r.level !== 'village') throw new AppError('VALIDATION_FAILED', '年终结算按村进行，请选择一个村', 'Settle one village at a time');
  if (!actor.scope.can('points.manage', r.path)) throw forbidden('只有村两委或乡镇可以进行年终结算', 'Only the village committee or the township settles the year');
  const now = ctx.clock.now();
  if (Number(shanghaiDate(now).slice(0, 4)) <= input.year) throw new AppError('INVALID_TRANSITION', `${input.year}年尚未结束，不能结算`, 'The year has not ended yet');
  if (await repo.settlementOf(ctx.db, r.id, input.year)) throw new AppError('ALREADY_DONE', `${r.name}${input.year}年度已结算`, 'That year is already settled');
  const mode = (await settingsAt(ctx.db, r.path)).settlementMode as SettlementMode;
  const households = await people.householdsWithin(ctx, r.path);
  const row: repo.SettlementRow = { id: newId(), region_id: r.id, region_path: r.path, year: input.year, mode, households: 0, total: 0, done_by: actor.userId, done_at: now.toISOString() };
  try {
    await ctx.db.transaction().execute(async (tx) => {
      // The settlement row first: a second settlement of the same year stops here.
      await repo.insertSettlement(tx, row);
      let count = 0, total = 0;
      for (const h of households) {
        await repo.lockHousehold(tx, h.id, now.toISOString());
        const balance = await repo.balanceOf(tx, h.id);
        if (balance <= 0) continue;
        count++;
        total += balance;
        const delta = settlementDelta(mode, balance);
        if (delta) await postOnce(tx, { householdId: h.id, regionPath: h.regionPath, delta, source: 'settlement', sourceId: `${row.id}:${h.id}`, note: `${input.year}年度积分年终清零`, by: actor.userId, at: now });
      }
      await tx.updateTable('point_settlements').set({ households: count, total }).where('id', '=', row.id).execute();
      Object.assign(row, { households: count, total });
      await audit(tx, now, actor, { action: 'point_settlement.create', entity: 'point_settlement', entityId: row.id, regionPath: r.path, detail: { year: input.year, mode, households: count, total } });
    });
  } catch (err) {
    if (uniqueViolation(err)) throw new AppError('ALREADY_DONE', `${r.name}${input.year}年度已结算`, 'That year is already settled');
    throw err;
  }
  return view(row, r.name);
}

const view = (s: repo.SettlementRow, regionName: string) => ({ id: s.id, regionId: s.region_id, regionName, year: s.year, mode: s.mode as SettlementMode, households: s.households, total: s.total, doneAt: s.done_at });

export async function list(ctx: Ctx, actor: Actor, regionId: string) {
  const r = await regions.requireVisible(ctx, actor, regionId);
  const rows = await repo.settlementsWithin(ctx.db, r.path);
  const names = new Map((await regions.getMany(ctx, rows.map((s) => s.region_id))).map((x) => [x.id, x.name]));
  return rows.map((s) => view(s, names.get(s.region_id) ?? ''));
}
