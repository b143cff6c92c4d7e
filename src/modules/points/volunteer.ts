// 志愿服务 (道德银行): a village posts an activity; villagers sign members of their
// household up (or a cadre does it for them); the organizer confirms who came and
// for how long, and each attendance earns hours × the village's rate, once.
import type { Actor, Ctx } from '../../core/context.js';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import { audit } from '../../core/audit.js';
import { newId } from '../../core/ids.js';
import { withRetry } from '../../core/retry.js';
import { uniqueViolation } from '../../core/db-errors.js';
import { pathIds } from '../../core/scope.js';
import * as regions from '../regions/service.js';
import * as people from '../people/service.js';
import { userNames } from '../accounts/index.js';
import * as repo from './volunteer-repo.js';
import { postOnce } from './ledger.js';
import { settingsAt } from './settings.js';
import { volunteerPoints } from './rules.js';
import { pointsRegion } from './policy.js';
import { livesIn } from '../people/index.js';
import { visitRegion } from '../visits/index.js';

const canRun = (actor: Actor, a: repo.ActivityRow) => a.organizer_id === actor.userId || pointsRegion.canIn(actor, 'volunteer.manage', a.region_path);
/** The households the caller belongs to as a villager (not 党员联户 links). */
const ownHouseholds = (actor: Actor) => new Set(actor.scope.householdIds.filter((h) => livesIn(actor, h)));
const closedError = () => new AppError('INVALID_TRANSITION', '活动已结束，不能再报名或确认', 'The activity is closed');

export async function create(
  ctx: Ctx,
  actor: Actor,
  input: { regionId: string; title: string; description?: string | null; place?: string | null; startsAt: string; hours: number; capacity?: number | null },
) {
  const r = await regions.requireBodyRegion(ctx, actor, input.regionId);
  if (r.level !== 'village' && r.level !== 'township')
    throw new AppError('VALIDATION_FAILED', '志愿活动按村或乡镇发布', 'Activities are posted by a village or township');
  pointsRegion.assertIn(actor, 'volunteer.manage', r.path);
  const now = ctx.clock.now();
  // The rate is fixed when the activity is posted: a later change of the village's rate does not reprice it.
  const row: repo.ActivityRow = {
    id: newId(),
    region_id: r.id,
    region_path: r.path,
    title: input.title.trim(),
    description: input.description?.trim() || null,
    place: input.place?.trim() || null,
    starts_at: new Date(input.startsAt).toISOString(),
    hours: input.hours,
    rate: (await settingsAt(ctx.db, r.path)).volunteerRate,
    capacity: input.capacity ?? null,
    status: 'open',
    organizer_id: actor.userId,
    created_at: now.toISOString(),
    closed_at: null,
  };
  await ctx.db.transaction().execute(async (tx) => {
    await repo.insertActivity(tx, row);
    await audit(tx, now, actor, { action: 'volunteer.create', entity: 'volunteer_activity', entityId: row.id, regionPath: r.path, detail: input });
  });
  return (await views(ctx, actor, [row]))[0];
}

async function views(ctx: Ctx, actor: Actor, rows: repo.ActivityRow[]) {
  const [signups, organizers] = await Promise.all([
    repo.signupsOf(
      ctx.db,
      rows.map((a) => a.id),
    ),
    userNames(
      ctx,
      rows.map((a) => a.organizer_id),
    ),
  ]);
  const mine = ownHouseholds(actor);
  return rows.map((a) => {
    const own = signups.filter((s) => s.activity_id === a.id);
    return {
      id: a.id,
      regionId: a.region_id,
      title: a.title,
      description: a.description,
      place: a.place,
      startsAt: a.starts_at,
      hours: a.hours,
      rate: a.rate,
      points: volunteerPoints(a.hours, a.rate),
      capacity: a.capacity,
      status: a.status as 'open' | 'closed',
      organizerName: organizers.get(a.organizer_id)?.name ?? '',
      signedUp: own.length,
      attended: own.filter((s) => s.status === 'attended').length,
      mySignups: own.filter((s) => mine.has(s.household_id)).map((s) => ({ id: s.id, residentId: s.resident_id, status: s.status, points: s.points })),
    };
  });
}

/** Activities of a village (and its township's), newest first; readable by the village's villagers. */
export async function list(ctx: Ctx, actor: Actor, f: { regionId: string; status?: 'open' | 'closed'; page: number; pageSize: number }) {
  const r = await regions.requirePublicRegion(ctx, actor, f.regionId);
  const { rows, total } = await repo.listActivities(ctx.db, {
    path: r.path,
    ancestorIds: pathIds(r.path),
    status: f.status,
    page: f.page,
    pageSize: f.pageSize,
  });
  return { items: await views(ctx, actor, rows), total };
}

/** The activity if the caller's area holds it or lies under it (a villager's village, the township's); 404 otherwise. */
async function requireActivity(ctx: Ctx, actor: Actor, id: string) {
  const a = await repo.activityById(ctx.db, id);
  if (!a || !(actor.scope.canSeeRegion(a.region_path) || actor.scope.isAncestorOfScope(a.region_path))) throw notFound('志愿活动', 'Activity');
  return a;
}

/** One activity with its signups: all of them for its organizers and managers, otherwise those of households the caller may see. */
export async function detail(ctx: Ctx, actor: Actor, id: string) {
  const a = await requireActivity(ctx, actor, id);
  const manage = canRun(actor, a);
  const visible = (await repo.signupsOf(ctx.db, [id])).filter((s) => manage || actor.scope.canSeeRow(s.region_path, s.household_id));
  const [briefs, residents] = await Promise.all([
    people.householdBriefs(
      ctx,
      visible.map((s) => s.household_id),
    ),
    people.residentBriefs(
      ctx,
      visible.map((s) => s.resident_id),
    ),
  ]);
  return {
    ...(await views(ctx, actor, [a]))[0],
    canManage: manage,
    signups: visible.map((s) => ({
      id: s.id,
      householdId: s.household_id,
      householdName: briefs.get(s.household_id)?.headName ?? '',
      residentId: s.resident_id,
      residentName: residents.get(s.resident_id)?.name ?? '',
      status: s.status as 'signed' | 'attended' | 'absent',
      hours: s.hours,
      points: s.points,
      confirmedAt: s.confirmed_at,
    })),
  };
}

/**
 * 报名: a villager signs up a member of their own household; a cadre or grid worker anyone
 * of the area. A resident signs up once: a repeat returns the existing signup's id.
 */
export async function signUp(ctx: Ctx, actor: Actor, id: string, residentId: string): Promise<string> {
  const a = await requireActivity(ctx, actor, id);
  if (a.status !== 'open') throw closedError();
  const r = (await people.residentBriefs(ctx, [residentId])).get(residentId);
  const h = r ? (await people.householdBriefs(ctx, [r.householdId])).get(r.householdId) : undefined;
  if (!r || !h || !actor.scope.canSeeRow(h.regionPath, h.id)) throw new AppError('VALIDATION_FAILED', '所选人员不存在或不在您的辖区内', 'Unknown resident');
  if (!h.regionPath.startsWith(a.region_path)) throw new AppError('VALIDATION_FAILED', '只能报名本村的志愿活动', 'The activity is not of this village');
  if (!livesIn(actor, h.id) && !visitRegion.canIn(actor, 'visit.log', h.regionPath) && !pointsRegion.canIn(actor, 'volunteer.manage', h.regionPath))
    throw forbidden('只能为本户成员报名', 'Sign up members of your own household');
  const existing = await repo.signupOfResident(ctx.db, id, residentId);
  if (existing) return existing.id;
  const now = ctx.clock.now();
  const row: repo.SignupRow = {
    id: newId(),
    activity_id: id,
    household_id: h.id,
    resident_id: residentId,
    region_path: h.regionPath,
    signed_by: actor.userId,
    signed_at: now.toISOString(),
    status: 'signed',
    hours: null,
    points: null,
    entry_id: null,
    confirmed_by: null,
    confirmed_at: null,
  };
  try {
    return await withRetry(ctx, () =>
      ctx.db.transaction().execute(async (tx) => {
        // Under the activity's lock, so two signups at once cannot both take the last place.
        const locked = await repo.lockActivity(tx, id);
        if (locked?.status !== 'open') throw closedError();
        const again = await repo.signupOfResident(tx, id, residentId);
        if (again) return again.id;
        if (locked.capacity != null && (await repo.countSignups(tx, id)) >= locked.capacity)
          throw new AppError('CONFLICT', `报名人数已满（${locked.capacity}人）`, 'The activity is full');
        await repo.insertSignup(tx, row);
        await audit(tx, now, actor, {
          action: 'volunteer.signup',
          entity: 'volunteer_activity',
          entityId: id,
          regionPath: h.regionPath,
          detail: { residentId, signupId: row.id },
        });
        return row.id;
      }),
    );
  } catch (err) {
    if (uniqueViolation(err)) return (await repo.signupOfResident(ctx.db, id, residentId))!.id;
    throw err;
  }
}

/** 确认参加: attended earns hours × rate once (a mistake afterwards is a correction); absent earns nothing. */
export async function confirm(ctx: Ctx, actor: Actor, id: string, input: { signupId: string; attended: boolean; hours?: number }) {
  const a = await requireActivity(ctx, actor, id);
  if (!canRun(actor, a)) throw forbidden('只有活动组织者或村两委可以确认参加情况', 'Only the organizer confirms attendance');
  if (a.status !== 'open') throw closedError();
  const now = ctx.clock.now();
  const hours = input.hours ?? a.hours;
  await withRetry(ctx, () =>
    ctx.db.transaction().execute(async (tx) => {
      // Confirmations of one activity run one at a time: the second of two at once sees the first's result.
      if ((await repo.lockActivity(tx, id))?.status !== 'open') throw closedError();
      const s = await repo.signupById(tx, id, input.signupId);
      if (!s) throw notFound('报名记录', 'Signup');
      if (s.status === 'attended') {
        if (input.attended) return; // confirmed twice: the first stands
        throw new AppError('INVALID_TRANSITION', '已确认参加并发放积分，如有误请做积分更正', 'Already credited; correct it with a correction entry');
      }
      const points = input.attended ? volunteerPoints(hours, a.rate) : null;
      const entryId = points
        ? await postOnce(tx, {
            householdId: s.household_id,
            regionPath: s.region_path,
            delta: points,
            source: 'volunteer',
            sourceId: s.id,
            residentId: s.resident_id,
            note: `志愿服务：${a.title}（${hours}小时）`,
            by: actor.userId,
            at: now,
          })
        : null;
      const ok = await repo.confirmSignup(tx, s.id, {
        status: input.attended ? 'attended' : 'absent',
        hours: input.attended ? hours : null,
        points,
        entry_id: entryId,
        confirmed_by: actor.userId,
        confirmed_at: now.toISOString(),
      });
      if (!ok) throw new AppError('CONFLICT', '报名记录已被他人更新，请刷新', 'Changed meanwhile');
      await audit(tx, now, actor, {
        action: 'volunteer.confirm',
        entity: 'volunteer_activity',
        entityId: id,
        regionPath: s.region_path,
        detail: { ...input, hours: input.attended ? hours : null, points },
      });
    }),
  );
  return detail(ctx, actor, id);
}

/** 结束活动: no more signups or attendance; what was credited stays. */
export async function close(ctx: Ctx, actor: Actor, id: string) {
  const a = await requireActivity(ctx, actor, id);
  if (!canRun(actor, a)) throw forbidden('只有活动组织者或村两委可以结束活动', 'Only the organizer closes the activity');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await repo.closeActivity(tx, id, now.toISOString()))) throw new AppError('INVALID_TRANSITION', '活动已结束', 'Already closed');
    await audit(tx, now, actor, { action: 'volunteer.close', entity: 'volunteer_activity', entityId: id, regionPath: a.region_path });
  });
  return detail(ctx, actor, id);
}
