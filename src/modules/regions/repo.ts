import type { Executor } from '../../db/kysely.js';
import type { RegionsTable } from '../../db/schema.js';
import type { Scope } from '../../core/scope.js';
import { withinPath } from '../../core/scope.js';
import { containsPattern } from '../../core/text.js';

export type RegionRow = RegionsTable;

export function findById(db: Executor, id: string) {
  return db.selectFrom('regions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findByIds(db: Executor, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as RegionRow[]);
  return db.selectFrom('regions').selectAll().where('id', 'in', ids).execute();
}

export function findByCode(db: Executor, code: string) {
  return db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function children(db: Executor, parentId: string) {
  const rows = await db
    .selectFrom('regions as r')
    .selectAll('r')
    .select((eb) =>
      eb
        .selectFrom('regions as c')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('c.parent_id', '=', 'r.id')
        .as('child_count'),
    )
    .where('r.parent_id', '=', parentId)
    .orderBy('r.sort_order')
    .orderBy('r.name')
    .execute();
  return rows.map((r) => ({ ...r, child_count: Number(r.child_count ?? 0) }));
}

export async function withChildCounts(db: Executor, rows: RegionRow[]) {
  if (!rows.length) return [];
  const counts = await db
    .selectFrom('regions')
    .select(['parent_id'])
    .select((e) => e.fn.countAll<number>().as('n'))
    .where(
      'parent_id',
      'in',
      rows.map((r) => r.id),
    )
    .groupBy('parent_id')
    .execute();
  const m = new Map(counts.map((c) => [c.parent_id, Number(c.n)]));
  return rows.map((r) => ({ ...r, child_count: m.get(r.id) ?? 0 }));
}

/** Every region in a subtree, shallowest first (one range scan on the path index). */
export function subtree(db: Executor, path: string, maxDepth?: number) {
  let q = db
    .selectFrom('regions')
    .selectAll()
    .where((eb) => withinPath(eb, 'path', path));
  if (maxDepth !== undefined) q = q.where('depth', '<=', maxDepth);
  return q.orderBy('depth').orderBy('sort_order').orderBy('name').execute();
}

export function searchVisible(db: Executor, scope: Scope, q: string, limit: number) {
  return db
    .selectFrom('regions')
    .selectAll()
    .where(scope.regionFilter('path'))
    .where('name', 'like', containsPattern(q))
    .orderBy('depth')
    .limit(limit)
    .execute();
}

export function insert(db: Executor, rows: RegionRow | RegionRow[]) {
  return db.insertInto('regions').values(rows).execute();
}

export async function anyRegion(db: Executor): Promise<boolean> {
  return !!(await db.selectFrom('regions').select('id').limit(1).executeTakeFirst());
}

export function update(db: Executor, id: string, patch: Partial<Pick<RegionRow, 'name' | 'code' | 'sort_order'>>) {
  return db.updateTable('regions').set(patch).where('id', '=', id).execute();
}

export function atLevel(db: Executor, level: RegionRow['level']) {
  return db.selectFrom('regions').selectAll().where('level', '=', level).orderBy('path').execute();
}
