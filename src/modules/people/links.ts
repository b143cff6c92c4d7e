// 党员联户: which households a party member serves. Read by accounts to build scopes.
import type { Ctx } from '../../core/context.js';

export async function linkedHouseholdIds(ctx: Ctx, userId: string): Promise<string[]> {
  const rows = await ctx.db.selectFrom('party_links').select('household_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.household_id);
}
