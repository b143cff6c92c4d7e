// Read-only facts about users that other modules need (names for display, who holds a role where).
import type { Ctx } from '../../core/context.js';
import * as regionsService from '../regions/service.js';
import { grantAt, roleInWords } from '../../shared/roles.js';
import * as repo from './repo.js';

export async function userNames(ctx: Ctx, ids: string[]): Promise<Map<string, { name: string; phone: string }>> {
  const rows = await repo.usersByIds(ctx.db, ids);
  return new Map(rows.map((r) => [r.id, { name: r.name, phone: r.phone }]));
}

export interface NamedWithRole {
  name: string;
  phone: string;
  /** The role they hold over the place (or else their main role), null with none. */
  role: string | null;
  /** That role as people say it: 一组网格员, 孟家湾村干部, 青石镇司法所; '' with none. */
  roleName: string;
}

/**
 * Users by id with the role each acts in at a place (`path`): the grant over the place that decides most, else
 * their main role, in words. One statement for the users and their grants; region names come from memory.
 */
export async function namesWithRoles(ctx: Ctx, ids: string[], path: string): Promise<Map<string, NamedWithRole>> {
  const rows = await repo.usersWithGrants(
    ctx.db,
    ids.filter((id) => !!id),
  );
  const grants = new Map<string, { role: string; regionId: string; regionPath: string; unit: string | null }[]>();
  for (const r of rows) {
    if (!grants.has(r.id)) grants.set(r.id, []);
    if (r.role && r.region_id && r.region_path)
      grants.get(r.id)!.push({ role: r.role, regionId: r.region_id, regionPath: r.region_path, unit: r.unit ?? null });
  }
  const chosen = new Map([...grants].map(([id, gs]) => [id, grantAt(gs, path)]));
  const regionNames = new Map(
    (
      await regionsService.getMany(
        ctx,
        [...chosen.values()].map((g) => g?.regionId ?? ''),
      )
    ).map((r) => [r.id, r.name]),
  );
  const out = new Map<string, NamedWithRole>();
  for (const r of rows) {
    if (out.has(r.id)) continue;
    const g = chosen.get(r.id);
    out.set(r.id, {
      name: r.name,
      phone: r.phone,
      role: g?.role ?? null,
      roleName: g ? roleInWords(g.role, regionNames.get(g.regionId) ?? '', g.unit) : '',
    });
  }
  return out;
}

/** Grants of `role` whose region contains `path` or lies inside it. */
async function grantsNear(ctx: Ctx, role: string, path: string, userId?: string) {
  const grants = await repo.grantsWithRole(ctx.db, role, userId);
  const regions = new Map(
    (
      await regionsService.getMany(
        ctx,
        grants.map((g) => g.region_id),
      )
    ).map((r) => [r.id, r.path]),
  );
  return grants.filter((g) => {
    const p = regions.get(g.region_id);
    return !!p && (path.startsWith(p) || p.startsWith(path));
  });
}

/** Whether a user holds `role` on a region whose subtree contains `path` (or lies inside it). */
export async function holdsRoleNear(ctx: Ctx, userId: string, role: string, path: string): Promise<boolean> {
  return (await grantsNear(ctx, role, path, userId)).length > 0;
}

/** Active users holding `role` around `path` (e.g. the party members of a village), by name. */
export async function holdersNear(ctx: Ctx, role: string, path: string) {
  const grants = await grantsNear(ctx, role, path);
  const users = await repo.usersByIds(
    ctx.db,
    grants.map((g) => g.user_id),
  );
  return users
    .filter((u) => u.active)
    .map((u) => ({ userId: u.id, name: u.name, phone: u.phone }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** Active users holding one of `roles` exactly on the region at `path` (e.g. a village's cadres). */
export async function holdersAt(ctx: Ctx, roles: string[], path: string): Promise<string[]> {
  return (await repo.activeHoldersAtPaths(ctx.db, roles, [path])).map((u) => u.id);
}

/** The region paths of a user's grants (for checking where someone may be assigned work). */
export async function grantPathsOf(ctx: Ctx, userId: string): Promise<{ role: string; path: string }[]> {
  return (await repo.grantsOf(ctx.db, [userId])).map((g) => ({ role: g.role, path: g.region_path }));
}

/** Active users holding one of `roles` inside the subtree at `path`, with the role and region of each grant. */
export async function workersWithin(ctx: Ctx, path: string, roles: string[]) {
  const grants = await repo.grantsWithin(ctx.db, path, roles);
  const users = new Map(
    (
      await repo.usersByIds(
        ctx.db,
        grants.map((g) => g.user_id),
      )
    )
      .filter((u) => u.active)
      .map((u) => [u.id, u]),
  );
  return grants
    .filter((g) => users.has(g.user_id))
    .map((g) => ({
      userId: g.user_id,
      name: users.get(g.user_id)!.name,
      phone: users.get(g.user_id)!.phone,
      role: g.role,
      regionId: g.region_id,
      unit: g.unit ?? null,
      householdId: g.household_id,
    }));
}

/** The villager accounts of one household (who hears of what concerns the family). */
export async function householdVillagers(ctx: Ctx, householdId: string, householdPath: string): Promise<string[]> {
  return (await workersWithin(ctx, householdPath, ['villager'])).filter((w) => w.householdId === householdId).map((w) => w.userId);
}
