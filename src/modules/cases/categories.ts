// Category settings (类别、时限、越级、核实、首报激励), edited by admins.
import { z } from 'zod';
import type { Actor, Ctx } from '../../core/context.js';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import { caseRegion } from './policy.js';
import { audit } from '../../core/audit.js';
import * as repo from './repo.js';
import { ANY, CASE_TYPES, limitsProblem, pickLimits, type LimitRule } from './rules.js';
import * as limits from './limits.js';
import { newId } from '../../core/ids.js';
import { caseCatalog, forgetCatalog } from './catalog-cache.js';

const days = z.number().int().min(1, { error: '时限至少1个工作日' }).max(90, { error: '时限最多90个工作日' }).nullable().optional();
export const categoryPatch = z.object({
  name: z.string().trim().min(1).max(30).optional(),
  active: z.boolean().optional(),
  acceptYellow: days,
  acceptRed: days,
  resolveYellow: days,
  resolveRed: days,
  skipLevel: z.boolean().optional(),
  verifyRequired: z.boolean().optional(),
  requireResultPhoto: z.boolean().optional(),
  firstReportPoints: z.number().int().min(0).max(100).optional(),
});

export const categoryItem = z.object({
  code: z.string(),
  type: z.string(),
  name: z.string(),
  group: z.string().nullable(),
  active: z.boolean(),
  acceptYellow: z.number(),
  acceptRed: z.number(),
  resolveYellow: z.number(),
  resolveRed: z.number(),
  skipLevel: z.boolean(),
  verifyRequired: z.boolean(),
  requireResultPhoto: z.boolean().describe('办结须附现场照片: resolving needs at least one photo of the result'),
  firstReportPoints: z.number(),
});

/** A category with its own limits for normal cases at any level (the rule for (code, *, normal), else the general ones). */
function view(c: repo.CategoryRow, rules: LimitRule[]): z.infer<typeof categoryItem> {
  return {
    code: c.code,
    type: c.type,
    name: c.name,
    group: c.group_name,
    active: !!c.active,
    ...pickLimits(rules, c.code, ANY, 'normal'),
    skipLevel: !!c.skip_level,
    verifyRequired: !!c.verify_required,
    requireResultPhoto: !!c.require_result_photo,
    firstReportPoints: c.first_report_points,
  };
}

export const categoryCreate = z.object({
  type: z.enum(CASE_TYPES, { error: '请选择事件类型' }),
  name: z.string({ error: '请填写类别名称' }).trim().min(1, { error: '请填写类别名称' }).max(30, { error: '类别名称不能超过30个字' }),
  group: z.string().trim().max(20).nullish(),
});

/** A new category (e.g. a 代办 item the township adds to its catalog), with the default limits until edited. */
export async function create(ctx: Ctx, actor: Actor, input: z.infer<typeof categoryCreate>) {
  if (!caseRegion.canSomewhere(actor, 'case.settings')) throw forbidden('只有系统管理员可以新增事件类别', 'Only administrators add categories');
  const existing = await repo.categories(ctx.db);
  if (existing.some((c) => c.type === input.type && c.name === input.name))
    throw new AppError('CONFLICT', '该类型下已有同名类别', 'A category of that name exists');
  const id = newId();
  const row: repo.CategoryRow = {
    id,
    type: input.type,
    code: `${input.type.slice(0, 3)}_${id.slice(-8)}`,
    name: input.name,
    parent_code: null,
    group_name: input.group || null,
    skip_level: 0,
    verify_required: 0,
    require_result_photo: 0,
    first_report_points: 0,
    sort_order: existing.length,
    active: 1,
  };
  await ctx.db.transaction().execute(async (tx) => {
    await repo.insertCategories(tx, [row]);
    await audit(tx, ctx.clock.now(), actor, { action: 'case_category.create', entity: 'case_category', entityId: row.code, detail: input });
  });
  forgetCatalog(ctx);
  return view(row, await limits.rules(ctx.db));
}

export async function list(ctx: Ctx) {
  const { categories, rules } = await caseCatalog(ctx);
  return categories.map((c) => view(c, rules));
}

export async function update(ctx: Ctx, actor: Actor, code: string, p: z.infer<typeof categoryPatch>) {
  if (!caseRegion.canSomewhere(actor, 'case.settings')) throw forbidden('只有系统管理员可以修改事件类别', 'Only administrators edit categories');
  const cur = await repo.categoryByCode(ctx.db, code);
  if (!cur) throw notFound('事件类别', 'Category');
  const now = ctx.clock.now();
  // The limit fields edit the category's own rule for normal cases at any level; null returns a field to the general limit.
  const limitKeys = ['acceptYellow', 'acceptRed', 'resolveYellow', 'resolveRed'] as const;
  let ruleChange: { row: repo.LimitRow | null; prior: repo.LimitRow | undefined } | null = null;
  if (limitKeys.some((k) => p[k] !== undefined)) {
    const all = await limits.rules(ctx.db);
    const prior = await repo.limitRule(ctx.db, { category: code, level: ANY, priority: 'normal' });
    const inherited = pickLimits(
      all.filter((r) => !(r.category === code && r.level === ANY && r.priority === 'normal')),
      code,
      ANY,
      'normal',
    );
    const current = pickLimits(all, code, ANY, 'normal');
    const next = { ...current };
    for (const k of limitKeys) if (p[k] !== undefined) next[k] = p[k] ?? inherited[k];
    const problem = limitsProblem(next);
    if (problem) throw new AppError('VALIDATION_FAILED', problem, 'Limits must be 1-90 working days, yellow no later than red');
    const same = limitKeys.every((k) => next[k] === inherited[k]);
    ruleChange = {
      prior,
      row: same
        ? null
        : {
            id: prior?.id ?? newId(),
            category_code: code,
            level: ANY,
            priority: 'normal',
            updated_at: now.toISOString(),
            accept_yellow: next.acceptYellow,
            accept_red: next.acceptRed,
            resolve_yellow: next.resolveYellow,
            resolve_red: next.resolveRed,
          },
    };
  }
  const patch: Partial<repo.CategoryRow> = {
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.active !== undefined ? { active: p.active ? 1 : 0 } : {}),
    ...(p.skipLevel !== undefined ? { skip_level: p.skipLevel ? 1 : 0 } : {}),
    ...(p.verifyRequired !== undefined ? { verify_required: p.verifyRequired ? 1 : 0 } : {}),
    ...(p.requireResultPhoto !== undefined ? { require_result_photo: p.requireResultPhoto ? 1 : 0 } : {}),
    ...(p.firstReportPoints !== undefined ? { first_report_points: p.firstReportPoints } : {}),
  };
  if (Object.keys(patch).length || ruleChange)
    await ctx.db.transaction().execute(async (tx) => {
      if (Object.keys(patch).length) await repo.updateCategory(tx, code, patch);
      if (ruleChange && (ruleChange.row || ruleChange.prior)) await limits.writeRule(tx, now, actor, ruleChange.row, ruleChange.prior);
      await audit(tx, now, actor, { action: 'case_category.update', entity: 'case_category', entityId: code, detail: p });
    });
  forgetCatalog(ctx);
  return view((await repo.categoryByCode(ctx.db, code))!, await limits.rules(ctx.db));
}
