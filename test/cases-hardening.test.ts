// Hardening of the case module: who sees the staff list, whom a case may be
// copied to, and the list's date filter as Shanghai calendar days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

let env: TestEnv;
const grid1 = () => env.seed.gridIds['孟家湾村/一组'];
const report = (token: string, body: Record<string, unknown> = {}) =>
  env.call('POST', '/api/cases', token, {
    type: 'incident',
    category: 'env_dirty',
    title: '村口垃圾堆积',
    description: '村口路边垃圾三天未清运，气味很大。',
    regionId: grid1(),
    ...body,
  });
const act = (token: string, id: string, body: Record<string, unknown>) => env.call('POST', `/api/cases/${id}/transitions`, token, body);

beforeAll(async () => {
  env = await startTestApp({ now: new Date('2026-11-26T15:30:00Z') }); // Thursday 23:30 in Shanghai
});
afterAll(async () => {
  await env?.close();
});

describe(`the case list's dates are Shanghai days on ${STORE}`, () => {
  it('to= includes a case reported at 23:30 that day and excludes one at 00:10 the next day', async () => {
    const grid = await env.login(PHONES.grid);
    const late = (await report(grid, { title: '日界测试深夜上报' })).body.id;
    env.clock.advance(40 * 60_000); // 00:10 on Friday 27th in Shanghai
    const early = (await report(await env.login(PHONES.grid, true), { title: '日界测试凌晨上报' })).body.id;
    const cadre = await env.login(PHONES.cadre, true);
    const ids = async (q: string) =>
      (await env.call('GET', `/api/cases?q=${encodeURIComponent('日界测试')}&pageSize=50&${q}`, cadre)).body.items.map((c: any) => c.id);
    expect(await ids('to=2026-11-26')).toContain(late);
    expect(await ids('to=2026-11-26')).not.toContain(early);
    expect(await ids('from=2026-11-26&to=2026-11-26')).toEqual([late]);
    expect(await ids('from=2026-11-27&to=2026-11-27')).toEqual([early]);
    expect(await ids('from=2026-11-27')).toEqual([early]);
    expect((await env.call('GET', '/api/cases?to=2026-11-26T16:00:00.000Z', cadre)).body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe(`the staff list of a case on ${STORE}`, () => {
  it('the reporting villager gets 403 and no phone numbers; the cadre who may dispatch gets the list', async () => {
    const villager = await env.login(PHONES.villager, true);
    const cadre = await env.login(PHONES.cadre, true);
    const home = (await env.call('GET', `/api/households/${env.seed.villagerHouseholdId}`, villager)).body;
    const id = (await report(villager, { title: '门前路灯不亮', householdId: home.id, regionId: home.regionId })).body.id;
    const denied = await env.call('GET', `/api/cases/${id}/assignees`, villager);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('FORBIDDEN');
    expect(JSON.stringify(denied.body)).not.toMatch(/1[3-9]\d{9}/);
    const list = await env.call('GET', `/api/cases/${id}/assignees`, cadre);
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((p: any) => /^1\d{10}$/.test(p.phone))).toBe(true);
    // A grid worker who sees the case but may not dispatch it gets no list either.
    expect((await env.call('GET', `/api/cases/${id}/assignees`, await env.login(PHONES.grid, true))).status).toBe(403);
    // The level above (who may copy) does.
    expect((await env.call('GET', `/api/cases/${id}/assignees`, await env.login(PHONES.leader, true))).status).toBe(200);

    // Handled and copied: the villager's answer names the handler, with no staff phone anywhere.
    await act(cadre, id, { action: 'accept' });
    await act(cadre, id, { action: 'copy', assigneeId: env.seed.users[PHONES.staff] });
    await act(cadre, id, { action: 'dispatch', assigneeId: env.seed.users[PHONES.grid] });
    const seen = await env.call('GET', `/api/cases/${id}`, villager);
    expect(seen.status).toBe(200);
    expect(seen.body.assigneeName).toBe('马丽娟');
    const text = JSON.stringify(seen.body);
    const staffPhones = [...list.body.items.map((p: any) => p.phone), ...Object.values(PHONES).filter((p) => p !== PHONES.villager)];
    for (const phone of staffPhones) expect(text).not.toContain(phone);
  });
});

describe(`copy (抄告) goes only where dispatch may on ${STORE}`, () => {
  it('refuses a user outside the level and a villager, with the code dispatch uses; accepts the township staff', async () => {
    const grid = await env.login(PHONES.grid, true);
    const cadre = await env.login(PHONES.cadre, true);
    const id = (await report(grid, { title: '抄告范围' })).body.id;
    for (const outsider of [PHONES.otherCadre, PHONES.villager, PHONES.admin]) {
      const r = await act(cadre, id, { action: 'copy', assigneeId: env.seed.users[outsider] });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
      expect(r.body.error.message).toMatch(/抄告对象/);
    }
    const bogus = await act(cadre, id, { action: 'copy', assigneeId: 'no-such-user' });
    expect(bogus.body.error.code).toBe('VALIDATION_FAILED');
    // The same rule as dispatch: an outsider is refused there with the same code.
    await act(cadre, id, { action: 'accept' });
    expect((await act(cadre, id, { action: 'dispatch', assigneeId: env.seed.users[PHONES.otherCadre] })).body.error.code).toBe('VALIDATION_FAILED');
    const other = await env.login(PHONES.otherCadre, true);
    expect((await env.call('GET', `/api/cases/${id}`, other)).status).toBe(404); // nothing leaked by the refused copy
    const ok = await act(cadre, id, { action: 'copy', assigneeId: env.seed.users[PHONES.staff] });
    expect(ok.status).toBe(200);
    expect(ok.body.copies.map((c: any) => c.userId)).toEqual([env.seed.users[PHONES.staff]]);
  });
});
