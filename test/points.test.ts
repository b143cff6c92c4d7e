import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeEffect } from '../src/modules/points/service.js';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

let env: TestEnv;
let grid: string, cadre: string, villager: string;
let ruleId: string;
const hh = () => env.seed.villagerHouseholdId;
const propose = (body: Record<string, unknown> = {}) => env.call('POST', '/api/points/awards', grid, { householdId: hh(), ruleId, ...body });
const act = (token: string, id: string, action: string, reason?: string) =>
  env.call('POST', `/api/points/awards/${id}/${action}`, token, reason ? { reason } : {});

beforeAll(async () => {
  env = await startTestApp();
  [grid, cadre, villager] = await Promise.all([PHONES.grid, PHONES.cadre, PHONES.villager].map((p) => env.login(p)));
});
afterAll(async () => {
  await env?.close();
});

describe(`points (积分制) on ${STORE}`, () => {
  it('the village keeps its rule catalog; others may not', async () => {
    const village = env.seed.villageIds.孟家湾村;
    const body = { regionId: village, code: 'HJ01', name: '门前三包落实到位', category: '人居环境', value: 5, cap: 10, capPeriod: 'month' };
    expect((await env.call('POST', '/api/points/rules', grid, { ...body, regionId: env.seed.gridIds['孟家湾村/一组'] })).status).toBe(403);
    expect((await env.call('POST', '/api/points/rules', cadre, { ...body, cap: 10, capPeriod: null })).body.error.code).toBe('VALIDATION_FAILED');
    const r = await env.call('POST', '/api/points/rules', cadre, body);
    expect(r.status).toBe(201);
    ruleId = r.body.id;
    expect((await env.call('POST', '/api/points/rules', cadre, body)).body.error.code).toBe('CONFLICT');
    const list = await env.call('GET', `/api/points/rules?regionId=${env.seed.gridIds['孟家湾村/一组']}`, grid);
    expect(list.body.items.map((x: any) => x.code)).toContain('HJ01');
  });

  it('提议 → 审核 → 公示 → 生效, with the cap checked at approval and the ledger summing to the balance', async () => {
    const first = await propose({ note: '门前屋后干净整洁', idempotencyKey: 'award-key-0001' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'pending', value: 5, ruleName: '门前三包落实到位' });
    expect((await propose({ idempotencyKey: 'award-key-0001' })).body.id).toBe(first.body.id);
    expect((await act(grid, first.body.id, 'approve')).status).toBe(403);
    const approved = await act(cadre, first.body.id, 'approve');
    expect(approved.body).toMatchObject({ status: 'publicized', publicUntil: '2026-12-02T02:00:00.000Z' });

    const second = (await propose()).body;
    const third = (await propose()).body;
    // Approved at once, only one of the two fits under the cap of 10 a month.
    const both = await Promise.all([act(cadre, second.id, 'approve'), act(cadre, third.id, 'approve')]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.status === 409)!.body.error.code).toBe('CAP_EXCEEDED');
    const left = both[0].status === 409 ? second : third;
    expect((await act(cadre, left.id, 'reject')).body.error.code).toBe('VALIDATION_FAILED');
    expect((await act(cadre, left.id, 'reject', '本月已达封顶')).body.status).toBe('rejected');
    expect((await act(cadre, left.id, 'approve')).body.error.code).toBe('INVALID_TRANSITION');

    // An objection during 公示 sends the first one back for review; approved again, it is posted anew.
    expect((await act(cadre, first.body.id, 'object', '该户门前仍堆有杂物')).body).toMatchObject({ status: 'pending', objection: '该户门前仍堆有杂物' });
    expect((await act(cadre, first.body.id, 'approve')).body.status).toBe('publicized');

    const before = (await env.call('GET', `/api/households/${hh()}/points`, villager)).body;
    expect(before).toMatchObject({ balance: 0, entries: [] });
    expect(before.pending).toHaveLength(2);

    env.clock.advance(6 * 86_400_000);
    expect(await takeEffect(env.ctx)).toBe(2);
    expect(await takeEffect(env.ctx)).toBe(0);
    const after = (await env.call('GET', `/api/households/${hh()}/points`, await env.login(PHONES.villager, true))).body;
    expect(after.balance).toBe(10);
    expect(after.entries.reduce((s: number, e: any) => s + e.delta, 0)).toBe(after.balance);
    expect(after.entries.every((e: any) => e.source === 'rule_award')).toBe(true);
    expect(after.pending).toEqual([]);
  });

  it('a household sees its own points only', async () => {
    const other = (await env.ctx.db.selectFrom('households').select('id').where('id', '!=', hh()).executeTakeFirst())!.id;
    expect((await env.call('GET', `/api/households/${other}/points`, await env.login(PHONES.villager, true))).status).toBe(404);
    expect((await env.call('POST', '/api/points/awards', await env.login(PHONES.villager, true), { householdId: hh(), ruleId })).status).toBe(403);
  });
});
