// Awards (积分申报): proposed by a cadre, grid worker or (with an evidence photo)
// the household's villager; approved by the village with caps checked at approval,
// posted publicly (公示) for the village's set period, and taking effect as one
// ledger entry once 公示 ends. An objection during 公示 sends an award back.
import type { Executor } from '../../db/kysely.js';
import type { Actor, Ctx } from '../../core/context.js';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import { audit } from '../../core/audit.js';
import { newId } from '../../core/ids.js';
import { shanghaiDate } from '../../core/clock.js';
import { uniqueViolation } from '../../core/db-errors.js';
import { withRetry } from '../../core/retry.js';
import { pathIds } from '../../core/scope.js';
import * as regions from '../regions/service.js';
import { householdPlaces } from './places.js';
import * as people from '../people/service.js';
import * as attachments from '../attachments/service.js';
import { householdVillagers, userNames } from '../accounts/index.js';
import { notify } from '../notifications/service.js';
import * as repo from './repo.js';
import * as ledger from './ledger.js';
import { settingsAt } from './settings.js';
import {
  capKey,
  nextAwardStatus,
  parseProposers,
  proposerRole,
  publicUntil,
  withinCap,
  type AwardAction,
  type AwardStatus,
  type CapPeriod,
  type Proposer,
} from './rules.js';
import { awardPolicy, proposerAbilities } from './policy.js';

export { listRules, createRule, updateRule } from './catalog.js';

const PROPOSER_LABEL: Record<Proposer, string> = { cadre: '村干部', grid: '网格员', villager: '村民' };

/** Award rows with the names a reader needs: rule, household head, proposer, place, evidence count. */
async function awardViews(ctx: Ctx, rows: repo.AwardRow[]) {
  const [rules, households, users, evidence] = await Promise.all([
    repo.rulesByIds(ctx.db, [...new Set(rows.map((a) => a.rule_id))]),
    people.householdBriefs(
      ctx,
      rows.map((a) => a.household_id),
    ),
    userNames(ctx, [...new Set(rows.map((a) => a.proposed_by))]),
    attachments.countsFor(
      ctx.db,
      'point_award',
      rows.map((a) => a.id),
    ),
  ]);
  const residents = await people.residentBriefs(
    ctx,
    rows.map((a) => a.resident_id).filter((x): x is string => !!x),
  );
  const places = await householdPlaces(ctx, households.values());
  return rows.map((a) => {
    const rule = rules.get(a.rule_id);
    const h = households.get(a.household_id);
    return {
      id: a.id,
      householdId: a.household_id,
      householdName: h?.headName ?? '',
      gridName: places.gridName(h),
      placeName: places.placeName(h),
      ruleId: a.rule_id,
      ruleCode: rule?.code ?? '',
      ruleName: rule?.name ?? '',
      category: rule?.category ?? '',
      residentId: a.resident_id,
      residentName: a.resident_id ? (residents.get(a.resident_id)?.name ?? null) : null,
      value: a.value,
      note: a.note,
      status: a.status as AwardStatus,
      proposedAt: a.proposed_at,
      proposedBy: a.proposed_by,
      proposerName: users.get(a.proposed_by)?.name ?? '',
      proposerRole: a.proposer_role as Proposer,
      decidedAt: a.decided_at,
      reason: a.reason,
      publicUntil: a.public_until,
      objection: a.objection,
      evidenceCount: evidence.get(a.id) ?? 0,
    };
  });
}
export type AwardView = Awaited<ReturnType<typeof awardViews>>[number];
const awardView = async (ctx: Ctx, a: repo.AwardRow) => (await awardViews(ctx, [a]))[0];

async function event(tx: Executor, awardId: string, action: string, actor: Actor | null, at: Date, note?: string | null) {
  await repo.insertAwardEvent(tx, {
    id: newId(),
    award_id: awardId,
    action,
    by_user_id: actor?.userId ?? null,
    by_name: actor?.name ?? null,
    at: at.toISOString(),
    note: note ?? null,
  });
}

/** Checks the cap inside the household's lock; throws CAP_EXCEEDED when the award does not fit. */
async function requireWithinCap(tx: Executor, a: Pick<repo.AwardRow, 'household_id' | 'rule_id' | 'cap_key' | 'value'>, rule: repo.RuleRow, at: Date) {
  // Decisions for one household run one at a time, so two at once cannot both fit under the cap.
  await repo.lockHousehold(tx, a.household_id, at.toISOString());
  if (!withinCap(await repo.countedValues(tx, a.household_id, a.rule_id, a.cap_key), a.value, rule.cap))
    throw new AppError(
      'CAP_EXCEEDED',
      `该户本${rule.cap_period === 'month' ? '月' : '年'}“${rule.name}”已达封顶${rule.cap}分`,
      "The household has reached this rule's cap for the period",
    );
}

/** 提议: a cadre or grid worker for a household of their area, or a villager for their own household. */
export async function propose(
  ctx: Ctx,
  actor: Actor,
  input: { householdId: string; ruleId: string; residentId?: string; note?: string; idempotencyKey?: string },
) {
  if (input.idempotencyKey) {
    const prior = await repo.awardByKey(ctx.db, actor.userId, input.idempotencyKey);
    if (prior) return awardView(ctx, prior);
  }
  const h = (await people.householdBriefs(ctx, [input.householdId])).get(input.householdId);
  if (!h || !actor.scope.canSeeRow(h.regionPath, h.id)) throw new AppError('UNKNOWN_HOUSEHOLD', '所选户不存在或不在您的辖区内', 'Unknown household');
  const role = proposerRole(proposerAbilities(actor, h));
  if (!role) throw forbidden('只有村干部、网格员或本户村民可以申报积分', 'Only cadres, grid workers or the household itself propose points');
  const rule = await repo.ruleById(ctx.db, input.ruleId);
  if (!rule?.active || !pathIds(h.regionPath).includes(rule.region_id))
    throw new AppError('VALIDATION_FAILED', '该积分规则不适用于这户所在的村', 'The rule does not apply in this village');
  if (!parseProposers(rule.proposers).includes(role)) throw forbidden(`该规则不能由${PROPOSER_LABEL[role]}申报`, 'This rule may not be proposed by you');
  if (input.residentId && (await people.residentBriefs(ctx, [input.residentId])).get(input.residentId)?.householdId !== h.id)
    throw new AppError('VALIDATION_FAILED', '所选人员不是该户成员', 'The resident is not of this household');
  const now = ctx.clock.now();
  // A rule without approval goes straight to 公示; a villager's own claim is always checked by the village.
  const direct = !rule.needs_approval && role !== 'villager';
  const days = (await settingsAt(ctx.db, h.regionPath)).publicDays;
  const row: repo.AwardRow = {
    id: newId(),
    household_id: h.id,
    region_path: h.regionPath,
    rule_id: rule.id,
    resident_id: input.residentId ?? null,
    value: rule.value,
    note: input.note?.trim() || null,
    status: direct ? 'publicized' : 'pending',
    cap_key: capKey((rule.cap_period as CapPeriod) ?? 'year', shanghaiDate(now)),
    proposed_by: actor.userId,
    proposed_at: now.toISOString(),
    idempotency_key: input.idempotencyKey ?? null,
    proposer_role: role,
    decided_by: direct ? actor.userId : null,
    decided_at: direct ? now.toISOString() : null,
    reason: null,
    public_until: direct ? publicUntil(now, days).toISOString() : null,
    objection: null,
    entry_id: null,
    version: 0,
  };
  try {
    await withRetry(ctx, () =>
      ctx.db.transaction().execute(async (tx) => {
        if (direct) await requireWithinCap(tx, row, rule, now);
        await repo.insertAward(tx, row);
        await event(tx, row.id, 'propose', actor, now, row.note);
        if (direct) await event(tx, row.id, 'approve', actor, now, '该规则无需审核，直接公示');
        await audit(tx, now, actor, {
          action: 'point_award.propose',
          entity: 'point_award',
          entityId: row.id,
          regionPath: h.regionPath,
          detail: { ruleId: rule.id, value: rule.value, role },
        });
      }),
    );
  } catch (err) {
    const prior = uniqueViolation(err) && input.idempotencyKey ? await repo.awardByKey(ctx.db, actor.userId, input.idempotencyKey) : undefined;
    if (prior) return awardView(ctx, prior);
    throw err;
  }
  return awardView(ctx, row);
}

/** Who may object during 公示: anyone whose area includes the household's village (its villagers too). */
async function canObject(ctx: Ctx, actor: Actor, householdPath: string) {
  const village = await regions.ancestorAt(ctx, householdPath, 'village');
  const path = village?.path ?? householdPath;
  return actor.scope.canSeeRegion(path) || actor.scope.grants.some((g) => g.regionPath.startsWith(path));
}

/** 审核 and 异议: approve (caps checked now, 公示 starts), reject with a reason, or object during 公示. */
export async function decide(ctx: Ctx, actor: Actor, id: string, action: Exclude<AwardAction, 'take_effect'>, text?: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const a = await repo.awardById(ctx.db, id);
    const visible =
      a &&
      (actor.scope.canSeeRow(a.region_path, a.household_id) ||
        (action === 'object' && a.status === 'publicized' && (await canObject(ctx, actor, a.region_path))));
    if (!a || !visible) throw notFound('积分申报', 'Award');
    const to = nextAwardStatus(a.status as AwardStatus, action);
    if (!to)
      throw new AppError(
        'INVALID_TRANSITION',
        action === 'object' ? '只能对公示中的积分提出异议' : '当前状态不能执行该操作',
        'This action is not allowed in the current state',
      );
    if (action !== 'object') awardPolicy.assert(actor, 'award.approve', a);
    if ((action === 'reject' || action === 'object') && !text?.trim())
      throw new AppError('VALIDATION_FAILED', action === 'reject' ? '驳回须填写理由' : '请写明异议内容', 'A reason is required');
    if (action === 'approve' && a.proposer_role === 'villager' && !(await attachments.countsFor(ctx.db, 'point_award', [a.id])).get(a.id))
      throw new AppError('EVIDENCE_REQUIRED', '村民自主申报须附证明照片，请让申报人补充照片后再审核', "A villager's claim needs an evidence photo");
    const now = ctx.clock.now();
    const rule = (await repo.ruleById(ctx.db, a.rule_id))!;
    const patch: Partial<repo.AwardRow> = { status: to };
    // Who hears of it: the proposer of a rejection, the approver of an objection.
    const notice =
      action === 'reject'
        ? { to: [a.proposed_by], title: `积分申报未通过：${rule.name}（${text!.trim()}）` }
        : action === 'object' && a.decided_by
          ? { to: [a.decided_by], title: `积分公示收到异议，请复核：${rule.name}` }
          : null;
    if (action === 'approve') {
      const days = (await settingsAt(ctx.db, a.region_path)).publicDays;
      Object.assign(patch, { decided_by: actor.userId, decided_at: now.toISOString(), public_until: publicUntil(now, days).toISOString() });
    }
    if (action === 'reject') Object.assign(patch, { decided_by: actor.userId, decided_at: now.toISOString(), reason: text!.trim() });
    if (action === 'object') Object.assign(patch, { objection: text!.trim(), public_until: null });
    const ok = await withRetry(ctx, () =>
      ctx.db.transaction().execute(async (tx) => {
        if (action === 'approve') await requireWithinCap(tx, a, rule, now);
        if (!(await repo.updateAward(tx, id, a.version, patch))) return false;
        await event(tx, id, action, actor, now, text?.trim() || null);
        if (notice)
          await notify(
            ctx,
            tx,
            notice.to.filter((u) => u !== actor.userId),
            { kind: 'points', title: notice.title, entity: 'point_award', entityId: id },
          );
        await audit(tx, now, actor, {
          action: `point_award.${action}`,
          entity: 'point_award',
          entityId: id,
          regionPath: a.region_path,
          detail: { text: text ?? null },
        });
        return true;
      }),
    );
    if (ok) return awardView(ctx, (await repo.awardById(ctx.db, id))!);
  }
  throw new AppError('CONFLICT', '积分申报正被他人处理，请刷新后重试', 'The award changed meanwhile; retry');
}

/** Evidence photos for an award still under review, from its proposer or the village. */
export async function attachEvidence(ctx: Ctx, actor: Actor, id: string, files: attachments.Upload[]) {
  const a = awardPolicy.assert(actor, 'award.attach', await repo.awardById(ctx.db, id));
  if (a.status !== 'pending')
    throw new AppError('INVALID_TRANSITION', '只有待审核的申报可以补充证明材料', 'Evidence can be added while the award is under review');
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    const out = await attachments.attachAll(ctx, tx, 'point_award', id, actor.userId, files);
    await event(tx, id, 'attach', actor, now, `补充证明照片${out.length}张`);
    await audit(tx, now, actor, {
      action: 'point_award.attach',
      entity: 'point_award',
      entityId: id,
      regionPath: a.region_path,
      detail: { files: out.map((f) => f.id) },
    });
    return out;
  });
}

export async function openEvidence(ctx: Ctx, actor: Actor, id: string, attachmentId: string) {
  awardPolicy.assert(actor, 'award.read', await repo.awardById(ctx.db, id));
  const file = await attachments.open(ctx, 'point_award', id, attachmentId);
  if (!file) throw notFound('附件', 'Attachment');
  return file;
}

/** One award with its timeline and evidence. */
export async function awardDetail(ctx: Ctx, actor: Actor, id: string) {
  const a = awardPolicy.assert(actor, 'award.read', await repo.awardById(ctx.db, id));
  const [view, events, files] = await Promise.all([awardView(ctx, a), repo.awardEvents(ctx.db, id), attachments.listFor(ctx, 'point_award', id)]);
  return {
    ...view,
    abilities: awardPolicy.abilities(actor, a),
    events: events.map((e) => ({ action: e.action, byName: e.by_name, at: e.at, note: e.note })),
    evidence: files,
  };
}

/** The award queue of a region (审核台): by status, oldest first for pending, newest first otherwise. */
export async function listAwards(ctx: Ctx, actor: Actor, f: { regionId: string; status?: AwardStatus; page: number; pageSize: number }) {
  const r = await regions.requireVisible(ctx, actor, f.regionId);
  if (!actor.scope.registryPaths.some((p) => r.path.startsWith(p) || p.startsWith(r.path))) throw forbidden();
  const { rows, total } = await repo.listAwards(ctx.db, actor.scope, r.path, f.status, f.page, f.pageSize);
  return { items: (await awardViews(ctx, rows)).map((v, i) => ({ ...v, abilities: awardPolicy.abilities(actor, rows[i]) })), total };
}

/**
 * 公示栏: a village's awards in 公示 now and those that took effect in the last 30 days,
 * readable by everyone of the village (its villagers too), who may object during 公示.
 */
export async function board(ctx: Ctx, actor: Actor, regionId: string) {
  const r = await regions.requirePublicRegion(ctx, actor, regionId);
  const since = new Date(ctx.clock.now().getTime() - 30 * 86_400_000).toISOString();
  const rows = await repo.boardAwards(ctx.db, r.path, since, 300);
  const views = await awardViews(ctx, rows);
  const now = ctx.clock.now().getTime();
  // The public board names the household and the deed, not who proposed it or the resident's notes on evidence.
  return {
    regionId: r.id,
    regionName: r.name,
    publicDays: (await settingsAt(ctx.db, r.path)).publicDays,
    items: views.map((v) => ({
      id: v.id,
      householdId: v.householdId,
      householdName: v.householdName,
      gridName: v.gridName,
      placeName: v.placeName,
      ruleName: v.ruleName,
      category: v.category,
      residentName: v.residentName,
      value: v.value,
      status: v.status,
      decidedAt: v.decidedAt,
      publicUntil: v.publicUntil,
      note: v.note,
      // Whole days of 公示 left by the server's clock (the reader's own clock may be wrong).
      daysLeft: v.status === 'publicized' && v.publicUntil ? Math.max(0, Math.ceil((Date.parse(v.publicUntil) - now) / 86_400_000)) : null,
    })),
  };
}

/** Awards whose 公示 has ended take effect: one ledger entry each, exactly once (sweeper). */
export async function takeEffect(ctx: Ctx) {
  const now = ctx.clock.now();
  let n = 0;
  for (const a of await repo.dueToTakeEffect(ctx.db, now.toISOString(), 500)) {
    const [family, rule] = await Promise.all([householdVillagers(ctx, a.household_id, a.region_path), repo.ruleById(ctx.db, a.rule_id)]);
    const done = await withRetry(ctx, () =>
      ctx.db.transaction().execute(async (tx) => {
        const entryId = await ledger.postOnce(tx, {
          householdId: a.household_id,
          regionPath: a.region_path,
          delta: a.value,
          source: 'rule_award',
          sourceId: a.id,
          ruleId: a.rule_id,
          residentId: a.resident_id,
          note: a.note,
          by: a.decided_by,
          at: now,
        });
        if (!(await repo.updateAward(tx, a.id, a.version, { status: 'effective', entry_id: entryId }))) throw new Retry();
        await event(tx, a.id, 'take_effect', null, now, '公示期满无异议，积分生效');
        await notify(ctx, tx, family, {
          kind: 'points',
          title: `积分已生效：${rule?.name ?? ''} ${a.value > 0 ? '+' : ''}${a.value}分`,
          entity: 'point_award',
          entityId: a.id,
        });
        return true;
      }),
    )
      .catch((err) => {
        if (err instanceof Retry) return false;
        // A deduction larger than the balance takes what is there: the rest is recorded on the award for the village.
        if (err instanceof AppError && err.code === 'INSUFFICIENT_POINTS') return takeEffectPartially(ctx, a, now);
        throw err;
      })
      .catch((err) => {
        console.error(`award ${a.id} could not take effect (retried next sweep):`, err);
        return false;
      }); // the others still do
    if (done) n++;
  }
  return n;
}
class Retry extends Error {}

/** A deduction that finds too few points deducts down to zero and says so on the award's timeline. */
async function takeEffectPartially(ctx: Ctx, a: repo.AwardRow, now: Date) {
  return withRetry(ctx, () =>
    ctx.db.transaction().execute(async (tx) => {
      await repo.lockHousehold(tx, a.household_id, now.toISOString());
      const balance = await repo.balanceOf(tx, a.household_id);
      const entryId =
        balance > 0
          ? await ledger.postOnce(tx, {
              householdId: a.household_id,
              regionPath: a.region_path,
              delta: -balance,
              source: 'rule_award',
              sourceId: a.id,
              ruleId: a.rule_id,
              residentId: a.resident_id,
              note: `${a.note ?? ''}（应扣${-a.value}分，余额仅${balance}分）`.trim(),
              by: a.decided_by,
              at: now,
            })
          : null;
      if (!(await repo.updateAward(tx, a.id, a.version, { status: 'effective', entry_id: entryId }))) return false;
      await event(tx, a.id, 'take_effect', null, now, `应扣${-a.value}分，该户余额仅${balance}分，已扣至0分`);
      return true;
    }),
  );
}

/** A household's points: balance (= the sum of its entries), the entries, and awards still pending or in 公示. */
export async function householdPoints(ctx: Ctx, actor: Actor, householdId: string) {
  const h = (await people.householdBriefs(ctx, [householdId])).get(householdId);
  if (!h || !actor.scope.canSeeRow(h.regionPath, h.id)) throw notFound('户', 'Household');
  const [balance, entries, pending] = await Promise.all([
    repo.balanceOf(ctx.db, householdId),
    repo.entriesOf(ctx.db, householdId),
    repo.awardsOfHousehold(ctx.db, householdId),
  ]);
  const rules = await repo.rulesByIds(ctx.db, [...new Set(entries.map((e) => e.rule_id).filter((x): x is string => !!x))]);
  const residents = await people.residentBriefs(
    ctx,
    entries.map((e) => e.resident_id).filter((x): x is string => !!x),
  );
  return {
    householdId,
    householdName: h.headName ?? '',
    balance,
    entries: entries.map((e) => ({
      ...ledger.entryView(e),
      ruleName: e.rule_id ? (rules.get(e.rule_id)?.name ?? null) : null,
      residentName: e.resident_id ? (residents.get(e.resident_id)?.name ?? null) : null,
    })),
    pending: await awardViews(ctx, pending),
  };
}
