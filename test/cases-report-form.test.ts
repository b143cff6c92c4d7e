// 随手拍 for villagers (issue 12): choices in plain words mapped per village, 其他 classified on 受理, the
// acknowledgement, similar open cases of the grid (这件事已有人反映), 我也遇到 followers told of every step, and merging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

let env: TestEnv;
let admin: string, cadre: string, otherCadre: string, grid: string, villager: string, neighbour: string, farVillager: string;
let neighbourId: string;
const grid1 = () => env.seed.gridIds['孟家湾村/一组'];
const mjw = () => env.seed.villageIds.孟家湾村;
const act = (token: string, id: string, body: Record<string, unknown>) => env.call('POST', `/api/cases/${id}/transitions`, token, body);
const quick = (token: string, body: Record<string, unknown>) =>
  env.call('POST', '/api/cases/quick-report', token, { regionId: grid1(), householdId: env.seed.villagerHouseholdId, ...body });
const similar = (token: string, text: string, regionId = grid1()) => env.call('GET', `/api/cases/similar?${new URLSearchParams({ regionId, text })}`, token);
const inbox = async (token: string, caseId: string): Promise<string[]> =>
  (await env.call('GET', '/api/notifications?pageSize=100', token)).body.items.filter((n: any) => n.entityId === caseId).map((n: any) => n.title as string);

/** A villager account of another household (of grid `regionId`), signed in. */
async function newVillager(regionId: string, phone: string): Promise<{ token: string; id: string }> {
  const hh = (
    await env.ctx.db
      .selectFrom('households')
      .select('id')
      .where('region_id', '=', regionId)
      .where('id', '!=', env.seed.villagerHouseholdId)
      .orderBy('id')
      .executeTakeFirstOrThrow()
  ).id;
  const r = await env.call('POST', '/api/users', admin, {
    name: '邻居村民',
    phone,
    password: 'villager-2026',
    roles: [{ role: 'villager', regionId, householdId: hh }],
  });
  expect(r.status).toBe(201);
  const login = await env.call('POST', '/api/auth/login', null, { phone, password: 'villager-2026' });
  return { token: login.body.token, id: r.body.id };
}

beforeAll(async () => {
  env = await startTestApp();
  [admin, cadre, otherCadre, grid, villager] = await Promise.all(
    [PHONES.admin, PHONES.cadre, PHONES.otherCadre, PHONES.grid, PHONES.villager].map((p) => env.login(p)),
  );
  const n = await newVillager(grid1(), '13900000011');
  [neighbour, neighbourId] = [n.token, n.id];
  const otherGrid = Object.entries(env.seed.gridIds).find(([k]) => k.startsWith('孟家湾村/') && k !== '孟家湾村/一组')![1];
  farVillager = (await newVillager(otherGrid, '13900000012')).token;
}, 120_000);
afterAll(async () => {
  await env?.close();
});

describe(`随手拍 on ${STORE}`, () => {
  it('offers plain words with 其他 last, each with the days the village takes to accept', async () => {
    const r = await env.call('GET', `/api/case-choices?regionId=${grid1()}`, villager);
    expect(r.status).toBe(200);
    expect(r.body.villageId).toBe(mjw());
    expect(r.body.items.slice(0, 6).map((c: any) => c.label)).toEqual(['路灯坏了', '垃圾没清', '道路水渠', '安全隐患', '邻里矛盾', '想找人代办']);
    expect(r.body.items.at(-1)).toMatchObject({ code: 'other', label: '其他', category: 'other', categoryName: '其他（待分类）' });
    expect(r.body.items[0]).toMatchObject({ code: 'streetlight', category: 'facility_damage', categoryName: '公共设施损坏', acceptDays: 2 });
    expect(r.body.items.find((c: any) => c.code === 'errand')).toMatchObject({ type: 'service', category: 'svc_errand' });
  });

  it('lets the village’s cadre remap, reorder and switch choices off; not another village’s cadre, not a villager', async () => {
    const body = {
      items: [
        { code: 'road', category: 'flood_danger', active: true },
        { code: 'streetlight', category: 'facility_damage', active: true },
        { code: 'garbage', category: 'env_dirty', active: false },
      ],
    };
    expect((await env.call('PUT', `/api/case-choices/${mjw()}`, villager, body)).status).toBe(404); // not their region to see
    expect((await env.call('PUT', `/api/case-choices/${mjw()}`, await env.login(PHONES.supervisor), body)).status).toBe(403); // sees it, does not run it
    expect((await env.call('PUT', `/api/case-choices/${mjw()}`, otherCadre, body)).status).toBe(404);
    expect(
      (await env.call('PUT', `/api/case-choices/${mjw()}`, cadre, { items: [{ code: 'other', category: 'env_dirty', active: true }] })).body.error.code,
    ).toBe('VALIDATION_FAILED');
    expect((await env.call('PUT', `/api/case-choices/${mjw()}`, cadre, { items: [{ code: 'road', category: 'nope', active: true }] })).status).toBe(400);
    const r = await env.call('PUT', `/api/case-choices/${mjw()}`, cadre, body);
    expect(r.status).toBe(200);
    expect(r.body.items.map((c: any) => c.code).slice(0, 2)).toEqual(['road', 'streetlight']);
    expect(r.body.items.map((c: any) => c.code)).not.toContain('garbage');
    expect(r.body.items.at(-1).code).toBe('other');
    // Another village keeps the defaults.
    const other = await env.call('GET', `/api/case-choices?regionId=${env.seed.villageIds.圪求河村}`, otherCadre);
    expect(other.body.items[0].code).toBe('streetlight');
    // A report under 道路水渠 in 孟家湾村 is now a 洪涝灾害险情; 垃圾没清 is not offered here.
    const rep = await quick(villager, { choice: 'road', description: '东头水渠漫上路面了' });
    expect(rep.status).toBe(201);
    expect(rep.body).toMatchObject({ category: 'flood_danger', title: '道路水渠：东头水渠漫上路面了', source: 'villager_photo' });
    expect((await quick(villager, { choice: 'garbage', description: '垃圾' })).body.error.code).toBe('VALIDATION_FAILED');
    // Back to the defaults.
    expect((await env.call('PUT', `/api/case-choices/${mjw()}`, cadre, { items: [] })).body.items[0].code).toBe('streetlight');
  });

  it('reports from a choice with the home address, answers with when it will be accepted; the same key makes one case', async () => {
    const body = { choice: 'streetlight', description: '村口路灯不亮了，晚上走路看不见。', idempotencyKey: 'quick-report-0001' };
    const r = await quick(villager, body);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      type: 'incident',
      category: 'facility_damage',
      title: '路灯坏了：村口路灯不亮了，晚上走路看不见',
      status: 'reported',
      // Friday 27 November 10:00 + 2 working days.
      acknowledgement: { days: 2, by: '2026-12-01T02:00:00.000Z', words: '已收到，村里将在2个工作日内受理（12月1日前）' },
      details: { choice: { code: 'streetlight', label: '路灯坏了' }, place: { kind: 'home' } },
    });
    expect(r.body.details.place.address).toBeTruthy();
    const again = await quick(villager, body);
    expect(again.body.id).toBe(r.body.id);
    expect((await env.call('GET', `/api/cases/${r.body.id}`, villager)).body.acknowledgement.words).toBe('已收到，村里将在2个工作日内受理（12月1日前）');
    // The phone's place instead, when 添加位置 was tapped.
    const spot = await quick(villager, {
      choice: 'hazard',
      description: '桥栏杆断了',
      place: { kind: 'spot', latitude: 38.1234, longitude: 111.5678, accuracy: 20 },
    });
    expect(spot.body.details.place).toEqual({ kind: 'spot', latitude: 38.1234, longitude: 111.5678, accuracy: 20 });
    expect((await quick(villager, { choice: 'hazard', description: 'x', place: { kind: 'spot', latitude: 91, longitude: 0 } })).status).toBe(400);
    expect((await quick(villager, { choice: 'streetlight', description: '' })).status).toBe(400);
  });

  it('其他 waits for the cadre to name the category when accepting', async () => {
    const r = await quick(villager, { choice: 'other', description: '村委会门口的宣传栏被风吹倒了' });
    expect(r.body).toMatchObject({ category: 'other', categoryName: '其他（待分类）' });
    const no = await act(cadre, r.body.id, { action: 'accept' });
    expect([no.status, no.body.error.code]).toEqual([400, 'CATEGORY_REQUIRED']);
    expect(no.body.error.message).toMatch(/请选择事件类别/);
    expect((await act(cadre, r.body.id, { action: 'accept', category: 'svc_errand' })).status).toBe(400); // another type
    expect((await act(cadre, r.body.id, { action: 'accept', category: 'other' })).status).toBe(400);
    const ok = await act(cadre, r.body.id, { action: 'accept', category: 'facility_damage' });
    expect(ok.body).toMatchObject({ status: 'accepted', category: 'facility_damage', categoryName: '公共设施损坏' });
    expect(ok.body.history.at(-1)).toMatchObject({ action: 'accept', data: { categoryFrom: 'other', categoryTo: 'facility_damage' } });
  });

  it('offers similar open cases of the same grid from the last 14 days, without who reported them', async () => {
    const text = '路灯坏了：村口的路灯坏了，晚上黑漆漆的';
    const r = await similar(neighbour, text);
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBeGreaterThanOrEqual(1);
    expect(r.body.items[0]).toMatchObject({
      title: '路灯坏了：村口路灯不亮了，晚上走路看不见',
      status: 'reported',
      statusName: '待受理',
      mine: false,
      following: false,
    });
    expect(r.body.items[0].placeName).toContain('孟家湾村');
    expect(Object.keys(r.body.items[0])).not.toContain('reporterName');
    expect(r.body.items.length).toBeLessThanOrEqual(3);
    // Not from another grid, not an unrelated text.
    expect(
      (await similar(farVillager, text, Object.entries(env.seed.gridIds).find(([k]) => k !== '孟家湾村/一组' && k.startsWith('孟家湾村/'))![1])).body.items,
    ).toEqual([]);
    expect((await similar(neighbour, '我家的羊跑丢了')).body.items).toEqual([]);
    // Not older than 14 days, not closed.
    const old = await quick(villager, { choice: 'garbage', description: '老井边上的垃圾堆了很久' });
    await env.ctx.db.updateTable('cases').set({ reported_at: '2026-11-01T02:00:00.000Z' }).where('id', '=', old.body.id).execute();
    expect((await similar(neighbour, '老井边上的垃圾堆了很久')).body.items).toEqual([]);
    const closed = await quick(villager, { choice: 'garbage', description: '祠堂后面的垃圾没人清' });
    expect((await act(cadre, closed.body.id, { action: 'reject', note: '已由保洁员当日清理' })).status).toBe(200);
    expect((await similar(neighbour, '祠堂后面的垃圾没人清')).body.items).toEqual([]);
    // Another village's region is refused.
    expect((await similar(neighbour, text, env.seed.villageIds.圪求河村)).status).toBe(400);
  });

  it('我也遇到 makes a follower (twice is once), who sees the case without the reporter and hears of every step', async () => {
    const c = (await similar(neighbour, '村口路灯坏了')).body.items[0];
    const before = await env.call('GET', `/api/cases/${c.id}`, neighbour);
    expect(before.status).toBe(404); // another household's case
    const f = await env.call('POST', `/api/cases/${c.id}/followers`, neighbour);
    expect(f.status).toBe(200);
    expect(f.body).toMatchObject({ following: true, reporterName: '群众', householdId: null, details: null });
    expect(f.body.history.at(-1)).toMatchObject({ action: 'follow', byName: '邻居村民' });
    expect(f.body.history[0]).toMatchObject({ action: 'report', byName: '群众' });
    const twice = await env.call('POST', `/api/cases/${c.id}/followers`, neighbour);
    expect(twice.body.history.filter((h: any) => h.action === 'follow')).toHaveLength(1);
    expect((await similar(neighbour, '村口路灯坏了')).body.items[0].following).toBe(true);
    // 我关注的事 lists it, without who reported it.
    const mine = await env.call('GET', '/api/cases/following', neighbour);
    expect(mine.body.items.map((x: any) => x.id)).toEqual([c.id]);
    expect(mine.body.items[0]).toMatchObject({ reporterName: '群众', householdId: null, details: null });
    expect(await inbox(cadre, c.id)).toContain('又有群众反映了同一件事：路灯坏了：村口路灯不亮了，晚上走路看不见');
    // A follower sees an official's name on their report; only a villager reporter stays 群众.
    const official = (
      await env.call('POST', '/api/cases', grid, {
        type: 'incident',
        category: 'env_dirty',
        title: '晒场边垃圾堆积',
        description: '晒场边垃圾堆了三天',
        regionId: grid1(),
      })
    ).body;
    expect((await env.call('POST', `/api/cases/${official.id}/followers`, neighbour)).body).toMatchObject({ reporterName: '马丽娟', householdId: null });
    // Another grid's villager may not follow it.
    expect((await env.call('POST', `/api/cases/${c.id}/followers`, farVillager)).status).toBe(404);

    // Every step reaches the follower.
    expect((await act(cadre, c.id, { action: 'accept' })).status).toBe(200);
    expect((await act(cadre, c.id, { action: 'dispatch', assigneeId: env.seed.users[PHONES.grid] })).status).toBe(200);
    expect((await act(grid, c.id, { action: 'start' })).status).toBe(200);
    expect((await act(grid, c.id, { action: 'resolve', note: '已更换村口路灯灯泡，晚上恢复照明' })).status).toBe(200);
    const told = await inbox(neighbour, c.id);
    for (const step of ['受理', '派单', '开始处置', '办结']) expect(told.some((t) => t.includes(`（${step}）`))).toBe(true);
    // A closed case takes no more followers.
    expect((await env.call('POST', `/api/cases/${c.id}/followers`, villager)).status).toBe(409);
  });

  it('merging keeps both reporters informed and lets each see the case that goes on', async () => {
    const a = (await quick(villager, { choice: 'road', description: '二组路口的水渠堵了，雨天路上全是水' })).body;
    const b = (await quick(neighbour, { choice: 'road', description: '路口水渠堵了，下雨积水', householdId: undefined })).body;
    // The grid worker follows the first report too: followers move with the reporter.
    expect((await env.call('POST', `/api/cases/${a.id}/followers`, grid)).body.following).toBe(true);
    expect((await act(villager, a.id, { action: 'merge', intoId: b.id })).status).toBe(409); // not the level
    expect((await act(cadre, a.id, { action: 'merge' })).body.error.code).toBe('VALIDATION_FAILED');
    expect((await act(cadre, a.id, { action: 'merge', intoId: a.id })).status).toBe(400);
    const m = await act(cadre, a.id, { action: 'merge', intoId: b.id, note: '同一处水渠' });
    expect(m.status).toBe(200);
    expect(m.body).toMatchObject({ status: 'merged', actions: [] });
    expect(m.body.history.at(-1)).toMatchObject({ action: 'merge', to: 'merged', data: { intoId: b.id, intoSeq: b.seq } });
    const into = await env.call('GET', `/api/cases/${b.id}`, villager); // the merged case's reporter now follows the other one
    expect(into.status).toBe(200);
    expect(into.body).toMatchObject({ following: true, status: 'reported' });
    expect(into.body.history.at(-1)).toMatchObject({ action: 'merge_in', data: { fromId: a.id } });
    expect(await inbox(villager, b.id)).toContain(`您反映的事件已与同一件事合并办理，今后进展见：${b.title}`);
    expect(await inbox(neighbour, b.id)).toContain(`另有群众反映了同一件事，已合并到您上报的事件：${b.title}`);
    expect(await inbox(grid, b.id)).toContain(`您反映的事件已与同一件事合并办理，今后进展见：${b.title}`);
    expect((await env.call('GET', '/api/cases/following', grid)).body.items.map((x: any) => x.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    // Both reporters hear of the next step of the case that goes on.
    expect((await act(cadre, b.id, { action: 'accept' })).status).toBe(200);
    expect((await inbox(villager, b.id)).some((t) => t.includes('（受理）'))).toBe(true);
    expect((await inbox(neighbour, b.id)).some((t) => t.startsWith('您上报的事件已受理'))).toBe(true);
    // A merged case is closed; one cannot merge into a closed one.
    expect((await act(cadre, a.id, { action: 'accept' })).body.error.code).toBe('INVALID_TRANSITION');
    const c = (await quick(villager, { choice: 'hazard', description: '电线杆歪了' })).body;
    expect((await act(cadre, c.id, { action: 'merge', intoId: a.id })).body.error.message).toMatch(/^只能合并到尚未办结的事件/);
    // Stats count the merged case as merged, not resolved.
    const stats = (await env.call('GET', `/api/cases/stats?regionId=${grid1()}`, cadre)).body;
    expect(stats.byStatus.find((s: any) => s.status === 'merged')?.n).toBe(1);
    void neighbourId;
  });
});
