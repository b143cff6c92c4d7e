// A village's points settings (积分设置): the 公示 period, the monthly base
// score, what year-end settlement does, the mediator reward and the volunteer
// rate. A village without its own row uses the nearest region above that has
// one (a township sets them for all its villages), else the defaults.
import type { Executor } from '../../db/kysely.js';
import type { Actor, Ctx } from '../../core/context.js';
import { AppError, forbidden } from '../../core/errors.js';
import { audit } from '../../core/audit.js';
import { pathIds } from '../../core/scope.js';
import * as regions from '../regions/service.js';
import { pointsRegion } from './policy.js';

export const SETTLEMENT_MODES = ['carry', 'reset'] as const;
export type SettlementMode = (typeof SETTLEMENT_MODES)[number];

export interface PointSettings {
  /** 公示 days of an approved award (seeds: 5 to 7). */
  publicDays: number;
  /** Points every household of the village gets on the 1st of each month (0 = none). */
  monthlyBase: number;
  /** Year-end: carry balances into the new year, or reset them to zero. */
  settlementMode: SettlementMode;
  /** A resolved dispute's mediator reward (seed 000: 50). */
  mediatorPoints: number;
  /** Points per hour of confirmed volunteer service (道德银行). */
  volunteerRate: number;
}

export const DEFAULT_SETTINGS: PointSettings = { publicDays: 5, monthlyBase: 0, settlementMode: 'carry', mediatorPoints: 50, volunteerRate: 2 };

/** The settings in force at a region path, with the region that set them (null = defaults). */
export async function settingsAt(db: Executor, path: string): Promise<PointSettings & { fromRegionId: string | null }> {
  const ids = pathIds(path);
  const rows = await db.selectFrom('point_settings').selectAll().where('region_id', 'in', ids).execute();
  // The deepest region with a row wins.
  const row = rows.sort((a, b) => b.region_path.length - a.region_path.length)[0];
  if (!row) return { ...DEFAULT_SETTINGS, fromRegionId: null };
  return {
    publicDays: row.public_days,
    monthlyBase: row.monthly_base,
    settlementMode: row.settlement_mode as SettlementMode,
    mediatorPoints: row.mediator_points,
    volunteerRate: row.volunteer_rate,
    fromRegionId: row.region_id,
  };
}

export async function get(ctx: Ctx, actor: Actor, regionId: string) {
  const r = await regions.requireVisible(ctx, actor, regionId);
  return { regionId: r.id, ...(await settingsAt(ctx.db, r.path)) };
}

export async function put(ctx: Ctx, actor: Actor, regionId: string, s: PointSettings) {
  const r = await regions.requireBodyRegion(ctx, actor, regionId);
  if (r.level !== 'village' && r.level !== 'township' && r.level !== 'county')
    throw new AppError('VALIDATION_FAILED', '积分设置按村或乡镇设置', 'Settings are kept per village or township');
  if (!pointsRegion.canIn(actor, 'points.manage', r.path))
    throw forbidden('只有村两委或乡镇可以修改积分设置', 'Only the village committee or the township changes point settings');
  const now = ctx.clock.now();
  const row = {
    region_id: r.id,
    region_path: r.path,
    public_days: s.publicDays,
    monthly_base: s.monthlyBase,
    settlement_mode: s.settlementMode,
    mediator_points: s.mediatorPoints,
    volunteer_rate: s.volunteerRate,
    updated_by: actor.userId,
    updated_at: now.toISOString(),
  };
  await ctx.db.transaction().execute(async (tx) => {
    const { region_id: _id, ...rest } = row;
    await tx
      .insertInto('point_settings')
      .values(row)
      .onConflict((oc) => oc.column('region_id').doUpdateSet(rest))
      .execute();
    await audit(tx, now, actor, { action: 'point_settings.update', entity: 'point_settings', entityId: r.id, regionPath: r.path, detail: s });
  });
  return get(ctx, actor, regionId);
}
