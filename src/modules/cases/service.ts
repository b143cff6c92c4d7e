import { AppError, forbidden, notFound } from '../../core/errors.js';
import type { Actor, Ctx } from '../../core/context.js';
import type { Executor } from '../../db/kysely.js';
import { audit } from '../../core/audit.js';
import { newId } from '../../core/ids.js';
import { shanghaiDate, shanghaiDateTime, shanghaiDayEnd, shanghaiMidnight } from '../../core/clock.js';
import { uniqueViolation } from '../../core/db-errors.js';
import { workCalendar } from '../../core/work-calendar.js';
import type { WorkCalendar } from '../../core/workdays.js';
import { reclock } from './reclock.js';
import { grantAt, roleInWords } from '../../shared/roles.js';
import { isWithin } from '../../core/scope.js';
import { pathIds } from '../../core/scope.js';
import * as regions from '../regions/service.js';
import * as people from '../people/service.js';
import { grantPathsOf, holdersAt, householdVillagers as villagersOf, namesWithRoles, userNames, workersWithin } from '../accounts/index.js';
import { notify } from '../notifications/service.js';
import * as attachments from '../attachments/service.js';
import * as repo from './repo.js';
import { caseCatalog, forgetCatalog } from './catalog-cache.js';
import { CATALOG, type CatalogEntry } from './catalog.js';
import { actionsFor, caseRegion, LEVEL_ROLES, mayAssign, partiesOf, reportSource, todoOf } from './policy.js';
import {
  acknowledgement,
  ANY,
  assignableGrant,
  mergeProblem,
  OTHER_CATEGORY,
  HANDLER_ROLES,
  levelAbove,
  nextServiceStep,
  RISK_LEVELS,
  nextStatus,
  RESULT_MIN_CHARS,
  resultStated,
  resultPhotos,
  MAX_RESULT_PHOTOS,
  beforeAfterPhotos,
  rankAssignees,
  type Action,
  type CaseType,
  type Priority,
  type Status,
  villagerSees,
} from './rules.js';
import * as timeLimits from './limits.js';
import { caseView, historyView } from './views.js';
import { ACTION_ZH } from './labels.js';
import * as pointsLedger from '../points/index.js';
import { firstReportCredit, mediatorCredit } from '../points/index.js';

export const invalidTransition = (zh = '当前状态不能执行该操作', en = 'This action is not allowed in the current state') =>
  new AppError('INVALID_TRANSITION', zh, en);

/** Inserts the default catalog's missing categories (idempotent; run at start-up). */
export async function ensureCatalog(ctx: Ctx) {
  await repo.insertCategories(
    ctx.db,
    CATALOG.map((e: CatalogEntry, i) => ({
      id: newId(),
      type: e.type,
      code: e.code,
      name: e.name,
      parent_code: null,
      group_name: e.group ?? null,
      skip_level: e.skipLevel ? 1 : 0,
      verify_required: 0,
      require_result_photo: 0,
      first_report_points: e.firstReportPoints ?? 0,
      sort_order: i,
      active: 1,
    })),
  );
  forgetCatalog(ctx);
}

export interface ReportInput {
  type: CaseType;
  category: string;
  title: string;
  description: string;
  regionId: string;
  householdId?: string;
  priority?: Priority;
  source?: string;
  idempotencyKey?: string;
  details?: Record<string, unknown>;
  /** Written in the report's own transaction (e.g. the visit or patrol item linking to the case); throwing undoes the report. */
  alongside?: (tx: Executor, caseId: string) => Promise<void>;
}

export async function report(ctx: Ctx, actor: Actor, input: ReportInput) {
  if (input.idempotencyKey) {
    const prior = await repo.byIdempotencyKey(ctx.db, actor.userId, input.idempotencyKey);
    if (prior) return detail(ctx, actor, prior.id);
  }
  const region = await regions.requireBodyRegion(ctx, actor, input.regionId);
  const catalog = await caseCatalog(ctx);
  const cat = catalog.byCode.get(input.category);
  if (!cat?.active || cat.type !== input.type) throw new AppError('VALIDATION_FAILED', '事件类别不存在或与事件类型不符', 'Unknown category for this case type');
  if (input.type === 'dispute') checkDisputeDetails(input.details);
  if (input.householdId) {
    const path = await people.householdRegionPath(ctx, input.householdId);
    if (!path || !isWithin(path, region.path) || !actor.scope.canSeeRow(path, input.householdId))
      throw new AppError('UNKNOWN_HOUSEHOLD', '所选户不存在或不在该区域内', 'Unknown household');
  }
  // The responsible level starts at the reporting place's village (or the place itself above it).
  const chain = await regions.getMany(ctx, pathIds(region.path));
  const level = chain.find((r) => r.level === 'village') ?? region;
  const now = ctx.clock.now();
  const priority = input.priority ?? 'normal';
  const limits = catalog.limitsFor(cat.code, level.level, priority);
  const clock = timeLimits.clockFrom(workCalendar(ctx), now, limits, 'accept');
  const id = newId();
  const row: repo.CaseRow = {
    id,
    county_id: region.county_id,
    seq: caseNumber(now, id),
    type: input.type,
    category_code: cat.code,
    title: input.title.trim(),
    description: input.description.trim(),
    priority,
    // Unless named: a grid worker's report, a villager's 随手拍, or what a cadre registers at the office (来访登记).
    source: input.source ?? reportSource(actor),
    region_id: region.id,
    region_path: region.path,
    household_id: input.householdId ?? null,
    reporter_id: actor.userId,
    idempotency_key: input.idempotencyKey ?? null,
    status: 'reported',
    card: null,
    level_region_id: level.id,
    level_region_path: level.path,
    assignee_id: null,
    ...clock,
    red_escalated: 0,
    extension_days: 0,
    extension_pending: 0,
    verified: 0,
    escalations: 0,
    reopened: 0,
    rating: null,
    rating_comment: null,
    resolved_level: null,
    details: input.details ? JSON.stringify(input.details) : null,
    reported_at: now.toISOString(),
    accepted_at: null,
    resolved_at: null,
    closed_at: null,
    updated_at: now.toISOString(),
    version: 0,
  };
  const reported = {
    id: newId(),
    case_id: id,
    action: 'report',
    from_status: null,
    to_status: 'reported',
    by_user_id: actor.userId,
    at: row.reported_at,
    note: null,
    data: null,
    idempotency_key: null,
  };
  // Read everything before the transaction: on SQLite it holds the only connection.
  const levelPeople = await holdersAt(ctx, LEVEL_ROLES, level.path);
  for (let attempt = 1; ; attempt++) {
    try {
      await writeReport(ctx, actor, input, row, reported, levelPeople);
      break;
    } catch (err) {
      const clash = uniqueViolation(err);
      // The same idempotency key raced in twice: the first one won; answer with it.
      if (clash && input.idempotencyKey) {
        const prior = await repo.byIdempotencyKey(ctx.db, actor.userId, input.idempotencyKey);
        if (prior) return detail(ctx, actor, prior.id);
      }
      // Two reports of the day drew the same case number (1 in 16.7 million): draw another.
      if (clash && /seq/.test(clash.target) && attempt < 3) {
        row.seq = caseNumber(now, newId());
        continue;
      }
      throw err;
    }
  }
  // The answer from what the report already knows: nothing of a new case needs reading back.
  const as = grantAt(actor.scope.grants, region.path);
  const roleName = as ? roleInWords(as.role, chain.find((r) => r.id === as.regionId)?.name ?? '', as.unit) : '';
  const names = new Map([[actor.userId, { name: actor.name, roleName }]]);
  const [view] = await caseView(ctx, [row], now.toISOString(), { regions: chain, names });
  return {
    ...view,
    history: historyView([reported], names),
    copies: [],
    attachments: [],
    photos: { before: [], after: [] },
    resultPhotoRequired: !!cat.require_result_photo,
    actions: actionsFor(actor, row),
    following: false,
    acknowledgement: acknowledgement(workCalendar(ctx), now, limits),
  };
}

/** The case number people read and say: the Shanghai day and six characters of the id (e.g. 20261127-3F9A0C). */
const caseNumber = (now: Date, id: string) => `${shanghaiDate(now).replaceAll('-', '')}-${id.slice(-6).toUpperCase()}`;

/** The report's rows, in one transaction. */
async function writeReport(ctx: Ctx, actor: Actor, input: ReportInput, row: repo.CaseRow, reported: repo.HistoryRow, levelPeople: string[]) {
  const { id } = row;
  const now = new Date(row.reported_at);
  await ctx.db.transaction().execute(async (tx) => {
    await repo.insert(tx, row);
    await repo.insertHistory(tx, [reported]);
    await audit(tx, now, actor, {
      action: 'case.report',
      entity: 'case',
      entityId: id,
      regionPath: row.region_path,
      detail: { type: row.type, category: row.category_code },
    });
    await notify(ctx, tx, levelPeople, { kind: 'assignment', title: `新上报事件待受理：${row.title}`, entity: 'case', entityId: id });
    if (input.alongside) await input.alongside(tx, id);
  });
}

/** A case the caller may see (in their jurisdiction, or theirs to report, handle, be copied on or follow), else 404. */
export async function requireCase(ctx: Ctx, actor: Actor, id: string, db: Executor = ctx.db) {
  const c = await repo.byId(db, id);
  if (!c) throw notFound('事件', 'Case');
  const visible =
    actor.scope.canSeeRow(c.region_path, c.household_id) ||
    c.reporter_id === actor.userId ||
    c.assignee_id === actor.userId ||
    (await repo.copiesOf(db, id)).some((x) => x.user_id === actor.userId) ||
    (!!c.followers && !!(await repo.isFollower(db, id, actor.userId)));
  if (!visible) throw notFound('事件', 'Case');
  return c;
}

export async function detail(ctx: Ctx, actor: Actor, id: string) {
  const c = await requireCase(ctx, actor, id);
  const [history, copies, files, follows] = await Promise.all([
    repo.historyOf(ctx.db, id),
    repo.copiesOf(ctx.db, id),
    attachments.listFor(ctx, 'case', id),
    c.followers ? repo.isFollower(ctx.db, id, actor.userId) : undefined,
  ]);
  // Everyone the page names, in one read: reporter, assignee, the history's actors (with the role each acts in
  // here), those copied in.
  const names = await namesWithRoles(
    ctx,
    [c.reporter_id, c.assignee_id ?? '', ...history.map((h) => h.by_user_id ?? ''), ...copies.map((x) => x.user_id)],
    c.region_path,
  );
  const [view] = await caseView(ctx, [c], ctx.clock.now().toISOString(), { names });
  // Someone who sees the case only because they follow it (我也遇到) does not learn which villager reported it, or
  // where they live (a grid worker's or cadre's report keeps their name: they report as officials).
  const onlyFollows =
    !!follows &&
    !actor.scope.canSeeRow(c.region_path, c.household_id) &&
    c.reporter_id !== actor.userId &&
    c.assignee_id !== actor.userId &&
    !copies.some((x) => x.user_id === actor.userId);
  if (onlyFollows) {
    const place = (view.details as { place?: { kind?: string } } | null)?.place;
    Object.assign(view, {
      ...(c.source === 'villager_photo' ? { reporterId: '', reporterName: '群众' } : {}),
      householdId: null,
      details: place?.kind === 'spot' ? { place } : null,
    });
  }
  const villagerSteps = new Set([...(c.source === 'villager_photo' ? ['report', 'attach'] : []), 'rate', 'follow']);
  // A villager (their only part is the reporter's side or following, no desk over the place) reads the steps meant for them.
  const villager = !caseRegion.canIn(actor, 'case.read', c.region_path) && [...partiesOf(actor, c)].every((p) => p === 'reporter');
  const steps = historyView(history, names);
  const shown = villager
    ? steps.filter((h) => villagerSees({ action: h.action, from: h.from, byVillager: h.by === actor.userId || names.get(h.by ?? '')?.role === 'villager' }))
    : steps;
  return {
    ...view,
    history: shown.map((h) => (onlyFollows && villagerSteps.has(h.action) && h.by !== actor.userId ? { ...h, by: null, byName: '群众', byRole: '' } : h)),
    // Whom the office copied in (抄告) is the office's too.
    copies: villager ? [] : copies.map((x) => ({ userId: x.user_id, name: names.get(x.user_id)?.name ?? '' })),
    // A villager sees the pictures (before and after) and what they sent themselves, not the office's documents.
    attachments: villager ? files.filter((f) => f.mime.startsWith('image/') || f.uploadedBy === actor.userId) : files,
    resultPhotoRequired: !!(await caseCatalog(ctx)).byCode.get(c.category_code)?.require_result_photo,
    photos: beforeAfterPhotos(
      steps.map((h) => ({ action: h.action, at: h.at, photoIds: Array.isArray(h.data?.photoIds) ? (h.data.photoIds as string[]) : [] })),
      files,
    ),
    actions: actionsFor(actor, c),
    following: !!follows,
    acknowledgement: c.status === 'reported' ? await acknowledgementOf(ctx, c, view.levelRegionLevel) : null,
  };
}

/** 已收到，村里将在N个工作日内受理: from the limits of the case's category at its level, counted from its report. */
async function acknowledgementOf(ctx: Ctx, c: repo.CaseRow, level: string) {
  const limits = (await caseCatalog(ctx)).limitsFor(c.category_code, level || ANY, c.priority as Priority);
  return acknowledgement(workCalendar(ctx), new Date(c.reported_at), limits);
}

export async function list(
  ctx: Ctx,
  actor: Actor,
  f: repo.CaseFilter & { regionId?: string; overdue?: boolean; box?: 'todo' | 'done' | 'overdue' | 'copied' | 'mine'; page: number; pageSize: number },
) {
  const filter: repo.CaseFilter = { ...f };
  // from/to are Shanghai calendar days, both inclusive: the repo compares instants, `to` exclusive.
  if (f.from && f.to && f.from > f.to) throw new AppError('VALIDATION_FAILED', '开始日期不能晚于结束日期', 'The start date is after the end date');
  if (f.from) filter.from = shanghaiMidnight(f.from);
  if (f.to) filter.to = shanghaiDayEnd(f.to);
  if (f.regionId) filter.regionPath = (await regions.requireVisible(ctx, actor, f.regionId)).path;
  const now = ctx.clock.now().toISOString();
  const mineToDo = {
    userId: actor.userId,
    ...todoOf(actor),
  };
  if (f.overdue || f.box === 'overdue') filter.overdueAt = now;
  if (f.box === 'copied') filter.copiedTo = actor.userId;
  if (f.box === 'mine') filter.reporterId = actor.userId;
  // 待办 and 超期 are the caller's own work: cases at their level or assigned to them.
  if (f.box === 'todo' || f.box === 'overdue') filter.todoFor = mineToDo;
  if (f.box === 'done') filter.actedBy = actor.userId;
  // 待办 and 超期: the most urgent first (红牌, 黄牌, the nearest due time); every other box: the newest report first.
  const order = f.box === 'todo' || f.box === 'overdue' ? 'urgency' : 'newest';
  const { total, rows } = await repo.list(ctx.db, actor.scope, actor.userId, filter, f.page, f.pageSize, order);
  return { total, items: await caseView(ctx, rows, now) };
}

export interface TransitionInput {
  /** A retried request with the same key returns the case as the first one left it, changing nothing. */
  idempotencyKey?: string;
  action: Action;
  note?: string;
  assigneeId?: string;
  rating?: number;
  days?: number;
  skipLevel?: boolean;
  /** Disputes: how mediation ended (协议 or 终止). */ outcome?: 'agreement' | 'terminated';
  /** Service requests: which of the six steps is recorded. */ step?: string;
  /** Mediation session place. */ place?: string;
  /** 派单 to a township unit (站所) instead of one person. */ unit?: string;
  /** 办结: pictures of the result, already attached to the case (办理后照片). */ photoIds?: string[];
  /** 受理: the real category (required for a villager's 其他). */ category?: string;
  /** 合并: the case this one is merged into. */ intoId?: string;
}

/** Applies one action: checked against the table and the caller's part, written with its history row in one transaction. */
export async function transition(ctx: Ctx, actor: Actor, id: string, input: TransitionInput) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const c = await requireCase(ctx, actor, id);
    if (input.idempotencyKey && (await repo.historyByKey(ctx.db, id, actor.userId, input.idempotencyKey))) return detail(ctx, actor, id);
    const from = c.status as Status;
    const to = nextStatus(from, input.action);
    if (!to) throw invalidTransition();
    if (!actionsFor(actor, c).includes(input.action)) {
      if (partiesOf(actor, c).size === 0) throw forbidden('您不是该事件的责任层级、上级或经办人', 'You have no part in this case');
      if (input.action === 'resolve' && c.status === 'dispatched' && partiesOf(actor, c).has('level'))
        throw new AppError(
          'HANDLER_NOT_STARTED',
          '该事件已派给经办人、尚未开始处置，只能由经办人办结；如需本级办结，请先让经办人退回',
          'The case is dispatched to a handler who has not started it: only they may resolve it, or return it to the level first',
        );
      throw invalidTransition('当前状态下您不能执行该操作', 'You cannot take this action in the current state');
    }
    const now = ctx.clock.now();
    const cat = (await caseCatalog(ctx)).byCode.get(c.category_code)!;
    const { patch, notices, data, credits, alongside } = await effects(ctx, actor, c, cat, input, now);
    // Whoever follows the case (我也遇到, a merged case's reporter) hears of every step.
    const followers = c.followers ? (await repo.followersOf(ctx.db, id)).map((f) => f.user_id).filter((u) => u !== actor.userId) : [];
    if (followers.length && input.action !== 'note' && input.action !== 'merge')
      notices.push({ to: followers, kind: 'status', title: `您关注的事件有新进展（${ACTION_ZH[input.action] ?? '办理'}）：${c.title}` });
    const written = await ctx.db.transaction().execute(async (tx) => {
      const ok = await repo.updateVersioned(tx, id, c.version, { ...patch, status: to, updated_at: now.toISOString() });
      if (!ok) return false;
      await repo.insertHistory(tx, [
        {
          id: newId(),
          case_id: id,
          action: input.action,
          from_status: from,
          to_status: to,
          by_user_id: actor.userId,
          at: now.toISOString(),
          note: input.note?.trim() || null,
          data: data ? JSON.stringify(data) : null,
          idempotency_key: input.idempotencyKey ?? null,
        },
      ]);
      if (input.action === 'copy' && input.assigneeId) await repo.insertCopy(tx, { case_id: id, user_id: input.assigneeId, at: now.toISOString() });
      await audit(tx, now, actor, { action: `case.${input.action}`, entity: 'case', entityId: id, regionPath: c.region_path, detail: { from, to, ...data } });
      for (const n of notices) await notify(ctx, tx, n.to, { kind: n.kind, title: n.title, entity: 'case', entityId: id });
      // Points the step earns (首报激励, 调解奖励): once per case, whatever is retried or reopened.
      for (const p of credits) await pointsLedger.postOnce(tx, p);
      if (alongside) await alongside(tx);
      return true;
    });
    if (written) return detail(ctx, actor, id);
    // Someone else changed the case meanwhile: re-read and re-check.
  }
  throw new AppError('CONFLICT', '事件正被他人处理，请刷新后重试', 'The case changed meanwhile; reload and retry');
}

type Notice = { to: string[]; kind: Parameters<typeof notify>[3]['kind']; title: string };

/** What an action changes beyond the status, who hears of it, and what the history row records. */
async function effects(ctx: Ctx, actor: Actor, c: repo.CaseRow, catNow: repo.CategoryRow, input: TransitionInput, now: Date) {
  let cat = catNow;
  const patch: Partial<repo.CaseRow> = {};
  const notices: Notice[] = [];
  const credits: pointsLedger.Posting[] = [];
  let data: Record<string, unknown> | null = null;
  /** Further rows the action writes in its transaction (合并: the other case's followers and timeline). */
  let alongside: ((tx: Executor) => Promise<void>) | null = null;
  // 受理 may name the real category (a villager's 其他 must get one): its limits and 首报激励 then apply.
  if (input.action === 'accept' && (input.category || c.category_code === OTHER_CATEGORY)) cat = await acceptedCategory(ctx, c, input.category);
  // The limits of the level the case sits at (按层级时限).
  const limits = (await caseCatalog(ctx)).limitsFor(cat.code, (await regions.get(ctx, c.level_region_id))?.level ?? ANY, c.priority as Priority);
  const levelPeople = () => holdersAt(ctx, LEVEL_ROLES, c.level_region_path);
  switch (input.action) {
    case 'accept': {
      if (cat.code !== c.category_code) {
        patch.category_code = cat.code;
        data = { categoryFrom: c.category_code, categoryTo: cat.code, categoryName: cat.name };
      }
      Object.assign(patch, timeLimits.clockFrom(workCalendar(ctx), now, limits, 'resolve', c.extension_days), {
        accepted_at: now.toISOString(),
        card: c.card === 'red' ? 'red' : null,
      });
      notices.push({ to: [c.reporter_id], kind: 'status', title: `您上报的事件已受理：${c.title}` });
      const first = await firstReportCredit(
        ctx,
        { id: c.id, title: c.title, reporterId: c.reporter_id, regionPath: c.region_path, type: c.type },
        cat.first_report_points,
        now,
      );
      if (first) credits.push(first);
      break;
    }
    case 'reject':
      if (!input.note?.trim()) throw new AppError('VALIDATION_FAILED', '不予受理须填写理由', 'A reason is required');
      Object.assign(patch, { closed_at: now.toISOString(), card: null });
      notices.push({ to: [c.reporter_id], kind: 'status', title: `您上报的事件不予受理：${c.title}` });
      break;
    case 'dispatch': {
      if (input.unit) {
        const staff = await unitStaff(ctx, c.level_region_path, input.unit);
        if (!staff.length) throw new AppError('VALIDATION_FAILED', `本乡镇没有${input.unit}的工作人员账号`, 'Nobody works in that unit here');
        Object.assign(patch, { assignee_unit: input.unit, assignee_id: null });
        data = { unit: input.unit };
        notices.push({ to: staff, kind: 'assignment', title: `新派单（${input.unit}）：${c.title}` });
        break;
      }
      if (!input.assigneeId) throw new AppError('VALIDATION_FAILED', '请选择经办人', 'Choose who handles the case');
      await requireAssignable(ctx, input.assigneeId, c.level_region_path, '经办人须为本级或下级的工作人员', 'The handler must work at this level or below');
      Object.assign(patch, { assignee_id: input.assigneeId, assignee_unit: null });
      // The name is kept with the step: the timeline stays readable after the case moves on.
      data = { assigneeId: input.assigneeId, assigneeName: (await userNames(ctx, [input.assigneeId])).get(input.assigneeId)?.name ?? '' };
      notices.push({ to: [input.assigneeId], kind: 'assignment', title: `新派单：${c.title}` });
      break;
    }
    case 'return':
      if (c.status === 'resolved') break; // the level sends a resolution back to its handler
      Object.assign(patch, { assignee_id: null, assignee_unit: null });
      notices.push({ to: await levelPeople(), kind: 'status', title: `事件被退回：${c.title}` });
      break;
    case 'resolve':
      if (c.household_id)
        notices.push({ to: await householdVillagers(ctx, c.household_id), kind: 'status', title: `为您家办理的事项已办结，请评价：${c.title}` });
      if (c.type === 'dispute') {
        if (!input.outcome) throw new AppError('VALIDATION_FAILED', '请选择调解结果：达成协议或终止调解', 'Choose the outcome: agreement or terminated');
        if (!input.note?.trim())
          throw new AppError(
            'VALIDATION_FAILED',
            input.outcome === 'agreement' ? '请填写调解协议内容' : '请填写终止调解的原因',
            'Describe the agreement or why mediation ended',
          );
        data = { outcome: input.outcome };
        if (input.outcome === 'agreement') {
          const reward = await mediatorCredit(ctx, { id: c.id, title: c.title, regionPath: c.region_path }, c.assignee_id ?? actor.userId, now);
          if (reward) credits.push(reward);
        }
      }
      // 办结须写明办理结果: the reporter is asked to rate what they can read.
      if (!resultStated(input.note))
        throw new AppError('RESULT_REQUIRED', `请写明办理结果（至少${RESULT_MIN_CHARS}个字）`, `State what was done (at least ${RESULT_MIN_CHARS} characters)`);
      {
        // The pictures of the result: those named, else those taken since the case was accepted (办理后照片).
        const shown = resultPhotos(!!cat.require_result_photo, input.photoIds, await attachments.listFor(ctx, 'case', c.id), c.accepted_at);
        if ('problem' in shown) throw resultPhotoError(shown.problem, cat.name);
        if (shown.ids.length) data = { ...data, photoIds: shown.ids };
      }
      Object.assign(patch, { resolved_at: now.toISOString(), card: null, resolved_level: (await regions.get(ctx, c.level_region_id))?.level ?? null });
      notices.push({ to: [c.reporter_id], kind: 'status', title: `您上报的事件已办结，请评价：${c.title}` });
      break;
    case 'escalate': {
      const target = levelAbove(pathIds(c.level_region_path), !!input.skipLevel);
      if (input.skipLevel && !cat.skip_level) throw new AppError('VALIDATION_FAILED', '该类别不允许越级上报', 'This category may not skip a level');
      if (!target) throw invalidTransition('已是最高层级，不能再上报', 'Already at the top level');
      const r = (await regions.get(ctx, target))!;
      // The new level's own clock starts now; a red card stays red until the case is resolved.
      Object.assign(patch, {
        level_region_id: r.id,
        level_region_path: r.path,
        escalations: c.escalations + 1,
        ...(await timeLimits.clockAtLevel(ctx.db, workCalendar(ctx), c, r.level, now)),
        red_escalated: 0,
        card: c.card === 'red' ? 'red' : null,
      });
      data = { toRegionId: r.id, toRegionName: r.name, skip: !!input.skipLevel };
      notices.push({ to: await holdersAt(ctx, LEVEL_ROLES, r.path), kind: 'escalated', title: `下级上报事件：${c.title}` });
      break;
    }
    case 'supervise':
      notices.push({ to: [...(await levelPeople()), ...(c.assignee_id ? [c.assignee_id] : [])], kind: 'supervised', title: `上级督办：${c.title}` });
      break;
    case 'copy': {
      if (!input.assigneeId) throw new AppError('VALIDATION_FAILED', '请选择抄告对象', 'Choose whom to copy');
      // A copy opens the case to its recipient: only to people the level could dispatch to.
      await requireAssignable(ctx, input.assigneeId, c.level_region_path, '抄告对象须为本级可派单的工作人员', 'Copy only to staff this level may dispatch to');
      const copied = (await userNames(ctx, [input.assigneeId])).get(input.assigneeId);
      if (!copied) throw new AppError('VALIDATION_FAILED', '抄告对象不存在', 'Unknown user');
      data = { userId: input.assigneeId, userName: copied.name };
      notices.push({ to: [input.assigneeId], kind: 'copied', title: `抄告：${c.title}` });
      break;
    }
    case 'request_extension': {
      const days = input.days ?? 0;
      if (!Number.isInteger(days) || days < 1 || days > 30)
        throw new AppError('VALIDATION_FAILED', '延期天数须为1至30个工作日', 'Extension must be 1-30 working days');
      if (!input.note?.trim()) throw new AppError('VALIDATION_FAILED', '申请延期须说明理由', 'A reason is required');
      patch.extension_pending = 1;
      data = { days };
      notices.push({ to: await aboveLevel(ctx, c), kind: 'extension', title: `延期申请待审批：${c.title}` });
      break;
    }
    case 'approve_extension': {
      const days = await pendingExtensionDays(ctx, c.id);
      const total = c.extension_days + days;
      Object.assign(patch, { extension_pending: 0, extension_days: total });
      // The running clock moves by the granted days; a red card raised before stays until resolved.
      if (c.yellow_at && c.red_at)
        Object.assign(patch, {
          yellow_at: workCalendar(ctx).addWorkingDays(new Date(c.yellow_at), days).toISOString(),
          red_at: workCalendar(ctx).addWorkingDays(new Date(c.red_at), days).toISOString(),
          card: c.card === 'red' ? 'red' : null,
        });
      data = { days };
      notices.push({ to: await levelPeople(), kind: 'extension', title: `延期申请已批准：${c.title}` });
      break;
    }
    case 'deny_extension':
      patch.extension_pending = 0;
      notices.push({ to: await levelPeople(), kind: 'extension', title: `延期申请未批准：${c.title}` });
      break;
    case 'rate': {
      const rating = input.rating;
      if (!rating || !Number.isInteger(rating) || rating < 1 || rating > 5) throw new AppError('VALIDATION_FAILED', '评价须为1至5星', 'Rating must be 1-5');
      Object.assign(patch, { rating, rating_comment: input.note?.trim() || null });
      data = { rating };
      // Low ratings are visible to the level above.
      notices.push({
        to: rating <= 2 ? [...(await levelPeople()), ...(await aboveLevel(ctx, c))] : await levelPeople(),
        kind: 'rated',
        title: `群众评价${rating}星：${c.title}`,
      });
      break;
    }
    case 'verify':
      patch.verified = 1;
      break;
    case 'archive':
      if (cat.verify_required && !c.verified)
        throw invalidTransition('该类别须经上级核实后才能归档', 'This category needs verification by the level above before archiving');
      patch.closed_at = now.toISOString();
      break;
    case 'reopen':
      Object.assign(patch, {
        reopened: c.reopened + 1,
        resolved_at: null,
        closed_at: null,
        rating: null,
        rating_comment: null,
        verified: 0,
        red_escalated: 0,
        card: null,
        accepted_at: now.toISOString(),
        ...timeLimits.clockFrom(workCalendar(ctx), now, limits, 'resolve'),
        extension_days: 0,
      });
      notices.push({ to: [...(await levelPeople()), ...(await aboveLevel(ctx, c))], kind: 'status', title: `回头看：事件重新办理：${c.title}` });
      break;
    case 'step': {
      const done = (await repo.historyOf(ctx.db, c.id)).filter((h) => h.action === 'step').map((h) => String(JSON.parse(h.data ?? '{}').step));
      const due = nextServiceStep(done);
      if (!due) throw invalidTransition('六个代办步骤均已记录', 'All six steps are recorded');
      if (input.step !== due) throw new AppError('VALIDATION_FAILED', `请按顺序记录代办步骤，下一步是“${due}”`, `Record the steps in order; next is ${due}`);
      data = { step: due };
      if (due === '反馈') notices.push({ to: [c.reporter_id], kind: 'status', title: `代办事项有反馈：${c.title}` });
      break;
    }
    case 'mediate':
      if (!input.note?.trim()) throw new AppError('VALIDATION_FAILED', '请填写本次调解情况', 'Describe the mediation session');
      data = { place: input.place?.trim() || null };
      break;
    case 'revisit':
      if (!input.note?.trim()) throw new AppError('VALIDATION_FAILED', '请填写回访情况', 'Describe the follow-up visit');
      break;
    case 'merge': {
      const merged = await mergeEffects(ctx, actor, c, input.intoId, now);
      Object.assign(patch, { closed_at: now.toISOString(), card: null });
      data = merged.data;
      alongside = merged.alongside;
      break;
    }
    case 'start':
    case 'note':
      break;
  }
  return { patch, notices, data, credits, alongside };
}

/** The category a case is accepted under: the one named (active, of the case's type), else its own unless that is 其他. */
async function acceptedCategory(ctx: Ctx, c: repo.CaseRow, code: string | undefined): Promise<repo.CategoryRow> {
  const byCode = (await caseCatalog(ctx)).byCode;
  if (!code)
    throw new AppError('CATEGORY_REQUIRED', '群众反映的“其他”事项，受理时请选择事件类别', 'Choose the category when accepting a case reported under “other”');
  const cat = byCode.get(code);
  if (!cat?.active || cat.type !== c.type || cat.code === OTHER_CATEGORY)
    throw new AppError('VALIDATION_FAILED', '所选事件类别不存在、已停用或与事件类型不符', 'Unknown or inactive category for this case type');
  return cat;
}

/**
 * 合并: case `c` ends as merged into `intoId`, an open case of the same level the caller acts for. Its reporter and
 * followers become followers of the other case; both timelines say so; both reporters are told.
 */
async function mergeEffects(ctx: Ctx, actor: Actor, c: repo.CaseRow, intoId: string | undefined, now: Date) {
  if (!intoId) throw new AppError('VALIDATION_FAILED', '请选择要合并到的事件', 'Choose the case to merge into');
  const into = await repo.byId(ctx.db, intoId);
  if (!into || !partiesOf(actor, into).has('level')) throw new AppError('VALIDATION_FAILED', '要合并到的事件不存在或不由您办理', 'Unknown case to merge into');
  const problem = mergeProblem(c, into);
  if (problem) throw new AppError('VALIDATION_FAILED', problem.zh, problem.en);
  const followers = c.followers ? (await repo.followersOf(ctx.db, c.id)).map((f) => f.user_id) : [];
  const moving = [...new Set([c.reporter_id, ...followers])].filter((u) => u !== into.reporter_id);
  const at = now.toISOString();
  // Both reporters are told, pointing at the case that goes on.
  const notices: Notice[] = [
    { to: moving, kind: 'status', title: `您反映的事件已与同一件事合并办理，今后进展见：${into.title}` },
    { to: [into.reporter_id], kind: 'status', title: `另有群众反映了同一件事，已合并到您上报的事件：${into.title}` },
  ];
  const alongside = async (tx: Executor) => {
    for (const n of notices) await notify(ctx, tx, n.to, { kind: n.kind, title: n.title, entity: 'case', entityId: into.id });
    await repo.insertFollowers(
      tx,
      moving.map((user_id) => ({ case_id: into.id, user_id, via: 'merge', at })),
    );
    await repo.recountFollowers(tx, into.id);
    await repo.insertHistory(tx, [
      {
        id: newId(),
        case_id: into.id,
        action: 'merge_in',
        from_status: into.status,
        to_status: into.status,
        by_user_id: actor.userId,
        at,
        note: `合并了同一件事的另一次反映：${c.seq} ${c.title}`,
        data: JSON.stringify({ fromId: c.id, fromSeq: c.seq, fromTitle: c.title }),
      },
    ]);
    await audit(tx, now, actor, { action: 'case.merge_in', entity: 'case', entityId: into.id, regionPath: into.region_path, detail: { fromId: c.id } });
  };
  return { data: { intoId: into.id, intoSeq: into.seq, intoTitle: into.title }, alongside };
}

function resultPhotoError(problem: 'RESULT_PHOTO_REQUIRED' | 'TOO_MANY_PHOTOS' | 'UNKNOWN_PHOTO', category: string) {
  switch (problem) {
    case 'RESULT_PHOTO_REQUIRED':
      return new AppError(
        'RESULT_PHOTO_REQUIRED',
        `“${category}”类事件办结须附至少一张现场照片`,
        `Resolving a ${category} case needs at least one photo of the result`,
      );
    case 'TOO_MANY_PHOTOS':
      return new AppError('VALIDATION_FAILED', `办结照片最多${MAX_RESULT_PHOTOS}张`, `At most ${MAX_RESULT_PHOTOS} result photos`);
    case 'UNKNOWN_PHOTO':
      return new AppError('UNKNOWN_PHOTO', '办结照片须是已上传到本事件的照片', 'Result photos must be pictures attached to this case');
  }
}

/**
 * Who the responsible level may dispatch to or copy: people working inside its
 * subtree (grid workers, party members, mediators, cadres) and the township's
 * staff above a village (站所), nearest first.
 */
export async function assigneeCandidates(ctx: Ctx, actor: Actor, id: string) {
  const c = await requireCase(ctx, actor, id);
  // Names, phones and roles of the staff: for those who hand the case on, not for every viewer (the reporting villager).
  if (!mayAssign(actor, c))
    throw forbidden('只有可派单或抄告该事件的人员可以查看经办人员名单', 'Only those who may dispatch or copy this case see the staff list');
  const within = await workersWithin(ctx, c.level_region_path, HANDLER_ROLES);
  const township = await servingTownship(ctx, c.level_region_path);
  const above = township ? await workersWithin(ctx, township.path, ['township_staff']) : [];
  // Where each works, as people say it (孟家湾村 / 一组网格), not the bare grid.
  const places = await regions.getMany(
    ctx,
    [...within, ...above].map((w) => w.regionId),
  );
  const placeOf = await regions.placeNames(
    ctx,
    places.map((r) => r.path),
  );
  const regionNames = new Map(places.map((r) => [r.id, placeOf(r.path)]));
  const seen = new Set<string>();
  const listed = [...within, ...above.filter((a) => a.regionId === township!.id)]
    .filter((w) => !seen.has(w.userId + w.role) && seen.add(w.userId + w.role))
    .map((w) => ({ ...w, regionName: regionNames.get(w.regionId) ?? '' }));
  // The case's grid worker and the level's usual handlers (last 90 days) first.
  const since = new Date(ctx.clock.now().getTime() - 90 * 86_400_000).toISOString();
  const people = rankAssignees(listed, c.region_id, await repo.usualAssignees(ctx.db, c.level_region_id, since));
  const units = [...new Set(above.filter((a) => a.regionId === township?.id && a.unit).map((a) => a.unit!))];
  return { people, units };
}

/** Villager accounts acting for a household (they follow and rate cases reported for it). */
async function householdVillagers(ctx: Ctx, householdId: string): Promise<string[]> {
  const path = await people.householdRegionPath(ctx, householdId);
  return path ? villagersOf(ctx, householdId, path) : [];
}

/** Active staff of a township unit serving the level (the township at or above it). */
async function unitStaff(ctx: Ctx, levelPath: string, unit: string): Promise<string[]> {
  const township = await regions.ancestorAt(ctx, levelPath, 'township');
  if (!township) return [];
  return (await workersWithin(ctx, township.path, ['township_staff'])).filter((w) => w.regionId === township.id && w.unit === unit).map((w) => w.userId);
}

async function aboveLevel(ctx: Ctx, c: repo.CaseRow): Promise<string[]> {
  const up = levelAbove(pathIds(c.level_region_path));
  if (!up) return [];
  const r = await regions.get(ctx, up);
  return r ? holdersAt(ctx, ['township_leader', 'admin'], r.path) : [];
}

async function pendingExtensionDays(ctx: Ctx, caseId: string): Promise<number> {
  const h = (await repo.historyOf(ctx.db, caseId)).filter((x) => x.action === 'request_extension').at(-1);
  return Number((h?.data ? JSON.parse(h.data) : {}).days ?? 0);
}

/** The township whose 站所 serve a level: the level's parent when that is a township. */
async function servingTownship(ctx: Ctx, levelPath: string) {
  const up = levelAbove(pathIds(levelPath));
  const township = up ? await regions.get(ctx, up) : null;
  return township?.level === 'township' ? township : null;
}

/** Dispatch and copy go to the people assigneeCandidates lists: staff inside the level, or the serving township's 站所. */
async function requireAssignable(ctx: Ctx, userId: string, levelPath: string, zh: string, en: string) {
  const [grants, township] = await Promise.all([grantPathsOf(ctx, userId), servingTownship(ctx, levelPath)]);
  if (!grants.some((g) => assignableGrant(g, levelPath, township?.path ?? null))) throw new AppError('VALIDATION_FAILED', zh, en);
}

/** Photos and files from anyone with a part in the case, while it is not closed; one history row per upload. */
export async function attachFiles(ctx: Ctx, actor: Actor, id: string, files: attachments.Upload[]) {
  const c = await requireCase(ctx, actor, id);
  if (partiesOf(actor, c).size === 0 && !actor.scope.canSeeRow(c.region_path, c.household_id)) throw forbidden();
  if (c.status === 'archived' || c.status === 'rejected') throw invalidTransition('已归档或不予受理的事件不能再添加附件', 'Closed cases take no more files');
  const now = ctx.clock.now().toISOString();
  const stored = await ctx.db.transaction().execute(async (tx) => {
    const out = await attachments.attachAll(ctx, tx, 'case', id, actor.userId, files);
    await repo.insertHistory(tx, [
      {
        id: newId(),
        case_id: id,
        action: 'attach',
        from_status: c.status,
        to_status: c.status,
        by_user_id: actor.userId,
        at: now,
        note: `上传附件${out.length}个`,
        data: JSON.stringify({ ids: out.map((a) => a.id) }),
      },
    ]);
    await audit(tx, ctx.clock.now(), actor, {
      action: 'case.attach',
      entity: 'case',
      entityId: id,
      regionPath: c.region_path,
      detail: { files: out.map((a) => ({ id: a.id, size: a.size, mime: a.mime })) },
    });
    return out;
  });
  return stored;
}

export async function openAttachment(ctx: Ctx, actor: Actor, id: string, attachmentId: string) {
  await requireCase(ctx, actor, id);
  const file = await attachments.open(ctx, 'case', id, attachmentId);
  if (!file) throw notFound('附件', 'Attachment');
  return file;
}

/** 矛盾纠纷登记: at least two parties (当事人) and a risk level. */
function checkDisputeDetails(details: Record<string, unknown> | undefined) {
  const parties = Array.isArray(details?.parties) ? (details.parties as { name?: unknown }[]) : [];
  if (parties.filter((p) => typeof p?.name === 'string' && p.name.trim()).length < 2)
    throw new AppError('VALIDATION_FAILED', '纠纷登记须填写至少两方当事人', 'A dispute needs at least two parties');
  if (!RISK_LEVELS.includes(details?.riskLevel as never)) throw new AppError('VALIDATION_FAILED', '请选择风险等级（低、中、高）', 'Choose the risk level');
}

/** KPIs of the cases reported in a subtree, including the 小事不出村 rate (resolved without leaving the village). */
export async function stats(ctx: Ctx, actor: Actor, regionId?: string) {
  const regionPath = regionId ? (await regions.requireVisible(ctx, actor, regionId)).path : undefined;
  const { byStatus, agg } = await repo.stats(ctx.db, actor.scope, actor.userId, regionPath, ctx.clock.now().toISOString());
  const n = (v: unknown) => Number(v ?? 0);
  const total = byStatus.reduce((s, r) => s + r.n, 0);
  const resolved = n(agg?.resolved);
  return {
    total,
    byStatus,
    resolved,
    overdue: n(agg?.overdue),
    escalated: n(agg?.escalated),
    reopened: n(agg?.reopened),
    lowRatings: n(agg?.low_ratings),
    avgRating: agg?.avg_rating == null ? null : Math.round(Number(agg.avg_rating) * 10) / 10,
    resolvedInVillage: n(agg?.in_village),
    villageRate: resolved ? Math.round((n(agg?.in_village) / resolved) * 1000) / 1000 : null,
  };
}

/** The open red-card and escalated cases of a subtree, as list items (for the weekly 会商 agenda). */
export async function agendaCases(ctx: Ctx, path: string, limit = 200) {
  return caseView(ctx, await repo.openRedOrEscalated(ctx.db, path, limit), ctx.clock.now().toISOString());
}

export async function casesByIds(ctx: Ctx, ids: string[]) {
  if (!ids.length) return [];
  return caseView(ctx, await repo.byIds(ctx.db, ids), ctx.clock.now().toISOString());
}

/**
 * A decision of the township's weekly 会商 on a case, recorded on its timeline
 * (the level or the level above may record it) and told to the people working on it.
 */
export async function recordConsultation(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { consultationId: string; title: string; decision: string },
  alongside?: (tx: Executor) => Promise<void>,
) {
  const c = await requireCase(ctx, actor, id);
  const parts = partiesOf(actor, c);
  // The township's meeting decides on every case of its territory, also one that has climbed past it.
  if (!parts.has('level') && !parts.has('above') && !caseRegion.canIn(actor, 'case.supervise', c.region_path))
    throw forbidden('只有责任层级或上级可以记录会商决定', 'Only the responsible level or the level above records consultation decisions');
  const now = ctx.clock.now();
  const to = [...(await holdersAt(ctx, LEVEL_ROLES, c.level_region_path)), ...(c.assignee_id ? [c.assignee_id] : [])];
  await ctx.db.transaction().execute(async (tx) => {
    if (alongside) await alongside(tx); // the meeting's own record, in the same transaction
    await repo.insertHistory(tx, [
      {
        id: newId(),
        case_id: id,
        action: 'consult',
        from_status: c.status,
        to_status: c.status,
        by_user_id: actor.userId,
        at: now.toISOString(),
        note: input.decision,
        data: JSON.stringify({ consultationId: input.consultationId, title: input.title }),
      },
    ]);
    await audit(tx, now, actor, {
      action: 'case.consult',
      entity: 'case',
      entityId: id,
      regionPath: c.region_path,
      detail: { consultationId: input.consultationId },
    });
    await notify(ctx, tx, to, { kind: 'supervised', title: `会商决定：${c.title}`, entity: 'case', entityId: id });
  });
}

/** 2027年2月10日 10:00 */
const zhInstant = (iso: string) => {
  const [d, t] = shanghaiDateTime(new Date(iso)).split(' ');
  return `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日 ${t}`;
};

/**
 * Moves every open case's clock from the calendar `before` to `after` (工作日历调整),
 * inside the caller's transaction (the calendar's save): the limits each clock
 * started with are kept, the days they fall on move. Each case that changes gets
 * a history note and an audit row; a yellow card whose instant moved past `now`
 * is withdrawn (a red card has already climbed a level and stays). Returns how
 * many cases changed.
 */
export async function recomputeForCalendar(tx: Executor, actor: Actor, before: WorkCalendar, after: WorkCalendar, now: Date): Promise<number> {
  const open = await repo.openClocked(tx);
  const escalated = await repo.lastEscalations(
    tx,
    open.map((c) => c.id),
  );
  const iso = now.toISOString();
  let changed = 0;
  for (const c of open) {
    const moved = reclock(
      {
        status: c.status as Status,
        reportedAt: c.reported_at,
        acceptedAt: c.accepted_at,
        lastEscalationAt: escalated.get(c.id) ?? null,
        yellowAt: c.yellow_at!,
        redAt: c.red_at!,
      },
      before,
      after,
    );
    if (moved.yellowAt === c.yellow_at && moved.redAt === c.red_at) continue;
    const withdraw = c.card === 'yellow' && moved.yellowAt > iso;
    const ok = await repo.updateVersioned(tx, c.id, c.version, {
      yellow_at: moved.yellowAt,
      red_at: moved.redAt,
      ...(withdraw ? { card: null } : {}),
      updated_at: iso,
    });
    // On PostgreSQL a person may have changed the case since it was read: the whole save is retried.
    if (!ok) throw new AppError('CONFLICT', '保存时有事件正被办理，请稍后重试', 'A case changed while saving; retry');
    const parts = [
      moved.redAt !== c.red_at
        ? `办理期限由${zhInstant(c.red_at!)}改为${zhInstant(moved.redAt)}`
        : `黄牌时间由${zhInstant(c.yellow_at!)}改为${zhInstant(moved.yellowAt)}`,
      ...(withdraw ? ['黄牌撤销'] : []),
    ];
    const data = { dueFrom: c.red_at, dueTo: moved.redAt, yellowFrom: c.yellow_at, yellowTo: moved.yellowAt, cardWithdrawn: withdraw };
    await repo.insertHistory(tx, [
      {
        id: newId(),
        case_id: c.id,
        action: 'calendar',
        from_status: c.status,
        to_status: c.status,
        by_user_id: actor.userId,
        at: iso,
        note: `工作日历调整：${parts.join('，')}`,
        data: JSON.stringify(data),
      },
    ]);
    await audit(tx, now, actor, { action: 'case.calendar', entity: 'case', entityId: c.id, regionPath: c.region_path, detail: data });
    changed++;
  }
  return changed;
}
