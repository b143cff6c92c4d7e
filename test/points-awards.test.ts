import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeEffect } from '../src/modules/points/service.js';
import { multipart, PNG } from './uploads.js';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

let env: TestEnv;
let cadre: string, grid: string, villager: string, otherCadre: string, leader: string;
let village: string;
const hh = () => env.seed.villagerHouseholdId;
const rule = async (token: string, body: Record<string, unknown>) =>
  (await env.call('POST', '/api/points/rules', token, { regionId: village, category: '志愿服务', value: 5, ...body })).body;

beforeAll(async () => {
  env = await startTestApp();
  [cadre, grid, villager, otherCadre, leader] = await Promise.all(
    [PHONES.cadre, PHONES.grid, PHONES.villager, PHONES.otherCadre, PHONES.leader].map((p) => env.login(p)),
  );
  village = env.seed.villageIds.孟家湾村;
});
afterAll(async () => {
  await env?.close();
});

describe(`awards: who proposes, evidence, 公示栏 on ${STORE}`, () => {
  it('a rule says who may propose; a villager claims for their own household with a photo the village checks', async () => {
    const cadreOnly = await rule(cadre, { code: 'ZY01', name: '参加义务植树', proposers: ['cadre'] });
    expect(cadreOnly.proposers).toEqual(['cadre']);
    const open = await rule(cadre, { code: 'ZY02', name: '参加志愿服务活动', proposers: ['cadre', 'grid', 'villager'] });
    const byGrid = await env.call('POST', '/api/points/awards', grid, { householdId: hh(), ruleId: cadreOnly.id });
    expect(byGrid.status).toBe(403);
    expect(byGrid.body.error.message).toMatch(/不能由网格员申报/);
    // The villager may claim only for their own household.
    const other = (await env.ctx.db.selectFrom('households').select('id').where('id', '!=', hh()).executeTakeFirstOrThrow()).id;
    expect((await env.call('POST', '/api/points/awards', villager, { householdId: other, ruleId: open.id })).body.error.code).toBe('UNKNOWN_HOUSEHOLD');
    const claim = await env.call('POST', '/api/points/awards', villager, {
      householdId: hh(),
      ruleId: open.id,
      note: '参加村里清扫',
      idempotencyKey: 'claim-key-0001',
    });
    expect(claim.status).toBe(201);
    expect(claim.body).toMatchObject({ status: 'pending', proposerRole: 'villager', evidenceCount: 0 });
    // Without a photo the village cannot approve it.
    const noPhoto = await env.call('POST', `/api/points/awards/${claim.body.id}/approve`, cadre, {});
    expect(noPhoto.status).toBe(409);
    expect(noPhoto.body.error.code).toBe('EVIDENCE_REQUIRED');
    const up = multipart([{ name: '清扫.png', type: 'image/png', data: PNG }]);
    expect(
      (
        await env.app.inject({
          method: 'POST',
          url: `/api/points/awards/${claim.body.id}/evidence`,
          headers: { ...up.headers, authorization: `Bearer ${grid}` },
          payload: up.payload,
        })
      ).statusCode,
    ).toBe(403);
    const stored = await env.app.inject({
      method: 'POST',
      url: `/api/points/awards/${claim.body.id}/evidence`,
      headers: { ...up.headers, authorization: `Bearer ${villager}` },
      payload: up.payload,
    });
    expect(stored.statusCode).toBe(201);
    const photoId = JSON.parse(stored.body).items[0].id;
    const photo = await env.app.inject({
      method: 'GET',
      url: `/api/points/awards/${claim.body.id}/evidence/${photoId}`,
      headers: { authorization: `Bearer ${cadre}` },
    });
    expect(photo.rawPayload.equals(PNG)).toBe(true);
    expect((await env.call('POST', `/api/points/awards/${claim.body.id}/approve`, cadre, {})).body.status).toBe('publicized');
    const detail = (await env.call('GET', `/api/points/awards/${claim.body.id}`, cadre)).body;
    expect(detail.events.map((e: any) => e.action)).toEqual(['propose', 'attach', 'approve']);
    expect(detail.evidence).toHaveLength(1);
    expect(detail.householdName).toBeTruthy();
  });

  it('a rule without approval goes straight to 公示; the queue lists awards by status', async () => {
    const direct = await rule(leader, {
      regionId: env.seed.townshipId,
      code: 'CY01',
      name: '参加村民代表会议',
      category: '参与治理',
      value: 2,
      needsApproval: false,
      cap: 4,
      capPeriod: 'month',
    });
    expect(direct.needsApproval).toBe(false);
    const a = await env.call('POST', '/api/points/awards', grid, { householdId: hh(), ruleId: direct.id });
    expect(a.body.status).toBe('publicized');
    await env.call('POST', '/api/points/awards', grid, { householdId: hh(), ruleId: direct.id });
    // The cap holds for awards that need no approval too.
    expect((await env.call('POST', '/api/points/awards', grid, { householdId: hh(), ruleId: direct.id })).body.error.code).toBe('CAP_EXCEEDED');
    const queue = await env.call('GET', `/api/points/awards?regionId=${village}&status=publicized`, cadre);
    expect(queue.body.total).toBe(3);
    expect(queue.body.items[0]).toMatchObject({ ruleName: expect.any(String), proposerName: expect.any(String), gridName: expect.any(String) });
    expect((await env.call('GET', `/api/points/awards?regionId=${village}`, villager)).status).toBe(404);
    expect((await env.call('GET', `/api/points/awards?regionId=${village}`, otherCadre)).status).toBe(404);
  });

  it('the 公示栏 is read by the village and its villagers, who may object; then it takes effect', async () => {
    const board = await env.call('GET', `/api/points/board?regionId=${village}`, villager);
    expect(board.status).toBe(200);
    expect(board.body.publicDays).toBe(5);
    expect(board.body.items.length).toBe(3);
    expect(board.body.items[0]).not.toHaveProperty('proposerName');
    expect((await env.call('GET', `/api/points/board?regionId=${village}`, otherCadre)).status).toBe(404);
    expect((await env.call('GET', `/api/points/board?regionId=${env.seed.villageIds.圪求河村}`, villager)).status).toBe(404);
    // Another household's villager objects: the award goes back for review.
    const target = board.body.items.find((i: any) => i.ruleName === '参加村民代表会议');
    expect((await env.call('POST', `/api/points/awards/${target.id}/object`, villager, {})).body.error.code).toBe('VALIDATION_FAILED');
    const objected = await env.call('POST', `/api/points/awards/${target.id}/object`, villager, { reason: '那天他家没人参加会议' });
    expect(objected.body).toMatchObject({ status: 'pending', objection: '那天他家没人参加会议' });
    expect((await env.call('POST', `/api/points/awards/${target.id}/object`, villager, { reason: '再提一次' })).body.error.code).toBe('INVALID_TRANSITION');

    env.clock.advance(6 * 86_400_000);
    expect(await takeEffect(env.ctx)).toBe(2);
    const pts = (await env.call('GET', `/api/households/${hh()}/points`, await env.login(PHONES.villager, true))).body;
    expect(pts.balance).toBe(7);
    expect(pts.entries.map((e: any) => e.ruleName).sort()).toEqual(['参加村民代表会议', '参加志愿服务活动'].sort());
    expect(pts.pending.map((p: any) => p.status)).toEqual(['pending']);
    // The family hears that its points took effect; the approver hears of the objection.
    const inbox = (await env.call('GET', '/api/notifications', await env.login(PHONES.villager, true))).body.items.map((n: any) => n.title);
    expect(inbox).toEqual(expect.arrayContaining(['积分已生效：参加志愿服务活动 +5分', '积分已生效：参加村民代表会议 +2分']));
    expect((await env.call('GET', '/api/notifications', await env.login(PHONES.grid, true))).body.items.map((n: any) => n.title)).toContain(
      '积分公示收到异议，请复核：参加村民代表会议',
    );
    const after = (await env.call('GET', `/api/points/board?regionId=${village}`, await env.login(PHONES.villager, true))).body;
    expect(after.items.map((i: any) => i.status).sort()).toEqual(['effective', 'effective']);
  });

  it("the console reads households with their points and the area's entries", async () => {
    const c = await env.login(PHONES.cadre, true);
    const list = await env.call('GET', `/api/points/households?regionId=${env.seed.gridIds['孟家湾村/一组']}&pageSize=100`, c);
    const mine = list.body.items.find((h: any) => h.householdId === hh());
    expect(mine).toMatchObject({ balance: 7, earnedThisYear: 7, spentThisYear: 0, villageName: '孟家湾村' });
    const entries = await env.call('GET', `/api/points/entries?regionId=${village}&from=2026-12-01&to=2026-12-31`, c);
    expect(entries.body.total).toBe(2);
    expect(entries.body.items[0]).toMatchObject({ source: 'rule_award', householdName: mine.householdName });
    expect((await env.call('GET', `/api/points/entries?regionId=${village}&from=2026-11-01&to=2026-11-30`, c)).body.total).toBe(0);
    expect((await env.call('GET', `/api/points/entries?regionId=${village}&from=2026-12-31&to=2026-12-01`, c)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await env.call('GET', `/api/points/entries?regionId=${village}`, await env.login(PHONES.villager, true))).status).toBe(404);
  });
});
