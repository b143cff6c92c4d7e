import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoPoints, type DemoPointsResult } from '../src/modules/demo/points.js';
import { inconsistencies } from '../src/modules/points/ledger.js';
import { stockMismatches } from '../src/modules/store/service.js';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

let env: TestEnv;
let leader: string, cadre: string, villager: string;
let result: DemoPointsResult;

beforeAll(async () => {
  env = await startTestApp(); // 2026-11-27, the registry only
  result = await seedDemoPoints(env.ctx, env.seed);
  [leader, cadre, villager] = await Promise.all([PHONES.leader, PHONES.cadre, PHONES.villager].map((p) => env.login(p)));
}, 300_000);
afterAll(async () => {
  await env?.close();
});

describe(`demo points and store on ${STORE}`, () => {
  it('a township catalog every village inherits, with 孟家湾村 rules of its own and the township settings', async () => {
    const mjw = env.seed.villageIds.孟家湾村;
    const rules = (await env.call('GET', `/api/points/rules?regionId=${mjw}`, cadre)).body.items;
    expect(rules.length).toBeGreaterThanOrEqual(23);
    expect(new Set(rules.map((r: any) => r.category)).size).toBe(6);
    expect(rules.some((r: any) => r.value < 0)).toBe(true);
    expect(rules.some((r: any) => r.proposers.includes('villager'))).toBe(true);
    expect(rules.filter((r: any) => r.regionId === mjw).map((r: any) => r.code)).toEqual(expect.arrayContaining(['MJ01', 'MJ02', 'MJ03']));
    const other = (await env.call('GET', `/api/points/rules?regionId=${env.seed.villageIds.圪求河村}`, await env.login(PHONES.otherCadre))).body.items;
    expect(other.some((r: any) => r.code.startsWith('MJ'))).toBe(false);
    expect(other.length).toBe(rules.length - 3);
    const s = (await env.call('GET', `/api/points/settings?regionId=${mjw}`, cadre)).body;
    expect(s).toMatchObject({
      publicDays: 5,
      monthlyBase: 0,
      settlementMode: 'carry',
      mediatorPoints: 50,
      volunteerRate: 2,
      fromRegionId: env.seed.townshipId,
    });
  });

  it('most households hold points, and every balance equals its entries', async () => {
    expect(result.householdsWithPoints / result.households).toBeGreaterThan(0.6);
    expect(
      await inconsistencies(
        env.ctx.db,
        (await env.ctx.db.selectFrom('regions').select('path').where('id', '=', env.seed.townshipId).executeTakeFirstOrThrow()).path,
      ),
    ).toEqual([]);
    const items: any[] = [];
    for (let page = 1; page <= 2; page++)
      items.push(...(await env.call('GET', `/api/points/households?regionId=${env.seed.townshipId}&pageSize=200&page=${page}`, leader)).body.items);
    expect(items.length).toBe(result.households);
    expect(items.filter((h) => h.balance > 0).length / items.length).toBeGreaterThan(0.6);
  });

  it('a year of awards in every state: most effective, some rejected, the last week pending or in 公示', async () => {
    expect(result.awards.effective).toBeGreaterThan(500);
    expect(result.awards.rejected).toBeGreaterThan(10);
    expect(result.awards.pending).toBeGreaterThan(0);
    expect(result.awards.publicized).toBeGreaterThan(0);
    expect(result.objections).toBeGreaterThan(0);
    const queue = (await env.call('GET', `/api/points/awards?regionId=${env.seed.townshipId}&status=pending`, leader)).body;
    expect(queue.total).toBeGreaterThan(0);
    const mjwQueue = (await env.call('GET', `/api/points/awards?regionId=${env.seed.villageIds.孟家湾村}&status=pending`, cadre)).body;
    expect(mjwQueue.total).toBeGreaterThan(0);
    const board = (await env.call('GET', `/api/points/board?regionId=${env.seed.villageIds.孟家湾村}`, villager)).body;
    expect(board.items.some((i: any) => i.status === 'publicized')).toBe(true);
    expect(board.items.some((i: any) => i.status === 'effective')).toBe(true);
    // Deductions happened too, and nothing stayed in 公示 past its end.
    const entries = (await env.call('GET', `/api/points/entries?regionId=${env.seed.townshipId}&source=rule_award&pageSize=200`, leader)).body;
    expect(entries.items.some((e: any) => e.delta < 0)).toBe(true);
    const stale = await env.ctx.db
      .selectFrom('point_awards')
      .select('id')
      .where('status', '=', 'publicized')
      .where('public_until', '<=', env.clock.now().toISOString())
      .execute();
    expect(stale).toEqual([]);
  });

  it("every village's store has items in stock; redemptions fulfilled, cancelled and waiting; stock matches its moves", async () => {
    for (const [name, id] of Object.entries(env.seed.villageIds)) {
      const items = (await env.call('GET', `/api/store/items?regionId=${id}`, leader)).body.items.filter((i: any) => i.regionId === id);
      expect(items.length, name).toBeGreaterThanOrEqual(6);
      expect(
        items.some((i: any) => i.stock > 0),
        name,
      ).toBe(true);
    }
    const mjwItems = (await env.call('GET', `/api/store/items?regionId=${env.seed.villageIds.孟家湾村}`, cadre)).body.items;
    expect(mjwItems.some((i: any) => i.merchant === '孟家湾便民超市')).toBe(true);
    expect(result.redemptions.fulfilled).toBeGreaterThan(50);
    expect(result.redemptions.cancelled).toBeGreaterThan(0);
    expect(result.redemptions.reserved).toBeGreaterThan(0);
    const path = (await env.ctx.db.selectFrom('regions').select('path').where('id', '=', env.seed.townshipId).executeTakeFirstOrThrow()).path;
    expect(await stockMismatches(env.ctx, path)).toEqual([]);
  });

  it("the demo villager's household has at least 150 points and a code waiting at the counter", async () => {
    const hh = env.seed.villagerHouseholdId;
    const points = (await env.call('GET', `/api/households/${hh}/points`, villager)).body;
    expect(points.balance).toBeGreaterThanOrEqual(150);
    expect(points.entries.reduce((s: number, e: any) => s + e.delta, 0)).toBe(points.balance);
    const mine = (await env.call('GET', `/api/store/redemptions?householdId=${hh}&status=reserved`, villager)).body;
    expect(mine.total).toBeGreaterThanOrEqual(1);
    const atCounter = await env.call('GET', `/api/store/redemptions/by-code/${mine.items[0].code}`, cadre);
    expect(atCounter.body).toMatchObject({ status: 'reserved', householdId: hh });
  });

  it('道德银行 activities with attendance, last year settled and its designations recorded', async () => {
    expect(result.activities).toBeGreaterThan(40);
    expect(result.signups).toBeGreaterThan(150);
    const acts = (await env.call('GET', `/api/volunteer/activities?regionId=${env.seed.villageIds.孟家湾村}&pageSize=100`, cadre)).body;
    expect(acts.items.some((a: any) => a.status === 'closed' && a.attended > 0)).toBe(true);
    const vol = (await env.call('GET', `/api/points/entries?regionId=${env.seed.townshipId}&source=volunteer&pageSize=1`, leader)).body;
    expect(vol.total).toBeGreaterThan(100);
    expect(result.settlements).toBe(Object.keys(env.seed.villageIds).length);
    const des = (await env.call('GET', `/api/points/designations?regionId=${env.seed.townshipId}&year=2025`, leader)).body;
    const titles = (Array.isArray(des) ? des : des.items).map((d: any) => d.title);
    expect(titles.length).toBeGreaterThanOrEqual(5 * Object.keys(env.seed.villageIds).length);
    expect(new Set(titles)).toEqual(new Set(['十星级文明户', '五好文明家庭', '净美庭院']));
  });

  it('runs in a few seconds and refuses little', () => {
    console.log(`demo points on ${STORE}:`, JSON.stringify(result));
    const refusals = Object.values(result.refused).reduce((s, n) => s + n, 0);
    expect(refusals).toBeLessThan(20);
  });
});
