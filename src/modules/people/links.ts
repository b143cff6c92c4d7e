// 党员联户: which households a party member serves. Read by accounts to build scopes.
import type { Ctx } from '../../core/context.js';
import * as repo from './repo.js';

export async function linkedHouseholdIds(ctx: Ctx, userId: string): Promise<string[]> {
  return repo.householdsLinkedTo(ctx.db, userId);
}
