// A household that moves to another village takes its points with it: entries, awards,
// redemptions, volunteer signups and its villager's account move in the move's transaction,
// so both villages settle their year correctly and the consistency check stays clean.
// Cases, visit logs and designations stay where they happened.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPoints } from '../src/server/check-points.js';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

let env: TestEnv;
const t: Record<keyof typeof PHONES, string> = {} as never;
let village: string, otherVillage: string, villagePath: string, otherPath: string, newGrid: string, sameVillageGrid: string;
const hh = () => env.seed.villagerHouseholdId;

async function relogin() {
  for (const k of Object.keys(PHONES) as (keyof typeof PHONES)[]) t[k] = await env.login(PHONES[k], true);
}
const pathOf = async (id: string) => (await env.ctx.db.selectFrom('regions').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;
const move = (householdId: string, regionId: string) => env.call('PATCH', `/api/households/${householdId}`, t.admin, { regionId });
const propose = (token: string, householdId: string, ruleId: string) => env.call('POST', '/api/points/awards', token, { householdId, ruleId });
/** Region paths of every row the household owns, per table. */
async function pathsOwned(householdId: string) {
  const db = env.ctx.db;
  const of = async (table: 'point_entries' | 'point_awards' | 'volunteer_signups' | 'store_redemptions' | 'residents') => [
    ...new Set((await db.selectFrom(table).select('region_path').where('household_id', '=', householdId).execute()).map((r) => r.region_path)),
  ];
  return {
    entries: await of('point_entries'),
    awards: await of('point_awards'),
    signups: await of('volunteer_signups'),
    redemptions: await of('store_redemptions'),
    residents: await of('residents'),
  };
}

beforeAll(async () => {
  env = await startTestApp();
  await relogin();
  village = env.seed.villageIds.孟家湾村;
  otherVillage = env.seed.villageIds.圪求河村;
  [villagePath, otherPath] = await Promise.all([pathOf(village), pathOf(otherVillage)]);
  newGrid = (await env.ctx.db.selectFrom('regions').select('id').where('parent_id', '=', otherVillage).orderBy('sort_order').executeTakeFirstOrThrow()).id;
  const own = (await env.ctx.db.selectFrom('households').select('region_id').where('id', '=', hh()).executeTakeFirstOrThrow()).region_id;
  sameVillageGrid = (
    await env.ctx.db.selectFrom('regions').select('id').where('parent_id', '=', village).where('id', '!=', own).orderBy('sort_order').executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await env?.close();
});

describe(`moving a household between villages on ${STORE}`, () => {
  let townRule: string, villageRule: string, townAward: string, villageAward: string, signupId: string, activityId: string, redemptionId: string;

  it('sets up points, a township-rule award and a village-rule award pending, a redemption and a volunteer signup', async () => {
    for (const [token, regionId] of [
      [t.cadre, village],
      [t.otherCadre, otherVillage],
    ] as const)
      expect(
        (
          await env.call('PUT', '/api/points/settings', token, {
            regionId,
            publicDays: 5,
            monthlyBase: 0,
            settlementMode: 'reset',
            mediatorPoints: 50,
            volunteerRate: 2,
          })
        ).status,
      ).toBe(200);
    townRule = (
      await env.call('POST', '/api/points/rules', t.leader, {
        regionId: env.seed.townshipId,
        code: 'XZ01',
        name: '参加乡里组织的义务劳动',
        category: '志愿服务',
        value: 6,
      })
    ).body.id;
    villageRule = (
      await env.call('POST', '/api/points/rules', t.cadre, { regionId: village, code: 'MJX1', name: '孟家湾村庭院整洁', category: '人居环境', value: 4 })
    ).body.id;
    expect((await env.call('POST', '/api/points/corrections', t.cadre, { householdId: hh(), delta: 40, reason: '补记' })).status).toBe(201);
    const a = await propose(t.cadre, hh(), townRule);
    const b = await propose(t.cadre, hh(), villageRule);
    expect([a.body.status, b.body.status]).toEqual(['pending', 'pending']);
    [townAward, villageAward] = [a.body.id, b.body.id];
    const item = (await env.call('POST', '/api/store/items', t.cadre, { regionId: village, name: '洗洁精', cost: 10, stock: 5 })).body;
    const r = await env.call('POST', '/api/store/redemptions', t.villager, {
      householdId: hh(),
      itemId: item.id,
      quantity: 1,
      idempotencyKey: 'move-redeem-0001',
    });
    expect(r.status).toBe(201);
    redemptionId = r.body.id;
    activityId = (
      await env.call('POST', '/api/volunteer/activities', t.cadre, { regionId: village, title: '村道清扫', startsAt: '2026-11-28T08:00:00+08:00', hours: 2 })
    ).body.id;
    const me = (await env.call('GET', `/api/households/${hh()}`, t.villager)).body.residents[0].id;
    const signed = await env.call('POST', `/api/volunteer/activities/${activityId}/signups`, t.villager, { residentId: me });
    expect(signed.status).toBe(200);
    signupId = signed.body.signupId;
  });

  it("refuses the move (409 AWARDS_PENDING) while an award under the old village's own rule awaits its decision, and changes nothing", async () => {
    // The new village has no such rule to review it by, and the old village would be deciding for a family no longer its own.
    const r = await move(hh(), newGrid);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('AWARDS_PENDING');
    expect(r.body.error.message).toContain('孟家湾村庭院整洁');
    expect(r.body.error.message).toMatch(/ \/ .*old village/);
    const paths = await pathsOwned(hh());
    for (const list of Object.values(paths)) expect(list.every((p) => p.startsWith(villagePath))).toBe(true);
    expect(
      (await env.ctx.db.selectFrom('households').select('region_path').where('id', '=', hh()).executeTakeFirstOrThrow()).region_path.startsWith(villagePath),
    ).toBe(true);
  });

  it('a move within the village keeps the village-rule award with the household', async () => {
    const r = await move(hh(), sameVillageGrid);
    expect(r.status).toBe(200);
    const to = await pathOf(sameVillageGrid);
    expect(await pathsOwned(hh())).toEqual({ entries: [to], awards: [to], signups: [to], redemptions: [to], residents: [to] });
  });

  it('once the old village has decided, the household moves with every row it owns; the villager follows', async () => {
    // Approved: in 公示 under the old village's rule, still the old village's to finish — so still refused.
    expect((await env.call('POST', `/api/points/awards/${villageAward}/approve`, t.cadre, {})).status).toBe(200);
    expect((await move(hh(), newGrid)).body.error.code).toBe('AWARDS_PENDING');
    expect((await env.call('POST', `/api/points/awards/${villageAward}/object`, t.supervisor, { reason: '院子没有打扫' })).status).toBe(200);
    expect((await env.call('POST', `/api/points/awards/${villageAward}/reject`, t.cadre, { reason: '经核实不符合' })).status).toBe(200);
    const r = await move(hh(), newGrid);
    expect(r.status).toBe(200);
    expect(r.body.regionId).toBe(newGrid);
    const to = await pathOf(newGrid);
    expect(await pathsOwned(hh())).toEqual({ entries: [to], awards: [to], signups: [to], redemptions: [to], residents: [to] });
    await relogin();
    // The villager's account now belongs to the new village: its ranking and board, not the old one's.
    expect((await env.call('GET', `/api/points/ranking?regionId=${otherVillage}`, t.villager)).status).toBe(200);
    expect((await env.call('GET', `/api/points/ranking?regionId=${village}`, t.villager)).status).toBe(404);
    // Rankings and the award queue follow the household.
    const ranked = async (token: string, regionId: string) =>
      (await env.call('GET', `/api/points/ranking?regionId=${regionId}`, token)).body.items.map((i: any) => i.householdId);
    expect(await ranked(t.otherCadre, otherVillage)).toContain(hh());
    expect(await ranked(t.cadre, village)).not.toContain(hh());
    const queue = async (token: string, regionId: string) =>
      (await env.call('GET', `/api/points/awards?regionId=${regionId}&status=pending`, token)).body.items.map((a: any) => a.id);
    expect(await queue(t.otherCadre, otherVillage)).toContain(townAward);
    expect(await queue(t.cadre, village)).not.toContain(townAward);
    // The new village decides the township-rule award; the organizer of the old village's activity still confirms attendance.
    expect((await env.call('POST', `/api/points/awards/${townAward}/approve`, t.otherCadre, {})).status).toBe(200);
    expect((await env.call('POST', `/api/volunteer/activities/${activityId}/attendance`, t.cadre, { signupId, attended: true })).status).toBe(200);
    // The redemption is still picked up (or cancelled) at the store that holds the goods.
    expect((await env.call('GET', `/api/store/redemptions/${redemptionId}`, t.cadre)).status).toBe(200);
    expect(await checkPoints(env.ctx)).toEqual([]);
  });

  it('both villages settle the year: the new village resets the household, the old one no longer counts it; the check stays clean', async () => {
    // 公示 ends in December (the award takes effect in 2026), then the year ends.
    for (const hours of [24 * 6, 24 * 30])
      expect((await env.call('POST', '/api/dev/clock', await env.login(PHONES.admin, true), { advanceHours: hours })).status).toBe(200);
    await relogin();
    const before = (await env.call('GET', `/api/households/${hh()}/points`, t.admin)).body;
    // 40 corrected − 10 redeemed + 6 (award took effect in December) + 4 volunteer hours.
    expect(before.balance).toBe(40);
    expect(before.entries.map((e: any) => e.source).sort()).toEqual(['correction', 'redemption', 'rule_award', 'volunteer']);
    const old = await env.call('POST', '/api/points/settlements', t.cadre, { regionId: village, year: 2026 });
    expect(old.status).toBe(201);
    expect(old.body.households).toBe(0);
    const neu = await env.call('POST', '/api/points/settlements', t.otherCadre, { regionId: otherVillage, year: 2026 });
    expect(neu.status).toBe(201);
    expect(neu.body).toMatchObject({ households: 1, total: 40 });
    expect((await env.call('GET', `/api/households/${hh()}/points`, t.admin)).body.balance).toBe(0);
    const settled = await env.ctx.db
      .selectFrom('point_entries')
      .select('region_path')
      .where('household_id', '=', hh())
      .where('source', '=', 'settlement')
      .execute();
    expect(settled.map((e) => e.region_path)).toEqual([await pathOf(newGrid)]);
    expect(await checkPoints(env.ctx)).toEqual([]);
    const check = await env.call('GET', `/api/points/consistency?regionId=${env.seed.townshipId}`, t.admin);
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ mismatches: [], stock: [] });
    expect(otherPath.length).toBeGreaterThan(0);
  });
});
