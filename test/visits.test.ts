import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

let env: TestEnv;
let grid: string, cadre: string, otherCadre: string, admin: string;
const gridId = () => env.seed.gridIds['孟家湾村/一组'];
const FIVE = ['poor', 'elderly_alone', 'severe_disability', 'community_correction', 'notable'];

/** The residents of a grid carrying any of `tags`, straight from the registry tables. */
async function taggedIn(regionId: string, tags: string[]) {
  const rows = await env.ctx.db
    .selectFrom('resident_tags as t')
    .innerJoin('households as h', 'h.id', 't.household_id')
    .select('t.resident_id')
    .where('h.region_id', '=', regionId)
    .where('t.tag', 'in', tags)
    .execute();
  return [...new Set(rows.map((r) => r.resident_id))].sort();
}
const planOf = async (token: string, query: string) => (await env.call('GET', `/api/visits/plan?pageSize=200&${query}`, token)).body;

beforeAll(async () => {
  env = await startTestApp(); // 2026-11-27 10:00 Shanghai
  [grid, cadre, otherCadre, admin] = await Promise.all([PHONES.grid, PHONES.cadre, PHONES.otherCadre, PHONES.admin].map((p) => env.login(p)));
});
afterAll(async () => {
  await env?.close();
});

describe(`the monthly visit plan (五必访) on ${STORE}`, () => {
  it("holds exactly the grid's residents whose tags require a monthly visit", async () => {
    const want = await taggedIn(gridId(), FIVE);
    expect(want.length).toBeGreaterThan(0);
    const plan = await planOf(grid, `regionId=${gridId()}&month=2026-11`);
    expect(plan.items.map((i: any) => i.residentId).sort()).toEqual(want);
    expect(plan.items.every((i: any) => i.status === 'due' && i.periodKey === '2026-11' && i.reasons.length > 0)).toBe(true);
    // Reading it again adds nothing.
    expect((await planOf(grid, `regionId=${gridId()}&month=2026-11`)).total).toBe(want.length);
  });

  it('a household that moves to another grid takes its open items along', async () => {
    const item = (await planOf(grid, `regionId=${gridId()}&month=2026-11&status=due`)).items[0];
    const other = env.seed.gridIds['孟家湾村/二组'];
    expect((await env.call('PATCH', `/api/households/${item.householdId}`, cadre, { regionId: other })).status).toBe(200);
    expect((await planOf(cadre, `regionId=${other}&month=2026-11`)).items.map((i: any) => i.id)).toContain(item.id);
    expect((await planOf(cadre, `regionId=${gridId()}&month=2026-11`)).items.map((i: any) => i.id)).not.toContain(item.id);
    await env.call('PATCH', `/api/households/${item.householdId}`, cadre, { regionId: gridId() });
  });

  it("a visit completes the household's items; retried with its key it is recorded once", async () => {
    const item = (await planOf(grid, `regionId=${gridId()}&month=2026-11&status=due`)).items[0];
    const body = {
      householdId: item.householdId,
      residentId: item.residentId,
      method: 'home',
      situation: '老人身体尚好，家中取暖已准备。',
      needs: '希望帮忙申请临时救助',
      idempotencyKey: 'visit-key-0001',
    };
    const first = await env.call('POST', '/api/visits', grid, body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ visitDate: '2026-11-27', visitorName: '马丽娟', regionId: gridId(), location: null });
    expect((await env.call('POST', '/api/visits', grid, body)).body.id).toBe(first.body.id);
    const done = await planOf(grid, `regionId=${gridId()}&month=2026-11&status=done`);
    expect(done.items.map((i: any) => i.householdId)).toContain(item.householdId);
    expect(done.items.find((i: any) => i.id === item.id)).toMatchObject({ visitId: first.body.id, visitDate: '2026-11-27', visitorName: '马丽娟' });
    const log = await env.call('GET', `/api/visits?mine=true&month=2026-11`, grid);
    expect(log.body.items.filter((v: any) => v.id === first.body.id)).toHaveLength(1);
  });

  it('refuses bad input with clear reasons and keeps other villages out', async () => {
    const item = (await planOf(grid, `regionId=${gridId()}&month=2026-11&status=due`)).items[0];
    const bad = async (b: Record<string, unknown>) =>
      (await env.call('POST', '/api/visits', grid, { householdId: item.householdId, method: 'home', situation: '情况', ...b })).body.error?.code;
    expect(await bad({ situation: '  ' })).toBe('VALIDATION_FAILED');
    expect(await bad({ visitedAt: '2026-12-25T02:00:00Z' })).toBe('VALIDATION_FAILED');
    expect(await bad({ visitedAt: '2026-09-01T02:00:00Z' })).toBe('VALIDATION_FAILED');
    expect(await bad({ location: { latitude: 123, longitude: 0 } })).toBe('VALIDATION_FAILED');
    expect(await bad({ householdId: 'nope' })).toBe('UNKNOWN_HOUSEHOLD');
    // Another village's cadre sees neither the plan item nor may log a visit there.
    expect((await env.call('POST', '/api/visits', otherCadre, { householdId: item.householdId, method: 'home', situation: '越界' })).body.error.code).toBe(
      'UNKNOWN_HOUSEHOLD',
    );
    const v = (await env.call('GET', '/api/visits?mine=true', grid)).body.items[0];
    expect((await env.call('GET', `/api/visits/${v.id}`, otherCadre)).status).toBe(404);
    expect((await env.call('GET', `/api/visits/plan?regionId=${gridId()}`, otherCadre)).status).toBe(404);
  });

  it('转为事件: a visit that finds a problem becomes a case with its text, household and grid, linked both ways', async () => {
    const item = (await planOf(grid, `regionId=${gridId()}&month=2026-11&status=due`)).items[0];
    const v = (
      await env.call('POST', '/api/visits', grid, {
        householdId: item.householdId,
        method: 'home',
        situation: '房屋后墙出现裂缝，雨天漏水。',
        needs: '请村里帮忙联系危房鉴定',
        problem: true,
      })
    ).body;
    const made = await env.call('POST', `/api/visits/${v.id}/case`, grid, { category: 'safety_hazard' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      title: '房屋后墙出现裂缝，雨天漏水',
      source: 'visit',
      householdId: item.householdId,
      regionId: gridId(),
      status: 'reported',
      categoryName: '安全隐患',
      details: { visitId: v.id },
    });
    expect(made.body.description).toContain('房屋后墙出现裂缝，雨天漏水。');
    expect(made.body.description).toContain('请村里帮忙联系危房鉴定');
    const open = await planOf(grid, `regionId=${gridId()}&month=2026-11&status=open`);
    expect(open.items.every((i: any) => i.status !== 'done')).toBe(true);
    expect((await env.call('GET', `/api/visits/${v.id}`, grid)).body.caseId).toBe(made.body.id);
    // Converting again answers with the same case; the cadre finds it in the village's list.
    expect((await env.call('POST', `/api/visits/${v.id}/case`, grid, { category: 'safety_hazard' })).body.id).toBe(made.body.id);
    expect((await env.call('GET', `/api/cases/${made.body.id}`, cadre)).status).toBe(200);
    expect((await env.call('POST', `/api/visits/${v.id}/case`, grid, { category: 'no_such' })).body.id).toBe(made.body.id); // already linked: the same case
  });

  it("the household does not read the workers' notes; two people converting at once make one case", async () => {
    const villager = await env.login(PHONES.villager);
    expect((await env.call('GET', '/api/visits', villager)).body.total).toBe(0);
    expect((await env.call('GET', '/api/visits/plan', villager)).body.total).toBe(0);
    const mine = (await env.call('GET', '/api/visits?mine=true', grid)).body.items[0];
    expect((await env.call('GET', `/api/visits/${mine.id}`, villager)).status).toBe(404);
    expect((await env.call('GET', `/api/visits/ledger?month=2026-11`, villager)).status).toBe(200); // an empty ledger: nothing of theirs to read

    const item = (await planOf(grid, `regionId=${gridId()}&month=2026-11`)).items[0];
    const v = (
      await env.call('POST', '/api/visits', grid, { householdId: item.householdId, method: 'home', situation: '院墙倒塌一段，影响通行。', problem: true })
    ).body;
    const [a, b] = await Promise.all([
      env.call('POST', `/api/visits/${v.id}/case`, grid, { category: 'safety_hazard' }),
      env.call('POST', `/api/visits/${v.id}/case`, cadre, { category: 'safety_hazard' }),
    ]);
    expect(a.body.id).toBe(b.body.id);
    const made = await env.ctx.db.selectFrom('cases').select('id').where('description', 'like', '院墙倒塌一段%').execute();
    expect(made).toHaveLength(1);
  });

  it("progress by grid and person, and the month's ledger in Excel", async () => {
    const p = (await env.call('GET', `/api/visits/progress?regionId=${env.seed.villageIds.孟家湾村}&month=2026-11`, cadre)).body;
    const g = p.byGrid.find((x: any) => x.regionId === gridId());
    expect(g).toMatchObject({ workers: ['马丽娟'] });
    expect(g.done).toBeGreaterThanOrEqual(2);
    expect(g.total).toBe(g.done + g.due + g.overdue);
    expect(p.totals.total).toBe(p.byGrid.reduce((s: number, x: any) => s + x.total, 0));
    expect(p.byVisitor.find((x: any) => x.name === '马丽娟').visits).toBeGreaterThanOrEqual(2);
    const res = await env.app.inject({
      method: 'GET',
      url: `/api/visits/ledger?regionId=${gridId()}&month=2026-11`,
      headers: { authorization: `Bearer ${cadre}` },
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('走访台账')!;
    expect(ws.getCell(1, 1).value).toBe('一组网格2026年11月走访台账');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('一组网格-走访台账-2026-11.xlsx');
    const text: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => text.push(String(c.value ?? ''))));
    expect(text.join('|')).toContain('房屋后墙出现裂缝，雨天漏水。');
    expect(text.join('|')).toContain('马丽娟');
  });

  it('administrators add rules (e.g. veterans each quarter); others may not', async () => {
    expect((await env.call('POST', '/api/visit-rules', cadre, { name: '退役军人每季度走访', tag: 'veteran', frequency: 'quarterly' })).status).toBe(403);
    expect((await env.call('POST', '/api/visit-rules', admin, { name: '无效', tag: 'alien', frequency: 'monthly' })).status).toBe(400);
    const r = await env.call('POST', '/api/visit-rules', admin, { name: '退役军人每季度走访', tag: 'veteran', frequency: 'quarterly' });
    expect(r.status).toBe(201);
    const plan = await planOf(grid, `regionId=${gridId()}&month=2026-11`);
    const quarterly = plan.items.filter((i: any) => i.frequency === 'quarterly');
    expect(quarterly.map((i: any) => i.residentId).sort()).toEqual(await taggedIn(gridId(), ['veteran']));
    expect(quarterly.every((i: any) => i.periodKey === '2026-Q4' && i.periodEnd === '2026-12-31')).toBe(true);
    // Paused, its open items leave the plan.
    await env.call('PATCH', `/api/visit-rules/${r.body.id}`, admin, { active: false });
    expect((await planOf(grid, `regionId=${gridId()}&month=2026-11`)).items.some((i: any) => i.frequency === 'quarterly')).toBe(false);
    const builtin = (await env.call('GET', '/api/visit-rules', admin)).body.items.find((x: any) => x.builtin);
    expect((await env.call('PATCH', `/api/visit-rules/${builtin.id}`, admin, { frequency: 'weekly' })).body.error.code).toBe('VALIDATION_FAILED');
  });

  it('moving the clock past month end marks the unvisited ones overdue', async () => {
    const before = await planOf(grid, `regionId=${gridId()}&month=2026-11`);
    const done = before.items.filter((i: any) => i.status === 'done').length;
    env.clock.advance(new Date('2026-12-01T01:00:00Z').getTime() - env.clock.now().getTime());
    const fresh = await env.login(PHONES.grid, true);
    const after = await planOf(fresh, `regionId=${gridId()}&month=2026-11`);
    expect(after.total).toBe(before.total);
    expect(after.items.filter((i: any) => i.status === 'overdue')).toHaveLength(before.total - done);
    expect(after.items.filter((i: any) => i.status === 'done')).toHaveLength(done);
    // December has its own plan, all due.
    const dec = await planOf(fresh, `regionId=${gridId()}&month=2026-12`);
    expect(dec.items.every((i: any) => i.status === 'due' && i.periodKey === '2026-12')).toBe(true);
    expect(dec.total).toBe((await taggedIn(gridId(), FIVE)).length);
  });
});
