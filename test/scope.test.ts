// Data scope (数据权限按辖区): every list and read answers only inside the caller's subtree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

let env: TestEnv;
let mjwHousehold: string;
beforeAll(async () => {
  env = await startTestApp();
  const cadre = await env.login(PHONES.cadre);
  mjwHousehold = (await env.call('GET', '/api/households?pageSize=1', cadre)).body.items[0].id;
});
afterAll(async () => {
  await env?.close();
});

async function allHouseholds(token: string) {
  const r = await env.call('GET', '/api/households?pageSize=200', token);
  expect(r.status).toBe(200);
  return r.body as { items: any[]; total: number };
}

describe(`jurisdiction scope on ${STORE}`, () => {
  it('the 圪求河村 cadre gets 404 for a household of 孟家湾村 and its residents', async () => {
    const t = await env.login(PHONES.otherCadre);
    const r = await env.call('GET', `/api/households/${mjwHousehold}`, t);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_FOUND');
    const cadre = await env.login(PHONES.cadre);
    const resident = (await env.call('GET', `/api/households/${mjwHousehold}`, cadre)).body.residents[0].id;
    expect((await env.call('GET', `/api/residents/${resident}`, t)).status).toBe(404);
    expect((await env.call('GET', `/api/residents/${resident}?reveal=idNumber`, t)).status).toBe(404);
    expect((await env.call('PATCH', `/api/residents/${resident}`, t, { phone: '13900000000' })).status).toBe(404);
    expect((await env.call('PATCH', `/api/households/${mjwHousehold}`, t, { address: 'x' })).status).toBe(404);
    const list = await allHouseholds(t);
    expect(list.total).toBe(24);
    expect(list.items.every((h) => h.villageName === '圪求河村')).toBe(true);
  });

  it("a region outside the caller's subtree is 404, also as a list filter", async () => {
    const t = await env.login(PHONES.otherCadre);
    expect((await env.call('GET', `/api/regions/${env.seed.villageIds.孟家湾村}`, t)).status).toBe(404);
    expect((await env.call('GET', `/api/regions?parentId=${env.seed.villageIds.孟家湾村}`, t)).status).toBe(404);
    expect((await env.call('GET', `/api/households?regionId=${env.seed.villageIds.孟家湾村}`, t)).status).toBe(404);
    expect((await env.call('GET', `/api/regions/${env.seed.townshipId}`, t)).status).toBe(404);
  });

  it('the grid worker sees only their grid', async () => {
    const t = await env.login(PHONES.grid);
    const list = await allHouseholds(t);
    expect(list.total).toBe(8);
    const grid = env.seed.gridIds['孟家湾村/一组'];
    expect(list.items.every((h) => h.regionId === grid)).toBe(true);
    const roots = await env.call('GET', '/api/regions', t);
    expect(roots.body.items.map((r: any) => r.id)).toEqual([grid]);
    const other = (await allHouseholds(await env.login(PHONES.cadre))).items.find((h) => h.regionId !== grid);
    expect((await env.call('GET', `/api/households/${other.id}`, t)).status).toBe(404);
  });

  it('a villager sees only their own household', async () => {
    const t = await env.login(PHONES.villager);
    const list = await allHouseholds(t);
    expect(list.items.map((h) => h.id)).toEqual([env.seed.villagerHouseholdId]);
    expect((await env.call('GET', `/api/households/${env.seed.villagerHouseholdId}`, t)).status).toBe(200);
    const other = (await allHouseholds(await env.login(PHONES.grid))).items.find((h) => h.id !== env.seed.villagerHouseholdId);
    expect((await env.call('GET', `/api/households/${other.id}`, t)).status).toBe(404);
    const write = await env.call('PATCH', `/api/households/${env.seed.villagerHouseholdId}`, t, { address: '改了' });
    expect(write.status).toBe(403);
  });

  it('a party member sees the households linked to them (党员联户) and no others', async () => {
    const t = await env.login(PHONES.party);
    const list = await allHouseholds(t);
    expect(list.total).toBe(12);
    const detail = await env.call('GET', `/api/households/${list.items[0].id}`, t);
    expect(detail.body.partyMembers.map((p: any) => p.name)).toContain('杨学文');
    expect(detail.body.residents[0].idNumber).toContain('*');
  });

  it('the township leader and the county admin see the whole township', async () => {
    expect((await allHouseholds(await env.login(PHONES.leader))).total).toBe(14 * 24 + 8);
    expect((await allHouseholds(await env.login(PHONES.admin))).total).toBe(14 * 24 + 8);
  });

  it('region children follow the tree with real division codes', async () => {
    const t = await env.login(PHONES.leader);
    const roots = await env.call('GET', '/api/regions', t);
    expect(roots.body.items).toEqual([expect.objectContaining({ name: '孟家湾乡', code: '610802205', level: 'township' })]);
    const villages = await env.call('GET', `/api/regions?parentId=${env.seed.townshipId}`, t);
    expect(villages.body.items).toHaveLength(14);
    expect(villages.body.items[0]).toMatchObject({ name: '孟家湾村', code: '610802205200', level: 'village', hasChildren: true });
    const detail = await env.call('GET', `/api/regions/${env.seed.gridIds['孟家湾村/一组']}`, t);
    expect(detail.body.ancestors.map((a: any) => a.name)).toEqual(['榆阳区', '孟家湾乡', '孟家湾村']);
    expect(detail.body.level).toBe('grid');
  });

  it('only admins add regions, and only inside their subtree', async () => {
    const admin = await env.login(PHONES.admin);
    const r = await env.call('POST', '/api/regions', admin, { parentId: env.seed.gridIds['孟家湾村/一组'], level: 'grid', name: '一组东片' });
    expect(r.status).toBe(201);
    const cadre = await env.login(PHONES.cadre);
    expect((await env.call('POST', '/api/regions', cadre, { parentId: env.seed.villageIds.孟家湾村, level: 'grid', name: '五组网格' })).status).toBe(403);
    const wrongLevel = await env.call('POST', '/api/regions', admin, { parentId: env.seed.townshipId, level: 'grid', name: 'x' });
    expect(wrongLevel.status).toBe(400);
    const gw = await env.login(PHONES.grid);
    const sub = await env.call('GET', `/api/regions?parentId=${env.seed.gridIds['孟家湾村/一组']}`, gw);
    expect(sub.body.items.map((x: any) => x.name)).toEqual(['一组东片']);
  });
});

describe(`masking on ${STORE}`, () => {
  it('roles without whole-ID rights get neither the hidden digits nor the birth date they encode', async () => {
    const med = await env.login(PHONES.mediator);
    const list = await env.call('GET', '/api/households?pageSize=1', med);
    const detail = await env.call('GET', `/api/households/${list.body.items[0].id}`, med);
    const r = detail.body.residents[0];
    expect(r.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(r.birthDate).toBeNull();
    expect(r.birthYear).toBeGreaterThan(1900);
    expect((await env.call('GET', `/api/residents/${r.id}`, med)).body.birthDate).toBeNull();
    const cadre = await env.login(PHONES.cadre);
    expect((await env.call('GET', `/api/residents/${r.id}`, cadre)).body.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
