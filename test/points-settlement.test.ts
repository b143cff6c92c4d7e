// Rankings, the monthly base score and the year-end settlement, over HTTP on both stores.
// The clock starts on Friday 2026-11-27 10:00 (Shanghai) and moves into January 2027.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inconsistencies, postOnce } from '../src/modules/points/ledger.js';
import { postMonthlyBase } from '../src/modules/points/monthly-base.js';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

let env: TestEnv;
const t: Record<keyof typeof PHONES, string> = {} as never;
let village: string, otherVillage: string, thirdVillage: string, townshipPath: string;
let gridId: string, otherGrid: string;
/** 孟家湾村's households: in the villager's grid, and in the other grids. */
let grid1: string[], others: string[];
let gqh: string[], third: string[];
let newHousehold: string;
const hh = () => env.seed.villagerHouseholdId;

async function relogin() {
  for (const k of Object.keys(PHONES) as (keyof typeof PHONES)[]) t[k] = await env.login(PHONES[k], true);
}
/** Moves the clock as the demo does, running the sweeps that come due. */
async function advanceHours(hours: number) {
  const r = await env.call('POST', '/api/dev/clock', await env.login(PHONES.admin, true), { advanceHours: hours });
  expect(r.status).toBe(200);
  await relogin();
  return r.body.now as string;
}
const pathOf = async (id: string) => (await env.ctx.db.selectFrom('regions').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;
const householdsIn = async (path: string) =>
  await env.ctx.db.selectFrom('households').select(['id', 'region_id']).where('region_path', 'like', `${path}%`).orderBy('id').execute();
async function points(householdId: string) {
  const r = (await env.call('GET', `/api/households/${householdId}/points`, t.admin)).body;
  expect(r.entries.reduce((s: number, e: { delta: number }) => s + e.delta, 0)).toBe(r.balance);
  return r as { balance: number; entries: { delta: number; source: string; sourceId: string; at: string }[] };
}
const balance = async (id: string) => (await points(id)).balance;
const correct = (token: string, householdId: string, delta: number) =>
  env.call('POST', '/api/points/corrections', token, { householdId, delta, reason: '测试' });
const ranking = (token: string, q: string) => env.call('GET', `/api/points/ranking?${q}`, token);
const settings = (token: string, regionId: string, monthlyBase: number, settlementMode: 'carry' | 'reset') =>
  env.call('PUT', '/api/points/settings', token, { regionId, publicDays: 5, monthlyBase, settlementMode, mediatorPoints: 50, volunteerRate: 2 });
const settle = (token: string, regionId: string, year: number) => env.call('POST', '/api/points/settlements', token, { regionId, year });

beforeAll(async () => {
  env = await startTestApp();
  await relogin();
  village = env.seed.villageIds.孟家湾村;
  otherVillage = env.seed.villageIds.圪求河村;
  thirdVillage = Object.entries(env.seed.villageIds).find(([name]) => name !== '孟家湾村' && name !== '圪求河村')![1];
  townshipPath = await pathOf(env.seed.townshipId);
  gridId = (await env.ctx.db.selectFrom('households').select('region_id').where('id', '=', hh()).executeTakeFirstOrThrow()).region_id;
  const mjw = (await householdsIn(await pathOf(village))).filter((h) => h.id !== hh());
  grid1 = mjw.filter((h) => h.region_id === gridId).map((h) => h.id);
  others = mjw.filter((h) => h.region_id !== gridId).map((h) => h.id);
  otherGrid = mjw.find((h) => h.region_id !== gridId)!.region_id;
  gqh = (await householdsIn(await pathOf(otherVillage))).map((h) => h.id);
  third = (await householdsIn(await pathOf(thirdVillage))).map((h) => h.id);
});
afterAll(async () => {
  await env?.close();
});

describe(`rankings on ${STORE}`, () => {
  it('ranks households by points earned in the period, ties sharing a rank (1, 2, 2, 4)', async () => {
    for (const [h, d] of [
      [grid1[0], 50],
      [grid1[1], 30],
      [others[0], 30],
      [others[1], 10],
      [hh(), 10],
    ] as const)
      expect((await correct(t.cadre, h, d)).status).toBe(201);
    expect((await correct(t.otherCadre, gqh[0], 25)).status).toBe(201);
    const r = await ranking(t.cadre, `regionId=${village}&period=month`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ regionId: village, regionName: '孟家湾村', period: 'month', from: '2026-11-01', to: '2026-11-30', total: 5 });
    expect(r.body.items.map((i: any) => [i.rank, i.points])).toEqual([
      [1, 50],
      [2, 30],
      [2, 30],
      [4, 10],
      [4, 10],
    ]);
    expect(r.body.items[0]).toMatchObject({ householdId: grid1[0], balance: 50 });
    expect(r.body.items[0].householdName).not.toBe('');
    expect(r.body.items[0].gridName).toMatch(/网格$/);
    // A page further on keeps the ranks of the whole list.
    const page2 = await ranking(t.cadre, `regionId=${village}&period=month&page=2&pageSize=2`);
    expect(page2.body.total).toBe(5);
    expect(page2.body.items.map((i: any) => [i.rank, i.points])).toEqual([
      [2, 30],
      [4, 10],
    ]);
    // The default is this year, today.
    expect((await ranking(t.cadre, `regionId=${village}`)).body).toMatchObject({ period: 'year', from: '2026-01-01', to: '2026-12-31', total: 5 });
  });

  it("a grid ranks its own households; a township ranks its villages' for the township", async () => {
    const g = await ranking(t.cadre, `regionId=${gridId}`);
    expect(g.body.items.map((i: any) => [i.rank, i.householdId])).toEqual([
      [1, grid1[0]],
      [2, grid1[1]],
      [3, hh()],
    ]);
    const town = await ranking(t.leader, `regionId=${env.seed.townshipId}&period=quarter`);
    expect(town.body).toMatchObject({ from: '2026-10-01', to: '2026-12-31', total: 6 });
    expect(town.body.items.map((i: any) => [i.rank, i.points])).toEqual([
      [1, 50],
      [2, 30],
      [2, 30],
      [4, 25],
      [5, 10],
      [5, 10],
    ]);
    expect((await ranking(t.cadre, `regionId=${env.seed.townshipId}`)).status).toBe(404);
  });

  it("villagers read their village's ranking without other families' balances; other villages get 404", async () => {
    const r = await ranking(t.villager, `regionId=${village}&period=year`);
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(5);
    for (const i of r.body.items) expect(i.balance).toBe(i.householdId === hh() ? 10 : null);
    expect((await ranking(t.villager, `regionId=${otherVillage}`)).status).toBe(404);
    expect((await ranking(t.otherCadre, `regionId=${village}`)).status).toBe(404);
    expect((await ranking(t.otherCadre, `regionId=${otherVillage}`)).body.items).toEqual([
      expect.objectContaining({ householdId: gqh[0], points: 25, rank: 1 }),
    ]);
  });

  it('periods are Shanghai calendar ranges: 23:30 on 30 November is November, midnight is December', async () => {
    const h = others[2];
    const path = (await env.ctx.db.selectFrom('households').select('region_path').where('id', '=', h).executeTakeFirstOrThrow()).region_path;
    await env.ctx.db.transaction().execute(async (tx) => {
      await postOnce(tx, {
        householdId: h,
        regionPath: path,
        delta: 7,
        source: 'correction',
        sourceId: 'test-boundary-nov',
        note: '测试',
        at: new Date('2026-11-30T15:30:00Z'),
      });
      await postOnce(tx, {
        householdId: h,
        regionPath: path,
        delta: 9,
        source: 'correction',
        sourceId: 'test-boundary-dec',
        note: '测试',
        at: new Date('2026-11-30T16:00:00Z'),
      });
    });
    const of = async (q: string) => (await ranking(t.cadre, `regionId=${village}&${q}`)).body.items.find((i: any) => i.householdId === h)?.points;
    expect(await of('period=month&date=2026-11-01')).toBe(7);
    expect(await of('period=month&date=2026-12-31')).toBe(9);
    expect(await of('period=quarter&date=2026-11-15')).toBe(16);
    expect(await of('period=year&date=2026-02-01')).toBe(16);
    expect(await of('period=month&date=2026-10-31')).toBeUndefined();
    expect(await of('period=year&date=2025-12-31')).toBeUndefined();
  });

  it('spending does not lower the rank; bad periods and dates are refused', async () => {
    const item = (await env.call('POST', '/api/store/items', t.cadre, { regionId: village, name: '洗衣粉', cost: 20, stock: 50 })).body;
    expect(
      (await env.call('POST', '/api/store/redemptions', t.cadre, { householdId: grid1[0], itemId: item.id, quantity: 1, idempotencyKey: 'rank-redeem-0001' }))
        .status,
    ).toBe(201);
    expect((await ranking(t.cadre, `regionId=${village}&period=month`)).body.items[0]).toMatchObject({ householdId: grid1[0], points: 50, balance: 30 });
    for (const q of ['period=week', 'date=2026-02-30', 'date=2026-13-01', 'date=20261127', 'page=0'])
      expect((await ranking(t.cadre, `regionId=${village}&${q}`)).status, q).toBe(400);
  });
});

describe(`the monthly base score on ${STORE}`, () => {
  it('is posted on the 1st to households that existed before the month, by the sweep, once', async () => {
    // The township gives 10 a month; 圪求河村 keeps its own settings without one.
    expect((await settings(t.leader, env.seed.townshipId, 10, 'carry')).status).toBe(200);
    expect((await settings(t.otherCadre, otherVillage, 0, 'reset')).status).toBe(200);
    expect((await settings(t.cadre, village, 10, 'reset')).status).toBe(200);
    // The demo households were registered today, in the middle of November: their first base is December's.
    expect(await postMonthlyBase(env.ctx)).toBe(0);

    expect(await advanceHours(86.5)).toBe('2026-11-30T16:30:00.000Z'); // 1 December 00:30 in Shanghai
    for (const h of [hh(), ...grid1, ...others, ...third]) {
      const base = (await points(h)).entries.filter((e) => e.source === 'monthly_base');
      expect(base, h).toEqual([expect.objectContaining({ delta: 10, sourceId: `${h}:2026-12`, at: '2026-11-30T16:30:00.000Z' })]);
    }
    for (const h of gqh) expect((await points(h)).entries.filter((e) => e.source === 'monthly_base')).toEqual([]);
    // Again the same day, or by another sweep later in the month: nothing more.
    expect(await postMonthlyBase(env.ctx)).toBe(0);
    await advanceHours(24 * 4); // 5 December
    expect(await balance(others[5])).toBe(10);

    // A family registered on the 5th starts with January's.
    const created = await env.call('POST', '/api/households', t.cadre, { regionId: otherGrid, address: '孟家湾村新户1号' });
    expect(created.status).toBe(201);
    newHousehold = created.body.id;
    expect(await postMonthlyBase(env.ctx)).toBe(0);
    expect(await balance(newHousehold)).toBe(0);

    // December's ranking: the household with the midnight entry first, every other one tied second on the base.
    const dec = (await ranking(t.cadre, `regionId=${village}&period=month&pageSize=100`)).body;
    expect(dec.total).toBe(grid1.length + others.length + 1);
    expect(dec.items[0]).toMatchObject({ rank: 1, householdId: others[2], points: 19 });
    expect(dec.items.slice(1).every((i: any) => i.rank === 2 && i.points === 10)).toBe(true);
  });
});

describe(`year-end settlement on ${STORE}`, () => {
  it('waits until the year has ended', async () => {
    const r = await settle(t.cadre, village, 2026);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('INVALID_TRANSITION');
    expect(r.body.error.message).toContain('尚未结束');
  });

  it('in January the base score is posted again, new households included', async () => {
    // 5 December 00:30 → 2 January 2027 10:00 in Shanghai.
    expect(await advanceHours(24 * 28 + 9.5)).toBe('2027-01-02T02:00:00.000Z');
    expect((await points(newHousehold)).entries).toEqual([expect.objectContaining({ source: 'monthly_base', delta: 10, sourceId: `${newHousehold}:2027-01` })]);
    expect(await balance(others[5])).toBe(20);
  });

  it('only points managers of the village settle it, and only a village', async () => {
    expect((await settle(t.villager, village, 2026)).body.error.code).toBe('UNKNOWN_REGION');
    expect((await settle(t.otherCadre, village, 2026)).body.error.code).toBe('UNKNOWN_REGION');
    expect((await settle(t.staff, village, 2026)).status).toBe(403);
    expect((await settle(t.grid, village, 2026)).body.error.code).toBe('UNKNOWN_REGION');
    expect((await settle(t.cadre, gridId, 2026)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await settle(t.leader, env.seed.townshipId, 2026)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await settle(t.cadre, village, 2027)).body.error.code).toBe('INVALID_TRANSITION');
  });

  it("reset clears last year's points once, in one go, while a redemption at the same moment cannot interleave", async () => {
    const rich = grid1[1]; // 30 (November) + 10 (December) of 2026, + 10 of January 2027
    expect(await balance(rich)).toBe(50);
    const item = (await env.call('POST', '/api/store/items', t.cadre, { regionId: village, name: '食用油', cost: 35, stock: 5 })).body;
    const [a, b, redeemed] = await Promise.all([
      settle(t.cadre, village, 2026),
      settle(t.cadre, village, 2026),
      env.call('POST', '/api/store/redemptions', t.cadre, { householdId: rich, itemId: item.id, quantity: 1, idempotencyKey: 'settle-race-0001' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.error.code).toBe('ALREADY_DONE');
    // Settled first: 40 of 2026 cleared, 10 left, too few for the oil. Redeemed first: 35 spent
    // from 2026's points, the remaining 5 of them cleared. Either way January's 10 stay.
    expect([201, 409]).toContain(redeemed.status);
    if (redeemed.status === 409) expect(redeemed.body.error.code).toBe('INSUFFICIENT_POINTS');
    expect(await balance(rich)).toBe(10);

    const done = [a, b].find((r) => r.status === 201)!.body;
    expect(done).toMatchObject({ regionId: village, regionName: '孟家湾村', year: 2026, mode: 'reset', doneAt: '2027-01-02T02:00:00.000Z' });
    // Every household had December's base (and some more): all are settled, each keeping only January's 10.
    const all = [hh(), ...grid1, ...others];
    expect(done.households).toBe(all.length);
    let cleared = 0;
    for (const h of all) {
      const p = await points(h);
      expect(p.balance, h).toBe(10);
      const s = p.entries.filter((e) => e.source === 'settlement');
      expect(s).toHaveLength(1);
      expect(s[0].sourceId).toBe(`${done.id}:${h}`);
      cleared -= s[0].delta;
    }
    expect(done.total).toBe(cleared);
    // The new household only has January's points: nothing of 2026 to clear.
    expect((await points(newHousehold)).entries.filter((e) => e.source === 'settlement')).toEqual([]);
    expect(await balance(newHousehold)).toBe(10);

    const again = await settle(t.cadre, village, 2026);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_DONE');
    // An earlier year cannot be settled after a later one.
    expect((await settle(t.cadre, village, 2025)).body.error.code).toBe('INVALID_TRANSITION');
  });

  it('a village without new points is left at zero; carry moves nothing and records what was carried', async () => {
    const r = await settle(t.otherCadre, otherVillage, 2026);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ mode: 'reset', households: 1, total: 25 });
    for (const h of gqh) expect(await balance(h)).toBe(0);

    const before = await Promise.all(third.map(balance));
    expect(before.every((b) => b === 20)).toBe(true);
    const c = await settle(t.leader, thirdVillage, 2026);
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({ mode: 'carry', households: third.length, total: 10 * third.length });
    expect(await Promise.all(third.map(balance))).toEqual(before);
  });

  it("settlements are listed for the area; the year's ranking is unchanged by them", async () => {
    const town = await env.call('GET', `/api/points/settlements?regionId=${env.seed.townshipId}`, t.leader);
    expect(town.body.total).toBe(3);
    expect(town.body.items.map((s: any) => s.mode).sort()).toEqual(['carry', 'reset', 'reset']);
    expect((await env.call('GET', `/api/points/settlements?regionId=${village}`, t.cadre)).body.items).toEqual([
      expect.objectContaining({ regionId: village, year: 2026, mode: 'reset' }),
    ]);
    expect((await env.call('GET', `/api/points/settlements?regionId=${village}`, t.villager)).status).toBe(404);
    expect((await env.call('GET', `/api/points/settlements?regionId=${village}`, t.otherCadre)).status).toBe(404);
    const year = (await ranking(t.cadre, `regionId=${village}&period=year&date=2026-12-31`)).body.items;
    expect(year[0]).toMatchObject({ householdId: grid1[0], points: 60, balance: 10 });
  });

  it('every balance equals the sum of its entries and none is negative', async () => {
    expect(await inconsistencies(env.ctx.db, townshipPath)).toEqual([]);
    const negative = await env.ctx.db.selectFrom('point_balances').select('household_id').where('balance', '<', 0).execute();
    expect(negative).toEqual([]);
  });
});
