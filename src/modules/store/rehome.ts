// A household that moves takes its redemptions along (they are the family's, scoped by
// its region path); the store each came from (item_region_path) stays, so a reserved
// redemption is still picked up, or cancelled, at the store that holds the goods.
import type { Executor } from '../../db/kysely.js';
import * as repo from './repo.js';

/** Re-homes the household's redemptions to `toPath` in the caller's transaction; returns how many moved. */
export const rehomeHousehold = async (tx: Executor, { householdId, toPath }: { householdId: string; toPath: string }) => ({
  redemptions: await repo.rehomeRedemptions(tx, householdId, toPath),
});
