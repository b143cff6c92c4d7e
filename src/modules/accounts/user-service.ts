// Account administration (用户与角色管理): admins create accounts and grant roles inside their subtree.
import { AppError, forbidden, notFound } from '../../core/errors.js';
import type { Actor, Ctx } from '../../core/context.js';
import { audit } from '../../core/audit.js';
import { uniqueViolation } from '../../core/db-errors.js';
import { newId } from '../../core/ids.js';
import { hashPassword, requireStrongPassword } from '../../core/passwords.js';
import { ROLE_LABELS, ROLES, roleHas, type Role } from '../../shared/roles.js';
import type { Grant } from '../../core/scope.js';
import * as regions from '../regions/service.js';
import * as people from '../people/service.js';
import * as repo from './repo.js';
import { grantsFor } from './service.js';
import { userRegion } from './policy.js';
import { belowRoots, dedupeGrants, dropsOwnAdmin, grantProblem, insideRoots, needsHousehold, outranks, ROLE_LEVELS, type GrantInput } from './user-rules.js';

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.userById>>>;

export const roleCatalog = () => ROLES.map((code) => ({ code, ...ROLE_LABELS[code], levels: [...ROLE_LEVELS[code]], needsHousehold: needsHousehold(code) }));

/** The caller's manageable subtrees; callers without `users.manage` anywhere get 403. */
function managerRoots(actor: Actor): string[] {
  userRegion.assertSomewhere(actor, 'user.manage');
  return userRegion.roots(actor, 'user.manage');
}

async function views(ctx: Ctx, rows: UserRow[], roots: string[], selfId: string) {
  const grants = await repo.grantsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const byId = new Map(
    (
      await regions.getMany(
        ctx,
        grants.map((g) => g.region_id),
      )
    ).map((r) => [r.id, r]),
  );
  return rows.map((u) => {
    const mine = grants.filter((g) => g.user_id === u.id);
    // Why the caller may not change this user (the write routes answer 403 alike), or null.
    const lockedReason = !mine.every((g) => {
      const r = byId.get(g.region_id);
      return !!r && insideRoots(r.path, roots);
    })
      ? ('outside' as const)
      : u.id !== selfId &&
          !outranks(
            roots,
            mine.map((g) => ({ role: g.role as Role, regionPath: g.region_path })),
          )
        ? ('peer' as const)
        : null;
    return {
      id: u.id,
      name: u.name,
      phone: u.phone,
      active: !!u.active,
      createdAt: u.created_at,
      roles: mine.map((g) => ({
        id: g.id,
        role: g.role,
        regionId: g.region_id,
        regionName: byId.get(g.region_id)?.name ?? '',
        regionLevel: byId.get(g.region_id)?.level ?? '',
        householdId: g.household_id,
        unit: g.unit ?? null,
      })),
      editable: lockedReason === null,
      lockedReason,
    };
  });
}

export async function listUsers(ctx: Ctx, actor: Actor, f: { regionId?: string; q?: string; role?: Role; page: number; pageSize: number }) {
  let roots = managerRoots(actor);
  if (f.regionId) {
    const r = await regions.get(ctx, f.regionId);
    if (!r || !insideRoots(r.path, roots)) throw notFound('区域', 'Region');
    roots = [r.path];
  }
  const { total, rows } = await repo.listUsers(ctx.db, { roots, role: f.role, q: f.q || undefined }, f.page, f.pageSize);
  return { total, items: await views(ctx, rows, managerRoots(actor), actor.userId) };
}

/** A user with a grant in the caller's subtree, or 404; for writes every grant must lie inside (else 403). */
async function requireUser(ctx: Ctx, actor: Actor, id: string, write: boolean): Promise<{ user: UserRow; grants: Grant[] }> {
  const roots = managerRoots(actor);
  const user = await repo.userById(ctx.db, id);
  const grants = user ? await grantsFor(ctx, id) : [];
  if (!user || !grants.some((g) => insideRoots(g.regionPath, roots))) throw notFound('用户', 'User');
  if (write && !grants.every((g) => insideRoots(g.regionPath, roots)))
    throw forbidden('该用户在您的管辖范围之外另有任职，请由上级管理员修改', 'This user also holds roles outside your jurisdiction');
  if (write && id !== actor.userId && !outranks(roots, grants))
    throw forbidden('同级或上级管理员的账号只能由更上级管理员修改', 'Only a higher-level administrator may change this administrator');
  return { user, grants };
}

export async function getUser(ctx: Ctx, actor: Actor, id: string) {
  const { user } = await requireUser(ctx, actor, id, false);
  return (await views(ctx, [user], managerRoots(actor), actor.userId))[0];
}

/** Resolves requested grants: each region inside the caller's subtree, each fitting its role. */
async function checkGrants(ctx: Ctx, actor: Actor, list: GrantInput[], held: Grant[] = []) {
  const roots = managerRoots(actor);
  const out: Grant[] = [];
  for (const [i, g] of dedupeGrants(list).entries()) {
    const region = await regions.get(ctx, g.regionId);
    if (!region || !insideRoots(region.path, roots))
      throw new AppError('UNKNOWN_REGION', '所选区域不存在或不在您的管辖范围内', 'Unknown region', [
        { field: `roles.${i}.regionId`, message: '区域不在管辖范围内' },
      ]);
    const kept = held.some((h) => h.role === g.role && h.regionId === region.id);
    if (roleHas(g.role, 'users.manage') && !kept && !belowRoots(region.path, roots))
      throw new AppError('VALIDATION_FAILED', '只能在下级区域授予管理员角色', 'Administrator roles are granted on lower levels only', [
        { field: `roles.${i}.role`, message: '只能在下级区域授予管理员角色' },
      ]);
    const householdPath = g.householdId ? await people.householdRegionPath(ctx, g.householdId) : null;
    const p = grantProblem(g, region.level, region.path, householdPath);
    if (p) throw new AppError(p.code, p.zh, p.en, [{ field: `roles.${i}`, message: p.zh }]);
    out.push({ role: g.role, regionId: region.id, regionPath: region.path, householdId: g.householdId ?? null, unit: g.unit ?? null });
  }
  return out;
}

const grantRows = (userId: string, grants: Grant[], at: string) =>
  grants.map((g) => ({
    id: newId(),
    user_id: userId,
    role: g.role,
    region_id: g.regionId,
    region_path: g.regionPath,
    household_id: g.householdId,
    unit: g.unit ?? null,
    created_at: at,
  }));

const grantDetail = (grants: Grant[]) => grants.map((g) => ({ role: g.role, regionId: g.regionId, householdId: g.householdId, unit: g.unit ?? null }));

const duplicatePhone = () => new AppError('DUPLICATE_PHONE', '该手机号已有账号', 'An account with this phone already exists');

export async function createUser(ctx: Ctx, actor: Actor, input: { name: string; phone: string; password: string; roles: GrantInput[] }) {
  const grants = await checkGrants(ctx, actor, input.roles);
  requireStrongPassword(input.password);
  if (await repo.userByPhone(ctx.db, input.phone)) throw duplicatePhone();
  const hash = await hashPassword(input.password);
  const now = ctx.clock.now().toISOString();
  const id = newId();
  try {
    await ctx.db.transaction().execute(async (tx) => {
      await repo.insertUser(tx, { id, phone: input.phone, name: input.name, password_hash: hash, active: 1, created_at: now, updated_at: now });
      await repo.insertGrants(tx, grantRows(id, grants, now));
      await audit(tx, ctx.clock.now(), actor, {
        action: 'user.create',
        entity: 'user',
        entityId: id,
        regionPath: grants[0].regionPath,
        detail: { name: input.name, phone: input.phone, roles: grantDetail(grants) },
      });
    });
  } catch (err) {
    if (uniqueViolation(err)) throw duplicatePhone(); // a concurrent create won the race
    throw err;
  }
  return getUser(ctx, actor, id);
}

export async function updateUser(ctx: Ctx, actor: Actor, id: string, patch: { name?: string; active?: boolean }) {
  const { grants } = await requireUser(ctx, actor, id, true);
  if (patch.active === false && id === actor.userId) throw new AppError('VALIDATION_FAILED', '不能停用自己的账号', 'You cannot deactivate your own account');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await repo.updateUser(tx, id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
      updated_at: now,
    });
    if (patch.active === false) await repo.revokeOtherSessions(tx, id, null, now);
    await audit(tx, ctx.clock.now(), actor, { action: 'user.update', entity: 'user', entityId: id, regionPath: grants[0]?.regionPath, detail: patch });
  });
  return getUser(ctx, actor, id);
}

export async function replaceRoles(ctx: Ctx, actor: Actor, id: string, roles: GrantInput[]) {
  const { grants: before } = await requireUser(ctx, actor, id, true);
  const after = await checkGrants(ctx, actor, roles, before);
  if (id === actor.userId && dropsOwnAdmin(before, after))
    throw new AppError('VALIDATION_FAILED', '不能撤销自己的系统管理员角色', 'You cannot remove your own administrator role');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await repo.deleteGrants(tx, id);
    await repo.insertGrants(tx, grantRows(id, after, now));
    await audit(tx, ctx.clock.now(), actor, {
      action: 'user.roles',
      entity: 'user',
      entityId: id,
      regionPath: after[0].regionPath,
      detail: { before: grantDetail(before), after: grantDetail(after) },
    });
  });
  return getUser(ctx, actor, id);
}

/** Sets a new password and signs the user out everywhere (except the caller's own session when resetting their own). */
export async function resetPassword(ctx: Ctx, actor: Actor, sessionId: string | null, id: string, password: string) {
  if (id === actor.userId)
    throw new AppError('VALIDATION_FAILED', '修改本人密码请使用“修改密码”，需验证原密码', 'Change your own password with your current one');
  const { user, grants } = await requireUser(ctx, actor, id, true);
  requireStrongPassword(password);
  const hash = await hashPassword(password);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await repo.updateUser(tx, id, { password_hash: hash, updated_at: now });
    await repo.revokeOtherSessions(tx, id, id === actor.userId ? sessionId : null, now);
    await repo.clearFailures(tx, user.phone); // a reset usually follows a lock-out
    await audit(tx, ctx.clock.now(), actor, { action: 'user.reset_password', entity: 'user', entityId: id, regionPath: grants[0]?.regionPath });
  });
}
