import type { DbKind, Executor } from '../../db/kysely.js';
import { withinAny, withinPath } from '../../core/scope.js';
import { containsPattern } from '../../core/text.js';

export function userByPhone(db: Executor, phone: string) {
  return db.selectFrom('users').selectAll().where('phone', '=', phone).executeTakeFirst();
}

export function userById(db: Executor, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function grantsOf(db: Executor, userIds: string[]) {
  if (!userIds.length) return Promise.resolve([]);
  return db.selectFrom('user_roles').selectAll().where('user_id', 'in', userIds).orderBy('created_at').execute();
}

/**
 * The phone's throttle row, locked for the rest of the transaction: PostgreSQL
 * row lock (a zero row is inserted first so there is one to lock); SQLite
 * transactions are already serialized on its single connection.
 */
export async function failureForUpdate(db: Executor, phone: string, kind: DbKind, now: string) {
  if (kind === 'postgres') {
    await db
      .insertInto('login_failures')
      .values({ phone, count: 0, first_at: now, locked_until: null })
      .onConflict((oc) => oc.column('phone').doNothing())
      .execute();
    return db.selectFrom('login_failures').selectAll().where('phone', '=', phone).forUpdate().executeTakeFirst();
  }
  return db.selectFrom('login_failures').selectAll().where('phone', '=', phone).executeTakeFirst();
}

export async function saveFailure(db: Executor, phone: string, s: { count: number; first_at: string; locked_until: string | null }) {
  await db
    .insertInto('login_failures')
    .values({ phone, ...s })
    .onConflict((oc) => oc.column('phone').doUpdateSet(s))
    .execute();
}

export function clearFailures(db: Executor, phone: string) {
  return db.deleteFrom('login_failures').where('phone', '=', phone).execute();
}

export function insertSession(db: Executor, row: { id: string; user_id: string; created_at: string; expires_at: string }) {
  return db
    .insertInto('sessions')
    .values({ ...row, revoked_at: null })
    .execute();
}

/**
 * A live session with its user and every grant of that user, in one indexed read (one row per grant, or one
 * row with null grant columns for a user without any): the lookup every signed-in request makes.
 */
export function liveSessionWithGrants(db: Executor, id: string, now: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('user_roles', 'user_roles.user_id', 'sessions.user_id')
    .select([
      'sessions.user_id',
      'users.name',
      'users.active',
      'user_roles.role',
      'user_roles.region_id',
      'user_roles.region_path',
      'user_roles.household_id',
      'user_roles.unit',
    ])
    .where('sessions.id', '=', id)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .orderBy('user_roles.created_at')
    .execute();
}

/** Active users among those holding one of `roles` on exactly one of `paths`, in one read. */
export function activeHoldersAtPaths(db: Executor, roles: string[], paths: string[]) {
  if (!roles.length || !paths.length) return Promise.resolve([]);
  return db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select('users.id')
    .distinct()
    .where('user_roles.role', 'in', roles)
    .where('user_roles.region_path', 'in', paths)
    .where('users.active', '=', 1)
    .execute();
}

export function revokeSession(db: Executor, id: string, now: string) {
  return db.updateTable('sessions').set({ revoked_at: now }).where('id', '=', id).execute();
}

export function revokeOtherSessions(db: Executor, userId: string, keepId: string | null, now: string) {
  let q = db.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (keepId) q = q.where('id', '!=', keepId);
  return q.execute();
}

export function insertUser(
  db: Executor,
  row: { id: string; phone: string; name: string; password_hash: string; active: number; created_at: string; updated_at: string },
) {
  return db.insertInto('users').values(row).execute();
}

export function insertGrants(
  db: Executor,
  rows: {
    id: string;
    user_id: string;
    role: string;
    region_id: string;
    region_path: string;
    household_id: string | null;
    unit?: string | null;
    created_at: string;
  }[],
) {
  return rows.length ? db.insertInto('user_roles').values(rows).execute() : Promise.resolve([]);
}

// ── Account administration ──

export interface UserListFilter {
  /** Region paths: a user is listed when one grant's region lies under one of them. */
  roots: string[];
  role?: string;
  q?: string;
}

function listed(db: Executor, f: UserListFilter) {
  return db
    .selectFrom('users as u')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_roles as ur')
          .select('ur.id')
          .whereRef('ur.user_id', '=', 'u.id')
          .where((e) => withinAny(e, 'ur.region_path', f.roots))
          .$if(!!f.role, (q) => q.where('ur.role', '=', f.role!)),
      ),
    )
    .$if(!!f.q, (q) => q.where((eb) => eb.or([eb('u.name', 'like', containsPattern(f.q!)), eb('u.phone', 'like', containsPattern(f.q!))])));
}

export async function listUsers(db: Executor, f: UserListFilter, page: number, pageSize: number) {
  if (!f.roots.length) return { total: 0, rows: [] };
  const [count, rows] = await Promise.all([
    listed(db, f)
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
    listed(db, f)
      .selectAll('u')
      .orderBy('u.created_at', 'desc')
      .orderBy('u.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  return { total: Number(count?.n ?? 0), rows };
}

export function updateUser(db: Executor, id: string, patch: { name?: string; active?: number; password_hash?: string; updated_at: string }) {
  return db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export function deleteGrants(db: Executor, userId: string) {
  return db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
}

/** Users with each of their grants (a user without one once, with nulls), in one statement. */
export function usersWithGrants(db: Executor, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .leftJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select([
      'users.id as id',
      'users.name as name',
      'users.phone as phone',
      'user_roles.role as role',
      'user_roles.region_id as region_id',
      'user_roles.region_path as region_path',
      'user_roles.unit as unit',
    ])
    .where('users.id', 'in', [...new Set(ids)])
    .execute();
}

export function usersByIds(db: Executor, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'name', 'phone', 'active'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

export function grantsWithRole(db: Executor, role: string, userId?: string) {
  return db
    .selectFrom('user_roles')
    .select(['user_id', 'region_id'])
    .where('role', '=', role)
    .$if(!!userId, (q) => q.where('user_id', '=', userId!))
    .execute();
}

export function grantsAtPaths(db: Executor, roles: string[], paths: string[]) {
  if (!roles.length || !paths.length) return Promise.resolve([]);
  return db.selectFrom('user_roles').select(['user_id', 'role', 'region_path']).where('role', 'in', roles).where('region_path', 'in', paths).execute();
}

/** Grants on regions inside the subtree at `path` (the people who work there). */
export function grantsWithin(db: Executor, path: string, roles: string[]) {
  return db
    .selectFrom('user_roles')
    .select(['user_id', 'role', 'region_id', 'region_path', 'unit', 'household_id'])
    .where((eb) => withinPath(eb, 'region_path', path))
    .where('role', 'in', roles)
    .execute();
}

/** Grants that act for a household (villager accounts). */
export function grantsOfHousehold(db: Executor, householdId: string) {
  return db.selectFrom('user_roles').select(['id', 'region_id', 'region_path']).where('household_id', '=', householdId).execute();
}

export function moveGrants(db: Executor, ids: string[], region: { id: string; path: string }) {
  return ids.length
    ? db.updateTable('user_roles').set({ region_id: region.id, region_path: region.path }).where('id', 'in', ids).execute()
    : Promise.resolve([]);
}
