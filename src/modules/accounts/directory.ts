// Read-only facts about users that other modules may need (names for display).
import type { Ctx } from '../../core/context.js';

export async function userNames(ctx: Ctx, ids: string[]): Promise<Map<string, { name: string; phone: string }>> {
  if (!ids.length) return new Map();
  const rows = await ctx.db.selectFrom('users').select(['id', 'name', 'phone']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, phone: r.phone }]));
}
