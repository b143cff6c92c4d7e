// Closing with proof: 办结 states what was done (RESULT_REQUIRED below five characters), and a case dispatched to
// someone who has not started it is theirs to close — the level's cadre gets 409 HANDLER_NOT_STARTED until the
// handler starts it or returns it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';
import { multipart, PNG } from './uploads.js';

let env: TestEnv;
let grid: string, cadre: string;
const act = (token: string, id: string, body: Record<string, unknown>) => env.call('POST', `/api/cases/${id}/transitions`, token, body);

async function accepted(category = 'facility_damage') {
  const r = await env.call('POST', '/api/cases', grid, {
    type: 'incident',
    category,
    title: '村委会门口路灯不亮',
    description: '路灯已经三个晚上不亮了。',
    regionId: env.seed.gridIds['孟家湾村/一组'],
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  expect((await act(cadre, r.body.id, { action: 'accept' })).status).toBe(200);
  return r.body.id as string;
}

beforeAll(async () => {
  env = await startTestApp();
  [grid, cadre] = await Promise.all([env.login(PHONES.grid), env.login(PHONES.cadre)]);
});
afterAll(async () => {
  await env?.close();
});

describe(`closing a case with proof on ${STORE}`, () => {
  it('办结 without a result, or with fewer than five characters of it, is refused and changes nothing', async () => {
    const id = await accepted();
    for (const note of [undefined, '', '   ', '已修好了']) {
      const r = await act(cadre, id, { action: 'resolve', ...(note === undefined ? {} : { note }) });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('RESULT_REQUIRED');
      expect(r.body.error.message).toContain('至少5个字');
      expect(r.body.error.message).toMatch(/at least 5 characters/);
    }
    const still = await env.call('GET', `/api/cases/${id}`, cadre);
    expect(still.body.status).toBe('accepted');
    expect(still.body.history.map((h: { action: string }) => h.action)).toEqual(['report', 'accept']);
    const done = await act(cadre, id, { action: 'resolve', note: '已更换灯泡' });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('resolved');
    expect(done.body.history.at(-1)).toMatchObject({ action: 'resolve', note: '已更换灯泡' });
  });

  it('a case dispatched to a grid worker who has not started it is hers to close: the cadre gets 409 and no 办结 button', async () => {
    const id = await accepted();
    const d = await act(cadre, id, { action: 'dispatch', assigneeId: env.seed.users[PHONES.grid] });
    expect(d.body.status).toBe('dispatched');
    expect(d.body.actions).not.toContain('resolve');
    const refused = await act(cadre, id, { action: 'resolve', note: '已经让人修好了路灯' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('HANDLER_NOT_STARTED');
    expect(refused.body.error.message).toContain('经办人');
    expect((await env.call('GET', `/api/cases/${id}`, grid)).body.actions).toContain('resolve');
    // Once she has started it, the cadre may close it for her.
    expect((await act(grid, id, { action: 'start' })).body.status).toBe('in_progress');
    expect((await env.call('GET', `/api/cases/${id}`, cadre)).body.actions).toContain('resolve');
    expect((await act(cadre, id, { action: 'resolve', note: '网格员已联系电工更换灯泡' })).body.status).toBe('resolved');
  });

  it('a dispatched case returned to the level is the cadre’s to close again; the handler may close it unstarted herself', async () => {
    const back = await accepted();
    await act(cadre, back, { action: 'dispatch', assigneeId: env.seed.users[PHONES.grid] });
    expect((await act(grid, back, { action: 'return', note: '不属于本网格，请村里处理' })).body.status).toBe('accepted');
    expect((await act(cadre, back, { action: 'resolve', note: '村里已安排电工维修' })).body.status).toBe('resolved');

    const own = await accepted();
    await act(cadre, own, { action: 'dispatch', assigneeId: env.seed.users[PHONES.grid] });
    expect((await act(grid, own, { action: 'resolve', note: '已报修并亮灯' })).body.status).toBe('resolved');
  });
});

/** Uploads pictures (and files) to a case as `token`; returns the stored attachments. */
async function attach(token: string, id: string, files: { name: string; type: string; data: Buffer }[]) {
  const up = multipart(files);
  const res = await env.app.inject({
    method: 'POST',
    url: `/api/cases/${id}/attachments`,
    headers: { ...up.headers, authorization: `Bearer ${token}` },
    payload: up.payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return JSON.parse(res.body).items as { id: string }[];
}
const png = (name: string) => ({ name, type: 'image/png', data: PNG });
const minute = () => env.clock.advance(60_000);

describe(`待办 on ${STORE}: the most urgent first, with the time left in words`, () => {
  it('红牌, then 黄牌, then the nearest due time; finished cases are not there', async () => {
    const make = async (title: string) => {
      const r = await env.call('POST', '/api/cases', grid, {
        type: 'incident',
        category: 'facility_damage',
        title,
        description: '待办排序用例。',
        regionId: env.seed.gridIds['孟家湾村/一组'],
      });
      return r.body.id as string;
    };
    const [later, red, soon, yellow, finished] = [
      await make('待办-晚到期'),
      await make('待办-红牌'),
      await make('待办-早到期'),
      await make('待办-黄牌'),
      await make('待办-已驳回'),
    ];
    // Cards and due times as the sweeper would have left them (the test's clock is Friday 2026-11-27 10:00).
    const set = (id: string, card: string | null, red_at: string) => env.ctx.db.updateTable('cases').set({ card, red_at }).where('id', '=', id).execute();
    await set(later, null, '2026-12-08T02:00:00.000Z');
    await set(soon, null, '2026-12-01T02:00:00.000Z');
    await set(yellow, 'yellow', '2026-12-04T02:00:00.000Z');
    await set(red, 'red', '2026-11-25T02:00:00.000Z');
    expect((await act(cadre, finished, { action: 'reject', note: '不属于本村管辖范围' })).body.status).toBe('rejected');

    const todo = await env.call('GET', '/api/cases?box=todo&pageSize=100', cadre);
    const mine = todo.body.items.filter((c: { title: string }) => c.title.startsWith('待办-'));
    expect(mine.map((c: { title: string }) => c.title)).toEqual(['待办-红牌', '待办-黄牌', '待办-早到期', '待办-晚到期']);
    expect(mine.map((c: { timeLeft: string }) => c.timeLeft)).toEqual(['已超期2天', '剩5个工作日', '剩2个工作日', '剩7个工作日']);
    // Every other list keeps the newest report first.
    const all = (await env.call('GET', '/api/cases?pageSize=100', cadre)).body.items.filter((c: { title: string }) => c.title.startsWith('待办-'));
    expect(all.map((c: { title: string }) => c.title)).toEqual(['待办-已驳回', '待办-黄牌', '待办-早到期', '待办-红牌', '待办-晚到期']);
  });
});

describe(`办结须附照片 (requireResultPhoto) on ${STORE}`, () => {
  it('is set on the category by an administrator only; off by default', async () => {
    const admin = await env.login(PHONES.admin);
    const before = (await env.call('GET', '/api/case-categories', cadre)).body.items.find((c: { code: string }) => c.code === 'env_dirty');
    expect(before.requireResultPhoto).toBe(false);
    expect((await env.call('PATCH', '/api/case-categories/env_dirty', cadre, { requireResultPhoto: true })).status).toBe(403);
    const on = await env.call('PATCH', '/api/case-categories/env_dirty', admin, { requireResultPhoto: true });
    expect(on.status).toBe(200);
    expect(on.body.requireResultPhoto).toBe(true);
  });

  it('refuses 办结 without a photo of the result (400 RESULT_PHOTO_REQUIRED), in Chinese and English, changing nothing', async () => {
    const id = await accepted('env_dirty');
    const r = await act(cadre, id, { action: 'resolve', note: '已组织保洁员清理干净' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('RESULT_PHOTO_REQUIRED');
    expect(r.body.error.message).toContain('人居环境脏乱');
    expect(r.body.error.message).toMatch(/photo/);
    expect((await env.call('GET', `/api/cases/${id}`, cadre)).body.status).toBe('accepted');
    // The result in words is still checked first.
    expect((await act(cadre, id, { action: 'resolve', note: '已清理' })).body.error.code).toBe('RESULT_REQUIRED');
    // A PDF is not a photo of the result.
    expect(
      (
        await act(cadre, id, {
          action: 'resolve',
          note: '已组织保洁员清理干净',
          photoIds: (await attach(cadre, id, [{ name: '说明.pdf', type: 'application/pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n') }])).map((a) => a.id),
        })
      ).body.error.code,
    ).toBe('UNKNOWN_PHOTO');
  });

  it('named photos must be pictures of this case: another case’s photo, a repeat or a tenth photo is refused', async () => {
    const id = await accepted('env_dirty');
    const other = await accepted('env_dirty');
    const [foreign] = await attach(cadre, other, [png('别的事件.png')]);
    const [mine] = await attach(cadre, id, [png('清理后.png')]);
    for (const photoIds of [[foreign.id], [mine.id, mine.id], ['no-such-file']]) {
      const r = await act(cadre, id, { action: 'resolve', note: '已组织保洁员清理干净', photoIds });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('UNKNOWN_PHOTO');
    }
    const ten = await act(cadre, id, { action: 'resolve', note: '已组织保洁员清理干净', photoIds: Array.from({ length: 10 }, () => mine.id) });
    expect(ten.status).toBe(400);
    expect((await env.call('GET', `/api/cases/${id}`, cadre)).body.status).toBe('accepted');
  });

  it('with photos named, the case resolves and shows the before and after photos side by side to the villager', async () => {
    const id = await accepted('env_dirty');
    const [found] = await attach(grid, id, [png('发现时.png')]);
    minute();
    const after = await attach(grid, id, [png('清理后1.png'), png('清理后2.png')]);
    const done = await act(cadre, id, { action: 'resolve', note: '已组织保洁员清理干净', photoIds: after.map((a) => a.id) });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.history.at(-1)).toMatchObject({ action: 'resolve', data: { photoIds: after.map((a) => a.id) } });
    expect(done.body.photos).toEqual({ before: [found.id], after: after.map((a) => a.id) });
    // Sent back to be redone, the old result photos no longer count as the result.
    const back = await act(cadre, id, { action: 'return', note: '照片看不清，请重新清理' });
    expect(back.body.status).toBe('in_progress');
    expect(back.body.photos).toEqual({ before: [found.id], after: [] });
  });

  it('without photoIds, the pictures attached since the case was accepted are its result (CONTRACT); earlier ones are not', async () => {
    const r = await env.call('POST', '/api/cases', grid, {
      type: 'incident',
      category: 'env_dirty',
      title: '二组路口垃圾堆放',
      description: '路口堆了很多生活垃圾。',
      regionId: env.seed.gridIds['孟家湾村/一组'],
    });
    const [found] = await attach(grid, r.body.id, [png('发现时.png')]);
    minute();
    await act(cadre, r.body.id, { action: 'accept' });
    expect((await act(cadre, r.body.id, { action: 'resolve', note: '已组织保洁员清理干净' })).body.error.code).toBe('RESULT_PHOTO_REQUIRED');
    minute();
    const [after] = await attach(cadre, r.body.id, [png('清理后.png')]);
    const done = await act(cadre, r.body.id, { action: 'resolve', note: '已组织保洁员清理干净' });
    expect(done.status).toBe(200);
    expect(done.body.photos).toEqual({ before: [found.id], after: [after.id] });
  });

  it('a category without the setting resolves without photos', async () => {
    const id = await accepted('facility_damage');
    const done = await act(cadre, id, { action: 'resolve', note: '已更换灯泡并试亮' });
    expect(done.status).toBe(200);
    expect(done.body.photos).toEqual({ before: [], after: [] });
  });
});

describe(`派单 on ${STORE}: whom to offer first`, () => {
  it('the case’s own grid worker comes first, marked; then the others and the township’s 站所', async () => {
    const id = await accepted();
    const r = await env.call('GET', `/api/cases/${id}/assignees`, cadre);
    expect(r.status).toBe(200);
    expect(r.body.items[0]).toMatchObject({ userId: env.seed.users[PHONES.grid], role: 'grid_worker', suggested: 'grid' });
    expect(r.body.items.slice(1).every((x: { suggested: string | null }) => x.suggested !== 'grid')).toBe(true);
    // The villager who reported nothing here never sees the staff list.
    expect((await env.call('GET', `/api/cases/${id}/assignees`, await env.login(PHONES.villager))).status).toBe(404);
  });
});

describe(`待办 on ${STORE}: only what waits for the caller's own step`, () => {
  it('a case resolved and waiting for its rating leaves the cadre’s 待办, comes back rated (归档), and leaves for good archived', async () => {
    const id = await accepted();
    const inTodo = async () => ((await env.call('GET', '/api/cases?box=todo&pageSize=100', cadre)).body.items as { id: string }[]).some((c) => c.id === id);
    expect(await inTodo()).toBe(true);
    await act(cadre, id, { action: 'resolve', note: '已更换灯泡并试亮' });
    expect(await inTodo()).toBe(false);
    await act(grid, id, { action: 'rate', rating: 5 });
    expect(await inTodo()).toBe(true);
    await act(cadre, id, { action: 'archive' });
    expect(await inTodo()).toBe(false);
    expect(
      ((await env.call('GET', '/api/cases?box=todo&pageSize=100', grid)).body.items as { status: string }[]).every(
        (c) => !['resolved', 'rated', 'archived', 'rejected'].includes(c.status),
      ),
    ).toBe(true);
  });
});
