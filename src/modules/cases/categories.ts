// Category settings (类别、时限、越级、核实、首报激励), edited by admins.
import { z } from 'zod';
import type { Actor, Ctx } from '../../core/context.js';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import { audit } from '../../core/audit.js';
import * as repo from './repo.js';
import { CASE_TYPES, DEFAULT_LIMITS } from './rules.js';
import { newId } from '../../core/ids.js';

const days = z.number().int().min(1, { error: '时限至少1个工作日' }).max(90, { error: '时限最多90个工作日' }).nullable().optional();
export const categoryPatch = z.object({
  name: z.string().trim().min(1).max(30).optional(), active: z.boolean().optional(),
  acceptYellow: days, acceptRed: days, resolveYellow: days, resolveRed: days,
  skipLevel: z.boolean().optional(), verifyRequired: z.boolean().optional(), firstReportPoints: z.number().int().min(0).max(100).optional(),
});

export const categoryItem = z.object({
  code: z.string(), type: z.string(), name: z.string(), group: z.string().nullable(), active: z.boolean(),
  acceptYellow: z.number(), acceptRed: z.number(), resolveYellow: z.number(), resolveRed: z.number(),
  skipLevel: z.boolean(), verifyRequired: z.boolean(), firstReportPoints: z.number(),
});

function view(c: repo.CategoryRow): z.infer<typeof categoryItem> {
  const d = DEFAULT_LIMITS.normal;
  return {
    code: c.code, type: c.type, name: c.name, group: c.group_name, active: !!c.active,
    acceptYellow: c.accept_yellow ?? d.acceptYellow, acceptRed: c.accept_red ?? d.acceptRed,
    resolveYellow: c.resolve_yellow ?? d.resolveYellow, resolveRed: c.resolve_red ?? d.resolveRed,
    skipLevel: !!c.skip_level, verifyRequired: !!c.verify_required, firstReportPoints: c.first_report_points,
  };
}

export const categoryCreate = z.object({
  type: z.enum(CASE_TYPES, { error: '请选择事件类型' }),
  name: z.string({ error: '请填写类别名称' }).trim().min(1, { error: '请填写类别名称' }).max(30, { error: '类别名称不能超过30个字' }),
  group: z.string().trim().max(20).nullish(),
});

/** A new category (e.g. a 代办 item the township adds to its catalog), with the default limits until edited. */
export async function create(ctx: Ctx, actor: Actor, input: z.infer<typeof categoryCreate>) {
  if (!actor.scope.canAnywhere('regions.manage')) throw forbidden('只有系统管理员可以新增事件类别', 'Only administrators add categories');
  const existing = await repo.categories(ctx.db);
  if (existing.some((c) => c.type === input.type && c.name === input.name))
    throw new AppError('CONFLICT', '该类型下已有同名类别', 'A category of that name exists');
  const id = newId();
  const row: repo.CategoryRow = {
    id, type: input.type, code: `${input.type.slice(0, 3)}_${id.slice(-8)}`, name: input.name, parent_code: null, group_name: input.group || null,
    accept_yellow: null, accept_red: null, resolve_yellow: null, resolve_red: null, skip_level: 0, verify_required: 0, first_report_points: 0,
    sort_order: existing.length, active: 1,
  };
  await ctx.db.transaction().execute(async (tx) => {
    await repo.insertCategories(tx, [row]);
    await audit(tx, ctx.clock.now(), actor, { action: 'case_category.create', entity: 'case_category', entityId: row.code, detail: input });
  });
  return view(row);
}

export async function list(ctx: Ctx) {
  return (await repo.categories(ctx.db)).map(view);
}

export async function update(ctx: Ctx, actor: Actor, code: string, p: z.infer<typeof categoryPatch>) {
  if (!actor.scope.canAnywhere('regions.manage')) throw forbidden('只有系统管理员可以修改事件类别', 'Only administrators edit categories');
  const cur = await repo.categoryByCode(ctx.db, code);
  if (!cur) throw notFound('事件类别', 'Category');
  const merged = view({ ...cur, ...(p.acceptYellow !== undefined ? { accept_yellow: p.acceptYellow } : {}), ...(p.acceptRed !== undefined ? { accept_red: p.acceptRed } : {}),
    ...(p.resolveYellow !== undefined ? { resolve_yellow: p.resolveYellow } : {}), ...(p.resolveRed !== undefined ? { resolve_red: p.resolveRed } : {}) });
  if (merged.acceptYellow > merged.acceptRed || merged.resolveYellow > merged.resolveRed)
    throw new AppError('VALIDATION_FAILED', '黄牌时限不能晚于红牌时限', 'Yellow must come before red');
  const patch: Partial<repo.CategoryRow> = {
    ...(p.name !== undefined ? { name: p.name } : {}), ...(p.active !== undefined ? { active: p.active ? 1 : 0 } : {}),
    ...(p.acceptYellow !== undefined ? { accept_yellow: p.acceptYellow } : {}), ...(p.acceptRed !== undefined ? { accept_red: p.acceptRed } : {}),
    ...(p.resolveYellow !== undefined ? { resolve_yellow: p.resolveYellow } : {}), ...(p.resolveRed !== undefined ? { resolve_red: p.resolveRed } : {}),
    ...(p.skipLevel !== undefined ? { skip_level: p.skipLevel ? 1 : 0 } : {}), ...(p.verifyRequired !== undefined ? { verify_required: p.verifyRequired ? 1 : 0 } : {}),
    ...(p.firstReportPoints !== undefined ? { first_report_points: p.firstReportPoints } : {}),
  };
  if (Object.keys(patch).length)
    await ctx.db.transaction().execute(async (tx) => {
      await repo.updateCategory(tx, code, patch);
      await audit(tx, ctx.clock.now(), actor, { action: 'case_category.update', entity: 'case_category', entityId: code, detail: p });
    });
  return view((await repo.categoryByCode(ctx.db, code))!);
}
