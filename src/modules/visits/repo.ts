import type { Executor } from '../../db/kysely.js';
import type { VisitPlanItemsTable, VisitRulesTable, VisitsTable } from '../../db/schema.js';
import { withinPath, type Scope } from '../../core/scope.js';

export type RuleRow = VisitRulesTable;
export type ItemRow = VisitPlanItemsTable;
export type VisitRow = VisitsTable;

// ── rules ──
export const rules = (db: Executor) => db.selectFrom('visit_rules').selectAll().orderBy('sort_order').orderBy('created_at').execute();
export const ruleById = (db: Executor, id: string) => db.selectFrom('visit_rules').selectAll().where('id', '=', id).executeTakeFirst();
export const insertRules = (db: Executor, rows: RuleRow[]) =>
  rows.length
    ? db
        .insertInto('visit_rules')
        .values(rows)
        .onConflict((oc) => oc.column('id').doNothing())
        .execute()
    : Promise.resolve([]);
export const updateRule = (db: Executor, id: string, patch: Partial<RuleRow>) => db.updateTable('visit_rules').set(patch).where('id', '=', id).execute();

// ── plan items ──
/** Items of a subtree whose period overlaps [start, end]. */
export function itemsOverlapping(db: Executor, path: string, start: string, end: string) {
  return db
    .selectFrom('visit_plan_items')
    .selectAll()
    .where((eb) => withinPath(eb, 'region_path', path))
    .where('period_start', '<=', end)
    .where('period_end', '>=', start)
    .orderBy('region_path')
    .orderBy('household_id')
    .orderBy('subject')
    .orderBy('period_start')
    .execute();
}

export function insertItems(db: Executor, rows: ItemRow[]) {
  return rows.length
    ? db
        .insertInto('visit_plan_items')
        .values(rows)
        .onConflict((oc) => oc.columns(['household_id', 'subject', 'frequency', 'period_key']).doNothing())
        .execute()
    : Promise.resolve([]);
}

export function deleteOpenItems(db: Executor, ids: string[]) {
  return ids.length ? db.deleteFrom('visit_plan_items').where('id', 'in', ids).where('visit_id', 'is', null).execute() : Promise.resolve([]);
}

export function updateItem(db: Executor, id: string, patch: Partial<ItemRow>) {
  return db.updateTable('visit_plan_items').set(patch).where('id', '=', id).execute();
}

/** Marks a household's open items whose period contains `day` as done by a visit. */
export function completeItems(db: Executor, householdId: string, day: string, visitId: string, at: string) {
  return db
    .updateTable('visit_plan_items')
    .set({ visit_id: visitId, done_at: at })
    .where('household_id', '=', householdId)
    .where('visit_id', 'is', null)
    .where('period_start', '<=', day)
    .where('period_end', '>=', day)
    .execute();
}

// ── visits ──
export const insertVisit = (db: Executor, row: VisitRow) => db.insertInto('visits').values(row).execute();
export const visitById = (db: Executor, id: string) => db.selectFrom('visits').selectAll().where('id', '=', id).executeTakeFirst();
export const visitByKey = (db: Executor, visitorId: string, key: string) =>
  db.selectFrom('visits').selectAll().where('visitor_id', '=', visitorId).where('idempotency_key', '=', key).executeTakeFirst();

/** Links a visit to the case made from it, once (false when it already had one). */
export async function setVisitCase(db: Executor, id: string, caseId: string) {
  const r = await db.updateTable('visits').set({ case_id: caseId, problem: 1 }).where('id', '=', id).where('case_id', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface VisitFilter {
  regionPath?: string;
  from?: string;
  to?: string;
  visitorId?: string;
  householdId?: string;
  problem?: boolean;
}

function visitQuery(db: Executor, scope: Scope, f: VisitFilter) {
  let q = db.selectFrom('visits').where(scope.rowFilter('region_path', null));
  if (f.regionPath) {
    const p = f.regionPath;
    q = q.where((eb) => withinPath(eb, 'region_path', p));
  }
  if (f.from) q = q.where('visit_date', '>=', f.from);
  if (f.to) q = q.where('visit_date', '<=', f.to);
  if (f.visitorId) q = q.where('visitor_id', '=', f.visitorId);
  if (f.householdId) q = q.where('household_id', '=', f.householdId);
  if (f.problem !== undefined) q = q.where('problem', '=', f.problem ? 1 : 0);
  return q;
}

export async function listVisits(db: Executor, scope: Scope, f: VisitFilter, page: number, pageSize: number) {
  const base = visitQuery(db, scope, f);
  const [{ n }] = await base.select((eb) => eb.fn.countAll<number>().as('n')).execute();
  const rows = await base
    .selectAll()
    .orderBy('visited_at', 'desc')
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(n), rows };
}

export function allVisits(db: Executor, scope: Scope, f: VisitFilter) {
  return visitQuery(db, scope, f).selectAll().orderBy('region_path').orderBy('visited_at').orderBy('id').execute();
}

export const visitsByIds = (db: Executor, ids: string[]) =>
  ids.length
    ? db
        .selectFrom('visits')
        .selectAll()
        .where('id', 'in', [...new Set(ids)])
        .execute()
    : Promise.resolve([] as VisitRow[]);

/** Open items of these households whose period has not ended, wherever they are in the tree. */
export function itemsOfHouseholds(db: Executor, householdIds: string[], today: string) {
  if (!householdIds.length) return Promise.resolve([] as ItemRow[]);
  return db
    .selectFrom('visit_plan_items')
    .selectAll()
    .where('household_id', 'in', householdIds)
    .where('visit_id', 'is', null)
    .where('period_end', '>=', today)
    .execute();
}

export interface ItemQuery {
  paths: string[];
  start: string;
  end: string;
  today: string;
  status?: 'done' | 'due' | 'overdue' | 'open';
}

function itemQuery(db: Executor, scope: Scope, q: Omit<ItemQuery, 'status'>) {
  return db
    .selectFrom('visit_plan_items')
    .where(scope.rowFilter('region_path', null))
    .where((eb) => eb.or(q.paths.map((p) => withinPath(eb, 'region_path', p))))
    .where('period_start', '<=', q.end)
    .where('period_end', '>=', q.start);
}

export async function listItems(db: Executor, scope: Scope, q: ItemQuery, page: number, pageSize: number) {
  if (!q.paths.length) return { total: 0, rows: [] as ItemRow[] };
  let base = itemQuery(db, scope, q);
  if (q.status === 'done') base = base.where('visit_id', 'is not', null);
  if (q.status === 'open') base = base.where('visit_id', 'is', null);
  if (q.status === 'due') base = base.where('visit_id', 'is', null).where('period_end', '>=', q.today);
  if (q.status === 'overdue') base = base.where('visit_id', 'is', null).where('period_end', '<', q.today);
  const [{ n }] = await base.select((eb) => eb.fn.countAll<number>().as('n')).execute();
  const rows = await base
    .selectAll()
    // Open items first (the earliest deadline on top), then the done ones.
    .orderBy((eb) => eb.case().when('visit_id', 'is', null).then(0).else(1).end())
    .orderBy('period_end')
    .orderBy('region_path')
    .orderBy('household_id')
    .orderBy('subject')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(n), rows };
}

export function countsByRegion(db: Executor, scope: Scope, q: Omit<ItemQuery, 'status'>) {
  if (!q.paths.length) return Promise.resolve([]);
  return itemQuery(db, scope, q)
    .select((eb) => [
      'region_id',
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(eb.case().when('visit_id', 'is not', null).then(1).else(0).end()).as('done'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('visit_id', 'is', null), eb('period_end', '<', q.today)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('overdue'),
    ])
    .groupBy('region_id')
    .execute();
}

/** Visits per visitor in a period, and how many plan items those visits completed (one visit may complete several). */
export async function doneByVisitor(db: Executor, scope: Scope, q: { paths: string[]; start: string; end: string }) {
  if (!q.paths.length) return [];
  const visits = () =>
    db
      .selectFrom('visits as v')
      .where(scope.rowFilter('v.region_path', null))
      .where((eb) => eb.or(q.paths.map((p) => withinPath(eb, 'v.region_path', p))))
      .where('v.visit_date', '>=', q.start)
      .where('v.visit_date', '<=', q.end);
  const [counts, done] = await Promise.all([
    visits()
      .select((eb) => ['v.visitor_id', eb.fn.countAll<number>().as('n')])
      .groupBy('v.visitor_id')
      .execute(),
    visits()
      .innerJoin('visit_plan_items as i', 'i.visit_id', 'v.id')
      .select((eb) => ['v.visitor_id', eb.fn.countAll<number>().as('n')])
      .groupBy('v.visitor_id')
      .execute(),
  ]);
  const m = new Map(done.map((d) => [d.visitor_id, Number(d.n)]));
  return counts.map((r) => ({ visitor_id: r.visitor_id, visits: Number(r.n), plan_done: m.get(r.visitor_id) ?? 0 }));
}
