// Read-only facts about users that other modules may need (names for display).
import type { Ctx } from '../../core/context.js';
import * as regionsService from '../regions/service.js';

export async function userNames(ctx: Ctx, ids: string[]): Promise<Map<string, { name: string; phone: string }>> {
  if (!ids.length) return new Map();
  const rows = await ctx.db.selectFrom('users').select(['id', 'name', 'phone']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, phone: r.phone }]));
}

/** Whether a user holds `role` on a region whose subtree contains `path` (or lies inside it). */
export async function holdsRoleNear(ctx: Ctx, userId: string, role: string, path: string): Promise<boolean> {
  const grants = await ctx.db.selectFrom('user_roles').select('region_id').where('user_id', '=', userId).where('role', '=', role).execute();
  if (!grants.length) return false;
  const regions = await regionsService.getMany(ctx, grants.map((g) => g.region_id));
  return regions.some((r) => path.startsWith(r.path) || r.path.startsWith(path));
}
