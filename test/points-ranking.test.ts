// The ranking ranks in SQL (RANK() over the households' sums, one page at a time); on the demo
// year of points it gives exactly what the former in-memory ranking gave: every household's sum
// of earning entries in the period, highest first, ties in id order sharing a rank (1, 1, 3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoPoints } from '../src/modules/demo/points.js';
import { competitionRanks, EARNING_SOURCES, periodDays } from '../src/modules/points/rules.js';
import { shanghaiDayEnd, shanghaiMidnight } from '../src/core/clock.js';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

let env: TestEnv;
let leader: string;
let entries: { household_id: string; region_path: string; delta: number; source: string; at: string }[];

beforeAll(async () => {
  env = await startTestApp();
  await seedDemoPoints(env.ctx, env.seed);
  leader = await env.login(PHONES.leader);
  entries = await env.ctx.db.selectFrom('point_entries').select(['household_id', 'region_path', 'delta', 'source', 'at']).execute();
}, 300_000);
afterAll(async () => {
  await env?.close();
});

/** The former ranking, in memory: sums per household, highest first, ties by id, competition ranks. */
function formerRanking(path: string, period: 'month' | 'quarter' | 'year', date: string) {
  const { first, last } = periodDays(period, date);
  const [from, to] = [shanghaiMidnight(first), shanghaiDayEnd(last)];
  const sums = new Map<string, number>();
  for (const e of entries)
    if (e.region_path.startsWith(path) && e.at >= from && e.at < to && EARNING_SOURCES.includes(e.source as never))
      sums.set(e.household_id, (sums.get(e.household_id) ?? 0) + e.delta);
  const list = [...sums].filter(([, p]) => p > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const ranks = competitionRanks(list.map(([, p]) => p));
  return list.map(([householdId, points], i) => ({ rank: ranks[i], householdId, points }));
}

async function wholeRanking(regionId: string, q: string, pageSize: number) {
  const out: { rank: number; householdId: string; points: number }[] = [];
  for (let page = 1; ; page++) {
    const r = await env.call('GET', `/api/points/ranking?regionId=${regionId}&${q}&page=${page}&pageSize=${pageSize}`, leader);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ page, pageSize });
    out.push(...r.body.items.map((i: any) => ({ rank: i.rank, householdId: i.householdId, points: i.points })));
    if (r.body.items.length < pageSize) {
      expect(r.body.total).toBe(out.length);
      return out;
    }
  }
}

describe(`the ranking in SQL on ${STORE}`, () => {
  it('equals the former in-memory ranking on the demo data, page by page, for the township, each village and a grid', async () => {
    const regions = await env.ctx.db
      .selectFrom('regions')
      .select(['id', 'path', 'level'])
      .where('level', 'in', ['township', 'village', 'grid'])
      .orderBy('path')
      .execute();
    const picked = [...regions.filter((r) => r.level !== 'grid'), regions.find((r) => r.level === 'grid')!];
    let ties = 0;
    for (const r of picked) {
      for (const [period, date] of [
        ['year', '2026-11-27'],
        ['quarter', '2026-08-15'],
        ['month', '2026-11-01'],
        ['month', '2026-03-31'],
      ] as const) {
        const expected = formerRanking(r.path, period, date);
        const got = await wholeRanking(r.id, `period=${period}&date=${date}`, 13);
        expect(got, `${r.level} ${period} ${date}`).toEqual(expected);
        ties += expected.filter((x, i) => i > 0 && expected[i - 1].rank === x.rank).length;
      }
    }
    // The demo data has ties, so the shared-rank rule is exercised.
    expect(ties).toBeGreaterThan(10);
    expect(formerRanking(regions[0].path, 'year', '2026-11-27').length).toBeGreaterThan(100);
  });

  it('a page past the end is empty but still counts the whole ranking', async () => {
    const r = await env.call('GET', `/api/points/ranking?regionId=${env.seed.townshipId}&page=999&pageSize=50`, leader);
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual([]);
    expect(r.body.total).toBe(
      formerRanking(
        (await env.ctx.db.selectFrom('regions').select('path').where('id', '=', env.seed.townshipId).executeTakeFirstOrThrow()).path,
        'year',
        '2026-11-27',
      ).length,
    );
  });
});
