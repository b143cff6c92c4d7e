// 年终结算: once a year has ended, a village settles it — its rule says whether
// balances carry over (nothing moves; the totals are recorded) or reset to zero
// (one settlement entry per household with points, all in one transaction).
// Points credited after the year ended (January's base score, new awards) are not
// the settled year's and survive a reset (see settlementEntry in rules.ts).
import type { Actor, Ctx } from '../../core/context.js';
import { AppError, forbidden } from '../../core/errors.js';
import { audit } from '../../core/audit.js';
import { newId } from '../../core/ids.js';
import { shanghaiDate, shanghaiMidnight } from '../../core/clock.js';
import { uniqueViolation } from '../../core/db-errors.js';
import * as regions from '../regions/service.js';
import * as people from '../people/service.js';
import * as repo from './repo.js';
import { lockHousehold, postOnce } from './ledger.js';
import { settingsAt, type SettlementMode } from './settings.js';
import { inLockOrder, settlementEntry } from './rules.js';
import { withRetry } from '../../core/retry.js';
import { pointsRegion } from './policy.js';

const alreadyDone = (name: string, year: number) => new AppError('ALREADY_DONE', `${name}${year}年度已结算`, 'That year is already settled');

export async function settle(ctx: Ctx, actor: Actor, input: { regionId: string; year: number }) {
  const r = await regions.requireBodyRegion(ctx, actor, input.regionId);
  if (r.level !== 'village') throw new AppError('VALIDATION_FAILED', '年终结算按村进行，请选择一个村', 'Settle one village at a time');
  if (!pointsRegion.canIn(actor, 'points.manage', r.path))
    throw forbidden('只有村两委或乡镇可以进行年终结算', 'Only the village committee or the township settles the year');
  const now = ctx.clock.now();
  if (Number(shanghaiDate(now).slice(0, 4)) <= input.year)
    throw new AppError('INVALID_TRANSITION', `${input.year}年尚未结束，不能结算`, 'The year has not ended yet');
  if (await repo.settlementOf(ctx.db, r.id, input.year)) throw alreadyDone(r.name, input.year);
  const later = await repo.laterSettlement(ctx.db, r.id, input.year);
  if (later) throw new AppError('INVALID_TRANSITION', `${r.name}已结算${later.year}年度，不能再结算更早的年度`, 'A later year is already settled');
  const mode = (await settingsAt(ctx.db, r.path)).settlementMode as SettlementMode;
  const yearEnd = shanghaiMidnight(`${input.year + 1}-01-01`);
  const ids = await people.householdIdsWithin(ctx.db, r.path);
  const row: repo.SettlementRow = {
    id: newId(),
    region_id: r.id,
    region_path: r.path,
    year: input.year,
    mode,
    households: 0,
    total: 0,
    done_by: actor.userId,
    done_at: now.toISOString(),
  };
  try {
    await withRetry(ctx, () =>
      ctx.db.transaction().execute(async (tx) => {
        // The settlement row first: a second settlement of the same year stops here (unique per village and year).
        await repo.insertSettlement(tx, row);
        // Only households with a balance row can hold points. Each is locked before it is read, so a
        // redemption or award at the same moment waits for the settlement instead of interleaving.
        const holders = inLockOrder([...(await repo.balanceRows(tx, ids)).keys()]);
        for (const id of holders) await lockHousehold(tx, id, now);
        // Read again under the locks: a household that moved away meanwhile is the other village's to settle.
        const pathOf = await people.householdPathsWithin(tx, r.path);
        const [balances, credited] = await Promise.all([repo.balanceRows(tx, holders), repo.creditsSince(tx, r.path, yearEnd)]);
        let count = 0,
          total = 0;
        for (const id of holders) {
          if (!pathOf.has(id)) continue;
          const e = settlementEntry(mode, balances.get(id) ?? 0, credited.get(id) ?? 0);
          if (e.held <= 0) continue;
          count++;
          total += e.held;
          if (e.delta)
            await postOnce(tx, {
              householdId: id,
              regionPath: pathOf.get(id)!,
              delta: e.delta,
              source: 'settlement',
              sourceId: `${row.id}:${id}`,
              note: `${input.year}年度积分年终清零`,
              by: actor.userId,
              at: now,
            });
        }
        await repo.settlementTotals(tx, row.id, count, total);
        Object.assign(row, { households: count, total });
        await audit(tx, now, actor, {
          action: 'point_settlement.create',
          entity: 'point_settlement',
          entityId: row.id,
          regionPath: r.path,
          detail: { year: input.year, mode, households: count, total },
        });
      }),
    );
  } catch (err) {
    if (uniqueViolation(err)) throw alreadyDone(r.name, input.year);
    throw err;
  }
  return view(row, r.name);
}

const view = (s: repo.SettlementRow, regionName: string) => ({
  id: s.id,
  regionId: s.region_id,
  regionName,
  year: s.year,
  mode: s.mode as SettlementMode,
  households: s.households,
  total: s.total,
  doneAt: s.done_at,
});

/** Settlements of the villages in an area, latest year first. */
export async function list(ctx: Ctx, actor: Actor, regionId: string) {
  const r = await regions.requireVisible(ctx, actor, regionId);
  const rows = await repo.settlementsWithin(ctx.db, r.path);
  const names = new Map(
    (
      await regions.getMany(
        ctx,
        rows.map((s) => s.region_id),
      )
    ).map((x) => [x.id, x.name]),
  );
  return rows.map((s) => view(s, names.get(s.region_id) ?? ''));
}
