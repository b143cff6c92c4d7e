// Demo visits and patrols (issue 4, point 5): last month's and this month's
// plans for every demo grid, most of last month's visits done and the rest left
// overdue, this month about half done so far, daily patrols over the last two
// weeks, 月排查 on the 1st and 15th and this quarter's 联查 — all played through
// the real services on a clock moved to each moment, as a worker would have
// entered them. Run after seedDemoCases (it adds the grid workers some grids lack).
import type { Actor, Ctx } from '../../core/context.js';
import { fixedClock, shanghaiDate } from '../../core/clock.js';
import * as regions from '../regions/service.js';
import { actorFor } from '../accounts/service.js';
import { workersWithin } from '../accounts/index.js';
import { syncPlan, plan } from '../visits/index.js';
import { logVisit } from '../visits/service.js';
import { checklist, record } from '../patrols/service.js';
import { patrolPeriod, type PatrolKind } from '../patrols/index.js';
import type { DemoSeed } from './seed.js';
import { Rng } from './random.js';

const H = 3_600_000;
const D = 24 * H;

const SITUATIONS: Record<string, string[]> = {
  独居老人: [
    '老人身体状况稳定，冬季取暖已备好，提醒雨雪天注意防滑。',
    '老人血压偏高，已按时服药，子女每周打电话。',
    '家中电线老化，已提醒不要私拉乱接，联系电工周末检查。',
  ],
  困难群众: ['低保金按月到账，家中口粮充足，孩子上学正常。', '家中主要劳动力外出务工，收入较上月稳定。', '询问医保报销进度，已告知办理流程。'],
  重度残疾: ['两项补贴已到账，家属照护到位。', '轮椅损坏，已登记需求，联系残联更换。', '康复训练按时进行，情绪良好。'],
  社区矫正: ['按时到司法所报到，在附近工地务工，情绪稳定。', '本月思想汇报已提交，与邻里关系正常。'],
  乡贤能人: ['交流村里产业发展想法，愿意牵头成立种植合作社。', '愿为村里调解纠纷出力，已留联系方式。', '建议村里修缮文化广场，愿意捐资。'],
};
const NEEDS = ['希望帮助申请临时救助', '想了解今年的种植补贴政策', '希望村里帮忙联系医生上门', '盼望入冬前修好门前的路'];

async function actors(ctx: Ctx, userIds: string[]) {
  const out = new Map<string, Actor>();
  for (const id of new Set(userIds)) out.set(id, await actorFor(ctx, id, '', null));
  return out;
}

export async function seedDemoVisits(ctx: Ctx, seed: DemoSeed, opts: { seed?: number } = {}) {
  const started = Date.now();
  const rng = new Rng(opts.seed ?? 20261101);
  const now = ctx.clock.now().getTime();
  const today = shanghaiDate(new Date(now));
  const thisMonth = today.slice(0, 7);
  const lastMonth = shanghaiDate(new Date(Date.parse(`${thisMonth}-01T00:00:00+08:00`) - D)).slice(0, 7);
  const township = (await regions.get(ctx, seed.townshipId))!;
  const at = (iso: string): Ctx => ({ ...ctx, clock: fixedClock(new Date(iso)) });

  // Who works where: the grid worker of each grid, else the village cadre.
  const gridWorkers = await workersWithin(ctx, township.path, ['grid_worker']);
  const cadres = await workersWithin(ctx, township.path, ['village_cadre']);
  const leaders = await workersWithin(ctx, township.path, ['township_leader']);
  const grids = await regions.getMany(ctx, Object.values(seed.gridIds));
  const villages = await regions.getMany(ctx, Object.values(seed.villageIds));
  const villageOf = new Map(grids.map((g) => [g.id, villages.find((v) => g.path.startsWith(v.path))!.id]));
  const workerOf = (gridId: string) => gridWorkers.find((w) => w.regionId === gridId)?.userId ?? cadreOf(villageOf.get(gridId)!);
  const cadreOf = (villageId: string) => cadres.find((c) => c.regionId === villageId)?.userId ?? leaders[0].userId;
  const people = await actors(ctx, [...grids.map((g) => workerOf(g.id)), ...villages.map((v) => cadreOf(v.id)), leaders[0].userId]);
  const leader = people.get(leaders[0].userId)!;

  // Visits: plans made at the start of each month, visits spread over its days up to now.
  let visits = 0;
  for (const [month, share] of [
    [lastMonth, 0.85],
    [thisMonth, 0.5],
  ] as const) {
    await syncPlan(at(`${month}-01T00:30:00+08:00`), township.path, month);
    const items = (await plan(at(`${month}-01T00:30:00+08:00`), leader, { regionId: township.id, month, page: 1, pageSize: 5000 })).items;
    const lastDay =
      month === thisMonth ? Number(today.slice(8, 10)) : Number(shanghaiDate(new Date(Date.parse(`${thisMonth}-01T00:00:00+08:00`) - D)).slice(8, 10));
    const visited = new Set<string>(); // one visit to a household covers all its items of the month
    for (const item of items) {
      if (visited.has(item.householdId) || !rng.chance(share)) continue;
      visited.add(item.householdId);
      const day = rng.int(1, lastDay);
      const when = Date.parse(`${month}-${String(day).padStart(2, '0')}T00:00:00+08:00`) + rng.int(9, 17) * H + rng.int(0, 59) * 60_000;
      if (when > now) continue;
      const reason = item.reasons[0]?.replace(/(每月必访|每季度走访|每周走访)$/, '').replace(/人员$/, '') ?? '';
      const texts = SITUATIONS[Object.keys(SITUATIONS).find((k) => reason.startsWith(k.slice(0, 2))) ?? '困难群众'];
      const visitor = people.get(workerOf(item.regionId))!;
      await logVisit(at(new Date(when).toISOString()), visitor, {
        householdId: item.householdId,
        residentId: item.residentId ?? undefined,
        method: rng.chance(0.85) ? 'home' : 'phone',
        situation: rng.pick(texts),
        needs: rng.chance(0.25) ? rng.pick(NEEDS) : undefined,
      });
      visits++;
    }
  }

  // Patrols: daily in each grid over the last 14 days, 月排查 on the 1st and 15th, this quarter's 联查.
  const items = (await checklist(ctx)).items;
  const PROBLEMS: Record<string, string> = {
    c1i1: '柴草堆放占用消防通道',
    c2i1: '垃圾池已满未及时清运',
    c2i3: '路边堆放建筑垃圾',
    c3i2: '新来务工人员两名未登记',
    c5i2: '村道路灯两盏不亮',
    c5i1: '桥面护栏松动',
  };
  let patrols = 0;
  const patrolAt = async (kind: PatrolKind, regionId: string, by: Actor, when: number) => {
    const results = items.map((i) => (PROBLEMS[i.code] && rng.chance(0.04) ? { code: i.code, ok: false, note: PROBLEMS[i.code] } : { code: i.code, ok: true }));
    await record(at(new Date(when).toISOString()), by, { kind, regionId, results });
    patrols++;
  };
  for (let back = 14; back >= 1; back--) {
    const dayStart = Date.parse(`${shanghaiDate(new Date(now - back * D))}T00:00:00+08:00`);
    for (const g of grids) if (rng.chance(0.8)) await patrolAt('daily', g.id, people.get(workerOf(g.id))!, dayStart + rng.int(8, 11) * H);
  }
  const fortnights = [
    ...new Set([`${lastMonth}-15`, `${thisMonth}-01`, `${thisMonth}-15`].filter((d) => d <= today && Date.parse(`${d}T00:00:00+08:00`) >= now - 40 * D)),
  ];
  for (const d of fortnights)
    for (const v of villages)
      if (rng.chance(0.9))
        await patrolAt(
          'fortnightly',
          v.id,
          people.get(cadreOf(v.id))!,
          Date.parse(`${patrolPeriod('fortnightly', d).dueOn}T09:30:00+08:00`) + rng.int(0, 1) * D,
        );
  const quarterStart = patrolPeriod('quarterly', today).dueOn;
  if (Date.parse(`${quarterStart}T10:00:00+08:00`) < now)
    await patrolAt('quarterly', township.id, leader, Date.parse(`${quarterStart}T10:00:00+08:00`) + 2 * D);
  return { visits, patrols, ms: Date.now() - started };
}
