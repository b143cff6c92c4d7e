// The rule catalog (积分细则): per village, inherited from the regions above it;
// kept by the village committee or the township.
import type { Actor, Ctx } from '../../core/context.js';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import { audit } from '../../core/audit.js';
import { newId } from '../../core/ids.js';
import { uniqueViolation } from '../../core/db-errors.js';
import { pathIds } from '../../core/scope.js';
import * as regions from '../regions/service.js';
import * as repo from './repo.js';
import { formatProposers, parseProposers, type CapPeriod, type Proposer } from './rules.js';
import { pointsRegion } from './policy.js';

export const ruleView = (r: repo.RuleRow) => ({
  id: r.id,
  regionId: r.region_id,
  code: r.code,
  name: r.name,
  category: r.category,
  value: r.value,
  cap: r.cap,
  capPeriod: r.cap_period as CapPeriod | null,
  active: !!r.active,
  proposers: parseProposers(r.proposers),
  needsApproval: !!r.needs_approval,
  description: r.description,
});
export type RuleView = ReturnType<typeof ruleView>;

export interface RuleInput {
  code: string;
  name: string;
  category: string;
  value: number;
  cap?: number | null;
  capPeriod?: CapPeriod | null;
  proposers?: Proposer[];
  needsApproval?: boolean;
  description?: string | null;
}

/** The rules that apply in a region: its own and those of every region above it (villagers read their village's). */
export async function listRules(ctx: Ctx, actor: Actor, regionId: string, includeInactive = false) {
  const r = await regions.requirePublicRegion(ctx, actor, regionId);
  const rows = await repo.rulesFor(ctx.db, pathIds(r.path));
  return rows.filter((x) => includeInactive || x.active).map(ruleView);
}

function checkCap(input: { cap?: number | null; capPeriod?: CapPeriod | null }) {
  if ((input.cap == null) !== (input.capPeriod == null)) throw new AppError('VALIDATION_FAILED', '封顶分值和封顶周期须同时填写', 'A cap needs its period');
}

async function requireKeeper(ctx: Ctx, actor: Actor, regionId: string) {
  const r = await regions.requireBodyRegion(ctx, actor, regionId);
  if (r.level === 'grid') throw forbidden('积分规则按村或乡镇制定', 'Rules are kept per village or township');
  if (!pointsRegion.canIn(actor, 'points.manage', r.path))
    throw forbidden('只有村两委或乡镇可以设置积分规则', 'Only the village committee or the township sets point rules');
  return r;
}

export async function createRule(ctx: Ctx, actor: Actor, input: RuleInput & { regionId: string }) {
  const r = await requireKeeper(ctx, actor, input.regionId);
  checkCap(input);
  const now = ctx.clock.now();
  const row: repo.RuleRow = {
    id: newId(),
    region_id: r.id,
    region_path: r.path,
    code: input.code.trim(),
    name: input.name.trim(),
    category: input.category,
    value: input.value,
    cap: input.cap ?? null,
    cap_period: input.capPeriod ?? null,
    active: 1,
    created_at: now.toISOString(),
    proposers: formatProposers(input.proposers ?? ['cadre', 'grid']),
    needs_approval: input.needsApproval === false ? 0 : 1,
    description: input.description?.trim() || null,
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

/** Edits a rule of the caller's own keeping; awards already proposed keep the value they were proposed with. */
export async function updateRule(ctx: Ctx, actor: Actor, id: string, patch: Partial<Omit<RuleInput, 'code'>> & { active?: boolean }) {
  const rule = await repo.ruleById(ctx.db, id);
  if (!rule || !actor.scope.canSeeRegion(rule.region_path)) throw notFound('积分规则', 'Rule');
  await requireKeeper(ctx, actor, rule.region_id);
  const cap = patch.cap !== undefined ? patch.cap : rule.cap;
  const capPeriod = patch.capPeriod !== undefined ? patch.capPeriod : (rule.cap_period as CapPeriod | null);
  checkCap({ cap, capPeriod });
  const row: Partial<repo.RuleRow> = {
    ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
    ...(patch.category !== undefined ? { category: patch.category } : {}),
    ...(patch.value !== undefined ? { value: patch.value } : {}),
    cap,
    cap_period: capPeriod,
    ...(patch.proposers !== undefined ? { proposers: formatProposers(patch.proposers) } : {}),
    ...(patch.needsApproval !== undefined ? { needs_approval: patch.needsApproval ? 1 : 0 } : {}),
    ...(patch.description !== undefined ? { description: patch.description?.trim() || null } : {}),
    ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
  };
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    await repo.updateRule(tx, id, row);
    await audit(tx, now, actor, { action: 'point_rule.update', entity: 'point_rule', entityId: id, regionPath: rule.region_path, detail: patch });
  });
  return ruleView((await repo.ruleById(ctx.db, id))!);
}
