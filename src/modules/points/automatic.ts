// Points that other records earn by themselves: 首报激励 for the first report of a
// qualifying incident, and the mediator's reward for a dispute settled by
// agreement (seed 000: 50 points). The owning module asks for the posting before
// its transaction and posts it inside (ledger.postOnce), so a retried or repeated
// step never credits twice.
import type { Ctx } from '../../core/context.js';
import { grantsFor } from '../accounts/service.js';
import { userNames } from '../accounts/index.js';
import * as regions from '../regions/service.js';
import * as people from '../people/service.js';
import { householdOfUser, type Posting } from './ledger.js';
import { settingsAt } from './settings.js';

/** The household a user earns points for, looked up in the township of `path`. */
async function earnerHousehold(ctx: Ctx, userId: string, path: string, villagersOnly: boolean) {
  const grants = await grantsFor(ctx, userId);
  if (villagersOnly) return grants.find((g) => g.role === 'villager' && g.householdId)?.householdId ?? null;
  const user = (await userNames(ctx, [userId])).get(userId);
  if (!user) return null;
  const township = await regions.ancestorAt(ctx, path, 'township');
  return householdOfUser(ctx, { id: userId, phone: user.phone }, township?.path ?? path, grants);
}

async function posting(ctx: Ctx, householdId: string, p: Omit<Posting, 'householdId' | 'regionPath'>): Promise<Posting | null> {
  const h = (await people.householdBriefs(ctx, [householdId])).get(householdId);
  return h ? { ...p, householdId: h.id, regionPath: h.regionPath } : null;
}

/**
 * 首报激励: when an incident of a category with first-report points is accepted
 * (a report turned away earns nothing), the villager who reported it earns them
 * for their household. Workers report as their job and earn nothing here.
 */
export async function firstReportCredit(
  ctx: Ctx,
  c: { id: string; title: string; reporterId: string; regionPath: string; type: string },
  points: number,
  at: Date,
) {
  if (c.type !== 'incident' || points <= 0) return null;
  const household = await earnerHousehold(ctx, c.reporterId, c.regionPath, true);
  if (!household) return null;
  return posting(ctx, household, { delta: points, source: 'first_report', sourceId: c.id, note: `首报激励：${c.title}`, by: null, at });
}

/**
 * 调解奖励: a dispute settled by agreement credits its mediator's household with the
 * village's mediator points (50 by default). The mediator is the handler the case
 * was dispatched to, or whoever resolved it; their household is their villager
 * account's, or the one in the township where a resident has their phone number.
 */
export async function mediatorCredit(ctx: Ctx, c: { id: string; title: string; regionPath: string }, mediatorId: string, at: Date) {
  const points = (await settingsAt(ctx.db, c.regionPath)).mediatorPoints;
  if (points <= 0) return null;
  const household = await earnerHousehold(ctx, mediatorId, c.regionPath, false);
  if (!household) return null;
  return posting(ctx, household, { delta: points, source: 'mediator', sourceId: c.id, note: `调解奖励：${c.title}`, by: null, at });
}
