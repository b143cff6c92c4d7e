// Points (积分制): the rule catalog per village (inherited from the township),
// awards proposed by cadres and grid workers, approved by the village with caps
// checked at approval, posted publicly (公示) and taking effect as a ledger
// entry once 公示 ends; an objection sends an award back for review.
import type { Actor, Ctx } from '../../core/context.js';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import { audit } from '../../core/audit.js';
import { newId } from '../../core/ids.js';
import { shanghaiDate } from '../../core/clock.js';
import { uniqueViolation } from '../../core/db-errors.js';
import { pathIds } from '../regions/rules.js';
import * as regions from '../regions/service.js';
import * as people from '../people/service.js';
import * as repo from './repo.js';
import { capKey, nextAwardStatus, publicUntil, withinCap, type AwardAction, type AwardStatus, type CapPeriod } from './rules.js';

/** 公示 period of an approved award, in days (seed 002: 5 to 7 days). */
export const PUBLIC_DAYS = 5;

const ruleView = (r: repo.RuleRow) => ({
  id: r.id, regionId: r.region_id, code: r.code, name: r.name, category: r.category, value: r.value,
  cap: r.cap, capPeriod: r.cap_period as CapPeriod | null, active: !!r.active,
});

/** The rules that apply in a region: its own and those of every region above it. */
export async function listRules(ctx: Ctx, actor: Actor, regionId: string) {
  const r = await regions.requireVisible(ctx, actor, regionId);
  return (await repo.rulesFor(ctx.db, pathIds(r.path))).map(ruleView);
}

export async function createRule(ctx: Ctx, actor: Actor, input: { regionId: string; code: string; name: string; category: string; value: number; cap?: number | null; capPeriod?: CapPeriod | null }) {
  const r = await regions.requireBodyRegion(ctx, actor, input.regionId);
  if (!actor.scope.can('points.manage', r.path)) throw forbidden('只有村两委或乡镇可以设置积分规则', 'Only the village committee or the township sets point rules');
  if ((input.cap == null) !== (input.capPeriod == null)) throw new AppError('VALIDATION_FAILED', '封顶分值和封顶周期须同时填写', 'A cap needs its period');
  const now = ctx.clock.now();
  const row: repo.RuleRow = {
    id: newId(), region_id: r.id, region_path: r.path, code: input.code.trim(), name: input.name.trim(), category: input.category, value: input.value,
    cap: input.cap ?? null, cap_period: input.capPeriod ?? null, active: 1, created_at: now.toISOString(),
  };
  try {
    await ctx.db.transaction().execute(async (tx) => {
      await repo.insertRule(tx, row);
      await audit(tx, now, actor, { action: 'point_rule.create', entity: 'point_rule', entityId: row.id, regionPath: r.path, detail: input });
    });
  } catch (err) {
    if (uniqueViolation(err)) throw new AppError('CONFLICT', '该区域已有相同编号的积分规则', 'A rule with that code exists here');
    throw err;
  }
  return ruleView(row);
}

async function awardView(ctx: Ctx, a: repo.AwardRow) {
  const rule = await repo.ruleById(ctx.db, a.rule_id);
  return {
    id: a.id, householdId: a.household_id, ruleId: a.rule_id, ruleName: rule?.name ?? '', category: rule?.category ?? '', residentId: a.resident_id,
    value: a.value, note: a.note, status: a.status as AwardStatus, proposedAt: a.proposed_at, decidedAt: a.decided_at, reason: a.reason,
    publicUntil: a.public_until, objection: a.objection,
  };
}

/** 提议: a cadre or grid worker proposes a rule's points for a household of their area. */
export async function propose(ctx: Ctx, actor: Actor, input: { householdId: string; ruleId: string; residentId?: string; note?: string; idempotencyKey?: string }) {
  if (input.idempotencyKey) {
    const prior = await repo.awardByKey(ctx.db, actor.userId, input.idempotencyKey);
    if (prior) return awardView(ctx, prior);
  }
  const h = (await people.householdBriefs(ctx, [input.householdId])).get(input.householdId);
  if (!h || !actor.scope.canSeeRow(h.regionPath, h.id)) throw new AppError('UNKNOWN_HOUSEHOLD', '所选户不存在或不在您的辖区内', 'Unknown household');
  if (!actor.scope.can('points.manage', h.regionPath) && !actor.scope.can('visits.log', h.regionPath))
    throw forbidden('只有村干部和网格员可以提议积分', 'Only cadres and grid workers propose points');
  const rule = await repo.ruleById(ctx.db, input.ruleId);
  if (!rule || !rule.active || !pathIds(h.regionPath).includes(rule.region_id))
    throw new AppError('VALIDATION_FAILED', '该积分规则不适用于这户所在的村', 'The rule does not apply in this village');
  if (input.residentId && (await people.residentBriefs(ctx, [input.residentId])).get(input.residentId)?.householdId !== h.id)
    throw new AppError('VALIDATION_FAILED', '所选人员不是该户成员', 'The resident is not of this household');
  const now = ctx.clock.now();
  const row: repo.AwardRow = {
    id: newId(), household_id: h.id, region_path: h.regionPath, rule_id: rule.id, resident_id: input.residentId ?? null, value: rule.value,
    note: input.note?.trim() || null, status: 'pending', cap_key: capKey((rule.cap_period as CapPeriod) ?? 'year', shanghaiDate(now)),
    proposed_by: actor.userId, proposed_at: now.toISOString(), idempotency_key: input.idempotencyKey ?? null,
    decided_by: null, decided_at: null, reason: null, public_until: null, objection: null, entry_id: null, version: 0,
  };
  try {
    await ctx.db.transaction().execute(async (tx) => {
      await repo.insertAward(tx, row);
      await audit(tx, now, actor, { action: 'point_award.propose', entity: 'point_award', entityId: row.id, regionPath: h.regionPath, detail: { ruleId: rule.id, value: rule.value } });
    });
  } catch (err) {
    const prior = uniqueViolation(err) && input.idempotencyKey ? await repo.awardByKey(ctx.db, actor.userId, input.idempotencyKey) : undefined;
    if (prior) return awardView(ctx, prior);
    throw err;
  }
  return awardView(ctx, row);
}

/** 审核 and 异议: approve (caps checked now, 公示 starts), reject with a reason, or object during 公示. */
export async function decide(ctx: Ctx, actor: Actor, id: string, action: Exclude<AwardAction, 'take_effect'>, text?: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const a = await repo.awardById(ctx.db, id);
    if (!a || !actor.scope.canSeeRow(a.region_path, a.household_id)) throw notFound('积分申报', 'Award');
    const to = nextAwardStatus(a.status as AwardStatus, action);
    if (!to) throw new AppError('INVALID_TRANSITION', '当前状态不能执行该操作', 'This action is not allowed in the current state');
    if (action !== 'object' && !actor.scope.can('points.manage', a.region_path)) throw forbidden('只有村两委可以审核积分', 'Only the village committee decides on awards');
    if ((action === 'reject' || action === 'object') && !text?.trim()) throw new AppError('VALIDATION_FAILED', action === 'reject' ? '驳回须填写理由' : '请写明异议内容', 'A reason is required');
    const now = ctx.clock.now();
    const rule = (await repo.ruleById(ctx.db, a.rule_id))!;
    const patch: Partial<repo.AwardRow> = { status: to };
    if (action === 'approve') Object.assign(patch, { decided_by: actor.userId, decided_at: now.toISOString(), public_until: publicUntil(now, PUBLIC_DAYS).toISOString() });
    if (action === 'reject') Object.assign(patch, { decided_by: actor.userId, decided_at: now.toISOString(), reason: text!.trim() });
    if (action === 'object') Object.assign(patch, { objection: text!.trim(), public_until: null });
    const ok = await ctx.db.transaction().execute(async (tx) => {
      if (action === 'approve') {
        // Approvals for one household run one at a time, so two at once cannot both fit under the cap.
        await repo.lockHousehold(tx, a.household_id, now.toISOString());
        if (!withinCap(await repo.countedValues(tx, a.household_id, a.rule_id, a.cap_key), a.value, rule.cap))
          throw new AppError('CAP_EXCEEDED', `该户本${rule.cap_period === 'month' ? '月' : '年'}“${rule.name}”已达封顶${rule.cap}分`, 'The household has reached this rule\'s cap for the period');
      }
      if (!(await repo.updateAward(tx, id, a.version, patch))) return false;
      await audit(tx, now, actor, { action: `point_award.${action}`, entity: 'point_award', entityId: id, regionPath: a.region_path, detail: { text: text ?? null } });
      return true;
    });
    if (ok) return awardView(ctx, (await repo.awardById(ctx.db, id))!);
  }
  throw new AppError('CONFLICT', '积分申报正被他人处理，请刷新后重试', 'The award changed meanwhile; retry');
}

/** Awards whose 公示 has ended take effect: one ledger entry each, exactly once (sweeper). */
export async function takeEffect(ctx: Ctx) {
  const now = ctx.clock.now().toISOString();
  let n = 0;
  for (const a of await repo.dueToTakeEffect(ctx.db, now, 500)) {
    const entryId = newId();
    const done = await ctx.db.transaction().execute(async (tx) => {
      if (!(await repo.updateAward(tx, a.id, a.version, { status: 'effective', entry_id: entryId }))) return false;
      await repo.post(tx, { id: entryId, household_id: a.household_id, region_path: a.region_path, delta: a.value, source: 'rule_award', source_id: a.id, rule_id: a.rule_id, resident_id: a.resident_id, note: a.note, at: now, created_by: a.decided_by });
      return true;
    });
    if (done) n++;
  }
  return n;
}

/** A household's points: balance (= the sum of its entries), the entries, and awards still pending or in 公示. */
export async function householdPoints(ctx: Ctx, actor: Actor, householdId: string) {
  const h = (await people.householdBriefs(ctx, [householdId])).get(householdId);
  if (!h || !actor.scope.canSeeRow(h.regionPath, h.id)) throw notFound('户', 'Household');
  const [balance, entries, pending] = await Promise.all([repo.balanceOf(ctx.db, householdId), repo.entriesOf(ctx.db, householdId), repo.awardsOfHousehold(ctx.db, householdId)]);
  return {
    balance,
    entries: entries.map((e) => ({ id: e.id, delta: e.delta, source: e.source, sourceId: e.source_id, ruleId: e.rule_id, residentId: e.resident_id, note: e.note, at: e.at })),
    pending: await Promise.all(pending.map((a) => awardView(ctx, a))),
  };
}
