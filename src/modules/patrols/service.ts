// Patrols (巡查): what is due today for the caller's grids, villages and
// townships; recording a patrol against the checklist; a problem item becomes
// a case in one step. Location is stored only when the worker attaches it.
import { z } from 'zod';
import type { Actor, Ctx } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { audit } from '../../core/audit.js';
import { newId } from '../../core/ids.js';
import { shanghaiDate } from '../../core/clock.js';
import { uniqueViolation } from '../../core/db-errors.js';
import * as regions from '../regions/service.js';
import * as cases from '../cases/service.js';
import { userNames } from '../accounts/index.js';
import * as repo from './repo.js';
import { patrolPolicy, patrolRegion } from './policy.js';
import {
  DEFAULT_CHECKLIST,
  LEVEL_OF,
  PATROL_KINDS,
  patrolPeriod,
  patrolStatus,
  resultsProblem,
  type ChecklistItem,
  type ItemResult,
  type PatrolKind,
} from './rules.js';

export async function ensureChecklist(ctx: Ctx) {
  await repo.insertChecklist(ctx.db, {
    id: 'current',
    name: '网格巡查“6类18项”',
    items: JSON.stringify(DEFAULT_CHECKLIST),
    updated_at: ctx.clock.now().toISOString(),
  });
}

export async function checklist(ctx: Ctx) {
  const c = await repo.checklist(ctx.db);
  return c
    ? { name: c.name, items: JSON.parse(c.items) as ChecklistItem[], updatedAt: c.updated_at }
    : { name: '网格巡查“6类18项”', items: DEFAULT_CHECKLIST, updatedAt: '' };
}

export const checklistBody = z.object({
  name: z.string({ error: '请填写清单名称' }).trim().min(1, { error: '请填写清单名称' }).max(40),
  items: z
    .array(
      z.object({
        category: z.string().trim().min(1, { error: '请填写检查类别' }).max(20),
        name: z.string().trim().min(1, { error: '请填写检查项' }).max(40),
        code: z.string().max(20).optional(),
      }),
    )
    .min(1, { error: '清单至少要有一项' })
    .max(60, { error: '清单最多60项' }),
});

/** Replaces the checklist; items keep their codes, new ones get fresh codes. Past patrols keep the items they were checked against. */
export async function updateChecklist(ctx: Ctx, actor: Actor, input: z.infer<typeof checklistBody>) {
  patrolRegion.assertSomewhere(actor, 'patrol.settings');
  const used = new Set<string>();
  const items: ChecklistItem[] = input.items.map((i) => {
    const code = i.code && !used.has(i.code) ? i.code : `x${newId().slice(-8)}`;
    used.add(code);
    return { code, category: i.category, name: i.name };
  });
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    await repo.updateChecklist(tx, { name: input.name, items: JSON.stringify(items), updated_at: now.toISOString() });
    await audit(tx, now, actor, {
      action: 'patrol_checklist.update',
      entity: 'patrol_checklist',
      entityId: 'current',
      detail: { name: input.name, items: items.length },
    });
  });
  return checklist(ctx);
}

/** The regions where the caller patrols: grids, villages and townships inside the subtrees where they may log. */
async function patrolRegions(ctx: Ctx, actor: Actor, regionId?: string) {
  const roots = regionId ? [(await regions.requireVisible(ctx, actor, regionId)).path] : patrolRegion.roots(actor, 'patrol.log');
  return (await Promise.all(roots.map((p) => regions.subtree(ctx, p)))).flat();
}

/** Patrols due on a day for the caller's regions (日巡查 per grid, 月排查 per village, 季度联查 per township), with what is recorded. */
export async function due(ctx: Ctx, actor: Actor, q: { regionId?: string; day?: string }) {
  const today = shanghaiDate(ctx.clock.now());
  const day = q.day ?? today;
  const all = await patrolRegions(ctx, actor, q.regionId);
  const placeOf = await regions.placeNames(
    ctx,
    all.map((r) => r.path),
  );
  const out = [];
  for (const kind of PATROL_KINDS) {
    const period = patrolPeriod(kind, day);
    // 日巡查 is for base grids: with nested grids (村民小组 → 基础网格) only the leaves.
    const parents = new Set(all.map((r) => r.parent_id));
    const targets = all.filter((r) => r.level === LEVEL_OF[kind] && (kind !== 'daily' || !parents.has(r.id)));
    const recorded = await repo.recordedFor(
      ctx.db,
      kind,
      period.key,
      targets.map((r) => r.id),
    );
    for (const r of targets)
      out.push({
        kind,
        regionId: r.id,
        regionName: r.name,
        placeName: placeOf(r.path),
        periodKey: period.key,
        dueOn: period.dueOn,
        periodEnd: period.end,
        status: patrolStatus(period, recorded.has(r.id), today),
        patrolId: recorded.get(r.id) ?? null,
      });
  }
  return out;
}

export interface PatrolInput {
  kind: PatrolKind;
  regionId: string;
  results: ItemResult[];
  note?: string;
  patrolledAt?: string;
  location?: { latitude: number; longitude: number };
  idempotencyKey?: string;
}

export async function record(ctx: Ctx, actor: Actor, input: PatrolInput) {
  if (input.idempotencyKey) {
    const prior = await repo.byKey(ctx.db, actor.userId, input.idempotencyKey);
    if (prior) return detail(ctx, actor, prior.id);
  }
  const region = await regions.requireBodyRegion(ctx, actor, input.regionId);
  if (region.level !== LEVEL_OF[input.kind])
    throw new AppError(
      'VALIDATION_FAILED',
      { daily: '日巡查按网格记录，请选择网格', fortnightly: '月排查按村记录，请选择村', quarterly: '季度联查按乡镇记录，请选择乡镇' }[input.kind],
      'Wrong region level for this kind of patrol',
    );
  patrolRegion.assertIn(actor, 'patrol.log', region.path);
  const list = (await checklist(ctx)).items;
  const problem = resultsProblem(list, input.results);
  if (problem) throw new AppError('VALIDATION_FAILED', problem, 'Answer every checklist item once, with a note for each problem');
  const now = ctx.clock.now();
  const at = input.patrolledAt ? new Date(input.patrolledAt) : now;
  if (at.getTime() > now.getTime() + 5 * 60_000) throw new AppError('VALIDATION_FAILED', '巡查时间不能晚于现在', 'The patrol cannot be in the future');
  const day = shanghaiDate(at);
  const period = patrolPeriod(input.kind, day);
  if (period.key !== patrolPeriod(input.kind, shanghaiDate(now)).key && now.getTime() - at.getTime() > 7 * 86_400_000)
    throw new AppError('VALIDATION_FAILED', '只能补记7天内的巡查', 'Only patrols of the last 7 days can be recorded');
  const byCode = new Map(input.results.map((r) => [r.code, r]));
  const results = list.map((c) => ({ ...c, ok: byCode.get(c.code)!.ok, note: byCode.get(c.code)!.note?.trim() || null, caseId: null as string | null }));
  const row: repo.PatrolRow = {
    id: newId(),
    kind: input.kind,
    region_id: region.id,
    region_path: region.path,
    period_key: period.key,
    patroller_id: actor.userId,
    patrolled_at: at.toISOString(),
    patrol_date: day,
    results: JSON.stringify(results),
    problems: results.filter((r) => !r.ok).length,
    note: input.note?.trim() || null,
    latitude: input.location?.latitude ?? null,
    longitude: input.location?.longitude ?? null,
    idempotency_key: input.idempotencyKey ?? null,
    created_at: now.toISOString(),
  };
  try {
    await ctx.db.transaction().execute(async (tx) => {
      await repo.insert(tx, row);
      await audit(tx, now, actor, {
        action: 'patrol.create',
        entity: 'patrol',
        entityId: row.id,
        regionPath: region.path,
        detail: { kind: row.kind, period: row.period_key, problems: row.problems },
      });
    });
  } catch (err) {
    if (uniqueViolation(err) && input.idempotencyKey) {
      const prior = await repo.byKey(ctx.db, actor.userId, input.idempotencyKey);
      if (prior) return detail(ctx, actor, prior.id);
    }
    throw err;
  }
  return detail(ctx, actor, row.id);
}

type StoredResult = ChecklistItem & { ok: boolean; note: string | null; caseId: string | null };

async function views(ctx: Ctx, rows: repo.PatrolRow[]) {
  const [names, places] = await Promise.all([
    userNames(
      ctx,
      rows.map((r) => r.patroller_id),
    ),
    regions.getMany(ctx, [...new Set(rows.map((r) => r.region_id))]),
  ]);
  const placeNames = new Map(places.map((p) => [p.id, p.name]));
  const placeOf = await regions.placeNames(
    ctx,
    places.map((p) => p.path),
  );
  const placeFull = new Map(places.map((p) => [p.id, placeOf(p.path)]));
  return rows.map((p) => ({
    id: p.id,
    kind: p.kind as PatrolKind,
    regionId: p.region_id,
    regionName: placeNames.get(p.region_id) ?? '',
    placeName: placeFull.get(p.region_id) ?? '',
    periodKey: p.period_key,
    patrollerId: p.patroller_id,
    patrollerName: names.get(p.patroller_id)?.name ?? '',
    patrolledAt: p.patrolled_at,
    patrolDate: p.patrol_date,
    problems: p.problems,
    note: p.note,
    results: JSON.parse(p.results) as StoredResult[],
    location: p.latitude != null && p.longitude != null ? { latitude: p.latitude, longitude: p.longitude } : null,
  }));
}

async function requirePatrol(ctx: Ctx, actor: Actor, id: string) {
  return patrolPolicy.assert(actor, 'patrol.read', await repo.byId(ctx.db, id));
}

export async function detail(ctx: Ctx, actor: Actor, id: string) {
  return (await views(ctx, [await requirePatrol(ctx, actor, id)]))[0];
}

export async function list(
  ctx: Ctx,
  actor: Actor,
  f: { regionId?: string; kind?: PatrolKind; month?: string; mine?: boolean; problems?: boolean; page: number; pageSize: number },
) {
  const regionPath = f.regionId ? (await regions.requireVisible(ctx, actor, f.regionId)).path : undefined;
  const from = f.month ? `${f.month}-01` : undefined;
  const to = f.month ? `${f.month}-31` : undefined;
  const { total, rows } = await repo.list(
    ctx.db,
    actor.scope,
    { regionPath, kind: f.kind, from, to, patrollerId: f.mine ? actor.userId : undefined, problems: f.problems },
    f.page,
    f.pageSize,
  );
  return { total, items: await views(ctx, rows) };
}

/** A checklist item marked as a problem becomes a case (source 巡查发现), linked from the item; again answers with the same case. */
export async function itemToCase(
  ctx: Ctx,
  actor: Actor,
  id: string,
  code: string,
  input: { category: string; title?: string; priority?: 'normal' | 'major' | 'difficult' },
) {
  const p = patrolPolicy.assert(actor, 'patrol.update', await repo.byId(ctx.db, id));
  const results = JSON.parse(p.results) as StoredResult[];
  const item = results.find((r) => r.code === code);
  if (!item) throw notFound('检查项', 'Checklist item');
  if (item.ok) throw new AppError('VALIDATION_FAILED', '该项检查正常，无需转为事件', 'This item was fine');
  if (item.caseId) return cases.detail(ctx, actor, item.caseId);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      // The case and the item's link to it are written together: two people converting at once make one case.
      return await cases.report(ctx, actor, {
        type: 'incident',
        category: input.category,
        title: (input.title?.trim() || `${item.name}：${(item.note ?? '').replace(/[。.！!]+$/, '')}`).slice(0, 60),
        description: `${{ daily: '日巡查', fortnightly: '月排查', quarterly: '季度联查' }[p.kind as PatrolKind]}（${p.patrol_date}）发现：${item.category} · ${item.name}\n${item.note ?? ''}`,
        regionId: p.region_id,
        priority: input.priority,
        source: 'patrol',
        details: { patrolId: p.id, item: code },
        idempotencyKey: `patrol:${p.id}:${code}`,
        alongside: async (tx, caseId) => {
          const cur = (await repo.byId(tx, id))!;
          const list = JSON.parse(cur.results) as StoredResult[];
          const it = list.find((r) => r.code === code)!;
          if (it.caseId || !(await repo.updateResults(tx, id, cur.results, JSON.stringify(list.map((r) => (r.code === code ? { ...r, caseId } : r))))))
            throw new AppError('CONFLICT', '该检查项已转为事件或正被他人修改', 'The item changed meanwhile');
          await audit(tx, ctx.clock.now(), actor, {
            action: 'patrol.to_case',
            entity: 'patrol',
            entityId: id,
            regionPath: p.region_path,
            detail: { item: code, caseId },
          });
        },
      });
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'CONFLICT')) throw err;
      const linked = (JSON.parse((await repo.byId(ctx.db, id))!.results) as StoredResult[]).find((r) => r.code === code)?.caseId;
      if (linked) return cases.detail(ctx, actor, linked);
    }
  }
  throw new AppError('CONFLICT', '巡查记录正被他人修改，请重试', 'The patrol changed meanwhile; retry');
}
