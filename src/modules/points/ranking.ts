// Rankings (积分排行) of households by points earned in a month, quarter or year,
// per village or grid; villagers read their own village's. Nothing here ranks cadres.
import type { Actor, Ctx } from '../../core/context.js';
import { shanghaiDate, shanghaiDayEnd, shanghaiMidnight } from '../../core/clock.js';
import * as regions from '../regions/service.js';
import * as people from '../people/service.js';
import * as repo from './repo.js';
import { householdPlaces } from './places.js';
import { EARNING_SOURCES, periodDays, type RankingPeriod } from './rules.js';

export async function ranking(ctx: Ctx, actor: Actor, f: { regionId: string; period?: RankingPeriod; date?: string; page: number; pageSize: number }) {
  const r = await regions.requirePublicRegion(ctx, actor, f.regionId);
  const period = f.period ?? 'year';
  const { first, last } = periodDays(period, f.date ?? shanghaiDate(ctx.clock.now()));
  const { total, items: page } = await repo.rankingPage(
    ctx.db,
    { path: r.path, from: shanghaiMidnight(first), to: shanghaiDayEnd(last), earning: EARNING_SOURCES },
    f.page,
    f.pageSize,
  );
  const [briefs, balances] = await Promise.all([
    people.householdBriefs(
      ctx,
      page.map((x) => x.householdId),
    ),
    repo.balancesOf(
      ctx.db,
      page.map((x) => x.householdId),
    ),
  ]);
  const places = await householdPlaces(ctx, briefs.values());
  return {
    regionId: r.id,
    regionName: r.name,
    period,
    from: first,
    to: last,
    total,
    page: f.page,
    pageSize: f.pageSize,
    items: page.map((x) => {
      const b = briefs.get(x.householdId);
      return {
        rank: x.rank,
        householdId: x.householdId,
        householdName: b?.headName ?? '',
        gridName: places.gridName(b),
        placeName: places.placeName(b),
        points: x.points,
        // A household's balance is the family's own business: shown to those who keep the registry, not on the public board.
        balance: b && actor.scope.canSeeRow(b.regionPath, b.id) ? (balances.get(x.householdId) ?? 0) : null,
      };
    }),
  };
}
