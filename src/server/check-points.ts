// The consistency command: the whole store's balances against their entries and
// stock against its moves, as lines a person can read (empty when all is well).
import type { Ctx } from '../core/context.js';
import { inconsistencies } from '../modules/points/ledger.js';
import { stockMismatches } from '../modules/store/service.js';

export async function checkPoints(ctx: Ctx): Promise<string[]> {
  const roots = await ctx.db.selectFrom('regions').select('path').where('parent_id', 'is', null).execute();
  const out: string[] = [];
  for (const { path } of roots) {
    for (const m of await inconsistencies(ctx.db, path)) out.push(`household ${m.householdId}: balance ${m.balance} ≠ sum of entries ${m.sum}`);
    for (const s of await stockMismatches(ctx, path)) out.push(`store item ${s.itemId}: stock ${s.stock} ≠ sum of moves ${s.sumOfMoves}`);
  }
  return out;
}
