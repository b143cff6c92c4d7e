import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepCases } from '../src/modules/cases/sweep.js';
import { multipart, PNG } from './uploads.js';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

let env: TestEnv;
let grid: string, cadre: string, leader: string, villager: string;
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
  env = await startTestApp({ now: new Date('2026-09-29T02:00:00Z') }); // Tuesday 10:00 in Shanghai, before 国庆
  [grid, cadre, leader, villager] = await Promise.all([PHONES.grid, PHONES.cadre, PHONES.leader, PHONES.villager].map((p) => env.login(p)));
});
afterAll(async () => {
  await env?.close();
});

describe(`the case loop on ${STORE}`, () => {
  it('a grid worker reports; the village is responsible; the cadre is notified', async () => {
    const r = await report(grid);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      status: 'reported',
      card: null,
      levelRegionId: env.seed.villageIds.孟家湾村,
      categoryName: '人居环境脏乱',
      source: 'grid_worker',
    });
    expect(r.body.dueAt).toBe('2026-10-12T02:00:00.000Z'); // 5 working days, skipping 国庆 and counting the 调休 Saturday
    expect(r.body.history).toEqual([expect.objectContaining({ action: 'report', from: null, to: 'reported' })]);
    const inbox = await env.call('GET', '/api/notifications', cadre);
    expect(inbox.body.items.some((n: any) => n.entityId === r.body.id && n.kind === 'assignment')).toBe(true);
  });

  it('the same idempotency key creates one case', async () => {
    const key = 'report-key-0001';
    const [a, b] = await Promise.all([report(grid, { idempotencyKey: key }), report(grid, { idempotencyKey: key })]);
    const c = await report(grid, { idempotencyKey: key });
    expect(a.body.id).toBe(b.body.id);
    expect(c.body.id).toBe(a.body.id);
    const n = await env.ctx.db
      .selectFrom('cases')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('idempotency_key', '=', key)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  it('上报 → 受理 → 派单 → 处置 → 办结 → 评价 → 归档, with a history row per step', async () => {
    const id = (await report(villager, { title: '自家门前排水沟堵塞', regionId: grid1() })).body.id;
    expect((await act(grid, id, { action: 'accept' })).status).toBe(403); // the grid worker is not the responsible level
    expect((await act(cadre, id, { action: 'resolve' })).body.error.code).toBe('INVALID_TRANSITION');
    let r = await act(cadre, id, { action: 'accept', note: '已受理' });
    expect(r.body.status).toBe('accepted');
    expect(r.body.dueAt).toBe('2026-10-19T02:00:00.000Z'); // 10 working days to resolve
    r = await act(cadre, id, { action: 'dispatch', assigneeId: env.seed.users[PHONES.grid] });
    expect(r.body).toMatchObject({ status: 'dispatched', assigneeName: '马丽娟' });
    expect(r.body.actions).toEqual(expect.arrayContaining(['escalate', 'supervise'].filter(() => false)));
    const todo = await env.call('GET', '/api/cases?box=todo', grid);
    expect(todo.body.items.map((c: any) => c.id)).toContain(id);
    expect((await act(grid, id, { action: 'start' })).body.status).toBe('in_progress');
    expect((await act(grid, id, { action: 'resolve', note: '已疏通排水沟' })).body.status).toBe('resolved');
    expect((await act(cadre, id, { action: 'rate', rating: 5 })).status).toBe(409); // only the reporter rates
    expect((await act(villager, id, { action: 'rate', rating: 0 })).status).toBe(400);
    expect((await act(villager, id, { action: 'rate', rating: 4, note: '处理及时' })).body).toMatchObject({ status: 'rated', rating: 4 });
    r = await act(cadre, id, { action: 'archive' });
    expect(r.body.status).toBe('archived');
    expect(r.body.history.map((h: any) => `${h.action}:${h.from ?? ''}>${h.to}`)).toEqual([
      'report:>reported',
      'accept:reported>accepted',
      'dispatch:accepted>dispatched',
      'start:dispatched>in_progress',
      'resolve:in_progress>resolved',
      'rate:resolved>rated',
      'archive:rated>archived',
    ]);
    expect(r.body.history.map((h: any) => h.byName)).toContain('马丽娟');
    // 回头看: the problem came back
    r = await act(cadre, id, { action: 'reopen', note: '雨后再次堵塞' });
    expect(r.body).toMatchObject({ status: 'accepted', reopened: 1, rating: null });
    const mine = await env.call('GET', '/api/cases?box=mine', villager);
    expect(mine.body.items.map((c: any) => c.id)).toContain(id);
  });

  it('other villages see nothing of it; the township sees everything', async () => {
    const id = (await report(grid)).body.id;
    const other = await env.login(PHONES.otherCadre);
    expect((await env.call('GET', `/api/cases/${id}`, other)).status).toBe(404);
    expect((await act(other, id, { action: 'accept' })).status).toBe(404);
    expect((await env.call('GET', '/api/cases?pageSize=200', other)).body.items.map((c: any) => c.id)).not.toContain(id);
    expect((await env.call('GET', `/api/cases/${id}`, leader)).status).toBe(200);
    const inVillage = await env.call('GET', `/api/cases?regionId=${env.seed.villageIds.孟家湾村}&pageSize=200`, leader);
    expect(inVillage.body.items.map((c: any) => c.id)).toContain(id);
  });

  it('escalation, 督办 and 延期 by the level above', async () => {
    const id = (await report(grid, { title: '河堤出现裂缝', category: 'flood_danger' })).body.id;
    await act(cadre, id, { action: 'accept' });
    const sup = await act(leader, id, { action: 'supervise', note: '请三日内处理' });
    expect(sup.status).toBe(200);
    expect((await act(cadre, id, { action: 'supervise' })).status).toBe(409);
    const ext = await act(cadre, id, { action: 'request_extension', days: 3, note: '需等待水位下降' });
    expect(ext.body.extensionPending).toBe(true);
    const before = ext.body.dueAt;
    const ok = await act(leader, id, { action: 'approve_extension' });
    expect(ok.body).toMatchObject({ extensionPending: false, extensionDays: 3 });
    expect(ok.body.dueAt > before).toBe(true);
    expect((await act(leader, id, { action: 'approve_extension' })).status).toBe(409);
    const up = await act(cadre, id, { action: 'escalate', note: '村级无力处置' });
    expect(up.body).toMatchObject({ levelRegionId: env.seed.townshipId, escalations: 1 });
    expect((await act(cadre, id, { action: 'dispatch', assigneeId: env.seed.users[PHONES.grid] })).status).toBe(403);
    const staff = await env.login(PHONES.staff);
    expect((await act(staff, id, { action: 'dispatch', assigneeId: env.seed.users[PHONES.staff] })).body.status).toBe('dispatched');
  });
});

describe(`time limits and the sweeper on ${STORE}`, () => {
  it('yellow after 2 working days and red after 5 across 国庆 and the 调休 Saturday; red climbs one level exactly once', async () => {
    const id = (await report(grid, { title: '路灯损坏', category: 'facility_damage' })).body.id;
    const to = async (iso: string) => {
      env.clock.advance(new Date(iso).getTime() - env.clock.now().getTime());
    };
    // Sessions last 7 days; the clock moves further, so sign in afresh for each look.
    const card = async () => (await env.call('GET', `/api/cases/${id}`, await env.login(PHONES.cadre, true))).body;
    await to('2026-10-08T01:59:00Z');
    await sweepCases(env.ctx);
    expect((await card()).card).toBeNull(); // 9/30 and then seven holiday days
    await to('2026-10-08T02:00:00Z');
    await sweepCases(env.ctx);
    expect((await card()).card).toBe('yellow');
    await to('2026-10-12T01:59:00Z');
    await sweepCases(env.ctx);
    expect((await card()).card).toBe('yellow'); // 10/9, 10/10 (调休 Saturday) counted
    await to('2026-10-12T02:00:00Z');
    // Two sweepers at once. On PostgreSQL each has its own connection pool, as two server processes would;
    // SQLite is the one-server store (its synchronous driver would block one event loop on the other's lock).
    await Promise.all([sweepCases(env.ctx), sweepCases(STORE === 'postgres' ? env.secondCtx() : env.ctx)]);
    await sweepCases(env.ctx);
    const c = await card();
    // The township's own clock starts at escalation: 5 working days to accept (10/13–10/16, 10/19), so not yet overdue there.
    expect(c).toMatchObject({ card: 'red', levelRegionId: env.seed.townshipId, escalations: 1, overdue: false, dueAt: '2026-10-19T02:00:00.000Z' });
    expect(c.history.filter((h: any) => h.action === 'escalate')).toHaveLength(1);
    expect(c.history.filter((h: any) => h.action === 'card_red')).toHaveLength(1);
    expect(c.history.find((h: any) => h.action === 'escalate').byName).toBe('系统');
    // red stays red after escalation, until resolved
    const staff = await env.login(PHONES.staff, true);
    expect((await act(staff, id, { action: 'accept' })).body.card).toBe('red');
    expect((await act(staff, id, { action: 'resolve', note: '已更换灯泡' })).body.card).toBeNull();
    const overdue = await env.call('GET', '/api/cases?overdue=true&pageSize=200', await env.login(PHONES.leader, true));
    expect(overdue.body.items.every((x: any) => x.overdue)).toBe(true);
  });

  it('a case reported on a holiday counts from the next working day', async () => {
    const at = env.clock.now();
    env.clock.advance(new Date('2026-10-03T02:00:00Z').getTime() - at.getTime()); // 国庆 holiday, 10:00 in Shanghai
    const r = await report(await env.login(PHONES.grid, true), { title: '假期上报' });
    // counting starts 10/8 00:00; 10/9, 10/10 (调休 Saturday), 10/12, 10/13, 10/14 → 10/14 00:00 Shanghai
    expect(r.body.dueAt).toBe('2026-10-13T16:00:00.000Z');
    expect(r.body.yellowAt).toBe('2026-10-09T16:00:00.000Z');
  });

  it('the dev clock route runs the sweeps after moving the clock', async () => {
    const id = (await report(await env.login(PHONES.grid, true), { title: '井盖缺失', category: 'safety_hazard' })).body.id;
    const r = await env.call('POST', '/api/dev/clock', await env.login(PHONES.admin, true), { advanceHours: 24 * 14 });
    expect(r.status).toBe(200);
    expect((await env.call('GET', `/api/cases/${id}`, await env.login(PHONES.cadre, true))).body.card).toBe('red');
  });
});

describe(`dispatch candidates on ${STORE}`, () => {
  it('lists the people of the village and the township staff', async () => {
    const t = await env.login(PHONES.grid, true);
    const id = (await report(t, { title: '候选人' })).body.id;
    const r = await env.call('GET', `/api/cases/${id}/assignees`, await env.login(PHONES.cadre, true));
    const names = r.body.items.map((x: any) => `${x.name}:${x.role}`);
    expect(names).toEqual(expect.arrayContaining(['马丽娟:grid_worker', '杨学文:party_member', '白世荣:mediator', '张晓燕:township_staff']));
    expect(names.some((n: string) => n.startsWith('郝建平'))).toBe(false); // another village's cadre
  });
});

describe(`photos on cases on ${STORE}`, () => {
  it('stores photos checked by content, serves them to those who see the case, and records the upload', async () => {
    const t = await env.login(PHONES.grid, true);
    const id = (await report(t, { title: '带照片的上报' })).body.id;
    const up = multipart([
      { name: '现场.png', type: 'image/png', data: PNG },
      { name: '第二张.png', type: 'image/png', data: PNG },
    ]);
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/cases/${id}/attachments`,
      headers: { ...up.headers, authorization: `Bearer ${t}` },
      payload: up.payload,
    });
    expect(res.statusCode).toBe(201);
    const items = JSON.parse(res.body).items;
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ name: '现场.png', mime: 'image/png', size: PNG.length });
    const cadreT = await env.login(PHONES.cadre, true);
    const detail = await env.call('GET', `/api/cases/${id}`, cadreT);
    expect(detail.body.attachments).toHaveLength(2);
    expect(detail.body.history.at(-1)).toMatchObject({ action: 'attach', note: '上传附件2个' });
    const file = await env.app.inject({ method: 'GET', url: `/api/cases/${id}/attachments/${items[0].id}`, headers: { authorization: `Bearer ${cadreT}` } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(PNG)).toBe(true);
    const other = await env.login(PHONES.otherCadre, true);
    const denied = await env.app.inject({ method: 'GET', url: `/api/cases/${id}/attachments/${items[0].id}`, headers: { authorization: `Bearer ${other}` } });
    expect(denied.statusCode).toBe(404);
  });

  it('refuses files that are not photos or PDFs, whatever their name, and oversized ones', async () => {
    const t = await env.login(PHONES.grid, true);
    const id = (await report(t, { title: '错误附件' })).body.id;
    const fake = multipart([{ name: 'photo.jpg', type: 'image/jpeg', data: Buffer.from('<script>alert(1)</script>') }]);
    const r1 = await env.app.inject({
      method: 'POST',
      url: `/api/cases/${id}/attachments`,
      headers: { ...fake.headers, authorization: `Bearer ${t}` },
      payload: fake.payload,
    });
    expect(r1.statusCode).toBe(415);
    expect(JSON.parse(r1.body).error.message).toMatch(/只能上传/);
    const big = multipart([{ name: 'big.png', type: 'image/png', data: Buffer.concat([PNG, Buffer.alloc(11 * 1024 * 1024)]) }]);
    const r2 = await env.app.inject({
      method: 'POST',
      url: `/api/cases/${id}/attachments`,
      headers: { ...big.headers, authorization: `Bearer ${t}` },
      payload: big.payload,
    });
    expect(r2.statusCode).toBe(413);
    expect((await env.call('GET', `/api/cases/${id}`, t)).body.attachments).toHaveLength(0);
  });
});

describe(`retried actions on ${STORE}`, () => {
  it('an action retried with its idempotency key changes nothing more', async () => {
    const t = await env.login(PHONES.grid, true);
    const c = await env.login(PHONES.cadre, true);
    const id = (await report(t, { title: '重试' })).body.id;
    const [a, b] = await Promise.all([
      act(c, id, { action: 'accept', idempotencyKey: 'accept-once-1' }),
      act(c, id, { action: 'accept', idempotencyKey: 'accept-once-1' }),
    ]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    const again = await act(c, id, { action: 'accept', idempotencyKey: 'accept-once-1' });
    expect(again.body.status).toBe('accepted');
    expect(again.body.history.filter((h: any) => h.action === 'accept')).toHaveLength(1);
    expect((await act(c, id, { action: 'accept', idempotencyKey: 'accept-once-2' })).status).toBe(409);
  });
});

describe(`dispatch to a township unit (站所) on ${STORE}`, () => {
  it('any staff of the unit handles it; others of the township do not', async () => {
    const t = await env.login(PHONES.grid, true);
    const c = await env.login(PHONES.cadre, true);
    const id = (await report(t, { title: '需综治中心处理', category: 'instability' })).body.id;
    await act(c, id, { action: 'accept' });
    const cands = await env.call('GET', `/api/cases/${id}/assignees`, c);
    expect(cands.body.units).toEqual(['综治中心']);
    expect((await act(c, id, { action: 'dispatch', unit: '司法所' })).status).toBe(400);
    const r = await act(c, id, { action: 'dispatch', unit: '综治中心', note: '请综治中心协调' });
    expect(r.body).toMatchObject({ status: 'dispatched', assigneeUnit: '综治中心', assigneeId: null });
    const staff = await env.login(PHONES.staff, true);
    const todo = await env.call('GET', '/api/cases?box=todo&pageSize=200', staff);
    expect(todo.body.items.map((x: any) => x.id)).toContain(id);
    expect((await env.call('GET', '/api/me', staff)).body.roles[0].unit).toBe('综治中心');
    expect((await act(staff, id, { action: 'resolve', note: '已协调处置' })).body.status).toBe('resolved');
  });
});

describe(`群众评单 on ${STORE}`, () => {
  it('a case the grid worker reports for a household is followed and rated by that household', async () => {
    const g = await env.login(PHONES.grid, true);
    const c = await env.login(PHONES.cadre, true);
    const v = await env.login(PHONES.villager, true);
    const id = (await report(g, { title: '王家院墙开裂', category: 'safety_hazard', householdId: env.seed.villagerHouseholdId })).body.id;
    await act(c, id, { action: 'accept' });
    await act(c, id, { action: 'resolve', note: '已加固河堤护坡' });
    const inbox = await env.call('GET', '/api/notifications?unread=true', v);
    expect(inbox.body.items.some((n: any) => n.entityId === id && n.title.includes('请评价'))).toBe(true);
    expect((await env.call('GET', `/api/cases/${id}`, v)).body.actions).toContain('rate');
    expect((await act(v, id, { action: 'rate', rating: 5, note: '很满意' })).body).toMatchObject({ status: 'rated', rating: 5 });
    const other = await env.login(PHONES.party, true);
    expect((await env.call('GET', `/api/cases/${id}`, other)).body.actions ?? []).not.toContain('rate');
  });
});

describe(`time limits per level on ${STORE}`, () => {
  const limitsAt = (level: string | null, category: string | null, n: number[]) => ({
    category,
    level,
    priority: 'normal',
    acceptYellow: n[0],
    acceptRed: n[1],
    resolveYellow: n[2],
    resolveRed: n[3],
  });

  it('administrators set limits per level and category; bad limits and other roles are refused', async () => {
    const admin = await env.login(PHONES.admin, true);
    expect((await env.call('PUT', '/api/case-limits', admin, limitsAt('township', null, [3, 2, 5, 10]))).body.error.code).toBe('VALIDATION_FAILED');
    expect((await env.call('PUT', '/api/case-limits', admin, limitsAt('township', 'no_such', [1, 2, 5, 10]))).body.error.code).toBe('VALIDATION_FAILED');
    expect((await env.call('PUT', '/api/case-limits', admin, limitsAt('hamlet', null, [1, 2, 5, 10]))).status).toBe(400);
    expect((await env.call('PUT', '/api/case-limits', await env.login(PHONES.cadre, true), limitsAt('township', null, [1, 2, 5, 10]))).status).toBe(403);
    const first = await env.call('PUT', '/api/case-limits', admin, limitsAt('township', null, [1, 2, 3, 4]));
    expect(first.status).toBe(200);
    // Setting the same (category, level, priority) again replaces the rule.
    const again = await env.call('PUT', '/api/case-limits', admin, limitsAt('township', null, [1, 3, 3, 4]));
    expect(again.body.id).toBe(first.body.id);
    const list = (await env.call('GET', '/api/case-limits', admin)).body;
    expect(list.items.filter((r: any) => r.level === 'township' && r.category === null)).toHaveLength(1);
    expect(list.defaults.normal).toEqual({ acceptYellow: 2, acceptRed: 5, resolveYellow: 5, resolveRed: 10 });
    // The category form edits the category's own rule at every level.
    const cat = await env.call('PATCH', '/api/case-categories/env_dirty', admin, { acceptRed: 4 });
    expect(cat.body).toMatchObject({ acceptYellow: 2, acceptRed: 4 });
    const rule = (await env.call('GET', '/api/case-limits', admin)).body.items.find((r: any) => r.category === 'env_dirty');
    expect(rule).toMatchObject({ level: null, categoryName: '人居环境脏乱', acceptRed: 4 });
    expect((await env.call('PATCH', '/api/case-categories/env_dirty', admin, { acceptRed: null })).body.acceptRed).toBe(5);
    expect((await env.call('GET', '/api/case-limits', admin)).body.items.some((r: any) => r.category === 'env_dirty')).toBe(false);
  });

  it("an escalated case runs on the township's limits, and climbs to the county when those run out too", async () => {
    const admin = await env.login(PHONES.admin, true);
    await env.call('PUT', '/api/case-limits', admin, limitsAt('township', null, [1, 2, 3, 4]));
    env.clock.advance(new Date('2026-11-02T02:00:00Z').getTime() - env.clock.now().getTime()); // Monday 10:00
    const id = (await report(await env.login(PHONES.grid, true), { title: '桥栏杆松动', category: 'facility_damage' })).body.id;
    const look = async () => (await env.call('GET', `/api/cases/${id}`, await env.login(PHONES.leader, true))).body;
    expect((await look()).dueAt).toBe('2026-11-09T02:00:00.000Z'); // the village: 5 working days
    env.clock.advance(7 * 86_400_000); // Monday 11/9 10:00
    await sweepCases(env.ctx);
    expect(await look()).toMatchObject({ levelRegionId: env.seed.townshipId, yellowAt: '2026-11-10T02:00:00.000Z', dueAt: '2026-11-11T02:00:00.000Z' });
    env.clock.advance(86_400_000);
    await sweepCases(env.ctx);
    expect((await look()).levelRegionId).toBe(env.seed.townshipId);
    env.clock.advance(86_400_000);
    await sweepCases(env.ctx);
    await sweepCases(env.ctx);
    const c = await look();
    expect(c).toMatchObject({ levelRegionId: env.seed.countyId, escalations: 2, card: 'red' });
    expect(c.history.filter((h: any) => h.action === 'escalate').map((h: any) => h.data.toRegionId)).toEqual([env.seed.townshipId, env.seed.countyId]);
    // The county has no rule of its own: the defaults, from the escalation.
    expect(c.dueAt).toBe('2026-11-18T02:00:00.000Z');
    const again = await env.login(PHONES.admin, true); // sessions last 7 days
    const rule = (await env.call('GET', '/api/case-limits', again)).body.items.find((r: any) => r.level === 'township');
    expect((await env.call('DELETE', `/api/case-limits/${rule.id}`, again)).status).toBe(204);
    expect((await env.call('DELETE', `/api/case-limits/${rule.id}`, again)).status).toBe(404);
  });
});
