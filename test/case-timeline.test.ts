// The timeline speaks to people: every step names who took it with the role they acted in (一组网格员,
// 孟家湾村干部, 青石镇领导), when, and what was decided; the villager who reported reads the steps taken for them,
// not the office's working notes, files, 督办 or extension requests. Staff read every step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, PNG } from './uploads.js';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

let env: TestEnv;
let grid: string, cadre: string, leader: string, villager: string;
let township: string;
const act = (token: string, id: string, body: Record<string, unknown>) => env.call('POST', `/api/cases/${id}/transitions`, token, body);
const attach = async (token: string, id: string) => {
  const up = multipart([{ name: '现场.png', type: 'image/png', data: PNG }]);
  const r = await env.app.inject({
    method: 'POST',
    url: `/api/cases/${id}/attachments`,
    headers: { ...up.headers, authorization: `Bearer ${token}` },
    payload: up.payload,
  });
  return r.statusCode;
};

beforeAll(async () => {
  env = await startTestApp();
  [grid, cadre, leader, villager] = await Promise.all([PHONES.grid, PHONES.cadre, PHONES.leader, PHONES.villager].map((p) => env.login(p)));
  township = (await env.call('GET', '/api/me', leader)).body.roles[0].regionName;
});
afterAll(async () => {
  await env?.close();
});

describe(`the case timeline on ${STORE}`, () => {
  it('names who took each step with their role; the villager reads only what was done for them, staff everything', async () => {
    const category = (await env.call('GET', '/api/case-categories', villager)).body.items.find((c: { type: string }) => c.type === 'incident').code;
    const r = await env.call('POST', '/api/cases', villager, {
      type: 'incident',
      category,
      title: '自家门前排水沟堵塞',
      description: '下雨后排水沟积水，流不走。',
      regionId: env.seed.gridIds['孟家湾村/一组'],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const id = r.body.id;
    expect(r.body.history[0]).toMatchObject({ action: 'report', byRole: '村民' });
    expect(await attach(villager, id)).toBe(201);
    expect((await act(cadre, id, { action: 'accept' })).status).toBe(200);
    expect((await act(cadre, id, { action: 'note', note: '先查一下去年的维修记录' })).status).toBe(200);
    expect((await act(cadre, id, { action: 'dispatch', assigneeId: env.seed.users[PHONES.grid] })).status).toBe(200);
    const copied = await act(cadre, id, { action: 'copy', assigneeId: env.seed.users[PHONES.party] });
    expect(copied.status, JSON.stringify(copied.body)).toBe(200);
    expect((await act(leader, id, { action: 'supervise', note: '请抓紧' })).status).toBe(200);
    expect((await act(grid, id, { action: 'start' })).status).toBe(200);
    expect(await attach(grid, id)).toBe(201);
    expect((await act(grid, id, { action: 'request_extension', days: 2, note: '等挖掘机' })).status).toBe(200);
    expect((await act(leader, id, { action: 'approve_extension' })).status).toBe(200);
    expect((await act(grid, id, { action: 'resolve', note: '已清掏排水沟，疏通完毕' })).status).toBe(200);
    const rated = await act(villager, id, { action: 'rate', rating: 5, note: '谢谢' });
    expect(rated.status).toBe(200);

    // The villager: their report and photo, then each decision, in order, with who and in what role.
    const mine = rated.body.history;
    expect(mine.map((h: { action: string }) => h.action)).toEqual(['report', 'attach', 'accept', 'dispatch', 'start', 'approve_extension', 'resolve', 'rate']);
    const by = (action: string) => mine.find((h: { action: string }) => h.action === action);
    expect(by('accept')).toMatchObject({ byRole: '孟家湾村干部' });
    expect(by('dispatch')).toMatchObject({ byRole: '孟家湾村干部', data: { assigneeName: '马丽娟' } });
    expect(by('start')).toMatchObject({ byName: '马丽娟', byRole: '一组网格员' });
    expect(by('approve_extension')).toMatchObject({ byRole: `${township}领导`, data: { days: 2 } });
    expect(by('resolve')).toMatchObject({ byRole: '一组网格员', note: '已清掏排水沟，疏通完毕' });
    expect(by('rate')).toMatchObject({ byRole: '村民', data: { rating: 5 } });
    expect((await env.call('GET', `/api/cases/${id}`, villager)).body.history).toEqual(mine);
    // Whom the office copied in (抄告) is not theirs to read either.
    expect(rated.body.copies).toEqual([]);
    expect((await env.call('GET', `/api/cases/${id}`, cadre)).body.copies).toHaveLength(1);

    // Staff: every step, the office's own included.
    const all = (await env.call('GET', `/api/cases/${id}`, cadre)).body.history;
    expect(all.map((h: { action: string }) => h.action)).toEqual([
      'report',
      'attach',
      'accept',
      'note',
      'dispatch',
      'copy',
      'supervise',
      'start',
      'attach',
      'request_extension',
      'approve_extension',
      'resolve',
      'rate',
    ]);
    expect(all.find((h: { action: string }) => h.action === 'supervise')).toMatchObject({ byRole: `${township}领导`, note: '请抓紧' });
    expect((await env.call('GET', `/api/cases/${id}`, grid)).body.history).toHaveLength(all.length);
  });

  it('a result sent back for more work is told to the villager; a handler giving the case back to the village is not', async () => {
    const category = (await env.call('GET', '/api/case-categories', villager)).body.items.find((c: { type: string }) => c.type === 'incident').code;
    const id = (
      await env.call('POST', '/api/cases', villager, {
        type: 'incident',
        category,
        title: '路灯不亮',
        description: '村口路灯坏了。',
        regionId: env.seed.gridIds['孟家湾村/一组'],
      })
    ).body.id;
    await act(cadre, id, { action: 'accept' });
    await act(cadre, id, { action: 'dispatch', assigneeId: env.seed.users[PHONES.grid] });
    expect((await act(grid, id, { action: 'return', note: '需要电工，网格处理不了' })).status).toBe(200);
    await act(cadre, id, { action: 'resolve', note: '已更换灯泡，恢复照明' });
    expect((await act(cadre, id, { action: 'return', note: '灯杆线路也要检查' })).status).toBe(200);
    const mine = (await env.call('GET', `/api/cases/${id}`, villager)).body.history;
    expect(mine.map((h: { action: string }) => h.action)).toEqual(['report', 'accept', 'dispatch', 'resolve', 'return']);
    expect(mine[4]).toMatchObject({ from: 'resolved', byRole: '孟家湾村干部', note: '灯杆线路也要检查' });
  });
});
