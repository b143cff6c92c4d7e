import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postMonthlyBase } from '../src/modules/points/monthly-base.js';
import { checkPoints } from '../src/server/check-points.js';
import { inconsistencies } from '../src/modules/points/ledger.js';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

let env: TestEnv;
let cadre: string, grid: string, villager: string, otherCadre: string, leader: string, admin: string;
let village: string, villagePath: string;
let households: string[];
const hh = () => env.seed.villagerHouseholdId;
const balance = async (id: string) => (await env.call('GET', `/api/households/${id}/points`, cadre)).body.balance as number;
const correct = (token: string, body: Record<string, unknown>) => env.call('POST', '/api/points/corrections', token, body);

beforeAll(async () => {
  env = await startTestApp();
  [cadre, grid, villager, otherCadre, leader, admin] = await Promise.all(
    [PHONES.cadre, PHONES.grid, PHONES.villager, PHONES.otherCadre, PHONES.leader, PHONES.admin].map((p) => env.login(p)),
  );
  village = env.seed.villageIds.孟家湾村;
  villagePath = (await env.ctx.db.selectFrom('regions').select('path').where('id', '=', village).executeTakeFirstOrThrow()).path;
  households = (
    await env.ctx.db
      .selectFrom('households')
      .select('id')
      .where('region_path', 'like', `${villagePath}%`)
      .where('id', '!=', env.seed.villagerHouseholdId)
      .orderBy('id')
      .limit(3)
      .execute()
  ).map((h) => h.id);
});
afterAll(async () => {
  await env?.close();
});

describe(`corrections, rankings, designations, volunteers, settlement on ${STORE}`, () => {
  it('a correction is a new entry with its reason; never below zero; idempotent on its key', async () => {
    expect((await correct(villager, { householdId: hh(), delta: 10, reason: '补记' })).status).toBe(403);
    expect((await correct(cadre, { householdId: hh(), delta: 10, reason: ' ' })).body.error.code).toBe('VALIDATION_FAILED');
    expect((await correct(cadre, { householdId: hh(), delta: -1, reason: '扣错' })).body.error.code).toBe('INSUFFICIENT_POINTS');
    const first = await correct(cadre, { householdId: hh(), delta: 30, reason: '补记上月漏登的积分', idempotencyKey: 'corr-key-0001' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ delta: 30, source: 'correction', note: '补记上月漏登的积分' });
    expect((await correct(cadre, { householdId: hh(), delta: 30, reason: '补记上月漏登的积分', idempotencyKey: 'corr-key-0001' })).body.id).toBe(first.body.id);
    expect(await balance(hh())).toBe(30);
    await correct(cadre, { householdId: households[0], delta: 50, reason: '测试' });
    await correct(cadre, { householdId: households[1], delta: 30, reason: '测试' });
    await correct(cadre, { householdId: households[2], delta: 10, reason: '测试' });
  });

  it("the ranking orders households by points earned in the period, ties sharing a rank; villagers read their village's without balances", async () => {
    const r = await env.call('GET', `/api/points/ranking?regionId=${village}&period=month`, villager);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ period: 'month', from: '2026-11-01', to: '2026-11-30', total: 4 });
    expect(r.body.items.map((i: any) => [i.rank, i.points])).toEqual([
      [1, 50],
      [2, 30],
      [2, 30],
      [4, 10],
    ]);
    expect(r.body.items.every((i: any) => i.balance === null || i.householdId === hh())).toBe(true);
    const byCadre = (await env.call('GET', `/api/points/ranking?regionId=${village}`, cadre)).body;
    expect(byCadre.items[0]).toMatchObject({ rank: 1, points: 50, balance: 50 });
    // Last month had none; another village's ranking is not the villager's to read.
    expect((await env.call('GET', `/api/points/ranking?regionId=${village}&period=month&date=2026-10-15`, villager)).body.total).toBe(0);
    expect((await env.call('GET', `/api/points/ranking?regionId=${env.seed.villageIds.圪求河村}`, villager)).status).toBe(404);
    // Spending does not lower a rank: it counts points earned.
    const item = (await env.call('POST', '/api/store/items', cadre, { regionId: village, name: '毛巾', cost: 20, stock: 5 })).body;
    await env.call('POST', '/api/store/redemptions', cadre, { householdId: households[0], itemId: item.id, quantity: 1, idempotencyKey: 'rank-redeem-1' });
    expect((await env.call('GET', `/api/points/ranking?regionId=${village}`, cadre)).body.items[0]).toMatchObject({ points: 50, balance: 30 });
  });

  it('designations are recorded once a year with their points', async () => {
    const d = await env.call('POST', '/api/points/designations', cadre, {
      householdId: households[2],
      title: '十星级文明户',
      year: 2026,
      note: '村民代表会议评定',
    });
    expect(d.status).toBe(201);
    expect(d.body).toMatchObject({ points: 20, title: '十星级文明户' });
    expect((await env.call('POST', '/api/points/designations', cadre, { householdId: households[2], title: '十星级文明户', year: 2026 })).body.error.code).toBe(
      'ALREADY_DONE',
    );
    expect((await env.call('POST', '/api/points/designations', grid, { householdId: households[2], title: '净美庭院', year: 2026 })).status).toBe(403);
    expect(await balance(households[2])).toBe(30);
    const list = await env.call('GET', `/api/points/designations?regionId=${village}&year=2026`, villager);
    expect(list.body.items).toEqual([expect.objectContaining({ householdId: households[2], title: '十星级文明户' })]);
  });

  it('volunteer hours earn hours × rate once, confirmed by the organizer', async () => {
    const act = await env.call('POST', '/api/volunteer/activities', cadre, {
      regionId: village,
      title: '村道积雪清扫',
      place: '村委会门口集合',
      startsAt: '2026-11-28T08:00:00+08:00',
      hours: 2.5,
      capacity: 2,
    });
    expect(act.status).toBe(201);
    expect(act.body).toMatchObject({ rate: 2, points: 5, status: 'open' });
    expect(
      (await env.call('POST', '/api/volunteer/activities', villager, { regionId: village, title: 'x', startsAt: '2026-11-28T08:00:00+08:00', hours: 1 }))
        .status,
    ).toBe(400);
    const id = act.body.id;
    const me = (await env.call('GET', `/api/households/${hh()}`, villager)).body.residents;
    const other = (await env.call('GET', `/api/households/${households[0]}`, cadre)).body.residents;
    expect((await env.call('POST', `/api/volunteer/activities/${id}/signups`, villager, { residentId: other[0].id })).status).toBe(400);
    const signed = await env.call('POST', `/api/volunteer/activities/${id}/signups`, villager, { residentId: me[0].id });
    expect(signed.body.signups).toHaveLength(1); // the villager sees only the family's signups
    expect((await env.call('POST', `/api/volunteer/activities/${id}/signups`, villager, { residentId: me[0].id })).body.signedUp).toBe(1);
    await env.call('POST', `/api/volunteer/activities/${id}/signups`, cadre, { residentId: other[0].id });
    expect(
      (await env.call('POST', `/api/volunteer/activities/${id}/signups`, cadre, { residentId: other[1]?.id ?? me[1]?.id })).body.error?.message ?? '',
    ).toMatch(/已满|不存在/);
    const listed = (await env.call('GET', `/api/volunteer/activities?regionId=${village}`, villager)).body;
    expect(listed.items[0]).toMatchObject({ title: '村道积雪清扫', signedUp: 2, mySignups: [expect.objectContaining({ residentId: me[0].id })] });

    const full = (await env.call('GET', `/api/volunteer/activities/${id}`, cadre)).body;
    const mine = full.signups.find((s: any) => s.residentId === me[0].id);
    expect((await env.call('POST', `/api/volunteer/activities/${id}/attendance`, villager, { signupId: mine.id, attended: true })).status).toBe(403);
    const before = await balance(hh());
    const both = await Promise.all(
      [1, 2].map(() => env.call('POST', `/api/volunteer/activities/${id}/attendance`, cadre, { signupId: mine.id, attended: true })),
    );
    expect(both.every((r) => r.status === 200 || r.body.error?.code === 'CONFLICT')).toBe(true);
    expect(await balance(hh())).toBe(before + 5);
    expect((await env.call('POST', `/api/volunteer/activities/${id}/attendance`, cadre, { signupId: mine.id, attended: false })).body.error.code).toBe(
      'INVALID_TRANSITION',
    );
    const absent = full.signups.find((s: any) => s.residentId !== me[0].id);
    expect(
      (await env.call('POST', `/api/volunteer/activities/${id}/attendance`, cadre, { signupId: absent.id, attended: false })).body.signups.find(
        (s: any) => s.id === absent.id,
      ).status,
    ).toBe('absent');
    const closed = await env.call('POST', `/api/volunteer/activities/${id}/close`, cadre);
    expect(closed.body.status).toBe('closed');
    expect((await env.call('POST', `/api/volunteer/activities/${id}/signups`, cadre, { residentId: other[0].id })).body.error.code).toBe('INVALID_TRANSITION');
  });

  it('the monthly base score comes once a month to every household of a village that sets one', async () => {
    await env.call('PUT', '/api/points/settings', cadre, {
      regionId: village,
      publicDays: 5,
      monthlyBase: 10,
      settlementMode: 'reset',
      mediatorPoints: 50,
      volunteerRate: 2,
    });
    const before = await balance(households[1]);
    // The demo households were registered on 27 November: December's base is their first.
    expect(await postMonthlyBase(env.ctx)).toBe(0);
    env.clock.advance(4 * 86_400_000);
    const n = await postMonthlyBase(env.ctx);
    expect(n).toBeGreaterThan(20);
    expect(await postMonthlyBase(env.ctx)).toBe(0);
    expect(await balance(households[1])).toBe(before + 10);
    // Another village without a base gets nothing.
    const gqh = env.seed.villageIds.圪求河村;
    expect((await env.call('GET', `/api/points/ranking?regionId=${gqh}`, await env.login(PHONES.otherCadre))).body.total).toBe(0);
  });

  it('year-end settlement waits for the year to end, resets by the village rule, and happens once', async () => {
    expect((await env.call('POST', '/api/points/settlements', cadre, { regionId: village, year: 2026 })).body.error.code).toBe('INVALID_TRANSITION');
    env.clock.advance(40 * 86_400_000); // into January 2027
    const c = await env.login(PHONES.cadre, true);
    expect(
      (await env.call('POST', '/api/points/settlements', await env.login(PHONES.otherCadre, true), { regionId: village, year: 2026 })).body.error.code,
    ).toBe('UNKNOWN_REGION');
    const both = await Promise.all([1, 2].map(() => env.call('POST', '/api/points/settlements', c, { regionId: village, year: 2026 })));
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const done = both.find((r) => r.status === 201)!.body;
    expect(done).toMatchObject({ mode: 'reset', year: 2026 });
    expect(done.households).toBeGreaterThan(20);
    for (const h of [hh(), ...households]) expect(await (async () => (await env.call('GET', `/api/households/${h}/points`, c)).body.balance)()).toBe(0);
    expect((await env.call('GET', `/api/points/settlements?regionId=${village}`, c)).body.items).toHaveLength(1);
    expect(await inconsistencies(env.ctx.db, villagePath)).toEqual([]);
  });

  it('the consistency check finds a balance row that disagrees with its entries', async () => {
    const ok = await env.call('GET', `/api/points/consistency?regionId=${env.seed.townshipId}`, await env.login(PHONES.leader, true));
    expect(ok.body).toMatchObject({ mismatches: [], stock: [] });
    expect((await env.call('GET', `/api/points/consistency?regionId=${village}`, await env.login(PHONES.cadre, true))).status).toBe(403);
    expect(await checkPoints(env.ctx)).toEqual([]);
    await env.ctx.db.updateTable('point_balances').set({ balance: 999 }).where('household_id', '=', households[0]).execute();
    const bad = await env.call('GET', `/api/points/consistency?regionId=${env.seed.townshipId}`, await env.login(PHONES.admin, true));
    expect(bad.body.mismatches).toEqual([{ householdId: households[0], balance: 999, sum: 0 }]);
    expect((await checkPoints(env.ctx))[0]).toMatch(/balance 999 ≠ sum of entries 0/);
    // A balance row for a household that has no entries at all is found too.
    const townshipPath = villagePath.slice(0, villagePath.slice(0, -1).lastIndexOf('/') + 1);
    const lonely = (
      await env.ctx.db
        .selectFrom('households')
        .select('id')
        .where('region_path', 'like', `${townshipPath}%`)
        .where('id', 'not in', env.ctx.db.selectFrom('point_entries').select('household_id'))
        .executeTakeFirstOrThrow()
    ).id;
    await env.ctx.db
      .insertInto('point_balances')
      .values({ household_id: lonely, balance: 7, updated_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('household_id').doUpdateSet({ balance: 7 }))
      .execute();
    expect(await inconsistencies(env.ctx.db, townshipPath)).toContainEqual({ householdId: lonely, balance: 7, sum: 0 });
    expect(leader && admin && grid && otherCadre).toBeTruthy();
  });
});
