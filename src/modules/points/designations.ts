// 评选: designations such as 十星级文明户, 五好文明家庭, 净美庭院, recorded for a year
// with the points they carry (one entry each, source 'evaluation').
import type { Actor, Ctx } from '../../core/context.js';
import { AppError, forbidden } from '../../core/errors.js';
import { audit } from '../../core/audit.js';
import { newId } from '../../core/ids.js';
import { withRetry } from '../../core/retry.js';
import { shanghaiDate } from '../../core/clock.js';
import { uniqueViolation } from '../../core/db-errors.js';
import * as regions from '../regions/service.js';
import * as people from '../people/service.js';
import * as repo from './repo.js';
import { postOnce } from './ledger.js';
import { householdPlaces } from './places.js';
import { DESIGNATION_TITLES } from './rules.js';
import { pointsRegion } from './policy.js';

export async function designate(ctx: Ctx, actor: Actor, input: { householdId: string; title: string; year: number; points?: number; note?: string }) {
  const h = (await people.householdBriefs(ctx, [input.householdId])).get(input.householdId);
  if (!h || !actor.scope.canSeeRow(h.regionPath, h.id)) throw new AppError('UNKNOWN_HOUSEHOLD', '所选户不存在或不在您的辖区内', 'Unknown household');
  if (!pointsRegion.canIn(actor, 'points.manage', h.regionPath))
    throw forbidden('只有村两委或乡镇可以记录评选结果', 'Only the village committee or the township records designations');
  const title = input.title.trim();
  const points = input.points ?? DESIGNATION_TITLES[title] ?? 0;
  const now = ctx.clock.now();
  if (input.year > Number(shanghaiDate(now).slice(0, 4)))
    throw new AppError('VALIDATION_FAILED', `${input.year}年度尚未开始，不能记录评选结果`, 'That year has not begun');
  const row: repo.DesignationRow = {
    id: newId(),
    household_id: h.id,
    region_path: h.regionPath,
    title,
    year: input.year,
    points,
    note: input.note?.trim() || null,
    entry_id: null,
    awarded_by: actor.userId,
    awarded_at: now.toISOString(),
  };
  try {
    await withRetry(ctx, () =>
      ctx.db.transaction().execute(async (tx) => {
        if (points > 0)
          row.entry_id = await postOnce(tx, {
            householdId: h.id,
            regionPath: h.regionPath,
            delta: points,
            source: 'evaluation',
            sourceId: row.id,
            note: `${input.year}年度${title}`,
            by: actor.userId,
            at: now,
          });
        await repo.insertDesignation(tx, row);
        await audit(tx, now, actor, {
          action: 'point_designation.create',
          entity: 'point_designation',
          entityId: row.id,
          regionPath: h.regionPath,
          detail: { title, year: input.year, points },
        });
      }),
    );
  } catch (err) {
    if (uniqueViolation(err)) throw new AppError('ALREADY_DONE', `该户${input.year}年度已评为“${title}”`, 'Already designated for that year');
    throw err;
  }
  return (await views(ctx, [row]))[0];
}

async function views(ctx: Ctx, rows: repo.DesignationRow[]) {
  const briefs = await people.householdBriefs(
    ctx,
    rows.map((r) => r.household_id),
  );
  const places = await householdPlaces(ctx, briefs.values());
  return rows.map((r) => {
    const b = briefs.get(r.household_id);
    return {
      id: r.id,
      householdId: r.household_id,
      householdName: b?.headName ?? '',
      gridName: places.gridName(b),
      placeName: places.placeName(b),
      title: r.title,
      year: r.year,
      points: r.points,
      note: r.note,
      awardedAt: r.awarded_at,
    };
  });
}

/** A year's designations in an area; public to the village like the ranking. */
export async function list(ctx: Ctx, actor: Actor, regionId: string, year: number) {
  const r = await regions.requirePublicRegion(ctx, actor, regionId);
  return views(ctx, await repo.designationsWithin(ctx.db, r.path, year));
}
