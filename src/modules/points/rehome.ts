// A household that moves to another grid or village takes its points with it: its
// ledger entries, awards and volunteer signups are scoped by the household's region
// path, so they move in the move's transaction (a hook of people's move, registered by the server) — the
// new village's rankings, year-end settlement and consistency check then see them,
// and the old village's no longer do. Designations (评选) stay with the village that
// gave them: they record that village's decision for a year, like a case its place.
import type { Executor } from '../../db/kysely.js';
import { AppError } from '../../core/errors.js';
import { pathIds } from '../../core/scope.js';
import * as repo from './repo.js';
import { awardsBlockingMove } from './rules.js';

/**
 * Re-homes the household's points rows to `toPath`, in the caller's transaction. Refuses
 * (409 AWARDS_PENDING) while an award is pending or in 公示 under a rule that does not
 * apply at the new place (see awardsBlockingMove): the old village decides those first.
 */
export async function rehomeHousehold(tx: Executor, { householdId, toPath, at }: { householdId: string; toPath: string; at: Date }) {
  // Awards, redemptions and settlements of this household wait for the move (and it for them).
  await repo.lockHousehold(tx, householdId, at.toISOString());
  const open = await repo.openAwardRules(tx, householdId);
  const blocking = awardsBlockingMove(open, pathIds(toPath));
  if (blocking.length)
    throw new AppError(
      'AWARDS_PENDING',
      `该户有${blocking.length}项按原村自定规则申报、尚在审核或公示中的积分（${[...new Set(blocking.map((b) => b.ruleName))].join('、')}），请原村先审核或驳回后再迁出`,
      "The household has awards under the old village's own rules still under review or in public notice; the old village decides them before the move",
      { awardIds: blocking.map((b) => b.id) },
    );
  return repo.rehomeHouseholdRows(tx, householdId, toPath);
}
