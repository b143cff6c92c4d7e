// Volunteer service (志愿服务, 道德银行) and designations (评选), over HTTP on both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inconsistencies } from '../src/modules/points/ledger.js';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

let env: TestEnv;
let cadre: string, grid: string, villager: string, otherCadre: string, leader: string, staff: string;
let village: string, villagePath: string, gridId: string, otherVillage: string;
/** Households of 孟家湾村 other than the villager's: the first few in the villager's grid, then others. */
let sameGrid: string[], elsewhere: string[];
const hh = () => env.seed.villagerHouseholdId;

const residents = async (householdId: string) =>
  (await env.call('GET', `/api/households/${householdId}`, cadre)).body.residents as { id: string; name: string }[];
/** The household's balance, checked against the sum of the entries it lists. */
async function balance(householdId: string) {
  const r = (await env.call('GET', `/api/households/${householdId}/points`, cadre)).body;
  expect(r.entries.reduce((s: number, e: { delta: number }) => s + e.delta, 0)).toBe(r.balance);
  return r.balance as number;
}
const entries = async (householdId: string, source: string) =>
  ((await env.call('GET', `/api/households/${householdId}/points`, cadre)).body.entries as { source: string; delta: number; sourceId: string }[]).filter(
    (e) => e.source === source,
  );
const post = (token: string, body: Record<string, unknown>) => env.call('POST', '/api/volunteer/activities', token, body);
const activity = { title: '村道积雪清扫', place: '村委会门口', startsAt: '2026-11-28T08:00:00+08:00', hours: 2 };
const signUp = (token: string, id: string, residentId: string) => env.call('POST', `/api/volunteer/activities/${id}/signups`, token, { residentId });
const attend = (token: string, id: string, body: Record<string, unknown>) => env.call('POST', `/api/volunteer/activities/${id}/attendance`, token, body);
const settings = (token: string, regionId: string, volunteerRate: number) =>
  env.call('PUT', '/api/points/settings', token, { regionId, publicDays: 5, monthlyBase: 0, settlementMode: 'carry', mediatorPoints: 50, volunteerRate });

beforeAll(async () => {
  env = await startTestApp();
  [cadre, grid, villager, otherCadre, leader, staff] = await Promise.all(
    [PHONES.cadre, PHONES.grid, PHONES.villager, PHONES.otherCadre, PHONES.leader, PHONES.staff].map((p) => env.login(p)),
  );
  village = env.seed.villageIds.孟家湾村;
  otherVillage = env.seed.villageIds.圪求河村;
  villagePath = (await env.ctx.db.selectFrom('regions').select('path').where('id', '=', village).executeTakeFirstOrThrow()).path;
  const mine = await env.ctx.db.selectFrom('households').select(['region_id', 'region_path']).where('id', '=', hh()).executeTakeFirstOrThrow();
  gridId = mine.region_id;
  const all = await env.ctx.db
    .selectFrom('households')
    .select(['id', 'region_id'])
    .where('region_path', 'like', `${villagePath}%`)
    .where('id', '!=', hh())
    .orderBy('id')
    .execute();
  sameGrid = all.filter((h) => h.region_id === gridId).map((h) => h.id);
  elsewhere = all.filter((h) => h.region_id !== gridId).map((h) => h.id);
});
afterAll(async () => {
  await env?.close();
});

describe(`volunteer activities on ${STORE}`, () => {
  let id: string;

  it('a village cadre posts an activity; its rate is fixed from the village settings at posting', async () => {
    expect((await settings(cadre, village, 3)).status).toBe(200);
    const r = await post(cadre, { regionId: village, ...activity, description: '带好铁锹', capacity: 3 });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      regionId: village,
      title: '村道积雪清扫',
      place: '村委会门口',
      hours: 2,
      rate: 3,
      points: 6,
      capacity: 3,
      status: 'open',
      signedUp: 0,
      attended: 0,
      mySignups: [],
    });
    expect(r.body.startsAt).toBe('2026-11-28T00:00:00.000Z');
    expect(r.body.organizerName).not.toBe('');
    id = r.body.id;
    // A later change of the rate does not reprice a posted activity.
    await settings(cadre, village, 5);
    expect((await env.call('GET', `/api/volunteer/activities/${id}`, cadre)).body.rate).toBe(3);
  });

  it('villagers, grid workers and other villages cannot post; bad hours are refused', async () => {
    expect((await post(villager, { regionId: village, ...activity })).body.error.code).toBe('UNKNOWN_REGION');
    expect((await post(grid, { regionId: gridId, ...activity })).status).toBe(400);
    expect((await post(otherCadre, { regionId: village, ...activity })).body.error.code).toBe('UNKNOWN_REGION');
    expect((await post(staff, { regionId: village, ...activity })).status).toBe(403); // sees the village, does not run points
    expect((await post(cadre, { regionId: gridId, ...activity })).body.error.code).toBe('VALIDATION_FAILED');
    for (const hours of [0, 0.25, 1.2, 24.5, -1]) expect((await post(cadre, { regionId: village, ...activity, hours })).status, `hours ${hours}`).toBe(400);
    expect((await post(cadre, { regionId: village, ...activity, startsAt: '明天早上' })).status).toBe(400);
    expect((await post(cadre, { regionId: village, ...activity, title: '  ' })).status).toBe(400);
    // The township posts too (a leader organizes it); its villages see it.
    const t = await post(leader, { regionId: env.seed.townshipId, ...activity, title: '乡里植树', hours: 1.5 });
    expect(t.status).toBe(201);
  });

  it("the village reads its activities, villagers included; another village's cadre gets 404", async () => {
    const list = await env.call('GET', `/api/volunteer/activities?regionId=${village}`, villager);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items.map((a: any) => a.title).sort()).toEqual(['乡里植树', '村道积雪清扫']);
    expect((await env.call('GET', `/api/volunteer/activities?regionId=${village}&pageSize=1&page=2`, villager)).body.items).toHaveLength(1);
    expect((await env.call('GET', `/api/volunteer/activities?regionId=${village}&status=closed`, villager)).body.total).toBe(0);
    expect((await env.call('GET', `/api/volunteer/activities?regionId=${village}`, otherCadre)).status).toBe(404);
    expect((await env.call('GET', `/api/volunteer/activities/${id}`, otherCadre)).status).toBe(404);
    expect((await signUp(otherCadre, id, (await residents(hh()))[0].id)).status).toBe(404);
    expect((await env.call('POST', `/api/volunteer/activities/${id}/close`, otherCadre)).status).toBe(404);
    expect((await env.call('GET', '/api/volunteer/activities/nope', cadre)).status).toBe(404);
    // 圪求河村 sees the township's activity but not 孟家湾村's.
    expect((await env.call('GET', `/api/volunteer/activities?regionId=${otherVillage}`, otherCadre)).body.items.map((a: any) => a.title)).toEqual(['乡里植树']);
  });

  it('a villager signs up their own family once; a repeat returns the same signup; others only by cadres and grid workers', async () => {
    const me = await residents(hh());
    const first = await signUp(villager, id, me[0].id);
    expect(first.status).toBe(200);
    expect(first.body.signupId).toBeTruthy();
    expect(first.body).toMatchObject({ signedUp: 1, mySignups: [{ id: first.body.signupId, residentId: me[0].id, status: 'signed', points: null }] });
    const again = await signUp(villager, id, me[0].id);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ signupId: first.body.signupId, signedUp: 1 });
    // Not a neighbour's member, nor someone unknown.
    const neighbour = await residents(sameGrid[0]);
    expect((await signUp(villager, id, neighbour[0].id)).status).toBe(400);
    expect((await signUp(villager, id, 'nobody')).status).toBe(400);
    // The grid worker signs up a resident of the grid, the cadre anyone of the village.
    expect((await signUp(grid, id, neighbour[0].id)).status).toBe(200);
    // The detail lists every signup for the cadre, only the family's for the villager.
    const byCadre = (await env.call('GET', `/api/volunteer/activities/${id}`, cadre)).body;
    expect(byCadre.canManage).toBe(true);
    expect(byCadre.signups).toHaveLength(2);
    const own = byCadre.signups.find((s: any) => s.residentId === me[0].id);
    expect(own).toMatchObject({ householdId: hh(), residentName: me[0].name, status: 'signed', hours: null, points: null, confirmedAt: null });
    expect(own.householdName).not.toBe('');
    const byVillager = (await env.call('GET', `/api/volunteer/activities/${id}`, villager)).body;
    expect(byVillager.canManage).toBe(false);
    expect(byVillager.signups.map((s: any) => s.residentId)).toEqual([me[0].id]);
  });

  it('a full activity refuses more signups, also when many arrive at once', async () => {
    const capped = (await post(cadre, { regionId: village, ...activity, title: '敬老院打扫', capacity: 2 })).body.id;
    const people = (await Promise.all(elsewhere.slice(0, 6).map(residents))).map((r) => r[0].id);
    const results = await Promise.all(people.map((p) => signUp(cadre, capped, p)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(2);
    const refused = results.filter((r) => r.status !== 200);
    expect(refused).toHaveLength(4);
    for (const r of refused) {
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('CONFLICT');
      expect(r.body.error.message).toContain('报名人数已满');
    }
    expect((await env.call('GET', `/api/volunteer/activities/${capped}`, cadre)).body.signedUp).toBe(2);
    // One who is already signed up still gets their signup back.
    const inside = (await env.call('GET', `/api/volunteer/activities/${capped}`, cadre)).body.signups[0];
    expect((await signUp(cadre, capped, inside.residentId)).body.signupId).toBe(inside.id);
  });

  it('attendance earns hours × rate once, even when confirmed twice at once; a credited signup cannot become absent', async () => {
    const detail = (await env.call('GET', `/api/volunteer/activities/${id}`, cadre)).body;
    const mine = detail.signups.find((s: any) => s.householdId === hh());
    const theirs = detail.signups.find((s: any) => s.householdId !== hh());
    expect((await attend(villager, id, { signupId: mine.id, attended: true })).status).toBe(403);
    expect((await attend(grid, id, { signupId: mine.id, attended: true })).status).toBe(403);
    expect((await attend(cadre, id, { signupId: 'nope', attended: true })).status).toBe(404);
    expect((await attend(cadre, id, { signupId: mine.id, attended: true, hours: 0.3 })).status).toBe(400);

    const before = await balance(hh());
    const both = await Promise.all([1, 2].map(() => attend(cadre, id, { signupId: mine.id, attended: true })));
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(await balance(hh())).toBe(before + 6); // 2 h × 3 per hour
    const credited = await entries(hh(), 'volunteer');
    expect(credited).toEqual([expect.objectContaining({ delta: 6, sourceId: mine.id })]);
    expect((await attend(cadre, id, { signupId: mine.id, attended: true, hours: 8 })).status).toBe(200); // the first stands
    expect(await balance(hh())).toBe(before + 6);
    const no = await attend(cadre, id, { signupId: mine.id, attended: false });
    expect(no.status).toBe(409);
    expect(no.body.error.code).toBe('INVALID_TRANSITION');

    // Absent earns nothing and may still be corrected to attended, with the hours actually served.
    const other = await balance(sameGrid[0]);
    const absent = await attend(cadre, id, { signupId: theirs.id, attended: false });
    expect(absent.body.signups.find((s: any) => s.id === theirs.id)).toMatchObject({ status: 'absent', points: null });
    expect(await balance(sameGrid[0])).toBe(other);
    const came = await attend(cadre, id, { signupId: theirs.id, attended: true, hours: 1.5 });
    expect(came.body.signups.find((s: any) => s.id === theirs.id)).toMatchObject({ status: 'attended', hours: 1.5, points: 5 }); // round(4.5)
    expect(await balance(sameGrid[0])).toBe(other + 5);
    expect(came.body.attended).toBe(2);
    const mineNow = (await env.call('GET', `/api/volunteer/activities?regionId=${village}`, villager)).body.items.find((a: any) => a.id === id).mySignups;
    expect(mineNow).toEqual([expect.objectContaining({ residentId: mine.residentId, status: 'attended', points: 6 })]);
  });

  it('the organizer of a township activity confirms attendance', async () => {
    const t = (await env.call('GET', `/api/volunteer/activities?regionId=${village}`, leader)).body.items.find((a: any) => a.title === '乡里植树');
    const p = (await residents(elsewhere[10]))[0].id;
    const s = (await signUp(cadre, t.id, p)).body.signupId;
    // The village cadre signs villagers up for it but does not run it.
    expect((await attend(cadre, t.id, { signupId: s, attended: true })).status).toBe(403);
    const before = await balance(elsewhere[10]);
    expect((await attend(leader, t.id, { signupId: s, attended: true })).status).toBe(200);
    expect(await balance(elsewhere[10])).toBe(before + 3); // 1.5 h × the township's default 2
  });

  it('closing ends signups and attendance; closing twice is refused', async () => {
    expect((await env.call('POST', `/api/volunteer/activities/${id}/close`, villager)).status).toBe(403);
    const closed = await env.call('POST', `/api/volunteer/activities/${id}/close`, cadre);
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect((await env.call('POST', `/api/volunteer/activities/${id}/close`, cadre)).body.error.code).toBe('INVALID_TRANSITION');
    const late = await signUp(cadre, id, (await residents(elsewhere[0]))[0].id);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('INVALID_TRANSITION');
    const signup = closed.body.signups.find((s: any) => s.status === 'attended');
    expect((await attend(cadre, id, { signupId: signup.id, attended: true })).body.error.code).toBe('INVALID_TRANSITION');
    expect((await env.call('GET', `/api/volunteer/activities?regionId=${village}&status=closed`, villager)).body.items.map((a: any) => a.id)).toEqual([id]);
  });
});

describe(`designations (评选) on ${STORE}`, () => {
  const designate = (token: string, body: Record<string, unknown>) => env.call('POST', '/api/points/designations', token, body);

  it('records a designation with its default points, once per household, title and year', async () => {
    const h = sameGrid[1];
    const before = await balance(h);
    const d = await designate(cadre, { householdId: h, title: '十星级文明户', year: 2026, note: '村民代表会议评定' });
    expect(d.status).toBe(201);
    expect(d.body).toMatchObject({
      householdId: h,
      title: '十星级文明户',
      year: 2026,
      points: 20,
      note: '村民代表会议评定',
      awardedAt: '2026-11-27T02:00:00.000Z',
    });
    expect(d.body.householdName).not.toBe('');
    expect(d.body.gridName).toMatch(/网格$/);
    expect(await balance(h)).toBe(before + 20);
    expect(await entries(h, 'evaluation')).toEqual([expect.objectContaining({ delta: 20, sourceId: d.body.id })]);
    const again = await designate(cadre, { householdId: h, title: '十星级文明户', year: 2026 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_DONE');
    // Another title, or the same title another year, is another designation.
    expect((await designate(cadre, { householdId: h, title: '净美庭院', year: 2026 })).body.points).toBe(10);
    expect((await designate(cadre, { householdId: h, title: '五好文明家庭', year: 2025 })).body.points).toBe(20);
    expect((await designate(cadre, { householdId: h, title: '十星级文明户', year: 2025, points: 30 })).body.points).toBe(30);
    expect(await balance(h)).toBe(before + 80);
  });

  it('two recordings at once make one designation and one entry', async () => {
    const h = sameGrid[2];
    const before = await balance(h);
    const both = await Promise.all([1, 2].map(() => designate(cadre, { householdId: h, title: '五好文明家庭', year: 2026 })));
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await balance(h)).toBe(before + 20);
    expect(await entries(h, 'evaluation')).toHaveLength(1);
  });

  it('free-text titles carry the points given (none by default)', async () => {
    const h = sameGrid[3];
    const before = await balance(h);
    const plain = await designate(cadre, { householdId: h, title: '好婆媳', year: 2026 });
    expect(plain.body).toMatchObject({ title: '好婆媳', points: 0 });
    expect((await designate(cadre, { householdId: h, title: '最美家庭', year: 2026, points: 15 })).body.points).toBe(15);
    expect(await balance(h)).toBe(before + 15);
  });

  it("only points managers of the household's area record designations; a year not begun is refused", async () => {
    expect((await designate(grid, { householdId: sameGrid[0], title: '净美庭院', year: 2026 })).status).toBe(403);
    expect((await designate(villager, { householdId: hh(), title: '净美庭院', year: 2026 })).status).toBe(403);
    expect((await designate(otherCadre, { householdId: sameGrid[0], title: '净美庭院', year: 2026 })).body.error.code).toBe('UNKNOWN_HOUSEHOLD');
    expect((await designate(cadre, { householdId: sameGrid[0], title: '净美庭院', year: 2027 })).body.error.code).toBe('VALIDATION_FAILED');
    expect((await designate(cadre, { householdId: sameGrid[0], title: '', year: 2026 })).status).toBe(400);
    expect((await designate(cadre, { householdId: sameGrid[0], title: '净美庭院', year: 2026, points: -5 })).status).toBe(400);
    // The township records them for its villages.
    expect((await designate(leader, { householdId: elsewhere[0], title: '净美庭院', year: 2026 })).status).toBe(201);
  });

  it("the year's designations are public to the village; another village's cadre gets 404", async () => {
    const list = await env.call('GET', `/api/points/designations?regionId=${village}&year=2026`, villager);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(list.body.items.length);
    expect(list.body.items.map((d: any) => d.title).sort()).toEqual(['五好文明家庭', '净美庭院', '净美庭院', '十星级文明户', '好婆媳', '最美家庭']);
    expect(list.body.items.every((d: any) => d.year === 2026 && d.householdName && d.gridName)).toBe(true);
    expect((await env.call('GET', `/api/points/designations?regionId=${village}&year=2025`, cadre)).body.total).toBe(2);
    expect((await env.call('GET', `/api/points/designations?regionId=${village}&year=2026`, otherCadre)).status).toBe(404);
    expect((await env.call('GET', `/api/points/designations?regionId=${otherVillage}&year=2026`, otherCadre)).body.total).toBe(0);
  });

  it('every balance still equals the sum of its entries', async () => {
    expect(await inconsistencies(env.ctx.db, villagePath)).toEqual([]);
    for (const h of [hh(), ...sameGrid.slice(0, 4), elsewhere[0], elsewhere[10]]) await balance(h);
  });
});
