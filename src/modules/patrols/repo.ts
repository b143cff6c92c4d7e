import type { Executor } from '../../db/kysely.js';
import type { PatrolsTable } from '../../db/schema.js';
import { withinPath, type Scope } from '../../core/scope.js';

export type PatrolRow = PatrolsTable;

export const checklist = (db: Executor) => db.selectFrom('patrol_checklists').selectAll().where('id', '=', 'current').executeTakeFirst();
export const insertChecklist = (db: Executor, row: { id: string; name: string; items: string; updated_at: string }) =>
  db
    .insertInto('patrol_checklists')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
export const updateChecklist = (db: Executor, patch: { name: string; items: string; updated_at: string }) =>
  db.updateTable('patrol_checklists').set(patch).where('id', '=', 'current').execute();

export const insert = (db: Executor, row: PatrolRow) => db.insertInto('patrols').values(row).execute();
export const byId = (db: Executor, id: string) => db.selectFrom('patrols').selectAll().where('id', '=', id).executeTakeFirst();
export const byKey = (db: Executor, patrollerId: string, key: string) =>
  db.selectFrom('patrols').selectAll().where('patroller_id', '=', patrollerId).where('idempotency_key', '=', key).executeTakeFirst();

/** Replaces a patrol's results only if they are still what the caller read (no lost update). */
export async function updateResults(db: Executor, id: string, before: string, after: string) {
  const r = await db.updateTable('patrols').set({ results: after }).where('id', '=', id).where('results', '=', before).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Which of these regions have a patrol of `kind` recorded for the period. */
export async function recordedFor(db: Executor, kind: string, periodKey: string, regionIds: string[]) {
  if (!regionIds.length) return new Map<string, string>();
  const rows = await db
    .selectFrom('patrols')
    .select(['id', 'region_id'])
    .where('kind', '=', kind)
    .where('period_key', '=', periodKey)
    .where('region_id', 'in', regionIds)
    .orderBy('patrolled_at')
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(r.region_id)) out.set(r.region_id, r.id);
  return out;
}

export interface PatrolFilter {
  regionPath?: string;
  kind?: string;
  from?: string;
  to?: string;
  patrollerId?: string;
  problems?: boolean;
}

export async function list(db: Executor, scope: Scope, f: PatrolFilter, page: number, pageSize: number) {
  // Workers' records: only roles that browse the registry of the area (not villagers or party members).
  let q = db.selectFrom('patrols').where(scope.rowFilter('region_path', null));
  if (f.regionPath) {
    const p = f.regionPath;
    q = q.where((eb) => withinPath(eb, 'region_path', p));
  }
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.from) q = q.where('patrol_date', '>=', f.from);
  if (f.to) q = q.where('patrol_date', '<=', f.to);
  if (f.patrollerId) q = q.where('patroller_id', '=', f.patrollerId);
  if (f.problems) q = q.where('problems', '>', 0);
  const [{ n }] = await q.select((eb) => eb.fn.countAll<number>().as('n')).execute();
  const rows = await q
    .selectAll()
    .orderBy('patrolled_at', 'desc')
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(n), rows };
}
