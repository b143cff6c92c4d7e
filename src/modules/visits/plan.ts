// The monthly visit plan (走访计划): generated from residents' tags and the
// active rules, kept in step with the registry while its periods are open,
// frozen once they have ended (an overdue item stays on record).
import type { Actor, Ctx } from '../../core/context.js';
import { newId } from '../../core/ids.js';
import { shanghaiDate } from '../../core/clock.js';
import * as regions from '../regions/service.js';
import { pathIds } from '../../core/scope.js';
import * as people from '../people/service.js';
import { workersWithin, userNames } from '../accounts/index.js';
import * as repo from './repo.js';
import { FIVE_MUST_VISIT, itemStatus, monthBounds, requiredVisits, type Frequency, type ItemStatus, type PlanRule } from './rules.js';

/** Inserts the built-in 五必访 rules once (idempotent; run at start-up). */
export async function ensureRules(ctx: Ctx) {
  const at = ctx.clock.now().toISOString();
  await repo.insertRules(
    ctx.db,
    FIVE_MUST_VISIT.map((r, i) => ({
      id: `builtin_${r.tag}`,
      name: r.name,
      tag: r.tag,
      frequency: r.frequency,
      builtin: 1,
      active: 1,
      sort_order: i,
      created_at: at,
    })),
  );
}

export async function activeRules(ctx: Ctx): Promise<PlanRule[]> {
  return (await repo.rules(ctx.db)).filter((r) => r.active).map((r) => ({ id: r.id, name: r.name, tag: r.tag, frequency: r.frequency as Frequency }));
}

const key = (householdId: string, subject: string, periodKey: string) => `${householdId}|${subject}|${periodKey}`;

/**
 * Brings the plan of a subtree for a month in line with the registry: adds
 * what the rules now require, drops open items nobody needs any more, and
 * moves open items with their household to its current grid. Periods that have
 * ended are left as they were.
 */
export async function syncPlan(ctx: Ctx, path: string, month: string) {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  const { start, end } = monthBounds(month);
  if (end < today) return { added: 0, removed: 0, moved: 0 };
  const rules = await activeRules(ctx);
  const tags = [...new Set(rules.map((r) => r.tag).filter((t): t is string => !!t))];
  const tagged = await people.taggedResidentsWithin(ctx, path, tags);
  const households = rules.some((r) => r.tag === null) ? await people.householdsWithin(ctx, path) : [];
  const where = new Map<string, { regionId: string; regionPath: string }>();
  for (const t of tagged) where.set(t.householdId, t);
  for (const h of households) where.set(h.id, h);
  const wanted = requiredVisits(
    tagged.map((t) => ({ householdId: t.householdId, residentId: t.residentId, tags: t.tags })),
    households.map((h) => h.id),
    rules,
    month,
  );
  const existing = await repo.itemsOverlapping(ctx.db, path, start, end);
  const have = new Map(existing.map((i) => [key(i.household_id, i.subject, i.period_key), i]));
  const want = new Set<string>();
  const insert: repo.ItemRow[] = [];
  for (const w of wanted) {
    const subject = w.residentId ?? 'household';
    const k = key(w.householdId, subject, w.period.key);
    want.add(k);
    if (have.has(k) || w.period.end < today) continue;
    const loc = where.get(w.householdId)!;
    insert.push({
      id: newId(),
      household_id: w.householdId,
      subject,
      resident_id: w.residentId,
      region_id: loc.regionId,
      region_path: loc.regionPath,
      frequency: w.period.frequency,
      period_key: w.period.key,
      period_start: w.period.start,
      period_end: w.period.end,
      reasons: JSON.stringify(w.reasons),
      visit_id: null,
      done_at: null,
      created_at: now.toISOString(),
    });
  }
  const open = existing.filter((i) => !i.visit_id && i.period_end >= today);
  const remove = open.filter((i) => !want.has(key(i.household_id, i.subject, i.period_key))).map((i) => i.id);
  const moves = open
    .filter((i) => want.has(key(i.household_id, i.subject, i.period_key)))
    .map((i) => ({ i, loc: where.get(i.household_id) }))
    .filter(({ i, loc }) => loc && loc.regionId !== i.region_id);
  // A household that moved in from outside the subtree brings its open items with it.
  const movedIn = insert.length ? await movedInItems(ctx, insert, today) : [];
  const reallyInsert = insert.filter(
    (r) => !movedIn.some((m) => key(m.household_id, m.subject, m.period_key) === key(r.household_id, r.subject, r.period_key)),
  );
  if (reallyInsert.length || remove.length || moves.length || movedIn.length)
    await ctx.db.transaction().execute(async (tx) => {
      for (let i = 0; i < reallyInsert.length; i += 500) await repo.insertItems(tx, reallyInsert.slice(i, i + 500));
      await repo.deleteOpenItems(tx, remove);
      for (const { i, loc } of moves) await repo.updateItem(tx, i.id, { region_id: loc!.regionId, region_path: loc!.regionPath });
      for (const m of movedIn) {
        const loc = where.get(m.household_id)!;
        await repo.updateItem(tx, m.id, { region_id: loc.regionId, region_path: loc.regionPath });
      }
    });
  return { added: reallyInsert.length, removed: remove.length, moved: moves.length + movedIn.length };
}

/** Open items of these households that already exist elsewhere in the tree (the household changed grid). */
async function movedInItems(ctx: Ctx, rows: repo.ItemRow[], today: string) {
  const ids = [...new Set(rows.map((r) => r.household_id))];
  const found = await repo.itemsOfHouseholds(ctx.db, ids, today);
  const wanted = new Set(rows.map((r) => key(r.household_id, r.subject, r.period_key)));
  return found.filter((f) => wanted.has(key(f.household_id, f.subject, f.period_key)));
}

/** The current month's plan for every township (run by the sweeper once a day). */
export async function syncAll(ctx: Ctx) {
  const month = shanghaiDate(ctx.clock.now()).slice(0, 7);
  let added = 0;
  for (const t of await regions.atLevel(ctx, 'township')) added += (await syncPlan(ctx, t.path, month)).added;
  return { added };
}

/**
 * Brings the plans read up to date first, for subtrees up to a township (a few
 * thousand households: milliseconds). A county-wide read shows the plans as the
 * daily sweep and the townships' own reads left them, which keeps it fast.
 */
async function syncForRead(ctx: Ctx, roots: string[], month: string) {
  // Only this month's and next month's plans are made on reading; a far-off month is read as it stands.
  const thisMonth = shanghaiDate(ctx.clock.now()).slice(0, 7);
  const next = shanghaiDate(new Date(Date.parse(`${thisMonth}-28T00:00:00+08:00`) + 5 * 86_400_000)).slice(0, 7);
  if (month !== thisMonth && month !== next) return;
  for (const path of roots) {
    const r = await regions.get(ctx, pathIds(path).at(-1)!);
    if (r && r.level !== 'county') await syncPlan(ctx, path, month);
  }
}

export interface PlanQuery {
  regionId?: string;
  month: string;
  status?: ItemStatus | 'open';
  page: number;
  pageSize: number;
}

/** The plan of the caller's subtree (or a region in it) for a month, item by item. */
export async function plan(ctx: Ctx, actor: Actor, q: PlanQuery) {
  const roots = q.regionId ? [(await regions.requireVisible(ctx, actor, q.regionId)).path] : actor.scope.registryPaths;
  await syncForRead(ctx, roots, q.month);
  const today = shanghaiDate(ctx.clock.now());
  const { total, rows } = await repo.listItems(ctx.db, actor.scope, { paths: roots, ...monthBounds(q.month), status: q.status, today }, q.page, q.pageSize);
  return { total, items: await itemViews(ctx, rows, today) };
}

async function itemViews(ctx: Ctx, rows: repo.ItemRow[], today: string) {
  const [households, residents, grids, visits] = await Promise.all([
    people.householdBriefs(
      ctx,
      rows.map((r) => r.household_id),
    ),
    people.residentBriefs(ctx, rows.map((r) => r.resident_id ?? '').filter(Boolean)),
    regions.getMany(ctx, [...new Set(rows.map((r) => r.region_id))]),
    repo.visitsByIds(ctx.db, rows.map((r) => r.visit_id ?? '').filter(Boolean)),
  ]);
  const gridNames = new Map(grids.map((g) => [g.id, g.name]));
  const placeOf = await regions.placeNames(
    ctx,
    grids.map((g) => g.path),
  );
  const places = new Map(grids.map((g) => [g.id, placeOf(g.path)]));
  const visitMap = new Map(visits.map((v) => [v.id, v]));
  const visitors = await userNames(
    ctx,
    visits.map((v) => v.visitor_id),
  );
  return rows.map((r) => {
    const h = households.get(r.household_id);
    const v = r.visit_id ? visitMap.get(r.visit_id) : undefined;
    return {
      id: r.id,
      householdId: r.household_id,
      address: h?.address ?? '',
      headName: h?.headName ?? null,
      residentId: r.resident_id,
      residentName: r.resident_id ? (residents.get(r.resident_id)?.name ?? null) : null,
      regionId: r.region_id,
      regionName: gridNames.get(r.region_id) ?? '',
      placeName: places.get(r.region_id) ?? '',
      frequency: r.frequency as Frequency,
      periodKey: r.period_key,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      reasons: JSON.parse(r.reasons) as string[],
      status: itemStatus({ visitId: r.visit_id, periodEnd: r.period_end }, today),
      visitId: r.visit_id,
      visitDate: v?.visit_date ?? null,
      visitorName: v ? (visitors.get(v.visitor_id)?.name ?? '') : null,
    };
  });
}

/** Completion by grid (with the grid workers responsible) for a month: due, done, overdue. */
export async function progress(ctx: Ctx, actor: Actor, q: { regionId?: string; month: string }) {
  const roots = q.regionId ? [(await regions.requireVisible(ctx, actor, q.regionId)).path] : actor.scope.registryPaths;
  await syncForRead(ctx, roots, q.month);
  const today = shanghaiDate(ctx.clock.now());
  const counts = await repo.countsByRegion(ctx.db, actor.scope, { paths: roots, ...monthBounds(q.month), today });
  const grids = await regions.getMany(
    ctx,
    counts.map((c) => c.region_id),
  );
  const workers = (await Promise.all(roots.map((p) => workersWithin(ctx, p, ['grid_worker'])))).flat();
  const byVisitor = await repo.doneByVisitor(ctx.db, actor.scope, { paths: roots, ...monthBounds(q.month) });
  const names = await userNames(
    ctx,
    byVisitor.map((v) => v.visitor_id),
  );
  const gridById = new Map(grids.map((g) => [g.id, g]));
  const byGrid = counts
    .map((c) => {
      const total = Number(c.total),
        done = Number(c.done),
        overdue = Number(c.overdue);
      return {
        regionId: c.region_id,
        regionName: gridById.get(c.region_id)?.name ?? '',
        regionPath: gridById.get(c.region_id)?.path ?? '',
        workers: [...new Set(workers.filter((w) => w.regionId === c.region_id).map((w) => w.name))],
        total,
        done,
        overdue,
        due: total - done - overdue,
        rate: total ? Math.round((done / total) * 1000) / 1000 : null,
      };
    })
    .sort((a, b) => a.regionPath.localeCompare(b.regionPath));
  const sum = (k: 'total' | 'done' | 'overdue' | 'due') => byGrid.reduce((s, g) => s + g[k], 0);
  return {
    month: q.month,
    totals: {
      total: sum('total'),
      done: sum('done'),
      overdue: sum('overdue'),
      due: sum('due'),
      rate: sum('total') ? Math.round((sum('done') / sum('total')) * 1000) / 1000 : null,
    },
    byGrid: byGrid.map(({ regionPath: _p, ...g }) => g),
    // By person, in name order: a record of work done, not a ranking (no ranking of cadres by activity).
    byVisitor: byVisitor
      .map((v) => ({ userId: v.visitor_id, name: names.get(v.visitor_id)?.name ?? '', visits: Number(v.visits), planDone: Number(v.plan_done) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
  };
}
