// Category settings (类别、时限、越级、核实、首报激励), edited by admins.
import { z } from 'zod';
import type { Actor, Ctx } from '../../core/context.js';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import { audit } from '../../core/audit.js';
import * as repo from './repo.js';
import { DEFAULT_LIMITS } from './rules.js';

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
