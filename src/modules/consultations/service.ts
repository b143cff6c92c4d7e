// The township's weekly 会商 (seed 004: 每周由镇网格化办公室牵头对二、三级网格处理困难的问题进行会商处理):
// a meeting whose agenda is generated from the open red-card and escalated cases
// of the township, a decision recorded per case (on the case's own timeline),
// then closed. What was not decided stays open for next week's agenda.
import type { Actor, Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { audit } from '../../core/audit.js';
import { newId } from '../../core/ids.js';
import { shanghaiDate } from '../../core/clock.js';
import { uniqueViolation } from '../../core/db-errors.js';
import * as regions from '../regions/service.js';
import * as cases from '../cases/service.js';
import { userNames } from '../accounts/index.js';
import { periodOf } from '../visits/index.js';
import * as repo from './repo.js';
import { consultationPolicy, consultationRegion } from './policy.js';

async function requireTownship(ctx: Ctx, actor: Actor, regionId?: string) {
  consultationRegion.assertSomewhere(actor, 'consultation.hold');
  const id = regionId ?? consultationRegion.grants(actor, 'consultation.hold')[0]?.regionId;
  if (!id) throw new AppError('VALIDATION_FAILED', '请选择召开会商的乡镇', 'Choose the township');
  const r = await regions.requireBodyRegion(ctx, actor, id);
  if (r.level !== 'township') throw new AppError('VALIDATION_FAILED', '会商由乡镇召开，请选择乡镇', 'Consultations are held by a township');
  consultationRegion.assertIn(actor, 'consultation.hold', r.path);
  return r;
}

/** Opens this week's meeting with its agenda (one per township and ISO week; opening it again returns it). */
export async function open(ctx: Ctx, actor: Actor, input: { regionId?: string; title?: string; attendees?: string }) {
  const township = await requireTownship(ctx, actor, input.regionId);
  const now = ctx.clock.now();
  const day = shanghaiDate(now);
  const week = periodOf('weekly', day).key;
  const existing = await repo.byWeek(ctx.db, township.id, week);
  if (existing) return detail(ctx, actor, existing.id);
  const agenda = await cases.agendaCases(ctx, township.path);
  const row: repo.ConsultationRow = {
    id: newId(),
    region_id: township.id,
    region_path: township.path,
    week_key: week,
    held_on: day,
    title: input.title?.trim() || `${township.name}第${Number(week.slice(6))}周网格化会商`,
    attendees: input.attendees?.trim() || null,
    agenda: JSON.stringify(agenda.map((c) => c.id)),
    status: 'open',
    created_by: actor.userId,
    created_at: now.toISOString(),
    closed_at: null,
  };
  try {
    await ctx.db.transaction().execute(async (tx) => {
      await repo.insert(tx, row);
      await audit(tx, now, actor, {
        action: 'consultation.open',
        entity: 'consultation',
        entityId: row.id,
        regionPath: township.path,
        detail: { week, agenda: agenda.length },
      });
    });
  } catch (err) {
    const prior = uniqueViolation(err) ? await repo.byWeek(ctx.db, township.id, week) : undefined;
    if (prior) return detail(ctx, actor, prior.id);
    throw err;
  }
  return detail(ctx, actor, row.id);
}

async function requireConsultation(ctx: Ctx, actor: Actor, id: string) {
  return consultationPolicy.assert(actor, 'consultation.read', await repo.byId(ctx.db, id));
}

export async function detail(ctx: Ctx, actor: Actor, id: string) {
  const c = await requireConsultation(ctx, actor, id);
  const ids = JSON.parse(c.agenda) as string[];
  const [items, decisions] = await Promise.all([cases.casesByIds(ctx, ids), repo.decisionsOf(ctx.db, [c.id])]);
  const names = await userNames(ctx, [c.created_by, ...decisions.map((d) => d.decided_by)]);
  const byCase = new Map(decisions.map((d) => [d.case_id, d]));
  const order = new Map(ids.map((x, i) => [x, i]));
  return {
    id: c.id,
    regionId: c.region_id,
    weekKey: c.week_key,
    heldOn: c.held_on,
    title: c.title,
    attendees: c.attendees,
    status: c.status as 'open' | 'closed',
    createdBy: names.get(c.created_by)?.name ?? '',
    closedAt: c.closed_at,
    agenda: items
      .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
      .map((k) => {
        const d = byCase.get(k.id);
        return {
          caseId: k.id,
          seq: k.seq,
          title: k.title,
          categoryName: k.categoryName,
          regionName: k.regionName,
          levelRegionName: k.levelRegionName,
          status: k.status,
          card: k.card,
          escalations: k.escalations,
          reportedAt: k.reportedAt,
          dueAt: k.dueAt,
          decision: d ? { text: d.decision, by: names.get(d.decided_by)?.name ?? '', at: d.decided_at } : null,
        };
      }),
  };
}

export async function list(ctx: Ctx, actor: Actor, f: { regionId?: string; page: number; pageSize: number }) {
  const regionPath = f.regionId ? (await regions.requireVisible(ctx, actor, f.regionId)).path : undefined;
  const { total, rows } = await repo.list(ctx.db, actor.scope, regionPath, f.page, f.pageSize);
  const decisions = await repo.decisionsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      regionId: r.region_id,
      weekKey: r.week_key,
      heldOn: r.held_on,
      title: r.title,
      status: r.status as 'open' | 'closed',
      cases: (JSON.parse(r.agenda) as string[]).length,
      decided: decisions.filter((d) => d.consultation_id === r.id).length,
    })),
  };
}

/** The meeting's decision on one agenda case: kept with the meeting and written on the case's timeline. */
export async function decide(ctx: Ctx, actor: Actor, id: string, input: { caseId: string; decision: string }) {
  const c = consultationPolicy.assert(actor, 'consultation.decide', await repo.byId(ctx.db, id));
  if (c.status !== 'open') throw new AppError('INVALID_TRANSITION', '会商已结束，不能再记录决定', 'The consultation is closed');
  if (!(JSON.parse(c.agenda) as string[]).includes(input.caseId))
    throw new AppError('VALIDATION_FAILED', '该事件不在本次会商议程中', 'The case is not on the agenda');
  const now = ctx.clock.now();
  const decision = input.decision.trim();
  // A retried request (same decision already recorded) answers as the first did.
  const prior = (await repo.decisionsOf(ctx.db, [id])).find((d) => d.case_id === input.caseId);
  if (prior && prior.decision === decision) return detail(ctx, actor, id);
  await cases.recordConsultation(ctx, actor, input.caseId, { consultationId: id, title: c.title, decision }, async (tx) => {
    if (!(await repo.lockOpen(tx, id))) throw new AppError('INVALID_TRANSITION', '会商已结束，不能再记录决定', 'The consultation is closed');
    if (!(await repo.insertDecision(tx, { consultation_id: id, case_id: input.caseId, decision, decided_by: actor.userId, decided_at: now.toISOString() })))
      throw new AppError('CONFLICT', '该事件已记录会商决定', 'A decision is already recorded for this case');
  });
  return detail(ctx, actor, id);
}

export async function close(ctx: Ctx, actor: Actor, id: string) {
  const c = consultationPolicy.assert(actor, 'consultation.decide', await repo.byId(ctx.db, id));
  const now = ctx.clock.now();
  const done = await ctx.db.transaction().execute(async (tx) => {
    if (!(await repo.close(tx, id, now.toISOString()))) return false;
    await audit(tx, now, actor, { action: 'consultation.close', entity: 'consultation', entityId: id, regionPath: c.region_path });
    return true;
  });
  if (!done) throw new AppError('INVALID_TRANSITION', '会商已结束', 'The consultation is already closed');
  return detail(ctx, actor, id);
}
