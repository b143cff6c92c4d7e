import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postOnce, inconsistencies } from '../src/modules/points/ledger.js';
import { stockMismatches } from '../src/modules/store/service.js';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

let env: TestEnv;
let cadre: string, grid: string, villager: string, otherCadre: string;
let village: string, villagePath: string;
const hh = () => env.seed.villagerHouseholdId;
let seq = 0;
const key = () => `store-test-key-${++seq}`;

/** Gives a household points straight through the ledger (as an effective award would). */
async function grant(householdId: string, points: number) {
  const h = await env.ctx.db.selectFrom('households').select('region_path').where('id', '=', householdId).executeTakeFirstOrThrow();
  await env.ctx.db.transaction().execute((tx) =>
    postOnce(tx, {
      householdId,
      regionPath: h.region_path,
      delta: points,
      source: 'correction',
      sourceId: `grant-${householdId}-${++seq}`,
      note: '测试',
      at: env.clock.now(),
    }),
  );
}
const balance = async (householdId: string) => (await env.call('GET', `/api/households/${householdId}/points`, cadre)).body.balance as number;
const newItem = async (body: Record<string, unknown>) =>
  env.call('POST', '/api/store/items', cadre, { regionId: village, name: '洗衣液', cost: 10, stock: 5, ...body });

beforeAll(async () => {
  env = await startTestApp();
  [cadre, grid, villager, otherCadre] = await Promise.all([PHONES.cadre, PHONES.grid, PHONES.villager, PHONES.otherCadre].map((p) => env.login(p)));
  village = env.seed.villageIds.孟家湾村;
  villagePath = (await env.ctx.db.selectFrom('regions').select('path').where('id', '=', village).executeTakeFirstOrThrow()).path;
});
afterAll(async () => {
  await env?.close();
});

describe(`追梦超市 on ${STORE}`, () => {
  it('the village keeps its store; grid workers, villagers and other villages may not', async () => {
    expect((await env.call('POST', '/api/store/items', grid, { regionId: village, name: '香皂', cost: 5, stock: 3 })).body.error.code).toBe('UNKNOWN_REGION');
    expect((await env.call('POST', '/api/store/items', villager, { regionId: village, name: '香皂', cost: 5, stock: 3 })).status).toBe(400);
    expect((await env.call('POST', '/api/store/items', otherCadre, { regionId: village, name: '香皂', cost: 5, stock: 3 })).body.error.code).toBe(
      'UNKNOWN_REGION',
    );
    const bad = await env.call('POST', '/api/store/items', cadre, { regionId: village, name: '香皂', cost: 0, stock: -1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    const r = await newItem({ name: '香皂', cost: 5, stock: 3, merchant: '孟家湾村便民超市' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ name: '香皂', cost: 5, stock: 3, merchant: '孟家湾村便民超市', active: true });
    // The villager sees the village's store; the other village's cadre does not see this one.
    const seen = await env.call('GET', `/api/store/items?regionId=${village}`, villager);
    expect(seen.status).toBe(200);
    expect(seen.body.items.map((i: any) => i.id)).toContain(r.body.id);
    // Each item says what the caller may do to it: the keeper edits it, the villager only sees it.
    expect(seen.body.items.find((i: any) => i.id === r.body.id).abilities).toEqual(['item.read']);
    expect(r.body.abilities).toEqual(['item.read', 'item.update']);
    expect((await env.call('GET', `/api/store/items?regionId=${village}`, otherCadre)).status).toBe(404);
    // Restock is logged and idempotent on its key.
    const k = key();
    await env.call('POST', `/api/store/items/${r.body.id}/stock`, cadre, { delta: 7, note: '进货', idempotencyKey: k });
    const again = await env.call('POST', `/api/store/items/${r.body.id}/stock`, cadre, { delta: 7, note: '进货', idempotencyKey: k });
    expect(again.body.stock).toBe(10);
    expect((await env.call('POST', `/api/store/items/${r.body.id}/stock`, cadre, { delta: -11 })).body.error.code).toBe('OUT_OF_STOCK');
    const moves = (await env.call('GET', `/api/store/items/${r.body.id}/moves`, cadre)).body.items;
    expect(moves.map((m: any) => m.delta).sort()).toEqual([3, 7]);
  });

  it('a redemption debits the points and reserves the stock at once, yields a code the counter checks once', async () => {
    const item = (await newItem({ name: '食用油', cost: 30, stock: 2 })).body;
    const tooPoor = await env.call('POST', '/api/store/redemptions', villager, { householdId: hh(), itemId: item.id, quantity: 1, idempotencyKey: key() });
    expect(tooPoor.status).toBe(409);
    expect(tooPoor.body.error).toMatchObject({ code: 'INSUFFICIENT_POINTS' });
    expect(tooPoor.body.error.message).toMatch(/积分余额不足/);
    await grant(hh(), 100);
    const k = key();
    const r = await env.call('POST', '/api/store/redemptions', villager, { householdId: hh(), itemId: item.id, quantity: 1, idempotencyKey: k });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'reserved', totalCost: 30, itemName: '食用油' });
    expect(r.body.code).toMatch(/^[1-9]\d{7}$/);
    expect(r.body.abilities).toEqual(['redemption.read', 'redemption.cancel']);
    const retry = await env.call('POST', '/api/store/redemptions', villager, { householdId: hh(), itemId: item.id, quantity: 1, idempotencyKey: k });
    expect(retry.body.id).toBe(r.body.id);
    expect(await balance(hh())).toBe(70);
    expect((await env.call('GET', `/api/store/items?regionId=${village}`, villager)).body.items.find((i: any) => i.id === item.id).stock).toBe(1);
    expect(
      (await env.call('POST', '/api/store/redemptions', villager, { householdId: hh(), itemId: item.id, quantity: 2, idempotencyKey: key() })).body.error.code,
    ).toBe('OUT_OF_STOCK');

    // The counter: the villager cannot check codes, another village's cadre does not find it, the cadre hands it over once.
    expect((await env.call('POST', '/api/store/redemptions/fulfil', villager, { code: r.body.code })).status).toBe(404);
    expect((await env.call('GET', `/api/store/redemptions/by-code/${r.body.code}`, otherCadre)).status).toBe(404);
    const spaced = `${r.body.code.slice(0, 4)} ${r.body.code.slice(4)}`;
    expect((await env.call('GET', `/api/store/redemptions/by-code/${encodeURIComponent(spaced)}`, cadre)).body.id).toBe(r.body.id);
    const done = await env.call('POST', '/api/store/redemptions/fulfil', cadre, { code: spaced });
    expect(done.body).toMatchObject({ status: 'fulfilled', fulfilledByName: expect.any(String) });
    const twice = await env.call('POST', '/api/store/redemptions/fulfil', cadre, { code: r.body.code });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('INVALID_TRANSITION');
    expect((await env.call('POST', `/api/store/redemptions/${r.body.id}/cancel`, villager, {})).body.error.code).toBe('INVALID_TRANSITION');
  });

  it('a cancelled redemption gives the points back as a new entry and returns the stock', async () => {
    const item = (await newItem({ name: '毛巾', cost: 8, stock: 3 })).body;
    const before = await balance(hh());
    const r = (await env.call('POST', '/api/store/redemptions', villager, { householdId: hh(), itemId: item.id, quantity: 2, idempotencyKey: key() })).body;
    expect(await balance(hh())).toBe(before - 16);
    expect((await env.call('POST', `/api/store/redemptions/${r.id}/cancel`, grid, { reason: '不要了' })).status).toBe(403);
    const c = await env.call('POST', `/api/store/redemptions/${r.id}/cancel`, villager, { reason: '不要了' });
    expect(c.body).toMatchObject({ status: 'cancelled', cancelReason: '不要了' });
    expect((await env.call('POST', '/api/store/redemptions/fulfil', cadre, { code: r.code })).body.error.code).toBe('INVALID_TRANSITION');
    const pts = (await env.call('GET', `/api/households/${hh()}/points`, villager)).body;
    expect(pts.balance).toBe(before);
    const mine = pts.entries.filter((e: any) => e.sourceId === r.id);
    expect(mine.map((e: any) => [e.source, e.delta]).sort()).toEqual([
      ['redemption', -16],
      ['refund', 16],
    ]);
    expect((await env.call('GET', `/api/store/items?regionId=${village}`, cadre)).body.items.find((i: any) => i.id === item.id).stock).toBe(3);
    const list = await env.call('GET', `/api/store/redemptions?householdId=${hh()}`, villager);
    expect(list.body.items.map((x: any) => x.id)).toContain(r.id);
    expect((await env.call('GET', `/api/store/redemptions?regionId=${village}`, villager)).status).toBe(404);
    expect((await env.call('GET', `/api/store/redemptions?regionId=${village}&status=cancelled`, cadre)).body.items.map((x: any) => x.id)).toContain(r.id);
  });

  it('200 redemptions at once: no negative balance, no oversold stock, balances equal their entries; retries change nothing', async () => {
    const households = (
      await env.ctx.db
        .selectFrom('households')
        .select(['id'])
        .where('region_path', 'like', `${villagePath}%`)
        .where('id', '!=', hh())
        .orderBy('id')
        .limit(25)
        .execute()
    ).map((h) => h.id);
    expect(households.length).toBe(25);
    // Household i holds enough for (i mod 8) items of 10 points: 84 affordable against 60 in stock.
    for (const [i, h] of households.entries()) if (i % 8) await grant(h, 10 * (i % 8));
    const start = new Map<string, number>();
    for (const h of households) start.set(h, await balance(h));
    const STOCK = 60;
    const item = (await newItem({ name: '大米5斤', cost: 10, stock: STOCK })).body;
    const requests = households.flatMap((h) =>
      Array.from({ length: 8 }, (_, j) => ({ householdId: h, itemId: item.id, quantity: 1, idempotencyKey: `rush-${h}-${j}` })),
    );
    expect(requests.length).toBe(200);
    const results = await Promise.all(requests.map((b) => env.call('POST', '/api/store/redemptions', cadre, b)));
    for (const r of results) {
      expect([201, 409]).toContain(r.status);
      if (r.status === 409) expect(['INSUFFICIENT_POINTS', 'OUT_OF_STOCK']).toContain(r.body.error.code);
    }
    const won = results.filter((r) => r.status === 201);
    const stock = (await env.call('GET', `/api/store/items?regionId=${village}`, cadre)).body.items.find((i: any) => i.id === item.id).stock;
    expect(stock).toBeGreaterThanOrEqual(0);
    expect(stock + won.length).toBe(STOCK);
    // The households could afford more than the stock, so it sells out.
    expect(stock).toBe(0);
    for (const h of households) {
      const b = await balance(h);
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBe(start.get(h)! - 10 * won.filter((r) => r.body.householdId === h).length);
    }
    expect(await inconsistencies(env.ctx.db, villagePath)).toEqual([]);
    expect(await stockMismatches(env.ctx, villagePath)).toEqual([]);

    // Every request again with its key: the winners get their first answer back, nothing moves.
    const codes = new Set(won.map((r) => r.body.code));
    expect(codes.size).toBe(won.length);
    const again = await Promise.all(requests.map((b) => env.call('POST', '/api/store/redemptions', cadre, b)));
    for (const [i, r] of again.entries()) {
      if (results[i].status === 201) expect(r.body).toMatchObject({ id: results[i].body.id, code: results[i].body.code });
      else expect(r.status).toBe(409);
    }
    expect((await env.call('GET', `/api/store/items?regionId=${village}`, cadre)).body.items.find((i: any) => i.id === item.id).stock).toBe(0);
    for (const h of households) expect(await balance(h)).toBe(start.get(h)! - 10 * won.filter((r) => r.body.householdId === h).length);
    expect(await inconsistencies(env.ctx.db, villagePath)).toEqual([]);
  });
});
