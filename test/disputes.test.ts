import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

let env: TestEnv;
let cadre: string, mediator: string, party: string, leader: string;
const act = (token: string, id: string, body: Record<string, unknown>) => env.call('POST', `/api/cases/${id}/transitions`, token, body);
async function xlsx(url: string, token: string) {
  const res = await env.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}
const cells = (ws: ExcelJS.Worksheet) => {
  const out: string[] = [];
  ws.eachRow((r) => r.eachCell((c) => out.push(String(c.value ?? ''))));
  return out.join('|');
};

beforeAll(async () => {
  env = await startTestApp();
  [cadre, mediator, party, leader] = await Promise.all([PHONES.cadre, PHONES.mediator, PHONES.party, PHONES.leader].map((p) => env.login(p)));
});
afterAll(async () => {
  await env?.close();
});

describe(`disputes (矛盾纠纷) on ${STORE}`, () => {
  it('go from 登记 to 调解 to 协议 to 回访 to 归档, and the case file and the ledger hold it', async () => {
    const village = env.seed.villageIds.孟家湾村;
    const bad = await env.call('POST', '/api/cases', cadre, {
      type: 'dispute',
      category: 'dsp_homestead',
      title: '宅基地界址纠纷',
      description: '两户因院墙界址发生争执。',
      regionId: village,
      details: { parties: [{ name: '王建国' }], riskLevel: 'medium' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/至少两方当事人/);
    const created = await env.call('POST', '/api/cases', cadre, {
      type: 'dispute',
      category: 'dsp_homestead',
      title: '宅基地界址纠纷',
      description: '王、李两户因院墙界址发生争执，已多次口角。',
      regionId: village,
      details: {
        parties: [
          { name: '王建国', phone: '13912340001', side: 'applicant' },
          { name: '李秀兰', side: 'respondent' },
        ],
        riskLevel: 'medium',
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    await act(cadre, id, { action: 'accept' });
    expect((await act(cadre, id, { action: 'dispatch', assigneeId: env.seed.users[PHONES.mediator] })).body.assigneeName).toBe('白世荣');
    expect((await act(mediator, id, { action: 'mediate', note: '第一次调解：双方陈述各自主张', place: '村委会调解室' })).status).toBe(200);
    expect((await act(mediator, id, { action: 'mediate' })).status).toBe(400);
    await act(mediator, id, { action: 'mediate', note: '第二次调解：现场丈量界址' });
    expect((await act(mediator, id, { action: 'resolve', note: '达成协议' })).body.error.message).toMatch(/调解结果/);
    const done = await act(mediator, id, { action: 'resolve', outcome: 'agreement', note: '以原界桩为准，李家后退院墙三十公分，王家承担一半费用。' });
    expect(done.body.status).toBe('resolved');
    expect((await act(mediator, id, { action: 'revisit', note: '一周后回访，双方履行协议，关系缓和。' })).status).toBe(200);
    await act(cadre, id, { action: 'rate', rating: 5 });
    const archived = await act(cadre, id, { action: 'archive' });
    expect(archived.body.history.map((h: any) => h.action)).toEqual([
      'report',
      'accept',
      'dispatch',
      'mediate',
      'mediate',
      'resolve',
      'revisit',
      'rate',
      'archive',
    ]);

    const file = await xlsx(`/api/cases/${id}/file`, cadre);
    expect(file.worksheets.map((w) => w.name)).toEqual(['案卷信息', '办理过程', '附件清单']);
    const facts = cells(file.getWorksheet('案卷信息')!);
    expect(facts).toContain('王建国（13912340001）；李秀兰');
    expect(facts).toContain('宅基地纠纷');
    const steps = cells(file.getWorksheet('办理过程')!);
    for (const s of ['上报', '受理', '派单', '调解', '地点：村委会调解室', '办结', '达成协议', '回访', '归档', '已受理 → 已派单']) expect(steps).toContain(s);

    const ledger = await xlsx(`/api/cases/disputes/ledger?regionId=${village}`, cadre);
    const ws = ledger.getWorksheet('矛盾纠纷台账')!;
    expect(ws.getRow(3).values).toEqual(expect.arrayContaining(['序号', '当事人', '调解结果', '回访情况']));
    const row = ws.getRow(4);
    expect(row.getCell(6).value).toBe('王建国、李秀兰');
    expect(row.getCell(8).value).toBe('中');
    expect(row.getCell(9).value).toBe('白世荣');
    expect(row.getCell(10).value).toBe(2);
    expect(row.getCell(11).value).toBe('达成协议');
    expect(String(row.getCell(14).value)).toContain('双方履行协议');
    expect(row.getCell(15).value).toBe('已归档');
    const other = await env.login(PHONES.otherCadre);
    const foreign = await xlsx(`/api/cases/disputes/ledger`, other);
    expect(foreign.getWorksheet('矛盾纠纷台账')!.rowCount).toBe(3); // title, summary and header only
  });
});

describe(`党员代办 on ${STORE}`, () => {
  it('records the six steps in order', async () => {
    const id = (
      await env.call('POST', '/api/cases', cadre, {
        type: 'service',
        category: 'svc_pension',
        title: '代办养老保险认证',
        description: '独居老人行动不便，需上门代办认证。',
        regionId: env.seed.gridIds['孟家湾村/一组'],
      })
    ).body.id;
    await act(cadre, id, { action: 'accept' });
    await act(cadre, id, { action: 'dispatch', assigneeId: env.seed.users[PHONES.party] });
    expect((await act(party, id, { action: 'step', step: '核实' })).body.error.message).toMatch(/下一步是“受理”/);
    for (const step of ['受理', '核实', '告知', '上报', '代理', '反馈']) expect((await act(party, id, { action: 'step', step, note: step })).status).toBe(200);
    expect((await act(party, id, { action: 'step', step: '反馈' })).status).toBe(409);
    expect((await act(party, id, { action: 'resolve', note: '已完成资格认证' })).body.status).toBe('resolved');
    const incident = (
      await env.call('POST', '/api/cases', cadre, {
        type: 'incident',
        category: 'env_dirty',
        title: 'x',
        description: 'x',
        regionId: env.seed.villageIds.孟家湾村,
      })
    ).body.id;
    await act(cadre, incident, { action: 'accept' });
    expect((await act(cadre, incident, { action: 'step', step: '受理' })).status).toBe(409); // steps belong to service requests
  });
});

describe(`小事不出村 on ${STORE}`, () => {
  it('counts cases resolved while the village was responsible against all resolved ones', async () => {
    const village = env.seed.villageIds.孟家湾村;
    const mk = async (title: string) =>
      (await env.call('POST', '/api/cases', cadre, { type: 'incident', category: 'facility_damage', title, description: title, regionId: village })).body.id;
    const a = await mk('村内解决');
    await act(cadre, a, { action: 'accept' });
    await act(cadre, a, { action: 'resolve', note: '已现场处理完毕' });
    const b = await mk('上交乡镇');
    await act(cadre, b, { action: 'accept' });
    await act(cadre, b, { action: 'escalate' });
    const staff = await env.login(PHONES.staff);
    await act(staff, b, { action: 'resolve', note: '已现场处理完毕' });
    const s = await env.call('GET', `/api/cases/stats?regionId=${village}`, leader);
    expect(s.status).toBe(200);
    expect(s.body.resolved).toBeGreaterThanOrEqual(2);
    expect(s.body.resolved - s.body.resolvedInVillage).toBeGreaterThanOrEqual(1);
    expect(s.body.villageRate).toBeCloseTo(s.body.resolvedInVillage / s.body.resolved, 3);
    expect(s.body.escalated).toBeGreaterThanOrEqual(1);
  });
});

describe(`attention and the notification gateway on ${STORE}`, () => {
  it('low ratings reach the level above, in its inbox, its attention list and the webhook gateway', async () => {
    const { setGateway } = await import('../src/modules/notifications/service.js');
    const sent: { userIds: string[]; title: string }[] = [];
    setGateway((userIds, n) => sent.push({ userIds, title: n.title }));
    try {
      const grid = await env.login(PHONES.grid);
      const id = (
        await env.call('POST', '/api/cases', grid, {
          type: 'incident',
          category: 'env_dirty',
          title: '处理不满意',
          description: 'x',
          regionId: env.seed.gridIds['孟家湾村/一组'],
        })
      ).body.id;
      await act(cadre, id, { action: 'accept' });
      await act(cadre, id, { action: 'resolve', note: '已现场处理完毕' });
      await act(grid, id, { action: 'rate', rating: 1, note: '垃圾还在' });
      const attention = await env.call('GET', '/api/cases?attention=true&pageSize=200', leader);
      expect(attention.body.items.map((c: any) => c.id)).toContain(id);
      const inbox = await env.call('GET', '/api/notifications?unread=true', leader);
      expect(inbox.body.items.some((n: any) => n.entityId === id && n.kind === 'rated')).toBe(true);
      // The gateway gets it from the outbox, after the write committed.
      await vi.waitFor(() => expect(sent.some((s) => s.title.includes('群众评价1星') && s.userIds.includes(env.seed.users[PHONES.leader]))).toBe(true));
      const read = await env.call('POST', '/api/notifications/read', leader, { all: true });
      expect(read.status).toBe(200);
      expect((await env.call('GET', '/api/notifications', leader)).body.unread).toBe(0);
    } finally {
      setGateway(null);
    }
  });
});

describe(`category settings on ${STORE}`, () => {
  it('admins add a 代办 item and retime it; it can then be reported; others may not', async () => {
    const admin = await env.login(PHONES.admin);
    const made = await env.call('POST', '/api/case-categories', admin, { type: 'service', name: '代缴水电费', group: '生活服务' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ type: 'service', name: '代缴水电费', group: '生活服务', acceptRed: 5, resolveRed: 10 });
    expect((await env.call('POST', '/api/case-categories', admin, { type: 'service', name: '代缴水电费' })).status).toBe(409);
    expect((await env.call('POST', '/api/case-categories', cadre, { type: 'service', name: '别的' })).status).toBe(403);
    const retimed = await env.call('PATCH', `/api/case-categories/${made.body.code}`, admin, { resolveYellow: 2, resolveRed: 3 });
    expect(retimed.body).toMatchObject({ resolveYellow: 2, resolveRed: 3 });
    expect((await env.call('PATCH', `/api/case-categories/${made.body.code}`, admin, { acceptYellow: 9, acceptRed: 3 })).status).toBe(400);
    const r = await env.call('POST', '/api/cases', cadre, {
      type: 'service',
      category: made.body.code,
      title: '代缴电费',
      description: '老人不会手机缴费',
      regionId: env.seed.villageIds.孟家湾村,
    });
    expect(r.status).toBe(201);
    expect(r.body.categoryName).toBe('代缴水电费');
  });
});
