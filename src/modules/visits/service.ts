// The visit log (走访记录): who visited whom, when, what was found; a visit that
// finds a problem becomes a case in one step, with its text and household.
import type { Actor, Ctx } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { audit } from '../../core/audit.js';
import { newId } from '../../core/ids.js';
import { shanghaiDate } from '../../core/clock.js';
import { uniqueViolation } from '../../core/db-errors.js';
import * as regions from '../regions/service.js';
import * as people from '../people/service.js';
import * as cases from '../cases/service.js';
import * as attachments from '../attachments/service.js';
import { userNames } from '../accounts/index.js';
import * as repo from './repo.js';
import { visitPolicy, visitRegion } from './policy.js';
import { monthBounds, type VISIT_METHODS } from './rules.js';

export interface VisitInput {
  householdId: string;
  residentId?: string;
  visitedAt?: string;
  method: (typeof VISIT_METHODS)[number];
  situation: string;
  needs?: string;
  followUp?: string;
  problem?: boolean;
  /** Only when the worker chooses to attach it: no location is ever taken otherwise. */ location?: { latitude: number; longitude: number };
  idempotencyKey?: string;
}

const MAX_BACKDATE_DAYS = 31;

/** Records a visit and completes the household's open plan items whose period contains its day. */
export async function logVisit(ctx: Ctx, actor: Actor, input: VisitInput) {
  if (input.idempotencyKey) {
    const prior = await repo.visitByKey(ctx.db, actor.userId, input.idempotencyKey);
    if (prior) return detail(ctx, actor, prior.id);
  }
  const h = (await people.householdBriefs(ctx, [input.householdId])).get(input.householdId);
  if (!h || !actor.scope.canSeeRow(h.regionPath, null)) throw new AppError('UNKNOWN_HOUSEHOLD', '所选户不存在或不在您的辖区内', 'Unknown household');
  visitRegion.assertIn(actor, 'visit.log', h.regionPath);
  if (input.residentId && (await people.residentBriefs(ctx, [input.residentId])).get(input.residentId)?.householdId !== h.id)
    throw new AppError('VALIDATION_FAILED', '被走访人不是该户成员', 'The resident is not of this household');
  const now = ctx.clock.now();
  const at = input.visitedAt ? new Date(input.visitedAt) : now;
  if (at.getTime() > now.getTime() + 5 * 60_000) throw new AppError('VALIDATION_FAILED', '走访时间不能晚于现在', 'The visit cannot be in the future');
  if (now.getTime() - at.getTime() > MAX_BACKDATE_DAYS * 86_400_000)
    throw new AppError('VALIDATION_FAILED', `只能补记${MAX_BACKDATE_DAYS}天内的走访`, `Only visits of the last ${MAX_BACKDATE_DAYS} days can be recorded`);
  const row: repo.VisitRow = {
    id: newId(),
    household_id: h.id,
    resident_id: input.residentId ?? null,
    region_id: h.regionId,
    region_path: h.regionPath,
    visitor_id: actor.userId,
    visited_at: at.toISOString(),
    visit_date: shanghaiDate(at),
    method: input.method,
    situation: input.situation.trim(),
    needs: input.needs?.trim() || null,
    follow_up: input.followUp?.trim() || null,
    problem: input.problem ? 1 : 0,
    case_id: null,
    latitude: input.location?.latitude ?? null,
    longitude: input.location?.longitude ?? null,
    idempotency_key: input.idempotencyKey ?? null,
    created_at: now.toISOString(),
  };
  try {
    await ctx.db.transaction().execute(async (tx) => {
      await repo.insertVisit(tx, row);
      await repo.completeItems(tx, h.id, row.visit_date, row.id, now.toISOString());
      await audit(tx, now, actor, {
        action: 'visit.create',
        entity: 'visit',
        entityId: row.id,
        regionPath: h.regionPath,
        detail: { householdId: h.id, date: row.visit_date, problem: !!input.problem },
      });
    });
  } catch (err) {
    if (uniqueViolation(err) && input.idempotencyKey) {
      const prior = await repo.visitByKey(ctx.db, actor.userId, input.idempotencyKey);
      if (prior) return detail(ctx, actor, prior.id);
    }
    throw err;
  }
  return detail(ctx, actor, row.id);
}

async function requireVisit(ctx: Ctx, actor: Actor, id: string) {
  return visitPolicy.assert(actor, 'visit.read', await repo.visitById(ctx.db, id));
}

async function views(ctx: Ctx, rows: repo.VisitRow[]) {
  const [households, residents, grids, visitors] = await Promise.all([
    people.householdBriefs(
      ctx,
      rows.map((r) => r.household_id),
    ),
    people.residentBriefs(ctx, rows.map((r) => r.resident_id ?? '').filter(Boolean)),
    regions.getMany(ctx, [...new Set(rows.map((r) => r.region_id))]),
    userNames(
      ctx,
      rows.map((r) => r.visitor_id),
    ),
  ]);
  const gridNames = new Map(grids.map((g) => [g.id, g.name]));
  const placeOf = await regions.placeNames(
    ctx,
    grids.map((g) => g.path),
  );
  const places = new Map(grids.map((g) => [g.id, placeOf(g.path)]));
  return rows.map((v) => ({
    id: v.id,
    householdId: v.household_id,
    address: households.get(v.household_id)?.address ?? '',
    headName: households.get(v.household_id)?.headName ?? null,
    residentId: v.resident_id,
    residentName: v.resident_id ? (residents.get(v.resident_id)?.name ?? null) : null,
    regionId: v.region_id,
    regionName: gridNames.get(v.region_id) ?? '',
    placeName: places.get(v.region_id) ?? '',
    visitorId: v.visitor_id,
    visitorName: visitors.get(v.visitor_id)?.name ?? '',
    visitedAt: v.visited_at,
    visitDate: v.visit_date,
    method: v.method,
    situation: v.situation,
    needs: v.needs,
    followUp: v.follow_up,
    problem: !!v.problem,
    caseId: v.case_id,
    location: v.latitude != null && v.longitude != null ? { latitude: v.latitude, longitude: v.longitude } : null,
  }));
}

export async function detail(ctx: Ctx, actor: Actor, id: string) {
  const v = await requireVisit(ctx, actor, id);
  const [view] = await views(ctx, [v]);
  return { ...view, attachments: await attachments.listFor(ctx, 'visit', id) };
}

export async function list(
  ctx: Ctx,
  actor: Actor,
  f: { regionId?: string; month?: string; mine?: boolean; householdId?: string; problem?: boolean; page: number; pageSize: number },
) {
  const regionPath = f.regionId ? (await regions.requireVisible(ctx, actor, f.regionId)).path : undefined;
  const bounds = f.month ? monthBounds(f.month) : undefined;
  const { total, rows } = await repo.listVisits(
    ctx.db,
    actor.scope,
    {
      regionPath,
      from: bounds?.start,
      to: bounds?.end,
      visitorId: f.mine ? actor.userId : undefined,
      householdId: f.householdId,
      problem: f.problem,
    },
    f.page,
    f.pageSize,
  );
  return { total, items: await views(ctx, rows) };
}

/** Every visit of a month in a subtree, for the 走访台账 export. */
export async function monthRows(ctx: Ctx, actor: Actor, f: { regionId?: string; month: string }) {
  const regionPath = f.regionId ? (await regions.requireVisible(ctx, actor, f.regionId)).path : undefined;
  const { start, end } = monthBounds(f.month);
  return views(ctx, await repo.allVisits(ctx.db, actor.scope, { regionPath, from: start, to: end }));
}

/**
 * 转为事件: the visit's text, household and grid become a case reported by the
 * caller (source 走访发现), and the two are linked both ways. Converting again
 * answers with the same case.
 */
export async function toCase(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { type?: 'incident' | 'service'; category: string; title?: string; priority?: 'normal' | 'major' | 'difficult' },
) {
  const v = visitPolicy.assert(actor, 'visit.update', await repo.visitById(ctx.db, id));
  if (v.case_id) return cases.detail(ctx, actor, v.case_id);
  // The worker's follow-up notes stay with the visit: the household follows its case and sees its text.
  const description = [v.situation, v.needs ? `群众诉求：${v.needs}` : null].filter(Boolean).join('\n');
  const title = (input.title?.trim() || v.situation.split(/[。！？\n]/)[0]).slice(0, 60);
  try {
    // The case and the visit's link to it are written together: two people converting at once make one case.
    return await cases.report(ctx, actor, {
      type: input.type ?? 'incident',
      category: input.category,
      title,
      description,
      regionId: v.region_id,
      householdId: v.household_id,
      priority: input.priority,
      source: 'visit',
      details: { visitId: v.id },
      idempotencyKey: `visit:${v.id}`,
      alongside: async (tx, caseId) => {
        if (!(await repo.setVisitCase(tx, v.id, caseId))) throw new AppError('CONFLICT', '该走访已转为事件', 'The visit already has a case');
        await audit(tx, ctx.clock.now(), actor, { action: 'visit.to_case', entity: 'visit', entityId: v.id, regionPath: v.region_path, detail: { caseId } });
      },
    });
  } catch (err) {
    const linked = err instanceof AppError && err.code === 'CONFLICT' ? (await repo.visitById(ctx.db, v.id))?.case_id : null;
    if (linked) return cases.detail(ctx, actor, linked);
    throw err;
  }
}

export async function attachFiles(ctx: Ctx, actor: Actor, id: string, files: attachments.Upload[]) {
  const v = visitPolicy.assert(actor, 'visit.update', await repo.visitById(ctx.db, id));
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    const out = await attachments.attachAll(ctx, tx, 'visit', id, actor.userId, files);
    await audit(tx, now, actor, { action: 'visit.attach', entity: 'visit', entityId: id, regionPath: v.region_path, detail: { files: out.map((a) => a.id) } });
    return out;
  });
}

export async function openAttachment(ctx: Ctx, actor: Actor, id: string, attachmentId: string) {
  await requireVisit(ctx, actor, id);
  const file = await attachments.open(ctx, 'visit', id, attachmentId);
  if (!file) throw notFound('附件', 'Attachment');
  return file;
}
