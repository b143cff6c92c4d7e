// Time-limit rules (时限设置): per category, responsible level and priority,
// edited by administrators. A rule changes the clocks started after it is saved;
// running clocks keep the limits they started with.
import { z } from 'zod';
import type { Actor, Ctx } from '../../core/context.js';
import type { Executor } from '../../db/kysely.js';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import { caseRegion } from './policy.js';
import { audit } from '../../core/audit.js';
import { newId } from '../../core/ids.js';
import type { WorkCalendar } from '../../core/workdays.js';
import * as repo from './repo.js';
import { forgetCatalog, toRule } from './catalog-cache.js';
import {
  ANY,
  DEFAULT_LIMITS,
  LIMIT_LEVELS,
  limitsProblem,
  phaseOf,
  pickLimits,
  PRIORITIES,
  type LimitRule,
  type Limits,
  type Priority,
  type Status,
} from './rules.js';

export async function rules(db: Executor): Promise<LimitRule[]> {
  return (await repo.limitRules(db)).map(toRule);
}

/** The limits for a case of this category at this level (a region level, or ANY for the category's own rule). */
export async function limitsFor(db: Executor, category: string, level: string, priority: Priority): Promise<Limits> {
  return pickLimits(await rules(db), category, level, priority);
}

/** The yellow and red instants of the phase that starts `from` (accepting, or resolving with granted extension days), on the store's calendar. */
export function clockFrom(cal: WorkCalendar, from: Date, l: Limits, phase: 'accept' | 'resolve', extension = 0) {
  const [y, r] = phase === 'accept' ? [l.acceptYellow, l.acceptRed] : [l.resolveYellow + extension, l.resolveRed + extension];
  return { yellow_at: cal.addWorkingDays(from, y).toISOString(), red_at: cal.addWorkingDays(from, r).toISOString() };
}

/** The clock a case gets when it arrives at a new level (escalation): that level's limits, from now. */
export async function clockAtLevel(db: Executor, cal: WorkCalendar, c: { category_code: string; priority: string; status: string }, level: string, now: Date) {
  return clockFrom(cal, now, await limitsFor(db, c.category_code, level, c.priority as Priority), phaseOf(c.status as Status));
}

const days = (zh: string) =>
  z
    .number({ error: `请填写${zh}` })
    .int({ error: '时限须为整数个工作日' })
    .min(1, { error: '时限至少1个工作日' })
    .max(90, { error: '时限最多90个工作日' });
export const limitBody = z.object({
  category: z.string().min(1, { error: '请选择事件类别' }).max(40).nullable().describe('category code; null for every category'),
  level: z.enum(LIMIT_LEVELS, { error: '层级须为村、乡镇或县' }).nullable().describe('responsible level; null for every level'),
  priority: z.enum(PRIORITIES, { error: '优先级须为一般、重大或疑难' }),
  acceptYellow: days('受理黄牌时限'),
  acceptRed: days('受理红牌时限'),
  resolveYellow: days('办结黄牌时限'),
  resolveRed: days('办结红牌时限'),
});

export const limitItem = limitBody.extend({ id: z.string(), categoryName: z.string().nullable(), updatedAt: z.string() });

async function view(db: Executor, rows: repo.LimitRow[]) {
  const names = new Map((await repo.categories(db)).map((c) => [c.code, c.name]));
  return rows.map((r) => ({
    id: r.id,
    category: r.category_code === ANY ? null : r.category_code,
    categoryName: r.category_code === ANY ? null : (names.get(r.category_code) ?? r.category_code),
    level: r.level === ANY ? null : (r.level as (typeof LIMIT_LEVELS)[number]),
    priority: r.priority as Priority,
    acceptYellow: r.accept_yellow,
    acceptRed: r.accept_red,
    resolveYellow: r.resolve_yellow,
    resolveRed: r.resolve_red,
    updatedAt: r.updated_at,
  }));
}

export async function list(ctx: Ctx) {
  return { defaults: DEFAULT_LIMITS, levels: [...LIMIT_LEVELS], items: await view(ctx.db, await repo.limitRules(ctx.db)) };
}

function requireAdmin(actor: Actor) {
  if (!caseRegion.canSomewhere(actor, 'case.settings')) throw forbidden('只有系统管理员可以修改时限设置', 'Only administrators edit time limits');
}

/** Sets the rule for (category, level, priority), replacing the one there was. */
export async function put(ctx: Ctx, actor: Actor, input: z.infer<typeof limitBody>) {
  requireAdmin(actor);
  const problem = limitsProblem(input);
  if (problem) throw new AppError('VALIDATION_FAILED', problem, 'Limits must be 1-90 working days, yellow no later than red');
  if (input.category && !(await repo.categoryByCode(ctx.db, input.category))) throw new AppError('VALIDATION_FAILED', '事件类别不存在', 'Unknown category');
  const key = { category: input.category ?? ANY, level: input.level ?? ANY, priority: input.priority };
  const prior = await repo.limitRule(ctx.db, key);
  const now = ctx.clock.now();
  const row: repo.LimitRow = {
    id: prior?.id ?? newId(),
    category_code: key.category,
    level: key.level,
    priority: key.priority,
    accept_yellow: input.acceptYellow,
    accept_red: input.acceptRed,
    resolve_yellow: input.resolveYellow,
    resolve_red: input.resolveRed,
    updated_at: now.toISOString(),
  };
  // Two saves of one rule at once: both land on the one stored row, whose id is what we answer with.
  const stored = await ctx.db.transaction().execute(async (tx) => {
    await repo.upsertLimit(tx, row);
    const kept = (await repo.limitRule(tx, key))!;
    await audit(tx, now, actor, { action: 'case_limit.set', entity: 'case_limit', entityId: kept.id, detail: { before: prior ?? null, after: kept } });
    return kept;
  });
  forgetCatalog(ctx);
  return (await view(ctx.db, [stored]))[0];
}

/** Writes or removes (row null) one rule with its audit row, inside the caller's transaction. */
export async function writeRule(tx: Executor, now: Date, actor: Actor, row: repo.LimitRow | null, prior: repo.LimitRow | undefined) {
  if (row) await repo.upsertLimit(tx, row);
  else if (prior) await repo.deleteLimit(tx, prior.id);
  await audit(tx, now, actor, {
    action: row ? 'case_limit.set' : 'case_limit.delete',
    entity: 'case_limit',
    entityId: (row ?? prior)?.id,
    detail: { before: prior ?? null, after: row },
  });
}

export async function remove(ctx: Ctx, actor: Actor, id: string) {
  requireAdmin(actor);
  const prior = await repo.limitRule(ctx.db, { id });
  if (!prior) throw notFound('时限规则', 'Time-limit rule');
  await ctx.db.transaction().execute((tx) => writeRule(tx, ctx.clock.now(), actor, null, prior));
  forgetCatalog(ctx);
}
