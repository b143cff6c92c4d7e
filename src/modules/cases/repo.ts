import { PostgresAdapter, sql, type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../db/kysely.js';
import type { CaseCategoriesTable, CaseHistoryTable, CaseLimitsTable, CasesTable, DB } from '../../db/schema.js';
import { withinPath, type Scope } from '../../core/scope.js';
import { containsPattern } from '../../core/text.js';

export type CaseRow = CasesTable;
export type CategoryRow = CaseCategoriesTable;

export function categories(db: Executor) {
  return db.selectFrom('case_categories').selectAll().orderBy('type').orderBy('sort_order').execute();
}

export function categoryByCode(db: Executor, code: string) {
  return db.selectFrom('case_categories').selectAll().where('code', '=', code).executeTakeFirst();
}

export function insertCategories(db: Executor, rows: CategoryRow[]) {
  return rows.length
    ? db
        .insertInto('case_categories')
        .values(rows)
        .onConflict((oc) => oc.column('code').doNothing())
        .execute()
    : Promise.resolve([]);
}

export function updateCategory(db: Executor, code: string, patch: Partial<CategoryRow>) {
  return db.updateTable('case_categories').set(patch).where('code', '=', code).execute();
}

export type LimitRow = CaseLimitsTable;

export function limitRules(db: Executor) {
  return db.selectFrom('case_limits').selectAll().orderBy('category_code').orderBy('level').orderBy('priority').execute();
}

/** Inserts or replaces the rule for (category, level, priority). */
export function upsertLimit(db: Executor, row: LimitRow) {
  const { id: _id, category_code: _c, level: _l, priority: _p, ...values } = row;
  return db
    .insertInto('case_limits')
    .values(row)
    .onConflict((oc) => oc.columns(['category_code', 'level', 'priority']).doUpdateSet(values))
    .execute();
}

export function limitRule(db: Executor, where: { id?: string; category?: string; level?: string; priority?: string }) {
  let q = db.selectFrom('case_limits').selectAll();
  if (where.id) q = q.where('id', '=', where.id);
  if (where.category) q = q.where('category_code', '=', where.category).where('level', '=', where.level!).where('priority', '=', where.priority!);
  return q.executeTakeFirst();
}

export function deleteLimit(db: Executor, id: string) {
  return db.deleteFrom('case_limits').where('id', '=', id).executeTakeFirst();
}

export function byId(db: Executor, id: string) {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export function byIdempotencyKey(db: Executor, reporterId: string, key: string) {
  return db.selectFrom('cases').selectAll().where('reporter_id', '=', reporterId).where('idempotency_key', '=', key).executeTakeFirst();
}

export function insert(db: Executor, row: CaseRow) {
  return db.insertInto('cases').values(row).execute();
}

/** Optimistic write: applies only if nobody changed the case since `version` was read. */
export async function updateVersioned(db: Executor, id: string, version: number, patch: Partial<CaseRow>): Promise<boolean> {
  const r = await db
    .updateTable('cases')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export type HistoryRow = CaseHistoryTable;

export function insertHistory(db: Executor, rows: CaseHistoryTable[]) {
  return rows.length ? db.insertInto('case_history').values(rows).execute() : Promise.resolve([]);
}

export function historyByKey(db: Executor, caseId: string, userId: string, key: string) {
  return db
    .selectFrom('case_history')
    .select('id')
    .where('case_id', '=', caseId)
    .where('by_user_id', '=', userId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export function historyOf(db: Executor, caseId: string) {
  return db.selectFrom('case_history').selectAll().where('case_id', '=', caseId).orderBy('at').orderBy('id').execute();
}

export function countToday(db: Executor, prefix: string) {
  return db
    .selectFrom('cases')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('seq', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow();
}

export function copiesOf(db: Executor, caseId: string) {
  return db.selectFrom('case_copies').selectAll().where('case_id', '=', caseId).execute();
}

export function insertCopy(db: Executor, row: { case_id: string; user_id: string; at: string }) {
  return db
    .insertInto('case_copies')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export interface CaseFilter {
  status?: string;
  type?: string;
  category?: string;
  card?: 'yellow' | 'red';
  regionPath?: string;
  overdueAt?: string; // open cases whose due instant (red) has passed
  q?: string;
  from?: string; // reported at or after this instant
  to?: string; // reported before this instant
  /** Inbox tabs: cases waiting on this user, or copied to them. */
  assigneeId?: string;
  copiedTo?: string;
  reporterId?: string;
  /** 待办: open cases at one of these levels not yet handed on, or assigned to this user and not done. */
  todoFor?: { userId: string; levelPaths: string[]; units: { unit: string; path: string }[] };
  /** 已办: cases this user has acted on. */
  actedBy?: string;
  /** Rated 1–2 stars, or reopened (回头看): what the level above watches. */
  attention?: boolean;
}

/**
 * "Copied to the caller". On PostgreSQL as `= any(array(subquery))`: evaluated once, so the
 * OR of the scope's branches stays a union of index scans; an `in (subquery)` branch would
 * turn the whole OR into a full scan of cases there.
 */
function copiedTo(db: Executor, eb: ExpressionBuilder<DB & { c: CasesTable }, 'c'>, userId: string): Expression<SqlBool> {
  const ids = eb.selectFrom('case_copies as cc').select('cc.case_id').where('cc.user_id', '=', userId);
  return db.getExecutor().adapter instanceof PostgresAdapter ? sql<SqlBool>`c.id = any(array(${ids}))` : eb('c.id', 'in', ids);
}

/** Cases the scope can see: reported in its subtree, reported by, assigned to or copied to the caller. */
function visible(db: Executor, scope: Scope, userId: string, f: CaseFilter) {
  let q = db
    .selectFrom('cases as c')
    .where((eb) =>
      eb.or([
        scope.rowFilter('c.region_path', 'c.household_id')(eb),
        eb('c.reporter_id', '=', userId),
        eb('c.assignee_id', '=', userId),
        copiedTo(db, eb, userId),
      ]),
    );
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.type) q = q.where('c.type', '=', f.type);
  if (f.category) q = q.where('c.category_code', '=', f.category);
  if (f.card) q = q.where('c.card', '=', f.card);
  if (f.regionPath) {
    const p = f.regionPath;
    q = q.where((eb) => withinPath(eb, 'c.region_path', p));
  }
  if (f.overdueAt) q = q.where('c.status', 'in', ['reported', 'accepted', 'dispatched', 'in_progress']).where('c.red_at', '<=', f.overdueAt);
  if (f.from) q = q.where('c.reported_at', '>=', f.from);
  if (f.to) q = q.where('c.reported_at', '<', f.to);
  if (f.assigneeId) q = q.where('c.assignee_id', '=', f.assigneeId);
  if (f.reporterId) q = q.where('c.reporter_id', '=', f.reporterId);
  if (f.copiedTo) {
    const u = f.copiedTo;
    q = q.where('c.id', 'in', (eb) => eb.selectFrom('case_copies as cc').select('cc.case_id').where('cc.user_id', '=', u));
  }
  if (f.attention) q = q.where((eb) => eb.or([eb('c.rating', '<=', 2), eb('c.reopened', '>', 0)]));
  if (f.todoFor) {
    const t = f.todoFor;
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('c.assignee_id', '=', t.userId), eb('c.status', 'in', ['dispatched', 'in_progress'])]),
        ...(t.levelPaths.length
          ? [
              // The level's own steps: 受理, 派单 or 办结, 归档 once rated, and a settled dispute's 回访. A case resolved
              // and waiting for the reporter's rating is not the level's to act on.
              eb.and([
                eb('c.level_region_path', 'in', t.levelPaths),
                eb.or([eb('c.status', 'in', ['reported', 'accepted', 'rated']), eb.and([eb('c.status', '=', 'resolved'), eb('c.type', '=', 'dispute')])]),
              ]),
            ]
          : []),
        ...t.units.map((u) =>
          eb.and([eb('c.assignee_unit', '=', u.unit), withinPath(eb, 'c.level_region_path', u.path), eb('c.status', 'in', ['dispatched', 'in_progress'])]),
        ),
      ]),
    );
  }
  if (f.actedBy) {
    const u = f.actedBy;
    q = q.where('c.id', 'in', (eb) => eb.selectFrom('case_history as h').select('h.case_id').where('h.by_user_id', '=', u).where('h.action', '!=', 'report'));
  }
  if (f.q) {
    const like = containsPattern(f.q);
    q = q.where((eb) => eb.or([eb('c.title', 'like', like), eb('c.seq', 'like', like), eb('c.description', 'like', like)]));
  }
  return q;
}

/** How a page is ordered: newest report first, or 待办's most urgent first (cases/rules.ts byUrgency). */
export type CaseOrder = 'newest' | 'urgency';

export async function list(db: Executor, scope: Scope, userId: string, f: CaseFilter, page: number, pageSize: number, order: CaseOrder = 'newest') {
  const base = visible(db, scope, userId, f);
  const [{ n }] = await base.select((e) => e.fn.countAll<number>().as('n')).execute();
  // 红牌, 黄牌, then the nearest due time (none last), then the newest: byUrgency in SQL.
  const ordered = <Q extends SelectQueryBuilder<DB & { c: CasesTable }, 'c', object>>(q: Q): Q =>
    (order === 'urgency'
      ? q
          .orderBy(sql`case c.card when 'red' then 0 when 'yellow' then 1 else 2 end`)
          .orderBy(sql`case when c.red_at is null then 1 else 0 end`)
          .orderBy('c.red_at')
          .orderBy('c.reported_at', 'desc')
          .orderBy('c.id', 'desc')
      : q.orderBy('c.reported_at', 'desc').orderBy('c.id', 'desc')) as Q;
  // The page's ids first, then their rows: sorting every visible case's full row to keep twenty cost
  // SQLite 3.5 times as much over a village's two thousand cases (bench/RESULTS.md, B1r).
  const ids = ordered(base.select('c.id'))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const rows = await ordered(db.selectFrom('cases as c').selectAll('c').where('c.id', 'in', ids)).execute();
  return { total: Number(n), rows };
}

/** Open cases whose card may need raising at `now` (the sweeper's work list). */
/** Every open case with a running clock (for a work-calendar change). */
export function openClocked(db: Executor) {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('status', 'in', ['reported', 'accepted', 'dispatched', 'in_progress'])
    .where('yellow_at', 'is not', null)
    .where('red_at', 'is not', null)
    .orderBy('id')
    .execute();
}

/** When each of these cases last arrived at a new level (manual or automatic escalation). */
export async function lastEscalations(db: Executor, caseIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < caseIds.length; i += 500) {
    const rows = await db
      .selectFrom('case_history')
      .select(['case_id', (e) => e.fn.max('at').as('at')])
      .where('action', '=', 'escalate')
      .where('case_id', 'in', caseIds.slice(i, i + 500))
      .groupBy('case_id')
      .execute();
    for (const r of rows) out.set(r.case_id, String(r.at));
  }
  return out;
}

export function dueForCards(db: Executor, now: string, limit: number) {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('status', 'in', ['reported', 'accepted', 'dispatched', 'in_progress'])
    .where((eb) =>
      eb.or([
        eb.and([eb('card', 'is', null), eb('yellow_at', '<=', now)]),
        eb.and([eb('card', '!=', 'red'), eb('red_at', '<=', now)]),
        eb.and([eb('red_escalated', '=', 0), eb('red_at', '<=', now)]),
      ]),
    )
    .orderBy('red_at')
    .limit(limit)
    .execute();
}

/** Counts for a subtree: per status, open overdue, resolved at village level, ratings. */
export async function stats(db: Executor, scope: Scope, userId: string, regionPath: string | undefined, now: string) {
  const base = () => visible(db, scope, userId, { regionPath });
  const byStatus = await base()
    .select(['c.status'])
    .select((e) => e.fn.countAll<number>().as('n'))
    .groupBy('c.status')
    .execute();
  const [agg] = await base()
    .select((e) => [
      e.fn.sum<number>(e.case().when('c.resolved_level', 'in', ['village', 'grid']).then(1).else(0).end()).as('in_village'),
      e.fn.sum<number>(e.case().when('c.resolved_at', 'is not', null).then(1).else(0).end()).as('resolved'),
      e.fn.sum<number>(e.case().when('c.escalations', '>', 0).then(1).else(0).end()).as('escalated'),
      e.fn.sum<number>(e.case().when('c.reopened', '>', 0).then(1).else(0).end()).as('reopened'),
      e.fn.sum<number>(e.case().when('c.rating', '<=', 2).then(1).else(0).end()).as('low_ratings'),
      e.fn.avg<number>('c.rating').as('avg_rating'),
      e.fn
        .sum<number>(
          e
            .case()
            .when(e.and([e('c.status', 'in', ['reported', 'accepted', 'dispatched', 'in_progress']), e('c.red_at', '<=', now)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('overdue'),
    ])
    .execute();
  return { byStatus: byStatus.map((r) => ({ status: r.status, n: Number(r.n) })), agg };
}

/** Open cases in a subtree that the grids could not settle: red-carded or escalated (the weekly 会商 agenda). */
export function openRedOrEscalated(db: Executor, path: string, limit: number) {
  return db
    .selectFrom('cases')
    .selectAll()
    .where((eb) => withinPath(eb, 'region_path', path))
    .where('status', 'in', ['reported', 'accepted', 'dispatched', 'in_progress'])
    .where((eb) => eb.or([eb('card', '=', 'red'), eb('escalations', '>', 0)]))
    .orderBy('reported_at')
    .limit(limit)
    .execute();
}

export function byIds(db: Executor, ids: string[]) {
  return db.selectFrom('cases').selectAll().where('id', 'in', ids).execute();
}

/** The clocks of every open case (the demo's simulation follows them). */
export function openCaseClocks(db: Executor) {
  return db
    .selectFrom('cases')
    .select(['id', 'status', 'card', 'yellow_at', 'red_at'])
    .where('status', 'in', ['reported', 'accepted', 'dispatched', 'in_progress'])
    .execute();
}

/** Status and type of every case reported inside a subtree (the demo's summary). */
export function statusesWithin(db: Executor, path: string) {
  return db
    .selectFrom('cases')
    .select(['status', 'type'])
    .where((eb) => withinPath(eb, 'region_path', path))
    .execute();
}

/** How often each person was handed cases of this level since `since` (the level's usual handlers), most first. */
export async function usualAssignees(db: Executor, levelRegionId: string, since: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('cases')
    .select(['assignee_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('level_region_id', '=', levelRegionId)
    .where('assignee_id', 'is not', null)
    .where('reported_at', '>=', since)
    .groupBy('assignee_id')
    .execute();
  return new Map(rows.map((r) => [r.assignee_id!, Number(r.n)]));
}

// ── 随手拍: choices, followers, similar cases ──

export function choiceOverrides(db: Executor, villageId: string) {
  return db.selectFrom('case_report_choices').selectAll().where('village_id', '=', villageId).orderBy('sort_order').execute();
}

/** Replaces a village's whole setting of its choices. */
export async function replaceChoiceOverrides(db: Executor, villageId: string, rows: DB['case_report_choices'][]) {
  await db.deleteFrom('case_report_choices').where('village_id', '=', villageId).execute();
  if (rows.length) await db.insertInto('case_report_choices').values(rows).execute();
}

export function followersOf(db: Executor, caseId: string) {
  return db.selectFrom('case_followers').selectAll().where('case_id', '=', caseId).orderBy('at').execute();
}

export function isFollower(db: Executor, caseId: string, userId: string) {
  return db.selectFrom('case_followers').select('user_id').where('case_id', '=', caseId).where('user_id', '=', userId).executeTakeFirst();
}

/** Sets cases.followers to the case's follower rows (after adding some). */
export function recountFollowers(db: Executor, caseId: string) {
  return db
    .updateTable('cases')
    .set((eb) => ({
      followers: eb
        .selectFrom('case_followers')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('case_followers.case_id', '=', caseId),
    }))
    .where('id', '=', caseId)
    .execute();
}

/** Adds followers; someone already following stays as they were (following twice changes nothing). */
export function insertFollowers(db: Executor, rows: DB['case_followers'][]) {
  return rows.length
    ? db
        .insertInto('case_followers')
        .values(rows)
        .onConflict((oc) => oc.columns(['case_id', 'user_id']).doNothing())
        .execute()
    : Promise.resolve([]);
}

/** Open cases reported inside a subtree since an instant, newest first (the candidates for "the same matter"). */
export function openReportedSince(db: Executor, path: string, since: string, limit: number) {
  return db
    .selectFrom('cases')
    .select(['id', 'seq', 'title', 'description', 'status', 'region_path', 'reporter_id', 'reported_at'])
    .where((eb) => withinPath(eb, 'region_path', path))
    .where('status', 'in', ['reported', 'accepted', 'dispatched', 'in_progress'])
    .where('reported_at', '>=', since)
    .orderBy('reported_at', 'desc')
    .limit(limit)
    .execute();
}

/** Which of these cases the user follows. */
export async function followedBy(db: Executor, userId: string, caseIds: string[]): Promise<Set<string>> {
  if (!caseIds.length) return new Set();
  const rows = await db.selectFrom('case_followers').select('case_id').where('user_id', '=', userId).where('case_id', 'in', caseIds).execute();
  return new Set(rows.map((r) => r.case_id));
}

/** The cases a user follows, open ones first, then the newest. */
export function followedCases(db: Executor, userId: string, limit: number) {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('id', 'in', (eb) => eb.selectFrom('case_followers').select('case_id').where('user_id', '=', userId))
    .orderBy(sql`case when status in ('reported', 'accepted', 'dispatched', 'in_progress') then 0 else 1 end`)
    .orderBy('reported_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
