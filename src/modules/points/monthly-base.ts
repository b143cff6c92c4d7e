// 月度基础分: where a village's settings give a monthly base score, every household
// of the village gets it once a month (source 'monthly_base', one entry per
// household and month). The sweep calls this once a day: on the 1st it posts the
// month, on later days it only fills what a failed or missed run left out.
import type { Ctx } from '../../core/context.js';
import { shanghaiDate, shanghaiMidnight } from '../../core/clock.js';
import { audit } from '../../core/audit.js';
import * as regions from '../regions/service.js';
import * as people from '../people/service.js';
import * as repo from './repo.js';
import { postOnce } from './ledger.js';
import { settingsAt } from './settings.js';
import { inLockOrder, monthlyBaseSourceId } from './rules.js';
import { withRetry } from '../../core/retry.js';

/** Households per transaction: a village of a thousand households is a few short transactions. */
const CHUNK = 200;

/** Villages whose settings in force give a monthly base (a village may set 0 under a township that sets one). */
async function villagesWithBase(ctx: Ctx) {
  const out = new Map<string, { id: string; path: string; base: number }>();
  for (const root of await repo.monthlyBaseRoots(ctx.db)) {
    for (const v of await regions.subtree(ctx, root.region_path)) {
      if (v.level !== 'village' || out.has(v.id)) continue;
      const base = (await settingsAt(ctx.db, v.path)).monthlyBase;
      if (base > 0) out.set(v.id, { id: v.id, path: v.path, base });
    }
  }
  return [...out.values()];
}

/**
 * Posts this Shanghai month's base score to every household that existed before the
 * month began (a household registered mid-month starts next month). Idempotent; when
 * everything is posted it only reads. Returns the number of entries posted.
 */
export async function postMonthlyBase(ctx: Ctx): Promise<number> {
  const now = ctx.clock.now();
  const month = shanghaiDate(now).slice(0, 7);
  const monthStart = shanghaiMidnight(`${month}-01`);
  let n = 0;
  for (const v of await villagesWithBase(ctx)) {
    const due = (await people.householdsWithin(ctx, v.path)).filter((h) => h.createdAt < monthStart);
    const posted = await repo.postedSourceIds(
      ctx.db,
      'monthly_base',
      due.map((h) => monthlyBaseSourceId(h.id, month)),
    );
    // In lock order (by id, as the settlement): the registry lists them by place, which is not the same order.
    const missing = inLockOrder(due.filter((h) => !posted.has(monthlyBaseSourceId(h.id, month))));
    for (let i = 0; i < missing.length; i += CHUNK) {
      const chunk = missing.slice(i, i + CHUNK);
      await withRetry(ctx, () =>
        ctx.db.transaction().execute(async (tx) => {
          for (const h of chunk)
            await postOnce(tx, {
              householdId: h.id,
              regionPath: h.regionPath,
              delta: v.base,
              source: 'monthly_base',
              sourceId: monthlyBaseSourceId(h.id, month),
              note: `${month.replace('-', '年')}月基础分`,
              at: now,
            });
          await audit(tx, now, null, {
            action: 'point_monthly_base.post',
            entity: 'region',
            entityId: v.id,
            regionPath: v.path,
            detail: { month, base: v.base, households: chunk.length },
          });
        }),
      );
      n += chunk.length;
    }
  }
  return n;
}
