// Visit plan rules (走访规则), edited by administrators: the 五必访 are built in
// (they can be paused, not deleted); others name a tag, or every household, and a frequency.
import { z } from 'zod';
import type { Actor, Ctx } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { audit } from '../../core/audit.js';
import { newId } from '../../core/ids.js';
import { TAG_CODES } from '../../shared/tags.js';
import * as repo from './repo.js';
import { visitRegion } from './policy.js';
import { FREQUENCIES } from './rules.js';

export const ruleItem = z.object({
  id: z.string(),
  name: z.string(),
  tag: z.string().nullable(),
  frequency: z.enum(FREQUENCIES),
  builtin: z.boolean(),
  active: z.boolean(),
});
export const ruleCreate = z.object({
  name: z.string({ error: '请填写规则名称' }).trim().min(1, { error: '请填写规则名称' }).max(40, { error: '规则名称不能超过40个字' }),
  tag: z.enum(TAG_CODES, { error: '未知的人员标签' }).nullable().describe('resident tag; null: every household'),
  frequency: z.enum(FREQUENCIES, { error: '频次须为每周、每月或每季度' }),
});
export const rulePatch = z.object({ name: ruleCreate.shape.name.optional(), frequency: ruleCreate.shape.frequency.optional(), active: z.boolean().optional() });

const view = (r: repo.RuleRow): z.infer<typeof ruleItem> => ({
  id: r.id,
  name: r.name,
  tag: r.tag,
  frequency: r.frequency as (typeof FREQUENCIES)[number],
  builtin: !!r.builtin,
  active: !!r.active,
});

function requireAdmin(actor: Actor) {
  visitRegion.assertSomewhere(actor, 'visit.settings');
}

export async function list(ctx: Ctx) {
  return (await repo.rules(ctx.db)).map(view);
}

export async function create(ctx: Ctx, actor: Actor, input: z.infer<typeof ruleCreate>) {
  requireAdmin(actor);
  const all = await repo.rules(ctx.db);
  if (all.some((r) => r.active && r.tag === input.tag && r.frequency === input.frequency))
    throw new AppError('CONFLICT', '已有相同标签和频次的走访规则', 'A rule for that tag and frequency exists');
  const now = ctx.clock.now();
  const row: repo.RuleRow = {
    id: newId(),
    name: input.name,
    tag: input.tag,
    frequency: input.frequency,
    builtin: 0,
    active: 1,
    sort_order: all.length,
    created_at: now.toISOString(),
  };
  await ctx.db.transaction().execute(async (tx) => {
    await repo.insertRules(tx, [row]);
    await audit(tx, now, actor, { action: 'visit_rule.create', entity: 'visit_rule', entityId: row.id, detail: input });
  });
  return view(row);
}

export async function update(ctx: Ctx, actor: Actor, id: string, p: z.infer<typeof rulePatch>) {
  requireAdmin(actor);
  const cur = await repo.ruleById(ctx.db, id);
  if (!cur) throw notFound('走访规则', 'Visit rule');
  if (cur.builtin && p.frequency && p.frequency !== cur.frequency)
    throw new AppError('VALIDATION_FAILED', '五必访规则固定为每月走访，只能暂停', 'Built-in 五必访 rules are monthly; they can only be paused');
  const patch: Partial<repo.RuleRow> = {
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.frequency ? { frequency: p.frequency } : {}),
    ...(p.active !== undefined ? { active: p.active ? 1 : 0 } : {}),
  };
  const now = ctx.clock.now();
  if (Object.keys(patch).length)
    await ctx.db.transaction().execute(async (tx) => {
      await repo.updateRule(tx, id, patch);
      await audit(tx, now, actor, { action: 'visit_rule.update', entity: 'visit_rule', entityId: id, detail: p });
    });
  return view((await repo.ruleById(ctx.db, id))!);
}
