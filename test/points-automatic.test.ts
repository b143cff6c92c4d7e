import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

let env: TestEnv;
let cadre: string, grid: string, villager: string, mediator: string;
const act = (token: string, id: string, body: Record<string, unknown>) => env.call('POST', `/api/cases/${id}/transitions`, token, body);
const points = async (householdId: string) => (await env.call('GET', `/api/households/${householdId}/points`, cadre)).body;

beforeAll(async () => {
  env = await startTestApp();
  [cadre, grid, villager, mediator] = await Promise.all([PHONES.cadre, PHONES.grid, PHONES.villager, PHONES.mediator].map((p) => env.login(p)));
});
afterAll(async () => {
  await env?.close();
});

describe(`points earned by cases on ${STORE}`, () => {
  it('首报激励: the villager who first reports a qualifying incident earns its points once it is accepted, once', async () => {
    const hh = env.seed.villagerHouseholdId;
    const gridId = env.seed.gridIds['孟家湾村/一组'];
    const report = (token: string, title: string, category = 'env_dirty') =>
      env.call('POST', '/api/cases', token, { type: 'incident', category, title, description: '村口垃圾堆放多日无人清理。', regionId: gridId });
    const a = (await report(villager, '村口垃圾堆放')).body;
    expect((await points(hh)).balance).toBe(0);
    await act(cadre, a.id, { action: 'accept' });
    let p = await points(hh);
    expect(p.balance).toBe(2);
    expect(p.entries).toEqual([expect.objectContaining({ delta: 2, source: 'first_report', sourceId: a.id })]);
    // Sent back to the level and accepted again: still one credit.
    await act(cadre, a.id, { action: 'dispatch', assigneeId: env.seed.users[PHONES.grid] });
    await act(grid, a.id, { action: 'return', note: '不属于本网格' });
    await act(cadre, a.id, { action: 'accept' }).catch(() => undefined);
    expect((await points(hh)).balance).toBe(2);
    // A report turned away earns nothing; a worker's report earns nothing; a category without points earns nothing.
    const b = (await report(villager, '重复上报：村口垃圾')).body;
    await act(cadre, b.id, { action: 'reject', note: '与前一件重复' });
    const c = (await report(grid, '网格员上报：路灯损坏', 'facility_damage')).body;
    await act(cadre, c.id, { action: 'accept' });
    p = await points(hh);
    expect(p.balance).toBe(2);
    expect(p.entries).toHaveLength(1);
  });

  it("a dispute settled by agreement credits its mediator's household 50 points, once, even when reopened and settled again", async () => {
    const mediatorHousehold = (await env.ctx.db.selectFrom('residents').select('household_id').where('phone', '=', PHONES.mediator).executeTakeFirstOrThrow())
      .household_id;
    const village = env.seed.villageIds.孟家湾村;
    const dispute = async (outcome: 'agreement' | 'terminated') => {
      const id = (
        await env.call('POST', '/api/cases', cadre, {
          type: 'dispute',
          category: 'dsp_homestead',
          title: `宅基地界址纠纷（${outcome}）`,
          description: '两户因院墙界址发生争执。',
          regionId: village,
          details: { parties: [{ name: '王建国' }, { name: '李秀兰' }], riskLevel: 'low' },
        })
      ).body.id;
      await act(cadre, id, { action: 'accept' });
      await act(cadre, id, { action: 'dispatch', assigneeId: env.seed.users[PHONES.mediator] });
      await act(mediator, id, { action: 'mediate', note: '现场调解' });
      expect((await act(mediator, id, { action: 'resolve', outcome, note: outcome === 'agreement' ? '双方签订调解协议' : '一方拒绝调解' })).status).toBe(200);
      return id;
    };
    const failed = await dispute('terminated');
    expect((await points(mediatorHousehold)).balance).toBe(0);
    const settled = await dispute('agreement');
    let p = await points(mediatorHousehold);
    expect(p.balance).toBe(50);
    expect(p.entries).toEqual([expect.objectContaining({ delta: 50, source: 'mediator', sourceId: settled })]);
    await act(cadre, settled, { action: 'rate', rating: 2 });
    expect((await act(cadre, settled, { action: 'reopen', note: '协议未履行，回头看' })).status).toBe(200);
    await act(mediator, settled, { action: 'resolve', outcome: 'agreement', note: '重新签订协议' });
    p = await points(mediatorHousehold);
    expect(p.balance).toBe(50);
    expect(failed).toBeTruthy();
  });

  it('the mediator points follow the village setting', async () => {
    const village = env.seed.villageIds.孟家湾村;
    const put = await env.call('PUT', '/api/points/settings', cadre, {
      regionId: village,
      publicDays: 7,
      monthlyBase: 0,
      settlementMode: 'carry',
      mediatorPoints: 30,
      volunteerRate: 2,
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ publicDays: 7, mediatorPoints: 30, fromRegionId: village });
    expect(
      (
        await env.call('PUT', '/api/points/settings', grid, {
          regionId: village,
          publicDays: 7,
          monthlyBase: 0,
          settlementMode: 'carry',
          mediatorPoints: 30,
          volunteerRate: 2,
        })
      ).body.error.code,
    ).toBe('UNKNOWN_REGION');
    expect(
      (
        await env.call('PUT', '/api/points/settings', cadre, {
          regionId: village,
          publicDays: 70,
          monthlyBase: 0,
          settlementMode: 'carry',
          mediatorPoints: 30,
          volunteerRate: 2,
        })
      ).body.error.code,
    ).toBe('VALIDATION_FAILED');
    // A grid below the village reads the village's settings.
    const inherited = await env.call('GET', `/api/points/settings?regionId=${env.seed.gridIds['孟家湾村/一组']}`, villager);
    expect(inherited.body).toMatchObject({ publicDays: 7, mediatorPoints: 30, fromRegionId: village });
  });
});
