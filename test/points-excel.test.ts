// The points Excel files (rule catalog template, export, import; the 积分台账), corrections
// and the consistency check with its CLI, against the store named by XZ_TEST_DB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { XLSX_MIME } from '../src/http/downloads.js';
import { takeEffect } from '../src/modules/points/service.js';
import { householdBriefs } from '../src/modules/people/service.js';
import { checkPoints } from '../src/server/check-points.js';
import { ENTRY_HEADERS, SUMMARY_HEADERS } from '../src/modules/points/ledger-excel.js';
import { RULE_COLUMNS } from '../src/modules/points/catalog-sheet.js';
import { PG_URL, PHONES, STORE, startTestApp, type TestEnv } from './harness.js';

let env: TestEnv;
let cadre: string, otherCadre: string, leader: string, grid: string, villager: string, supervisor: string, admin: string;
let village: string, other: string, township: string, villagePath: string, otherPath: string;
let neighbour: string, otherHousehold: string;
const hh = () => env.seed.villagerHouseholdId;
const HEADERS = RULE_COLUMNS.map((c) => c.header);

beforeAll(async () => {
  env = await startTestApp();
  [cadre, otherCadre, leader, grid, villager, supervisor, admin] = await Promise.all(
    [PHONES.cadre, PHONES.otherCadre, PHONES.leader, PHONES.grid, PHONES.villager, PHONES.supervisor, PHONES.admin].map((p) => env.login(p)),
  );
  village = env.seed.villageIds.孟家湾村;
  other = env.seed.villageIds.圪求河村;
  township = env.seed.townshipId;
  const pathOf = async (id: string) => (await env.ctx.db.selectFrom('regions').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;
  [villagePath, otherPath] = [await pathOf(village), await pathOf(other)];
  const firstIn = async (path: string, not = '') =>
    (
      await env.ctx.db
        .selectFrom('households')
        .select('id')
        .where('region_path', 'like', `${path}%`)
        .where('id', '!=', not)
        .orderBy('id')
        .executeTakeFirstOrThrow()
    ).id;
  neighbour = await firstIn(villagePath, hh());
  otherHousehold = await firstIn(otherPath);
}, 120_000);
afterAll(async () => {
  await env?.close();
});

function multipart(data: Buffer, filename: string) {
  const boundary = `----xz${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${XLSX_MIME}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
async function upload(token: string, query: string, data: Buffer, filename = '积分规则.xlsx') {
  const m = multipart(data, filename);
  const res = await env.app.inject({
    method: 'POST',
    url: `/api/points/rules/import?${query}`,
    headers: { ...m.headers, authorization: `Bearer ${token}` },
    payload: m.payload,
  });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}
async function download(token: string, url: string) {
  const res = await env.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  return { res, wb: res.statusCode === 200 ? await new ExcelJS.Workbook().xlsx.load(res.rawPayload as unknown as ArrayBuffer) : null };
}
/** A catalog sheet with our headers and these rows (cells in column order). */
async function catalogFile(rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('积分规则');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const values = (ws: ExcelJS.Worksheet, row: number) =>
  (ws.getRow(row).values as unknown[])
    .slice(1)
    .map((v) => (v && typeof v === 'object' && 'richText' in v ? (v as any).richText.map((t: any) => t.text).join('') : v));
const ownRules = async (regionId: string) =>
  Number(
    (
      await env.ctx.db
        .selectFrom('point_rules')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('region_id', '=', regionId)
        .executeTakeFirstOrThrow()
    ).n,
  );
const audited = async (action: string) =>
  Number(
    (
      await env.ctx.db
        .selectFrom('audit_log')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('action', '=', action)
        .executeTakeFirstOrThrow()
    ).n,
  );
/** A rule as the catalog compares it, without who keeps it. */
const essence = (r: any) => ({
  code: r.code,
  name: r.name,
  category: r.category,
  value: r.value,
  cap: r.cap,
  capPeriod: r.capPeriod,
  proposers: r.proposers,
  needsApproval: r.needsApproval,
  description: r.description,
});
const catalogOf = async (token: string, regionId: string) =>
  (await env.call('GET', `/api/points/rules?regionId=${regionId}`, token)).body.items.map(essence).sort((a: any, b: any) => a.code.localeCompare(b.code));

describe(`points Excel on ${STORE}`, () => {
  let exported: Buffer;
  let hj01: string;

  it('the template has the headers, two example rows it refuses to import, and a sheet explaining the columns', async () => {
    const { res, wb } = await download(cadre, '/api/points/rules/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(wb!.worksheets.map((w) => w.name)).toEqual(['积分规则', '填写说明']);
    const ws = wb!.getWorksheet('积分规则')!;
    expect(values(ws, 1)).toEqual(HEADERS);
    expect(values(ws, 2).slice(0, 4)).toEqual(['HJ01', '门前三包落实到位', '人居环境', 5]);
    expect(wb!.getWorksheet('填写说明')!.getColumn(1).values).toEqual(expect.arrayContaining(['编号', '封顶周期', '可提议人', '需审核']));
    const r = await upload(cadre, `regionId=${village}`, Buffer.from(await wb!.xlsx.writeBuffer()));
    expect(r.status).toBe(422);
    expect(r.body.error.details.problems.map((p: any) => p.row)).toEqual([2, 3]);
    expect(r.body.error.details.problems[0].message).toMatch(/第2行是模板中的示例/);
  });

  it('exports the rules that apply in a village, own and inherited, naming who keeps each; audited', async () => {
    expect(
      (
        await env.call('POST', '/api/points/rules', leader, {
          regionId: township,
          code: 'ZZ01',
          name: '参加乡镇组织的义务劳动',
          category: '志愿服务',
          value: 3,
        })
      ).status,
    ).toBe(201);
    const made = await Promise.all(
      [
        { code: 'HJ01', name: '门前三包落实到位', category: '人居环境', value: 5, cap: 10, capPeriod: 'month' },
        {
          code: 'XL01',
          name: '孝敬老人被评为好儿媳',
          category: '孝老爱亲',
          value: 8,
          cap: 16,
          capPeriod: 'year',
          proposers: ['cadre', 'grid', 'villager'],
          needsApproval: false,
          description: '须有邻里证明',
        },
        { code: 'WF01', name: '焚烧秸秆', category: '遵纪守法', value: -10, proposers: ['cadre'] },
      ].map((b) => env.call('POST', '/api/points/rules', cadre, { regionId: village, ...b })),
    );
    expect(made.map((m) => m.status)).toEqual([201, 201, 201]);
    hj01 = made[0].body.id;

    const before = await audited('point_rule.export');
    const { res, wb } = await download(cadre, `/api/points/rules/export?regionId=${village}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('积分规则_孟家湾村.xlsx')}`);
    const ws = wb!.getWorksheet('积分规则')!;
    expect(String(values(ws, 1)[0])).toMatch(/^孟家湾村积分规则/);
    expect(values(ws, 2)).toEqual([...HEADERS, '来源']);
    const rows = [3, 4, 5, 6].map((r) => values(ws, r));
    expect(rows.map((r) => [r[0], r[9]]).sort()).toEqual([
      ['HJ01', '孟家湾村'],
      ['WF01', '孟家湾村'],
      ['XL01', '孟家湾村'],
      ['ZZ01', '孟家湾乡'],
    ]);
    expect(rows.find((r) => r[0] === 'XL01')).toEqual([
      'XL01',
      '孝敬老人被评为好儿媳',
      '孝老爱亲',
      8,
      16,
      '年',
      '村干部、网格员、村民',
      '否',
      '须有邻里证明',
      '孟家湾村',
    ]);
    expect(rows.find((r) => r[0] === 'WF01')!.slice(3, 8)).toEqual([-10, undefined, undefined, '村干部', '是']);
    expect(ws.rowCount).toBe(6);
    expect(await audited('point_rule.export')).toBe(before + 1);
    exported = res.rawPayload;
    // Another village's cadre cannot read this village's catalog.
    expect((await download(otherCadre, `/api/points/rules/export?regionId=${village}`)).res.statusCode).toBe(404);
  });

  it("imports the export into another village: the same rules apply there (the township's once), dry run first", async () => {
    const dry = await upload(otherCadre, `regionId=${other}&dryRun=true`, exported);
    expect(dry).toMatchObject({ status: 200, body: { dryRun: true, totalRows: 4, created: 3, updated: 0, unchanged: 0, inherited: 1, problems: [] } });
    expect(await ownRules(other)).toBe(0);

    const before = await audited('point_rule.import');
    const done = await upload(otherCadre, `regionId=${other}`, exported);
    expect(done).toMatchObject({ status: 200, body: { dryRun: false, created: 3, updated: 0, inherited: 1, problems: [] } });
    expect(await ownRules(other)).toBe(3);
    expect(await audited('point_rule.import')).toBe(before + 1);
    expect(await catalogOf(otherCadre, other)).toEqual(await catalogOf(cadre, village));

    // The same file again changes nothing.
    expect((await upload(otherCadre, `regionId=${other}`, exported)).body).toMatchObject({ created: 0, updated: 0, unchanged: 3, inherited: 1 });
    expect(await ownRules(other)).toBe(3);
  });

  it("an edited file updates the village's codes; awards already proposed keep their value", async () => {
    const award = (await env.call('POST', '/api/points/awards', grid, { householdId: hh(), ruleId: hj01, note: '门前整洁' })).body;
    expect(award).toMatchObject({ status: 'pending', value: 5 });

    const wb = await new ExcelJS.Workbook().xlsx.load(exported as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('积分规则')!;
    const row = [3, 4, 5, 6].find((r) => ws.getRow(r).getCell(1).value === 'HJ01')!;
    ws.getRow(row).getCell(4).value = '+6';
    ws.addRow(['HJ09', '庭院美化', '人居环境', 2, '', '', '村干部、网格员', '是', '']);
    const r = await upload(cadre, `regionId=${village}`, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r).toMatchObject({ status: 200, body: { created: 1, updated: 1, unchanged: 2, inherited: 1, problems: [] } });

    expect((await env.call('GET', `/api/points/awards/${award.id}`, cadre)).body.value).toBe(5);
    expect((await env.call('POST', '/api/points/awards', grid, { householdId: hh(), ruleId: hj01 })).body.value).toBe(6);
    const codes = (await env.call('GET', `/api/points/rules?regionId=${village}`, cadre)).body.items.map((x: any) => x.code);
    expect(codes).toContain('HJ09');
    // The other village's copy is its own: unchanged.
    expect((await catalogOf(otherCadre, other)).find((x: any) => x.code === 'HJ01').value).toBe(5);
    // Approve the first award for the ledger below.
    expect((await env.call('POST', `/api/points/awards/${award.id}/approve`, cadre, {})).body.status).toBe('publicized');
  });

  it('bad rows are reported with their row numbers and nothing is written', async () => {
    const file = await catalogFile([
      ['NEW1', '清理河道垃圾', '人居环境', 3, '', '', '', '', ''], // 2: good
      ['NEW2', '赡养老人', '孝顺', 5, '', '', '', '', ''], // 3: unknown category
      ['NEW3', '零分项', '人居环境', 0, '', '', '', '', ''], // 4: zero
      ['NEW4', '分值写错', '人居环境', 'abc', '', '', '', '', ''], // 5: not a number
      ['NEW5', '只有封顶', '人居环境', 2, 10, '', '', '', ''], // 6: cap without period
      ['NEW1', '编号重复', '人居环境', 2, '', '', '', '', ''], // 7: code repeated
      ['NEW6', '申报人写错', '人居环境', 2, '', '', '书记', '也许', ''], // 8: proposer and approval
      ['ZZ01', '参加乡镇组织的义务劳动', '志愿服务', 9, '', '', '', '', ''], // 9: clashes with the township's rule
      ['', '', '', 101, '', '', '', '', ''], // 10: no code, name, category; value out of range
    ]);
    const before = await ownRules(village);
    const r = await upload(cadre, `regionId=${village}`, file);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('IMPORT_HAS_ERRORS');
    const problems: { row: number; message: string }[] = r.body.error.details.problems;
    expect([...new Set(problems.map((p) => p.row))]).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(problems.every((p) => p.message.startsWith(`第${p.row}行`))).toBe(true);
    const text = problems.map((p) => p.message).join('\n');
    for (const m of [
      '“孝顺”不是可用的类别',
      '分值须在-100至100之间',
      '“abc”不是整数',
      '须填写封顶周期',
      '与第2行重复',
      '不认识“书记”',
      '请填“是”或“否”',
      '孟家湾乡制定的规则',
      '请填写编号',
    ])
      expect(text).toContain(m);
    expect(await ownRules(village)).toBe(before);

    const dry = await upload(cadre, `regionId=${village}&dryRun=true`, file);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, created: 1 });
    expect(dry.body.problems).toEqual(problems);
    expect(await ownRules(village)).toBe(before);
  });

  it('only the village committee or the township imports, into a village or township, and only .xlsx', async () => {
    const file = await catalogFile([['T1', '测试', '人居环境', 1, '', '', '', '', '']]);
    expect((await upload(grid, `regionId=${env.seed.gridIds['孟家湾村/一组']}`, file)).status).toBe(403);
    expect((await upload(supervisor, `regionId=${village}`, file)).status).toBe(403);
    expect((await upload(otherCadre, `regionId=${village}`, file)).status).toBe(404);
    expect((await upload(cadre, `regionId=${township}`, file)).status).toBe(404);
    expect((await upload(leader, `regionId=${township}&dryRun=true`, file)).body).toMatchObject({ created: 1, problems: [] });
    expect((await upload(cadre, `regionId=${village}`, Buffer.from('编号,名称'), 'rules.csv')).body.error.code).toBe('IMPORT_INVALID_FILE');
    expect((await upload(cadre, `regionId=${village}`, Buffer.from('not a zip at all'))).body.error.code).toBe('IMPORT_INVALID_FILE');
    const noHeader = new ExcelJS.Workbook();
    noHeader.addWorksheet('Sheet1').addRow(['随便', '什么']);
    const r = await upload(cadre, `regionId=${village}`, Buffer.from(await noHeader.xlsx.writeBuffer()));
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/缺少必需的列：编号、名称、类别、分值/);
  });
});

describe(`the 积分台账 export on ${STORE}`, () => {
  let firstDay: string;

  beforeAll(async () => {
    // Day one: corrections here and in the other village; five days later the award takes effect.
    firstDay = '2026-11-27';
    expect((await env.call('POST', '/api/points/corrections', cadre, { householdId: hh(), delta: 30, reason: '补记上月漏登的积分' })).status).toBe(201);
    expect((await env.call('POST', '/api/points/corrections', cadre, { householdId: hh(), delta: -4, reason: '重复登记，扣回' })).status).toBe(201);
    expect((await env.call('POST', '/api/points/corrections', cadre, { householdId: neighbour, delta: 12, reason: '补记' })).status).toBe(201);
    expect((await env.call('POST', '/api/points/corrections', otherCadre, { householdId: otherHousehold, delta: 7, reason: '补记' })).status).toBe(201);
    env.clock.advance(6 * 86_400_000);
    expect(await takeEffect(env.ctx)).toBe(1);
  });

  const sumOf = async (path: string, fromDay?: string) => {
    let q = env.ctx.db.selectFrom('point_entries').select(['delta']).where('region_path', 'like', `${path}%`);
    if (fromDay) q = q.where('at', '>=', new Date(`${fromDay}T00:00:00+08:00`).toISOString());
    const rows = await q.execute();
    return { count: rows.length, sum: rows.reduce((s, r) => s + r.delta, 0) };
  };
  /** Data rows of a sheet: between the header (row 3) and the first empty row. */
  const dataRows = (ws: ExcelJS.Worksheet) => {
    const out: unknown[][] = [];
    for (let r = 4; r <= ws.rowCount && ws.getRow(r).getCell(1).value != null; r++) out.push(values(ws, r));
    return out;
  };

  it('sheet 1 lists every entry of the village with the expected headers; 分值 sums to the entries; audited', async () => {
    const head = (await householdBriefs(env.ctx, [hh()])).get(hh())!;
    const before = await audited('point_entry.export');
    const { res, wb } = await download(cadre, `/api/points/ledger/export?regionId=${village}&from=2026-11-01&to=2026-12-31`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('积分台账_孟家湾村_2026-11-01_2026-12-31.xlsx'));
    expect(wb!.worksheets.map((w) => w.name)).toEqual(['积分台账', '户积分汇总']);
    const ws = wb!.getWorksheet('积分台账')!;
    expect(values(ws, 1)[0]).toBe('孟家湾村积分台账（2026年11月1日至2026年12月31日）');
    expect(values(ws, 3)).toEqual([...ENTRY_HEADERS]);
    const rows = dataRows(ws);
    const truth = await sumOf(villagePath);
    expect(rows).toHaveLength(truth.count);
    expect(rows.reduce((s, r) => s + (r[7] as number), 0)).toBe(truth.sum);
    expect(truth.sum).toBe(30 - 4 + 12 + 5);
    const cadreName = (await env.ctx.db.selectFrom('users').select('name').where('phone', '=', PHONES.cadre).executeTakeFirstOrThrow()).name;
    expect(rows.find((r) => r[7] === 30)).toMatchObject({
      0: firstDay,
      2: head.headName,
      3: head.address,
      5: '积分更正',
      8: '补记上月漏登的积分',
      9: cadreName,
    });
    expect(rows.findIndex((r) => r[5] === '规则积分')).toBe(rows.length - 1);
    const award = rows.find((r) => r[5] === '规则积分')!;
    expect(award).toMatchObject({ 0: '2026-12-03', 6: '门前三包落实到位', 7: 5, 8: '门前整洁' });
    expect(String(award[1])).toMatch(/网格|组/);
    expect(rows.every((r) => typeof r[2] === 'string' && (r[2] as string).length > 0 && typeof r[3] === 'string')).toBe(true);
    expect(String(values(ws, 2)[0])).toContain(`共 ${truth.count} 条记录`);
    expect(await audited('point_entry.export')).toBe(before + 1);
  });

  it('sheet 2 gives each household its opening, earned, used and closing points around the period', async () => {
    const { wb } = await download(cadre, `/api/points/ledger/export?regionId=${village}&from=2026-11-28&to=2026-12-31`);
    const entries = dataRows(wb!.getWorksheet('积分台账')!);
    expect(entries.map((r) => r[5])).toEqual(['规则积分']);
    const ws = wb!.getWorksheet('户积分汇总')!;
    expect(values(ws, 3)).toEqual([...SUMMARY_HEADERS]);
    const rows = dataRows(ws);
    const total = rows.at(-1)!;
    const households = rows.slice(0, -1);
    expect(total[0]).toBe('合计');
    const villageHouseholds = Number(
      (
        await env.ctx.db
          .selectFrom('households')
          .select((e) => e.fn.countAll<number>().as('n'))
          .where('region_path', 'like', `${villagePath}%`)
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(households).toHaveLength(villageHouseholds);
    for (const r of households) expect(r[6]).toBe((r[3] as number) + (r[4] as number) - (r[5] as number));
    expect(households.reduce((s, r) => s + (r[6] as number) - (r[3] as number), 0)).toBe(entries.reduce((s, r) => s + (r[7] as number), 0));
    const head = (await householdBriefs(env.ctx, [hh()])).get(hh())!;
    const mine = households.find((r) => r[1] === head.headName && r[2] === head.address)!;
    const balance = (await env.call('GET', `/api/households/${hh()}/points`, cadre)).body.balance;
    expect(mine.slice(3)).toEqual([26, 5, 0, balance]);
    expect(total.slice(3)).toEqual([38, 5, 0, 43]);
  });

  it("the township's 台账 holds every village, grids named with their village", async () => {
    const { res, wb } = await download(leader, `/api/points/ledger/export?regionId=${township}&from=2026-11-01&to=2026-12-31`);
    expect(res.statusCode).toBe(200);
    const rows = dataRows(wb!.getWorksheet('积分台账')!);
    const truth = await sumOf((await env.ctx.db.selectFrom('regions').select('path').where('id', '=', township).executeTakeFirstOrThrow()).path);
    expect(rows.reduce((s, r) => s + (r[7] as number), 0)).toBe(truth.sum);
    expect(rows.some((r) => String(r[1]).startsWith('圪求河村/'))).toBe(true);
    expect(rows.some((r) => String(r[1]).startsWith('孟家湾村/'))).toBe(true);
  });

  it("the ledger is for the area's cadres and registry readers; dates are checked", async () => {
    const gridId = env.seed.gridIds['孟家湾村/一组'];
    expect((await download(villager, `/api/points/ledger/export?regionId=${gridId}`)).res.statusCode).toBe(403);
    expect((await download(supervisor, `/api/points/ledger/export?regionId=${village}`)).res.statusCode).toBe(200);
    expect((await download(otherCadre, `/api/points/ledger/export?regionId=${village}`)).res.statusCode).toBe(404);
    const bad = async (q: string) => JSON.parse((await download(cadre, `/api/points/ledger/export?regionId=${village}&${q}`)).res.body);
    expect((await bad('from=2026-02-30')).error.code).toBe('VALIDATION_FAILED');
    expect((await bad('from=2026-12-01&to=2026-11-01')).error.message).toMatch(/开始日期不能晚于结束日期/);
    expect((await bad('to=20261201')).error.code).toBe('VALIDATION_FAILED');
    // With no dates: this year up to today.
    const { res } = await download(cadre, `/api/points/ledger/export?regionId=${village}`);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('_2026-01-01_2026-12-03.xlsx'));
  });
});

describe(`corrections and the consistency check on ${STORE}`, () => {
  const correct = (token: string, body: Record<string, unknown>) => env.call('POST', '/api/points/corrections', token, body);

  it('a correction needs a reason, a cadre, and enough points; one entry per idempotency key', async () => {
    expect((await correct(cadre, { householdId: neighbour, delta: 5 })).status).toBe(400);
    expect((await correct(villager, { householdId: hh(), delta: 5, reason: '补记' })).status).toBe(403);
    const balance = (await env.call('GET', `/api/households/${neighbour}/points`, cadre)).body.balance as number;
    const over = await correct(cadre, { householdId: neighbour, delta: -(balance + 1), reason: '扣回' });
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('INSUFFICIENT_POINTS');
    const body = { householdId: neighbour, delta: -2, reason: '扣回多记的分', idempotencyKey: `excel-test-${randomBytes(4).toString('hex')}` };
    const [a, b] = [await correct(cadre, body), await correct(cadre, body)];
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.id).toBe(a.body.id);
    const n = await env.ctx.db
      .selectFrom('point_entries')
      .select('id')
      .where('household_id', '=', neighbour)
      .where('source', '=', 'correction')
      .where('note', '=', '扣回多记的分')
      .execute();
    expect(n).toHaveLength(1);
    expect((await env.call('GET', `/api/households/${neighbour}/points`, cadre)).body.balance).toBe(balance - 2);
  });

  /** `npm run xz -- check-points` against this test's store. */
  async function cli(): Promise<{ code: number; out: string }> {
    const url =
      STORE === 'postgres'
        ? Object.assign(new URL(PG_URL), {
            pathname: `/${(await sql<{ n: string }>`select current_database() as n`.execute(env.ctx.db)).rows[0].n}`,
          }).toString()
        : `file:${(await sql<{ file: string }>`pragma database_list`.execute(env.ctx.db)).rows[0].file}`;
    return new Promise((resolve) => {
      execFile(
        join('node_modules', '.bin', 'tsx'),
        ['src/server/main.ts', 'check-points'],
        { env: { ...process.env, DATABASE_URL: url, XZ_QUIET: '1' }, timeout: 60_000 },
        (err, stdout) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: stdout }),
      );
    });
  }

  it('finds a balance row that disagrees with its entries, over HTTP and from the command line', async () => {
    const ok = await env.call('GET', `/api/points/consistency?regionId=${township}`, leader);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ mismatches: [], stock: [] });
    expect((await env.call('GET', `/api/points/consistency?regionId=${village}`, cadre)).status).toBe(403);
    expect(await checkPoints(env.ctx)).toEqual([]);

    const real = (await env.call('GET', `/api/households/${hh()}/points`, cadre)).body.balance as number;
    await env.ctx.db
      .updateTable('point_balances')
      .set({ balance: real + 100 })
      .where('household_id', '=', hh())
      .execute();
    const bad = await env.call('GET', `/api/points/consistency?regionId=${township}`, admin);
    expect(bad.body.mismatches).toEqual([{ householdId: hh(), balance: real + 100, sum: real }]);
    expect(await checkPoints(env.ctx)).toEqual([expect.stringContaining(hh())]);
    const run = await cli();
    expect(run.code).toBe(1);
    expect(run.out).toContain(`household ${hh()}: balance ${real + 100} ≠ sum of entries ${real}`);
    await env.ctx.db.updateTable('point_balances').set({ balance: real }).where('household_id', '=', hh()).execute();
  }, 120_000);
});
