import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../src/shared/idnumber.js';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

let env: TestEnv;
let cadre: string;
let grid1: string;
beforeAll(async () => {
  env = await startTestApp();
  cadre = await env.login(PHONES.cadre);
  grid1 = env.seed.gridIds['孟家湾村/一组'];
});
afterAll(async () => {
  await env?.close();
});

const newResident = (seq: number, extra: Record<string, unknown> = {}) => ({
  name: `测试人${seq}`,
  idNumber: makeIdNumber('610802', `1985-03-0${(seq % 9) + 1}`, 900 + seq, 'male'),
  relation: '户主',
  ...extra,
});

describe(`registry on ${STORE}`, () => {
  it("lists households in the cadre's village with paging and totals", async () => {
    const r = await env.call('GET', '/api/households?pageSize=5', cadre);
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(5);
    expect(r.body.total).toBe(32); // 4 grids × 8 households in 孟家湾村
    expect(r.body.items.every((h: any) => h.villageName === '孟家湾村')).toBe(true);
    expect(r.body.items[0].abilities).toEqual(['household.read', 'household.update', 'resident.revealId']);
    const p2 = await env.call('GET', '/api/households?pageSize=5&page=2', cadre);
    expect(p2.body.items[0].id).not.toBe(r.body.items[0].id);
  });

  it('creates a household with its head and answers 201 with masked ID numbers', async () => {
    const res = newResident(1, { phone: '13912345678' });
    const r = await env.call('POST', '/api/households', cadre, { regionId: grid1, address: '孟家湾村一组99号', residents: [res] });
    expect(r.status).toBe(201);
    expect(r.body.headName).toBe('测试人1');
    expect(r.body.residents[0].idNumber).toBe(`${res.idNumber.slice(0, 6)}********${res.idNumber.slice(-4)}`);
    expect(r.body.residents[0].gender).toBe('male');
    expect(r.body.residents[0].birthDate).toBe('1985-03-02');
  });

  it('adds a resident, reveals the whole ID only on request, and audits the reveal', async () => {
    const list = await env.call('GET', `/api/households?regionId=${grid1}&pageSize=1`, cadre);
    const hid = list.body.items[0].id;
    const idNumber = makeIdNumber('610802', '2010-06-15', 321, 'female');
    const r = await env.call('POST', '/api/residents', cadre, {
      householdId: hid,
      name: '王小梅',
      idNumber,
      gender: 'female',
      birthDate: '2010-06-15',
      relation: '子女',
      tags: ['left_behind_child'],
    });
    expect(r.status).toBe(201);
    expect(r.body.idNumber).toMatch(/^610802\*{8}\d{3}[\dX]$/);
    const masked = await env.call('GET', `/api/residents/${r.body.id}`, cadre);
    expect(masked.body.idNumber).not.toBe(idNumber);
    const revealed = await env.call('GET', `/api/residents/${r.body.id}?reveal=idNumber`, cadre);
    expect(revealed.body.idNumber).toBe(idNumber);
    const audits = await env.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'resident.reveal_id').where('entity_id', '=', r.body.id).execute();
    expect(audits).toHaveLength(1);
    const detail = await env.call('GET', `/api/households/${hid}`, cadre);
    expect(detail.body.residents.map((x: any) => x.name)).toContain('王小梅');
  });

  it('refuses the whole ID number to roles that do not need it', async () => {
    const sup = await env.login(PHONES.supervisor);
    const list = await env.call('GET', '/api/households?pageSize=1', sup);
    const detail = await env.call('GET', `/api/households/${list.body.items[0].id}`, sup);
    expect(detail.body.abilities).toEqual(['household.read']);
    expect(list.body.items[0].abilities).toEqual(['household.read']);
    const r = await env.call('GET', `/api/residents/${detail.body.residents[0].id}?reveal=idNumber`, sup);
    expect(r.status).toBe(403);
  });

  it('audits every write', async () => {
    const before = await env.ctx.db
      .selectFrom('audit_log')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('action', 'like', 'household.%')
      .executeTakeFirstOrThrow();
    await env.call('POST', '/api/households', cadre, { regionId: grid1, address: '孟家湾村一组100号' });
    const after = await env.ctx.db
      .selectFrom('audit_log')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('action', 'like', 'household.%')
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n) + 1);
  });

  it('searches by name, ID tail, phone and address, and filters by tag', async () => {
    const hh = await env.call('GET', `/api/households?regionId=${grid1}&pageSize=1&page=3`, cadre);
    const detail = await env.call('GET', `/api/households/${hh.body.items[0].id}`, cadre);
    const person = detail.body.residents[0];
    const byName = await env.call('GET', `/api/households?q=${encodeURIComponent(person.name)}`, cadre);
    expect(byName.body.items.map((h: any) => h.id)).toContain(detail.body.id);
    const byTail = await env.call('GET', `/api/households?q=${person.idNumber.slice(-4)}`, cadre);
    expect(byTail.body.items.map((h: any) => h.id)).toContain(detail.body.id);
    const byAddr = await env.call('GET', `/api/households?q=${encodeURIComponent(detail.body.address)}`, cadre);
    expect(byAddr.body.items[0].id).toBe(detail.body.id);
    if (detail.body.phone) {
      const byPhone = await env.call('GET', `/api/households?q=${detail.body.phone}`, cadre);
      expect(byPhone.body.items.map((h: any) => h.id)).toContain(detail.body.id);
    }
    const tagged = await env.call('GET', '/api/households?tag=poor&pageSize=200', cadre);
    expect(tagged.body.total).toBeGreaterThan(0);
    expect(tagged.body.items.every((h: any) => h.tags.includes('poor'))).toBe(true);
  });

  it('edits a resident and moves a household to another grid', async () => {
    const created = await env.call('POST', '/api/households', cadre, { regionId: grid1, address: '孟家湾村一组101号', residents: [newResident(2)] });
    const rid = created.body.residents[0].id;
    const patched = await env.call('PATCH', `/api/residents/${rid}`, cadre, { phone: '13700001111', tags: ['veteran'] });
    expect(patched.status).toBe(200);
    expect(patched.body.tags).toEqual(['veteran']);
    const grid2 = env.seed.gridIds['孟家湾村/二组'];
    const moved = await env.call('PATCH', `/api/households/${created.body.id}`, cadre, { regionId: grid2 });
    expect(moved.body.regionId).toBe(grid2);
    const gw = await env.login(PHONES.grid); // grid worker of 一组 no longer sees it
    expect((await env.call('GET', `/api/households/${created.body.id}`, gw)).status).toBe(404);
    expect((await env.call('GET', `/api/residents/${rid}`, gw)).status).toBe(404);
  });

  it('rejects a duplicate ID number with 409 and writes nothing', async () => {
    const res = newResident(3);
    expect((await env.call('POST', '/api/households', cadre, { regionId: grid1, address: '一组102号', residents: [res] })).status).toBe(201);
    const count = async () =>
      Number(
        (
          await env.ctx.db
            .selectFrom('households')
            .select((e) => e.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const again = await env.call('POST', '/api/households', cadre, { regionId: grid1, address: '一组103号', residents: [{ ...res, name: '别人' }] });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('DUPLICATE_ID_NUMBER');
    expect(again.body.error.message).toMatch(/已在系统中登记/);
    expect(await count()).toBe(before);
  });
});

describe(`bad input on ${STORE}`, () => {
  it('a malformed ID number gets 400 INVALID_ID_NUMBER with a Chinese message', async () => {
    const bad = newResident(4);
    bad.idNumber = bad.idNumber.slice(0, 17) + (bad.idNumber[17] === '0' ? '1' : '0');
    const r = await env.call('POST', '/api/households', cadre, { regionId: grid1, address: '一组104号', residents: [bad] });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('INVALID_ID_NUMBER');
    expect(r.body.error.message).toMatch(/校验位不正确/);
    const hid = (await env.call('GET', '/api/households?pageSize=1', cadre)).body.items[0].id;
    const r2 = await env.call('POST', '/api/residents', cadre, { householdId: hid, name: '张三', idNumber: '12345', relation: '子女' });
    expect(r2.status).toBe(400);
    expect(r2.body.error.code).toBe('INVALID_ID_NUMBER');
  });

  it('a missing name gets 400 VALIDATION_FAILED naming the field in Chinese', async () => {
    const hid = (await env.call('GET', '/api/households?pageSize=1', cadre)).body.items[0].id;
    const r = await env.call('POST', '/api/residents', cadre, {
      householdId: hid,
      idNumber: makeIdNumber('610802', '1990-01-01', 555, 'male'),
      relation: '子女',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.message).toMatch(/请填写姓名/);
  });

  it('an unknown region gets 400 UNKNOWN_REGION', async () => {
    const r = await env.call('POST', '/api/households', cadre, { regionId: 'nope', address: 'x' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('UNKNOWN_REGION');
    expect(r.body.error.message).toMatch(/区域/);
    const other = await env.call('POST', '/api/households', cadre, { regionId: env.seed.gridIds['圪求河村/一组'], address: 'x' });
    expect(other.status).toBe(400);
    expect(other.body.error.code).toBe('UNKNOWN_REGION');
  });

  it('a gender that contradicts the ID number is refused', async () => {
    const hid = (await env.call('GET', '/api/households?pageSize=1', cadre)).body.items[0].id;
    const r = await env.call('POST', '/api/residents', cadre, {
      householdId: hid,
      name: '李四',
      idNumber: makeIdNumber('610802', '1990-01-01', 556, 'male'),
      gender: 'female',
      relation: '子女',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/性别与身份证号不一致/);
  });

  it('invalid JSON is a 400, not a 500', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/households',
      headers: { authorization: `Bearer ${cadre}`, 'content-type': 'application/json' },
      payload: '{bad',
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe('VALIDATION_FAILED');
  });
});

describe(`党员联户 on ${STORE}`, () => {
  it('links a village party member to a household and refuses non-members', async () => {
    const hid = (await env.call('GET', '/api/households?pageSize=1&page=20', cadre)).body.items[0].id;
    const party = env.seed.users[PHONES.party];
    const candidates = await env.call('GET', `/api/households/${hid}/party-member-candidates`, cadre);
    expect(candidates.body.items).toEqual([expect.objectContaining({ userId: party, name: '杨学文', linked: false })]);
    expect((await env.call('PUT', `/api/households/${hid}/party-members/${party}`, cadre)).status).toBe(200);
    expect((await env.call('GET', `/api/households/${hid}/party-member-candidates`, cadre)).body.items[0].linked).toBe(true);
    const sup = await env.login(PHONES.supervisor);
    expect((await env.call('GET', `/api/households/${hid}/party-member-candidates`, sup)).status).toBe(403);
    const detail = await env.call('GET', `/api/households/${hid}`, cadre);
    expect(detail.body.partyMembers.map((p: any) => p.userId)).toContain(party);
    const notParty = await env.call('PUT', `/api/households/${hid}/party-members/${env.seed.users[PHONES.grid]}`, cadre);
    expect(notParty.status).toBe(400);
    expect((await env.call('DELETE', `/api/households/${hid}/party-members/${party}`, cadre)).status).toBe(200);
  });
});

describe(`household rules and races on ${STORE}`, () => {
  it('registering one ID number in parallel creates one resident; the others get 409', async () => {
    const hid = (await env.call('GET', '/api/households?pageSize=1&page=5', cadre)).body.items[0].id;
    const idNumber = makeIdNumber('610802', '1977-07-07', 701, 'male');
    const results = await Promise.all(
      Array.from({ length: 8 }, () => env.call('POST', '/api/residents', cadre, { householdId: hid, name: '并发人', idNumber, relation: '其他' })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'DUPLICATE_ID_NUMBER')).toBe(true);
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
  });

  it('a household has one head: a second 户主 is refused, and the head follows the relation', async () => {
    const two = await env.call('POST', '/api/households', cadre, { regionId: grid1, address: '一组105号', residents: [newResident(5), newResident(6)] });
    expect(two.status).toBe(400);
    expect(two.body.error.message).toMatch(/一户只能有一位户主/);
    const none = await env.call('POST', '/api/households', cadre, { regionId: grid1, address: '一组106号', residents: [newResident(7, { relation: '子女' })] });
    expect(none.status).toBe(400);
    const ok = await env.call('POST', '/api/households', cadre, {
      regionId: grid1,
      address: '一组107号',
      residents: [newResident(8), newResident(9, { relation: '配偶' })],
    });
    expect(ok.status).toBe(201);
    const spouse = ok.body.residents.find((r: any) => r.relation === '配偶');
    expect((await env.call('PATCH', `/api/residents/${spouse.id}`, cadre, { relation: '户主' })).status).toBe(400);
    const head = ok.body.residents.find((r: any) => r.relation === '户主');
    expect((await env.call('PATCH', `/api/residents/${head.id}`, cadre, { relation: '其他' })).status).toBe(200);
    expect((await env.call('PATCH', `/api/residents/${spouse.id}`, cadre, { relation: '户主' })).status).toBe(200);
    expect((await env.call('GET', `/api/households/${ok.body.id}`, cadre)).body.headResidentId).toBe(spouse.id);
  });

  it('a household phone must look like a phone', async () => {
    const hid = (await env.call('GET', '/api/households?pageSize=1', cadre)).body.items[0].id;
    const r = await env.call('PATCH', `/api/households/${hid}`, cadre, { phone: 'not a phone!!' });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/手机号/);
  });
});
