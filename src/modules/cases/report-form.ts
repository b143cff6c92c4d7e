// 随手拍 for villagers: plain-word choices mapped by each village to its categories, a report made from a choice
// with photos and a place, similar open cases offered before sending (这件事已有人反映), and following one (我也遇到).
// The rules are in rules.ts; this file reads and writes around them.
import { z } from 'zod';
import type { Actor, Ctx } from '../../core/context.js';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import { audit } from '../../core/audit.js';
import { newId } from '../../core/ids.js';
import { pathIds } from '../../core/scope.js';
import * as regions from '../regions/service.js';
import * as people from '../people/service.js';
import { holdersAt } from '../accounts/index.js';
import { notify } from '../notifications/service.js';
import * as repo from './repo.js';
import { caseCatalog } from './catalog-cache.js';
import { STATUS_ZH } from './labels.js';
import { caseView } from './views.js';
import { LEVEL_ROLES, mayEditChoices, mayFollow } from './policy.js';
import * as service from './service.js';
import {
  choiceSettings,
  DEFAULT_CHOICES,
  effectiveChoices,
  isOpen,
  OTHER_CATEGORY,
  OTHER_CHOICE,
  reportTitle,
  resolveChoice,
  similarCases,
  similarSince,
  type Status,
} from './rules.js';

/** The village a place lies in (a place above village level has none: 随手拍 is a village's matter). */
async function villageOf(ctx: Ctx, path: string) {
  const village = await regions.ancestorAt(ctx, path, 'village');
  if (!village) throw new AppError('UNKNOWN_REGION', '请选择村或网格内的地点', 'Choose a place inside a village');
  return village;
}

const choiceItem = z.object({
  code: z.string(),
  label: z.string(),
  badge: z.string().describe('one character shown in the choice’s round badge'),
  type: z.string(),
  category: z.string(),
  categoryName: z.string(),
  acceptDays: z.number().describe('working days within which the village accepts a report of this choice'),
});

export const choicesView = z.object({
  villageId: z.string(),
  villageName: z.string(),
  items: z.array(choiceItem).describe('what the village’s villagers are offered, 其他 last'),
  settings: z
    .array(z.object({ code: z.string(), label: z.string(), badge: z.string(), category: z.string(), active: z.boolean() }))
    .describe('every choice but 其他 as the village set it (order, category, on/off), for its cadres to edit'),
});

async function choicesOfVillage(ctx: Ctx, village: { id: string; name: string }) {
  const [own, catalog] = await Promise.all([repo.choiceOverrides(ctx.db, village.id), caseCatalog(ctx)]);
  const active = new Map(catalog.categories.filter((c) => c.active || c.code === OTHER_CATEGORY).map((c) => [c.code, c.type]));
  const overrides = own.map((o) => ({ code: o.choice_code, category: o.category_code, active: !!o.active, sortOrder: o.sort_order }));
  const list = effectiveChoices(DEFAULT_CHOICES, overrides, active);
  return {
    villageId: village.id,
    villageName: village.name,
    settings: choiceSettings(DEFAULT_CHOICES, overrides),
    items: list.map((c) => ({
      ...c,
      categoryName: catalog.byCode.get(c.category)?.name ?? c.category,
      acceptDays: catalog.limitsFor(c.category, 'village', 'normal').acceptYellow,
    })),
  };
}

/** The choices offered where the caller reports (their grid or household's village). */
export async function choices(ctx: Ctx, actor: Actor, regionId: string) {
  const region = await regions.requireBodyRegion(ctx, actor, regionId);
  return choicesOfVillage(ctx, await villageOf(ctx, region.path));
}

export const choicesBody = z.object({
  items: z
    .array(
      z.object({
        code: z.string().min(1).max(40),
        category: z.string({ error: '请选择对应的事件类别' }).min(1, { error: '请选择对应的事件类别' }).max(40),
        active: z.boolean(),
      }),
    )
    .max(DEFAULT_CHOICES.length, { error: '选项过多' })
    .describe('the choices in the order villagers see them; 其他 is always offered last and is not listed'),
});

/** A village's own choices: which category each stands for, which are offered, in what order. */
export async function setChoices(ctx: Ctx, actor: Actor, villageId: string, input: z.infer<typeof choicesBody>) {
  const village = await regions.requireVisible(ctx, actor, villageId);
  if (village.level !== 'village') throw new AppError('VALIDATION_FAILED', '随手拍选项按村设置，请选择一个村', 'Choices are set per village');
  if (!mayEditChoices(actor, village.path))
    throw forbidden('只有本村两委或系统管理员可以设置随手拍选项', 'Only the village’s cadres or administrators set its report choices');
  const known = new Set(DEFAULT_CHOICES.map((c) => c.code));
  const catalog = await caseCatalog(ctx);
  const seen = new Set<string>();
  for (const it of input.items) {
    if (!known.has(it.code) || it.code === OTHER_CHOICE || seen.has(it.code))
      throw new AppError('VALIDATION_FAILED', '未知或重复的随手拍选项（“其他”始终提供，无需设置）', 'Unknown or repeated choice');
    seen.add(it.code);
    const cat = catalog.byCode.get(it.category);
    if (!cat?.active || cat.code === OTHER_CATEGORY) throw new AppError('VALIDATION_FAILED', '对应的事件类别不存在或已停用', 'Unknown or inactive category');
  }
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    await repo.replaceChoiceOverrides(
      tx,
      village.id,
      input.items.map((it, i) => ({
        village_id: village.id,
        choice_code: it.code,
        category_code: it.category,
        active: it.active ? 1 : 0,
        sort_order: i,
        updated_at: now.toISOString(),
      })),
    );
    await audit(tx, now, actor, { action: 'case_choices.set', entity: 'region', entityId: village.id, regionPath: village.path, detail: input });
  });
  return choicesOfVillage(ctx, village);
}

const place = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('home') }).describe('the household’s address (the default)'),
  z
    .object({
      kind: z.literal('spot'),
      latitude: z.number().min(-90).max(90),
      longitude: z.number().min(-180).max(180),
      accuracy: z.number().min(0).max(100_000).optional(),
    })
    .describe('where the phone was when the villager tapped 添加位置'),
]);

export const quickReportBody = z.object({
  choice: z.string({ error: '请选择是什么问题' }).min(1, { error: '请选择是什么问题' }).max(40),
  description: z.string({ error: '请简单说说是什么情况' }).trim().min(1, { error: '请简单说说是什么情况' }).max(2000, { error: '不能超过2000个字' }),
  title: z.string().trim().max(60, { error: '不能超过60个字' }).optional(),
  regionId: z.string({ error: '请选择发生地点' }).min(1, { error: '请选择发生地点' }).max(64),
  householdId: z.string().max(64).optional(),
  place: place.optional(),
  idempotencyKey: z.string().min(8, { error: '幂等键至少8个字符' }).max(100).optional(),
});

/** A villager's 随手拍: the choice stands for this village's category; the place is home unless the phone's was added. */
export async function quickReport(ctx: Ctx, actor: Actor, input: z.infer<typeof quickReportBody>) {
  const region = await regions.requireBodyRegion(ctx, actor, input.regionId);
  const { items } = await choicesOfVillage(ctx, await villageOf(ctx, region.path));
  const picked = resolveChoice(items, input.choice);
  if (!picked) throw new AppError('VALIDATION_FAILED', '本村没有这个选项，请重新选择', 'This village does not offer that choice');
  const label = items.find((c) => c.code === input.choice)!.label;
  let where: Record<string, unknown> | undefined;
  if (input.place?.kind === 'spot')
    where = { kind: 'spot', latitude: input.place.latitude, longitude: input.place.longitude, accuracy: input.place.accuracy ?? null };
  else if (input.householdId) {
    const home = (await people.householdBriefs(ctx, [input.householdId])).get(input.householdId);
    if (home?.address) where = { kind: 'home', address: home.address };
  }
  return service.report(ctx, actor, {
    type: picked.type as 'incident' | 'service' | 'dispute',
    category: picked.category,
    title: input.title || reportTitle(label, input.description),
    description: input.description,
    regionId: input.regionId,
    householdId: input.householdId,
    idempotencyKey: input.idempotencyKey,
    details: { choice: { code: input.choice, label }, ...(where ? { place: where } : {}) },
  });
}

/** The grid a place lies in (its village when it lies in none): where "the same matter" is looked for. */
async function gridOf(ctx: Ctx, path: string) {
  const chain = await regions.getMany(ctx, pathIds(path));
  return chain.find((r) => r.level === 'grid') ?? chain.find((r) => r.level === 'village') ?? chain.at(-1)!;
}

/** Candidates read per look: the grid's open cases of the last two weeks, newest first. */
const SIMILAR_POOL = 300;

/**
 * Open cases of the same grid reported in the last 14 days that read like `text`, best first, at most three — with
 * only what a follower may see (no reporter, no household, no description).
 */
export async function similar(ctx: Ctx, actor: Actor, regionId: string, text: string) {
  const region = await regions.requireBodyRegion(ctx, actor, regionId);
  const grid = await gridOf(ctx, region.path);
  const now = ctx.clock.now();
  const rows = await repo.openReportedSince(ctx.db, grid.path, similarSince(now), SIMILAR_POOL);
  const found = similarCases(text, rows);
  const [names, followed] = await Promise.all([
    regions.placeNames(
      ctx,
      found.map((c) => c.region_path),
    ),
    repo.followedBy(
      ctx.db,
      actor.userId,
      found.map((c) => c.id),
    ),
  ]);
  return {
    items: found.map((c) => ({
      id: c.id,
      seq: c.seq,
      title: c.title,
      status: c.status,
      statusName: STATUS_ZH[c.status] ?? c.status,
      placeName: names(c.region_path),
      reportedAt: c.reported_at,
      score: Math.round(c.score * 100) / 100,
      mine: c.reporter_id === actor.userId,
      following: followed.has(c.id),
    })),
  };
}

/** How many followed cases 我关注的事 shows. */
const FOLLOWING_MAX = 50;

/**
 * 我关注的事: the cases the caller follows, open ones first. Someone who sees a case only by following it does not
 * learn who reported it or where they live (as on the case's page).
 */
export async function following(ctx: Ctx, actor: Actor) {
  const rows = await repo.followedCases(ctx.db, actor.userId, FOLLOWING_MAX);
  const items = await caseView(ctx, rows, ctx.clock.now().toISOString());
  return items.map((v, i) => {
    const c = rows[i];
    const theirs = c.reporter_id === actor.userId || c.assignee_id === actor.userId || actor.scope.canSeeRow(c.region_path, c.household_id);
    if (theirs) return v;
    return { ...v, ...(c.source === 'villager_photo' ? { reporterId: '', reporterName: '群众' } : {}), householdId: null, details: null };
  });
}

/** 我也遇到: the caller follows an open case of their grid and is told of every step; following twice changes nothing. */
export async function follow(ctx: Ctx, actor: Actor, id: string) {
  const c = await repo.byId(ctx.db, id);
  if (!c) throw notFound('事件', 'Case');
  const grid = await gridOf(ctx, c.region_path);
  if (!mayFollow(actor, grid.path)) await service.requireCase(ctx, actor, id); // 404 unless they may see it anyway
  if (!isOpen(c.status as Status)) throw new AppError('INVALID_TRANSITION', '这件事已经办完或关闭，不能再关注', 'The case is closed');
  if (!(await repo.isFollower(ctx.db, id, actor.userId))) {
    const now = ctx.clock.now();
    const level = await holdersAt(ctx, LEVEL_ROLES, c.level_region_path);
    await ctx.db.transaction().execute(async (tx) => {
      // Two taps at once: the second finds the row and writes nothing more.
      if (await repo.isFollower(tx, id, actor.userId)) return;
      await repo.insertFollowers(tx, [{ case_id: id, user_id: actor.userId, via: 'follow', at: now.toISOString() }]);
      await repo.recountFollowers(tx, id);
      await repo.insertHistory(tx, [
        {
          id: newId(),
          case_id: id,
          action: 'follow',
          from_status: c.status,
          to_status: c.status,
          by_user_id: actor.userId,
          at: now.toISOString(),
          note: '也遇到了这件事，关注办理进展',
          data: null,
        },
      ]);
      await audit(tx, now, actor, { action: 'case.follow', entity: 'case', entityId: id, regionPath: c.region_path });
      await notify(ctx, tx, level, { kind: 'status', title: `又有群众反映了同一件事：${c.title}`, entity: 'case', entityId: id });
    });
  }
  return service.detail(ctx, actor, id);
}
