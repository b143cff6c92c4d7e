// Names that say where: a grid is named with its village (孟家湾村 / 一组网格) wherever a list can span villages —
// the caller's own places (/api/me), this month's visit plan, visits, patrols due and recorded, cases, awards and
// their 公示, the ranking, redemptions. Above village level a region is named by itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postOnce } from '../src/modules/points/ledger.js';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

let env: TestEnv;
/** A grid's place: its village, then the grid (孟家湾村 / 一组网格). */
const villageThen = (grid: string) => new RegExp(`^[^/]+村 / ${grid}$`);

/** One household of 孟家湾村 and one of another village. */
async function householdsOfTwoVillages() {
  const a = env.seed.villageIds.孟家湾村;
  const b = Object.values(env.seed.villageIds).find((id) => id !== a)!;
  const pathOf = async (id: string) => (await env.ctx.db.selectFrom('regions').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;
  const first = async (path: string) =>
    env.ctx.db.selectFrom('households').select(['id', 'region_path']).where('region_path', 'like', `${path}%`).orderBy('id').executeTakeFirstOrThrow();
  return [await first(await pathOf(a)), await first(await pathOf(b))];
}

beforeAll(async () => {
  env = await startTestApp();
});
afterAll(async () => {
  await env?.close();
});

describe(`place names on ${STORE}`, () => {
  it("the caller's places: a grid with its village, a village and a township by their own names", async () => {
    const grid = (await env.call('GET', '/api/me', await env.login(PHONES.grid))).body.roles[0];
    expect(grid).toMatchObject({ regionName: '一组网格', placeName: '孟家湾村 / 一组网格' });
    const cadre = (await env.call('GET', '/api/me', await env.login(PHONES.cadre))).body.roles[0];
    expect(cadre.placeName).toBe('孟家湾村');
    const leader = (await env.call('GET', '/api/me', await env.login(PHONES.leader))).body.roles[0];
    expect(leader.placeName).toBe(leader.regionName);
    expect(leader.regionLevel).toBe('township');
  });

  it("a township leader's visit plan and patrols name each grid with its village", async () => {
    const leader = await env.login(PHONES.leader);
    const plan = await env.call('GET', '/api/visits/plan?pageSize=100', leader);
    expect(plan.status).toBe(200);
    expect(plan.body.items.length).toBeGreaterThan(0);
    for (const item of plan.body.items) expect(item.placeName).toMatch(new RegExp(`^[^/]+村 / ${item.regionName}$`));
    const due = await env.call('GET', '/api/patrols/due', leader);
    const daily = due.body.items.filter((p: { kind: string }) => p.kind === 'daily');
    expect(daily.length).toBeGreaterThan(1);
    for (const p of daily) expect(p.placeName).toMatch(new RegExp(`^[^/]+村 / ${p.regionName}$`));
    const township = due.body.items.find((p: { kind: string }) => p.kind === 'quarterly');
    if (township) expect(township.placeName).toBe(township.regionName);
  });

  it('cases name their place from the village down, across villages', async () => {
    const grid = await env.login(PHONES.grid);
    const category = (await env.call('GET', '/api/case-categories', grid)).body.items.find((c: { type: string }) => c.type === 'incident').code;
    const r = await env.call('POST', '/api/cases', grid, {
      type: 'incident',
      category,
      title: '路灯不亮',
      description: '村东头路灯坏了三盏。',
      regionId: env.seed.gridIds['孟家湾村/一组'],
    });
    expect(r.status).toBe(201);
    expect(r.body.placeName).toBe('孟家湾村 / 一组网格');
    const list = await env.call('GET', '/api/cases', await env.login(PHONES.leader));
    expect(list.body.items.length).toBeGreaterThan(0);
    for (const c of list.body.items) expect(c.placeName).toMatch(/^[^/]+村 \/ [^/]+$/);
  });

  it('awards, the 公示栏, the ranking and redemptions name each household with its village and grid', async () => {
    const leader = await env.login(PHONES.leader);
    const households = await householdsOfTwoVillages();
    const rule = await env.call('POST', '/api/points/rules', leader, {
      regionId: env.seed.townshipId,
      code: 'PN01',
      name: '参加环境整治',
      category: '志愿服务',
      value: 5,
    });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);
    for (const h of households) {
      const a = await env.call('POST', '/api/points/awards', leader, { householdId: h.id, ruleId: rule.body.id });
      expect(a.status, JSON.stringify(a.body)).toBe(201);
      expect(a.body.placeName).toMatch(villageThen(a.body.gridName));
      expect((await env.call('POST', `/api/points/awards/${a.body.id}/approve`, leader, {})).status).toBe(200);
    }
    const queue = await env.call('GET', `/api/points/awards?regionId=${env.seed.townshipId}`, leader);
    const villages = new Set<string>();
    for (const a of queue.body.items) {
      expect(a.placeName).toMatch(villageThen(a.gridName));
      villages.add(a.placeName.split(' / ')[0]);
    }
    expect(villages.size).toBe(2);
    const board = await env.call('GET', `/api/points/board?regionId=${env.seed.villageIds.孟家湾村}`, await env.login(PHONES.villager));
    expect(board.body.items.length).toBeGreaterThan(0);
    for (const a of board.body.items) expect(a.placeName).toMatch(new RegExp(`^孟家湾村 / ${a.gridName}$`));

    // Points in the ledger for the ranking and the store.
    for (const h of households)
      await env.ctx.db.transaction().execute((tx) =>
        postOnce(tx, {
          householdId: h.id,
          regionPath: h.region_path,
          delta: 50,
          source: 'correction',
          sourceId: `place-names-${h.id}`,
          note: '测试',
          at: env.clock.now(),
        }),
      );
    const ranking = await env.call('GET', `/api/points/ranking?regionId=${env.seed.townshipId}`, leader);
    expect(ranking.status).toBe(200);
    expect(ranking.body.items.length).toBeGreaterThanOrEqual(2);
    for (const x of ranking.body.items) expect(x.placeName).toMatch(villageThen(x.gridName));

    const cadre = await env.login(PHONES.cadre);
    const village = env.seed.villageIds.孟家湾村;
    const item = await env.call('POST', '/api/store/items', cadre, { regionId: village, name: '洗衣粉', cost: 10, stock: 5 });
    expect(item.status).toBe(201);
    const own = households[0];
    const redeemed = await env.call('POST', '/api/store/redemptions', cadre, {
      householdId: own.id,
      itemId: item.body.id,
      quantity: 1,
      idempotencyKey: 'place-names-0001',
    });
    expect(redeemed.status, JSON.stringify(redeemed.body)).toBe(201);
    expect(redeemed.body.placeName).toMatch(/^孟家湾村 \/ [^/]+网格$/);
    const list = await env.call('GET', `/api/store/redemptions?regionId=${village}`, cadre);
    expect(list.body.items.map((x: { placeName: string }) => x.placeName)).toContain(redeemed.body.placeName);
  });
});
