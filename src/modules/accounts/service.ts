import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../core/errors.js';
import type { Actor, Ctx } from '../../core/context.js';
import type { Executor } from '../../db/kysely.js';
import { audit } from '../../core/audit.js';
import { hashPassword, requireStrongPassword, verifyPassword } from '../../core/passwords.js';
import { Scope, type Grant } from '../../core/scope.js';
import { heldAbilities } from '../../core/abilities.js';
import type { Role } from '../../shared/roles.js';
import * as regions from '../regions/service.js';
import * as people from '../people/index.js';
import * as repo from './repo.js';
import { admit, afterFailure, SESSION_MS, type FailureState } from './rules.js';

// Verifying against a real hash for unknown phones keeps response times alike,
// so the login route does not reveal which phones have accounts.
let dummyHash: Promise<string> | null = null;

const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

function failureState(row: { count: number; first_at: string; locked_until: string | null } | undefined): FailureState | null {
  return row ? { count: row.count, firstAt: Date.parse(row.first_at), lockedUntil: row.locked_until ? Date.parse(row.locked_until) : null } : null;
}

export async function grantsFor(ctx: Ctx, userId: string): Promise<Grant[]> {
  return (await repo.grantsOf(ctx.db, [userId])).map(grantOf);
}

const grantOf = (r: { role: string; region_id: string; region_path: string; household_id: string | null; unit?: string | null }): Grant => ({
  role: r.role as Role,
  regionId: r.region_id,
  regionPath: r.region_path,
  householdId: r.household_id,
  unit: r.unit ?? null,
});

export async function actorFor(ctx: Ctx, userId: string, name: string, ip: string | null, known?: Grant[]): Promise<Actor> {
  const grants = known ?? (await grantsFor(ctx, userId));
  const linked = grants.some((g) => g.role === 'party_member') ? await people.linkedHouseholdIds(ctx, userId) : [];
  return { userId, name, scope: new Scope(grants, linked), ip };
}

const LOCKED = () => new AppError('RATE_LIMITED', '登录失败次数过多，请15分钟后再试', 'Too many failed logins; try again in 15 minutes');

/** Counts an attempt before its password is checked (see rules.ts); false when the phone is locked. */
async function admitAttempt(ctx: Ctx, phone: string, now: Date): Promise<boolean> {
  return ctx.db.transaction().execute(async (tx) => {
    const a = admit(failureState(await repo.failureForUpdate(tx, phone, ctx.kind, now.toISOString())), now.getTime());
    await repo.saveFailure(tx, phone, stored(a.next));
    return a.ok;
  });
}

const stored = (s: FailureState) => ({
  count: s.count,
  first_at: new Date(s.firstAt).toISOString(),
  locked_until: s.lockedUntil ? new Date(s.lockedUntil).toISOString() : null,
});

export async function login(ctx: Ctx, phone: string, password: string, ip: string | null) {
  const now = ctx.clock.now();
  if (!(await admitAttempt(ctx, phone, now))) throw LOCKED();
  const user = await repo.userByPhone(ctx.db, phone);
  dummyHash ??= hashPassword('not-a-real-password-0');
  // Without an account, a password is still checked against a dummy hash so the answer takes as long.
  let ok = false;
  if (user) ok = await verifyPassword(user.password_hash, password);
  else await verifyPassword(await dummyHash, password);
  if (!ok || !user?.active) {
    await ctx.db.transaction().execute(async (tx) => {
      const cur = failureState(await repo.failureForUpdate(tx, phone, ctx.kind, now.toISOString()));
      if (cur) await repo.saveFailure(tx, phone, stored(afterFailure(cur, now.getTime())));
      await audit(tx, now, null, { action: 'auth.login_failed', entity: 'user', entityId: user?.id ?? null, detail: { phone, ip } });
    });
    throw new AppError('AUTH_FAILED', '手机号或密码不正确', 'Wrong phone or password');
  }
  const token = randomBytes(32).toString('base64url');
  await ctx.db.transaction().execute(async (tx) => {
    await repo.clearFailures(tx, phone);
    await repo.insertSession(tx, {
      id: tokenId(token),
      user_id: user.id,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_MS).toISOString(),
    });
    await audit(tx, now, { userId: user.id, name: user.name, scope: new Scope([]), ip }, { action: 'auth.login', entity: 'user', entityId: user.id });
  });
  return { token, user: await me(ctx, await actorFor(ctx, user.id, user.name, ip)) };
}

/** Resolves a bearer token or cookie to the caller, or null. */
export async function authenticate(ctx: Ctx, token: string, ip: string | null): Promise<{ actor: Actor; sessionId: string } | null> {
  const id = tokenId(token);
  const rows = await repo.liveSessionWithGrants(ctx.db, id, ctx.clock.now().toISOString());
  const s = rows[0];
  if (!s?.active) return null;
  const grants = rows.flatMap((r) =>
    r.role && r.region_id && r.region_path
      ? [grantOf({ role: r.role, region_id: r.region_id, region_path: r.region_path, household_id: r.household_id, unit: r.unit })]
      : [],
  );
  return { actor: await actorFor(ctx, s.user_id, s.name, ip, grants), sessionId: id };
}

export async function logout(ctx: Ctx, actor: Actor, sessionId: string) {
  await ctx.db.transaction().execute(async (tx) => {
    await repo.revokeSession(tx, sessionId, ctx.clock.now().toISOString());
    await audit(tx, ctx.clock.now(), actor, { action: 'auth.logout', entity: 'user', entityId: actor.userId });
  });
}

export async function changePassword(ctx: Ctx, actor: Actor, sessionId: string | null, oldPassword: string, newPassword: string) {
  const user = await repo.userById(ctx.db, actor.userId);
  if (!user || !(await verifyPassword(user.password_hash, oldPassword))) throw new AppError('WRONG_PASSWORD', '原密码不正确', 'The current password is wrong');
  requireStrongPassword(newPassword);
  const hash = await hashPassword(newPassword);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await repo.updateUser(tx, actor.userId, { password_hash: hash, updated_at: now });
    await repo.revokeOtherSessions(tx, actor.userId, sessionId, now);
    await audit(tx, ctx.clock.now(), actor, { action: 'auth.password_change', entity: 'user', entityId: actor.userId });
  });
}

export async function me(ctx: Ctx, actor: Actor) {
  const user = await repo.userById(ctx.db, actor.userId);
  const regionRows = await regions.getMany(
    ctx,
    actor.scope.grants.map((g) => g.regionId),
  );
  const names = new Map(regionRows.map((r) => [r.id, { name: r.name, level: r.level }]));
  // Each grant's place as people say it (孟家湾村 / 一组网格).
  const placeOf = await regions.placeNames(
    ctx,
    actor.scope.grants.map((g) => g.regionPath),
  );
  return {
    id: actor.userId,
    name: actor.name,
    phone: user?.phone ?? '',
    roles: actor.scope.grants.map((g) => ({
      role: g.role,
      regionId: g.regionId,
      regionName: names.get(g.regionId)?.name ?? '',
      placeName: placeOf(g.regionPath),
      regionLevel: names.get(g.regionId)?.level ?? '',
      householdId: g.householdId,
      unit: g.unit ?? null,
    })),
    abilities: heldAbilities(actor),
  };
}

/**
 * A household moved (people/service.ts, in its transaction): a villager grant on the old grid
 * or village moves to the household's new region, so the family reads its new village's board
 * and ranking and hears what concerns it. A grant whose region still holds the household stays.
 */
export async function followHouseholdMove(tx: Executor, householdId: string, region: { id: string; path: string }) {
  const stale = (await repo.grantsOfHousehold(tx, householdId)).filter((g) => !region.path.startsWith(g.region_path));
  await repo.moveGrants(
    tx,
    stale.map((g) => g.id),
    region,
  );
  return stale.length;
}
