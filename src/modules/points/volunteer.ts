// 志愿服务 (道德银行): a village posts an activity; villagers sign members of their
// household up (or a cadre does it for them); the organizer confirms who came and
// for how long, and each attendance earns hours × the village's rate, once.
import type { Executor } from '../../db/kysely.js';
import type { Actor, Ctx } from '../../core/context.js';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import { audit } from '../../core/audit.js';
import { newId } from '../../core/ids.js';
import { uniqueViolation } from '../../core/db-errors.js';
import { withinPath } from '../../core/scope.js';
import { pathIds } from '../regions/rules.js';
import * as regions from '../regions/service.js';
import * as people from '../people/service.js';
import { userNames } from '../accounts/directory.js';
import type { VolunteerActivitiesTable, VolunteerSignupsTable } from '../../db/schema.js';
import { postOnce } from './ledger.js';
import { settingsAt } from './settings.js';
import { volunteerPoints } from './rules.js';

type ActivityRow = VolunteerActivitiesTable;
type SignupRow = VolunteerSignupsTable;

const activityById = (db: Executor, id: string) => db.selectFrom('volunteer_activities').selectAll().where('id', '=', id).executeTakeFirst();
const signupsOf = (db: Executor, ids: string[]) => (ids.length ? db.selectFrom('volunteer_signups').selectAll().where('activity_id', 'in', ids).orderBy('signed_at').execute() : Promise.resolve([]));

const canRun = (actor: Actor, a: ActivityRow) => a.organizer_id === actor.userId || actor.scope.can('points.manage', a.region_path);

export async function create(ctx: Ctx, actor: Actor, input: { regionId: string; title: string; description?: string | null; place?: string | null; startsAt: string; hours: number; capacity?: number | null }) {
  const r = await regions.requireBodyRegion(ctx, actor, input.regionId);
  if (r.level !== 'village' && r.level !== 'township') throw new AppError('VALIDATION_FAILED', '志愿活动按村或乡镇发布', 'Activities are posted by a village or township');
  if (!actor.scope.can('points.manage', r.path)) throw forbidden('只有村两委或乡镇可以发布志愿活动', 'Only the village committee or the township posts activities');
  const now = ctx.clock.now();
  const row: ActivityRow = {
    id: newId(), region_id: r.id, region_path: r.path, title: input.title.trim(), description: input.description?.trim() || null, place: input.place?.trim() || null,
    starts_at: new Date(input.startsAt).toISOString(), hours: input.hours, rate: (await settingsAt(ctx.db, r.path)).volunteerRate, capacity: input.capacity ?? null,
    status: 'open', organizer_id: actor.userId, created_at: now.toISOString(), closed_at: null,
  };
  await ctx.db.transaction().execute(async (tx) => {
    await tx.insertInto('volunteer_activities').values(row).execute();
    await audit(tx, now, actor, { action: 'volunteer.create', entity: 'volunteer_activity', entityId: row.id, regionPath: r.path, detail: input });
  });
  return (await views(ctx, actor, [row]))[0];
}

async function views(ctx: Ctx, actor: Actor, rows: ActivityRow[]) {
  const [signups, organizers] = await Promise.all([signupsOf(ctx.db, rows.map((a) => a.id)), userNames(ctx, rows.map((a) => a.organizer_id))]);
  const mine = new Set(actor.scope.householdIds);
  return rows.map((a) => {
    const own = signups.filter((s) => s.activity_id === a.id);
    return {
      id: a.id, regionId: a.region_id, title: a.title, description: a.description, place: a.place, startsAt: a.starts_at, hours: a.hours, rate: a.rate,
      points: volunteerPoints(a.hours, a.rate), capacity: a.capacity, status: a.status as 'open' | 'closed', organizerName: organizers.get(a.organizer_id)?.name ?? '',
      signedUp: own.length, attended: own.filter((s) => s.status === 'attended').length,
      mySignups: own.filter((s) => mine.has(s.household_id)).map((s) => ({ id: s.id, residentId: s.resident_id, status: s.status, points: s.points })),
    };
  });
}

/** Activities of a village (and its township's), newest first; readable by the village's villagers. */
export async function list(ctx: Ctx, actor: Actor, f: { regionId: string; status?: 'open' | 'closed'; page: number; pageSize: number }) {
  const r = await regions.requirePublicRegion(ctx, actor, f.regionId);
  let q = ctx.db.selectFrom('volunteer_activities').where((eb) => eb.or([withinPath(eb, 'region_path', r.path), eb('region_id', 'in', pathIds(r.path))]));
  if (f.status) q = q.where('status', '=', f.status);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await q.selectAll().orderBy('starts_at', 'desc').orderBy('id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { items: await views(ctx, actor, rows), total };
}

async function requireActivity(ctx: Ctx, actor: Actor, id: string) {
  const a = await activityById(ctx.db, id);
  if (!a || !(actor.scope.canSeeRegion(a.region_path) || actor.scope.isAncestorOfScope(a.region_path))) throw notFound('志愿活动', 'Activity');
  return a;
}

/** One activity with its signups: all of them for its organizers and the area's registry keepers, the caller's own household's otherwise. */
export async function detail(ctx: Ctx, actor: Actor, id: string) {
  const a = await requireActivity(ctx, actor, id);
  const all = await signupsOf(ctx.db, [id]);
  const visible = canRun(actor, a) || actor.scope.registryPaths.some((p) => a.region_path.startsWith(p)) ? all : all.filter((s) => actor.scope.householdIds.includes(s.household_id));
  const [briefs, residents] = await Promise.all([people.householdBriefs(ctx, visible.map((s) => s.household_id)), people.residentBriefs(ctx, visible.map((s) => s.resident_id))]);
  return {
    ...(await views(ctx, actor, [a]))[0], canManage: canRun(actor, a),
    signups: visible.map((s) => ({
      id: s.id, householdId: s.household_id, householdName: briefs.get(s.household_id)?.headName ?? '', residentId: s.resident_id, residentName: residents.get(s.resident_id)?.name ?? '',
      status: s.status as 'signed' | 'attended' | 'absent', hours: s.hours, points: s.points, confirmedAt: s.confirmed_at,
    })),
  };
}

/** 报名: a villager signs up a member of their own household; a cadre or grid worker anyone of the area. */
export async function signUp(ctx: Ctx, actor: Actor, id: string, residentId: string) {
  const a = await requireActivity(ctx, actor, id);
  if (a.status !== 'open') throw new AppError('INVALID_TRANSITION', '活动已结束，不能再报名', 'The activity is closed');
  const r = (await people.residentBriefs(ctx, [residentId])).get(residentId);
  const h = r ? (await people.householdBriefs(ctx, [r.householdId])).get(r.householdId) : undefined;
  if (!r || !h || !actor.scope.canSeeRow(h.regionPath, h.id)) throw new AppError('VALIDATION_FAILED', '所选人员不存在或不在您的辖区内', 'Unknown resident');
  if (!h.regionPath.startsWith(a.region_path)) throw new AppError('VALIDATION_FAILED', '只能报名本村的志愿活动', 'The activity is not of this village');
  const own = actor.scope.grants.some((g) => g.role === 'villager' && g.householdId === h.id);
  if (!own && !actor.scope.can('visits.log', h.regionPath) && !actor.scope.can('points.manage', h.regionPath)) throw forbidden('只能为本户成员报名', 'Sign up members of your own household');
  const existing = await ctx.db.selectFrom('volunteer_signups').selectAll().where('activity_id', '=', id).where('resident_id', '=', residentId).executeTakeFirst();
  if (existing) return existing.id;
  const now = ctx.clock.now();
  const row: SignupRow = {
    id: newId(), activity_id: id, household_id: h.id, resident_id: residentId, region_path: h.regionPath, signed_by: actor.userId, signed_at: now.toISOString(),
    status: 'signed', hours: null, points: null, entry_id: null, confirmed_by: null, confirmed_at: null,
  };
  try {
    await ctx.db.transaction().execute(async (tx) => {
      if (a.capacity != null) {
        const n = Number((await tx.selectFrom('volunteer_signups').select((eb) => eb.fn.countAll<number>().as('n')).where('activity_id', '=', id).executeTakeFirst())?.n ?? 0);
        if (n >= a.capacity) throw new AppError('CONFLICT', `报名人数已满（${a.capacity}人）`, 'The activity is full');
      }
      await tx.insertInto('volunteer_signups').values(row).execute();
      await audit(tx, now, actor, { action: 'volunteer.signup', entity: 'volunteer_activity', entityId: id, regionPath: h.regionPath, detail: { residentId } });
    });
  } catch (err) {
    if (uniqueViolation(err)) return (await ctx.db.selectFrom('volunteer_signups').select('id').where('activity_id', '=', id).where('resident_id', '=', residentId).executeTakeFirstOrThrow()).id;
    throw err;
  }
  return row.id;
}

/** 确认参加: attended earns hours × rate once (a mistake afterwards is a correction); absent earns nothing. */
export async function confirm(ctx: Ctx, actor: Actor, id: string, input: { signupId: string; attended: boolean; hours?: number }) {
  const a = await requireActivity(ctx, actor, id);
  if (!canRun(actor, a)) throw forbidden('只有活动组织者或村两委可以确认参加情况', 'Only the organizer confirms attendance');
  if (a.status !== 'open') throw new AppError('INVALID_TRANSITION', '活动已结束，不能再确认', 'The activity is closed');
  const now = ctx.clock.now();
  const hours = input.hours ?? a.hours;
  await ctx.db.transaction().execute(async (tx) => {
    const s = await tx.selectFrom('volunteer_signups').selectAll().where('id', '=', input.signupId).where('activity_id', '=', id).executeTakeFirst();
    if (!s) throw notFound('报名记录', 'Signup');
    if (s.status === 'attended') {
      if (input.attended) return; // confirmed twice: the first stands
      throw new AppError('INVALID_TRANSITION', '已确认参加并发放积分，如有误请做积分更正', 'Already credited; correct it with a correction entry');
    }
    const points = input.attended ? volunteerPoints(hours, a.rate) : null;
    const entryId = points ? await postOnce(tx, { householdId: s.household_id, regionPath: s.region_path, delta: points, source: 'volunteer', sourceId: s.id, residentId: s.resident_id, note: `志愿服务：${a.title}（${hours}小时）`, by: actor.userId, at: now }) : null;
    // Only a row still unconfirmed-as-attended moves, so two confirmations at once credit once.
    const r = await tx.updateTable('volunteer_signups').set({ status: input.attended ? 'attended' : 'absent', hours: input.attended ? hours : null, points, entry_id: entryId, confirmed_by: actor.userId, confirmed_at: now.toISOString() })
      .where('id', '=', s.id).where('status', '!=', 'attended').executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '报名记录已被他人更新，请刷新', 'Changed meanwhile');
    await audit(tx, now, actor, { action: 'volunteer.confirm', entity: 'volunteer_activity', entityId: id, regionPath: s.region_path, detail: input });
  });
  return detail(ctx, actor, id);
}

export async function close(ctx: Ctx, actor: Actor, id: string) {
  const a = await requireActivity(ctx, actor, id);
  if (!canRun(actor, a)) throw forbidden('只有活动组织者或村两委可以结束活动', 'Only the organizer closes the activity');
  if (a.status !== 'open') throw new AppError('INVALID_TRANSITION', '活动已结束', 'Already closed');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    await tx.updateTable('volunteer_activities').set({ status: 'closed', closed_at: now.toISOString() }).where('id', '=', id).execute();
    await audit(tx, now, actor, { action: 'volunteer.close', entity: 'volunteer_activity', entityId: id, regionPath: a.region_path });
  });
  return detail(ctx, actor, id);
}
