// The console's view of the ledger: households with their balances and this
// year's points, and the ledger's entries (积分流水) of an area.
import type { Actor, Ctx } from '../../core/context.js';
import { AppError, forbidden } from '../../core/errors.js';
import { shanghaiDate, shanghaiDayEnd, shanghaiMidnight } from '../../core/clock.js';
import * as regions from '../regions/service.js';
import * as people from '../people/service.js';
import { userNames } from '../accounts/index.js';
import * as repo from './repo.js';
import { entryView } from './ledger.js';
import { EARNING_SOURCES, type EntrySource } from './rules.js';

function requireRegistryArea(actor: Actor, path: string) {
  if (!actor.scope.registryPaths.some((p) => path.startsWith(p) || p.startsWith(path)))
    throw forbidden('只有本辖区的干部和网格员可以查看积分台账', "Only the area's cadres and grid workers read the ledger");
}

/** Households of an area (searchable like the registry) with balance, earned and spent this year. */
export async function households(ctx: Ctx, actor: Actor, f: { regionId?: string; q?: string; page: number; pageSize: number }) {
  if (f.regionId) requireRegistryArea(actor, (await regions.requireVisible(ctx, actor, f.regionId)).path);
  const list = await people.listHouseholds(ctx, actor, { regionId: f.regionId, q: f.q, page: f.page, pageSize: f.pageSize });
  const ids = list.items.map((h) => h.id);
  const yearStart = shanghaiMidnight(`${shanghaiDate(ctx.clock.now()).slice(0, 4)}-01-01`);
  const [balances, sums] = await Promise.all([repo.balancesOf(ctx.db, ids), repo.periodSums(ctx.db, ids, yearStart, EARNING_SOURCES)]);
  return {
    total: list.total,
    items: list.items.map((h) => ({
      householdId: h.id,
      householdName: h.headName ?? '',
      villageName: h.villageName,
      gridName: h.gridName,
      address: h.address,
      balance: balances.get(h.id) ?? 0,
      earnedThisYear: sums.get(h.id)?.earned ?? 0,
      spentThisYear: sums.get(h.id)?.spent ?? 0,
    })),
  };
}

/** Ledger entries of an area, newest first, filtered by day range, source or household. */
export async function entries(
  ctx: Ctx,
  actor: Actor,
  f: { regionId: string; from?: string; to?: string; source?: EntrySource; householdId?: string; page: number; pageSize: number },
) {
  const r = await regions.requireVisible(ctx, actor, f.regionId);
  requireRegistryArea(actor, r.path);
  if (f.from && f.to && f.from > f.to) throw new AppError('VALIDATION_FAILED', '开始日期不能晚于结束日期', 'The start is after the end');
  const { rows, total } = await repo.listEntries(
    ctx.db,
    {
      path: r.path,
      scope: actor.scope,
      from: f.from ? shanghaiMidnight(f.from) : undefined,
      to: f.to ? shanghaiDayEnd(f.to) : undefined,
      source: f.source,
      householdId: f.householdId,
    },
    f.page,
    f.pageSize,
  );
  const [hh, rules, users] = await Promise.all([
    people.householdBriefs(
      ctx,
      rows.map((e) => e.household_id),
    ),
    repo.rulesByIds(ctx.db, [...new Set(rows.map((e) => e.rule_id).filter((x): x is string => !!x))]),
    userNames(
      ctx,
      rows.map((e) => e.created_by).filter((x): x is string => !!x),
    ),
  ]);
  const residents = await people.residentBriefs(
    ctx,
    rows.map((e) => e.resident_id).filter((x): x is string => !!x),
  );
  return {
    total,
    items: rows.map((e) => ({
      ...entryView(e),
      householdName: hh.get(e.household_id)?.headName ?? '',
      ruleName: e.rule_id ? (rules.get(e.rule_id)?.name ?? null) : null,
      residentName: e.resident_id ? (residents.get(e.resident_id)?.name ?? null) : null,
      createdByName: e.created_by ? (users.get(e.created_by)?.name ?? null) : null,
    })),
  };
}
