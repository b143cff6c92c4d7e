// 月度基础分: where a village's settings give a monthly base score, every household
// of the village gets it once a month (source 'monthly_base', one entry per
// household and month), from the sweep on the first run of each Shanghai month.
import type { Ctx } from '../../core/context.js';
import { shanghaiDate } from '../../core/clock.js';
import * as regions from '../regions/service.js';
import * as people from '../people/service.js';
import { postOnce } from './ledger.js';
import { settingsAt } from './settings.js';

/** The month each store was last brought up to date. */
const postedFor = new WeakMap<Ctx, string>();

export async function postMonthlyBase(ctx: Ctx) {
  const now = ctx.clock.now();
  const month = shanghaiDate(now).slice(0, 7);
  if (postedFor.get(ctx) === month) return 0;
  const roots = await ctx.db.selectFrom('point_settings').select('region_path').where('monthly_base', '>', 0).execute();
  let n = 0;
  const seen = new Set<string>();
  for (const root of roots) {
    for (const v of (await regions.subtree(ctx, root.region_path)).filter((r) => r.level === 'village')) {
      if (seen.has(v.id)) continue;
      seen.add(v.id);
      const base = (await settingsAt(ctx.db, v.path)).monthlyBase;
      if (base <= 0) continue;
      for (const h of await people.householdsWithin(ctx, v.path)) {
        await ctx.db.transaction().execute(async (tx) => {
          await postOnce(tx, { householdId: h.id, regionPath: h.regionPath, delta: base, source: 'monthly_base', sourceId: `${h.id}:${month}`, note: `${month.replace('-', '年')}月基础分`, at: now });
        });
        n++;
      }
    }
  }
  postedFor.set(ctx, month);
  return n;
}
