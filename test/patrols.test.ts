import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

let env: TestEnv;
let grid: string, cadre: string, admin: string, otherCadre: string;
const gridId = () => env.seed.gridIds['孟家湾村/一组'];
const allOk = async (token: string) => (await env.call('GET', '/api/patrols/checklist', token)).body.items.map((i: any) => ({ code: i.code, ok: true }));

beforeAll(async () => {
  env = await startTestApp({ now: new Date('2026-11-15T01:00:00Z') }); // Sunday 15 November, 09:00 in Shanghai
  [grid, cadre, admin, otherCadre] = await Promise.all([PHONES.grid, PHONES.cadre, PHONES.admin, PHONES.otherCadre].map((p) => env.login(p)));
});
afterAll(async () => {
  await env?.close();
});

describe(`patrols (巡查) on ${STORE}`, () => {
  it('on the 15th the 月排查 is due for every village, and the 日巡查 for every grid', async () => {
    const due = (await env.call('GET', `/api/patrols/due?regionId=${env.seed.townshipId}`, await env.login(PHONES.leader))).body.items;
    const villages = Object.keys(env.seed.villageIds).length;
    const fortnightly = due.filter((d: any) => d.kind === 'fortnightly');
    expect(fortnightly).toHaveLength(villages);
    expect(fortnightly.every((d: any) => d.periodKey === '2026-11-15' && d.status === 'due')).toBe(true);
    expect(due.filter((d: any) => d.kind === 'daily')).toHaveLength(Object.keys(env.seed.gridIds).length);
    expect(due.filter((d: any) => d.kind === 'quarterly').map((d: any) => d.regionId)).toEqual([env.seed.townshipId]);
    // The 1st is the other 月排查 day of the month.
    const onFirst = (await env.call('GET', `/api/patrols/due?regionId=${env.seed.villageIds.孟家湾村}&day=2026-11-01`, cadre)).body.items;
    expect(onFirst.filter((d: any) => d.kind === 'fortnightly').map((d: any) => [d.periodKey, d.status])).toEqual([['2026-11-01', 'late']]);
    // A grid worker sees their own grid's daily patrol.
    const mine = (await env.call('GET', '/api/patrols/due', grid)).body.items;
    expect(mine.map((d: any) => [d.kind, d.regionId])).toEqual([['daily', gridId()]]);
  });

  it('a 日巡查 against the 6类18项 checklist; a problem item becomes a case once', async () => {
    const results = await allOk(grid);
    expect(results).toHaveLength(18);
    const bad = async (body: Record<string, unknown>) =>
      (await env.call('POST', '/api/patrols', grid, { kind: 'daily', regionId: gridId(), results, ...body })).body.error;
    expect((await bad({ results: results.slice(1) })).message).toMatch(/还有1项未检查/);
    expect((await bad({ results: [{ code: results[0].code, ok: false }, ...results.slice(1)] })).message).toMatch(/请说明/);
    expect((await bad({ kind: 'fortnightly' })).message).toMatch(/月排查按村记录/);
    expect((await env.call('POST', '/api/patrols', otherCadre, { kind: 'daily', regionId: gridId(), results })).body.error.code).toBe('UNKNOWN_REGION');

    const withProblem = [{ code: 'c2i1', ok: false, note: '村口垃圾池已满三天未清运' }, ...results.filter((r: any) => r.code !== 'c2i1')];
    const body = { kind: 'daily', regionId: gridId(), results: withProblem, idempotencyKey: 'patrol-key-0001' };
    const p = await env.call('POST', '/api/patrols', grid, body);
    expect(p.status).toBe(201);
    expect(p.body).toMatchObject({ kind: 'daily', periodKey: '2026-11-15', problems: 1, patrollerName: '马丽娟', location: null });
    expect((await env.call('POST', '/api/patrols', grid, body)).body.id).toBe(p.body.id);
    expect((await env.call('GET', '/api/patrols/due', grid)).body.items[0]).toMatchObject({ status: 'done', patrolId: p.body.id });

    expect((await env.call('POST', `/api/patrols/${p.body.id}/items/c1i1/case`, grid, { category: 'env_dirty' })).body.error.code).toBe('VALIDATION_FAILED');
    const made = await env.call('POST', `/api/patrols/${p.body.id}/items/c2i1/case`, grid, { category: 'env_dirty' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ source: 'patrol', regionId: gridId(), categoryName: '人居环境脏乱', details: { patrolId: p.body.id, item: 'c2i1' } });
    expect(made.body.title).toBe('垃圾收集与清运：村口垃圾池已满三天未清运');
    expect(made.body.description).toContain('日巡查（2026-11-15）发现：环境卫生 · 垃圾收集与清运');
    const again = await env.call('POST', `/api/patrols/${p.body.id}/items/c2i1/case`, grid, { category: 'env_dirty' });
    expect(again.body.id).toBe(made.body.id);
    const stored = (await env.call('GET', `/api/patrols/${p.body.id}`, cadre)).body;
    expect(stored.results.find((r: any) => r.code === 'c2i1')).toMatchObject({ ok: false, caseId: made.body.id, name: '垃圾收集与清运' });
    expect((await env.call('GET', `/api/cases/${made.body.id}`, cadre)).body.status).toBe('reported');
  });

  it('the village records its 月排查; the list filters by kind and problems', async () => {
    const results = await allOk(cadre);
    const r = await env.call('POST', '/api/patrols', cadre, {
      kind: 'fortnightly',
      regionId: env.seed.villageIds.孟家湾村,
      results,
      note: '全村集中排查，未发现新问题',
    });
    expect(r.status).toBe(201);
    const list = (await env.call('GET', `/api/patrols?month=2026-11&regionId=${env.seed.villageIds.孟家湾村}`, cadre)).body;
    expect(list.items.map((x: any) => x.kind).sort()).toEqual(['daily', 'fortnightly']);
    expect((await env.call('GET', '/api/patrols?problems=true', cadre)).body.items.every((x: any) => x.problems > 0)).toBe(true);
    expect((await env.call('GET', '/api/patrols', otherCadre)).body.total).toBe(0);
    // Villagers and party members of the area do not read the workers' patrol notes.
    for (const phone of [PHONES.villager, PHONES.party]) {
      const token = await env.login(phone);
      expect((await env.call('GET', '/api/patrols', token)).body.total).toBe(0);
      expect((await env.call('GET', `/api/patrols/${list.items[0].id}`, token)).status).toBe(404);
    }
  });

  it('administrators edit the checklist; past patrols keep the items they were checked against', async () => {
    const cur = (await env.call('GET', '/api/patrols/checklist', admin)).body;
    expect((await env.call('PUT', '/api/patrols/checklist', cadre, cur)).status).toBe(403);
    const items = [...cur.items.slice(0, 17), { category: '民生服务', name: '留守儿童状况' }];
    const next = await env.call('PUT', '/api/patrols/checklist', admin, { name: cur.name, items });
    expect(next.status).toBe(200);
    expect(next.body.items).toHaveLength(18);
    expect(next.body.items.at(-1)).toMatchObject({ category: '民生服务', name: '留守儿童状况' });
    expect(next.body.items.at(-1).code).not.toBe('c6i3');
    const old = (await env.call('GET', '/api/patrols?kind=daily', grid)).body.items[0];
    expect(old.results.map((r: any) => r.name)).toContain('防汛与自然灾害险情');
  });
});
