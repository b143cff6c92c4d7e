// Excel import/export of the household registry, against the store named by XZ_TEST_DB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { makeIdNumber } from '../src/shared/idnumber.js';
import { COLUMNS } from '../src/modules/people/excel-layout.js';
import { XLSX_MIME } from '../src/http/downloads.js';
import { parseRegistrySheet } from '../src/modules/people/excel-parse.js';
import { PHONES, startTestApp, type TestEnv } from './harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp();
}, 120_000);
afterAll(async () => {
  await env?.close();
});

type Row = Partial<Record<(typeof COLUMNS)[number]['key'], ExcelJS.CellValue>>;
async function xlsx(rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('户籍信息');
  ws.columns = COLUMNS.map((c) => ({ key: c.key, header: c.header }));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A multipart/form-data body built by hand: one part, field `file`. */
function multipart(data: Buffer, filename: string, type = XLSX_MIME) {
  const boundary = `----xz${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(phone: string, query: string, data: Buffer, filename = 'registry.xlsx', type?: string) {
  const m = multipart(data, filename, type);
  const res = await env.app.inject({
    method: 'POST',
    url: `/api/households/import?${query}`,
    headers: { ...m.headers, authorization: `Bearer ${await env.login(phone)}` },
    payload: m.payload,
  });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

async function download(phone: string, url: string) {
  const res = await env.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${await env.login(phone)}` } });
  return { res, wb: res.statusCode === 200 ? await new ExcelJS.Workbook().xlsx.load(res.rawPayload as unknown as ArrayBuffer) : null };
}

const count = async (table: 'households' | 'residents') =>
  Number(
    (
      await env.ctx.db
        .selectFrom(table)
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Unused valid numbers in area 610802 (checked against what the demo holds). */
async function idMaker() {
  const taken = new Set((await env.ctx.db.selectFrom('residents').select('id_number').execute()).map((r) => r.id_number));
  let k = 0;
  return (gender: 'male' | 'female') => {
    for (;;) {
      const birth = new Date(Date.UTC(1941, 0, 1) + (k++ % 20_000) * 86_400_000).toISOString().slice(0, 10);
      const id = makeIdNumber('610802', birth, 777, gender);
      if (!taken.has(id)) {
        taken.add(id);
        return id;
      }
    }
  };
}

const village = () => env.seed.villageIds.孟家湾村;
const GRIDS = ['一组网格', '二组网格', '三组网格', '四组网格'];

describe('import of 1,000 households with 3 broken rows', () => {
  let file: Buffer;
  const broken: number[] = [];
  let residents = 0;

  beforeAll(async () => {
    const nextId = await idMaker();
    const rows: Row[] = [];
    for (let h = 1; h <= 1000; h++) {
      const size = (h % 3) + 1;
      for (let j = 0; j < size; j++) {
        const gender = j === 1 ? 'female' : 'male';
        const row: Row = {
          householdKey: h,
          grid: j === 0 ? GRIDS[h % 4] : undefined,
          address: j === 0 ? `导入测试${h}号` : undefined,
          householdPhone: j === 0 ? `139${String(h).padStart(8, '0')}` : undefined,
          name: `测试${h}-${j}`,
          relation: j === 0 ? '户主' : j === 1 ? '配偶' : '子女',
          idNumber: nextId(gender),
          gender: gender === 'male' ? '男' : '女',
          tags: h % 50 === 0 && j === 0 ? '独居老人、困难群众' : undefined,
        };
        const excelRow = rows.length + 2;
        if (h === 10 && j === 0) {
          const s = String(row.idNumber);
          row.idNumber = s.slice(0, 17) + (s[17] === '1' ? '2' : '1');
          broken.push(excelRow);
        }
        if (h === 20 && j === 1) {
          row.name = '';
          broken.push(excelRow);
        }
        if (h === 30) {
          row.grid = '九组网格';
          broken.push(excelRow);
        }
        rows.push(row);
      }
    }
    residents = rows.length - [10, 20, 30].reduce((n, h) => n + (h % 3) + 1, 0);
    file = await xlsx(rows);
  });

  it('dryRun reports the three rows and imports nothing', async () => {
    const before = await count('households');
    const r = await upload(PHONES.cadre, `regionId=${village()}&mode=partial&dryRun=true`, file);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ mode: 'partial', dryRun: true, households: 1000, importedHouseholds: 997, importedResidents: residents });
    expect(r.body.errors.map((e: any) => e.row)).toEqual(broken);
    expect(await count('households')).toBe(before);
  });

  it('mode=all answers 422 with the errors and imports nothing', async () => {
    const before = await count('households');
    const r = await upload(PHONES.cadre, `regionId=${village()}&mode=all`, file);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('IMPORT_HAS_ERRORS');
    expect(r.body.error.details.errors.map((e: any) => e.row)).toEqual(broken);
    expect(r.body.error.details.totalRows).toBeGreaterThan(1000);
    expect(await count('households')).toBe(before);
  });

  it('partial mode imports the 997 valid households and lists exactly the broken rows', async () => {
    const [households, people] = [await count('households'), await count('residents')];
    const r = await upload(PHONES.cadre, `regionId=${village()}&mode=partial&dryRun=false`, file);
    expect(r.status).toBe(200);
    expect(r.body.importedHouseholds).toBe(997);
    expect(r.body.errors).toHaveLength(3);
    const [checkDigit, noName, grid] = r.body.errors;
    expect(checkDigit).toMatchObject({ row: broken[0], column: '身份证号' });
    expect(checkDigit.reason).toMatch(/校验位.*户编号“10”整户未导入/);
    expect(noName).toMatchObject({ row: broken[1], column: '姓名' });
    expect(grid).toMatchObject({ row: broken[2], column: '所属网格' });
    expect(grid.reason).toContain('九组网格');
    expect(await count('households')).toBe(households + 997);
    expect(await count('residents')).toBe(people + residents);

    const token = await env.login(PHONES.cadre);
    const found = await env.call('GET', `/api/households?regionId=${village()}&q=${encodeURIComponent('测试50-0')}`, token);
    expect(found.body.total).toBe(1);
    expect(found.body.items[0]).toMatchObject({ address: '导入测试50号', phone: '13900000050', gridName: GRIDS[50 % 4], tags: ['elderly_alone', 'poor'] });
    const audit = await env.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'household.import').execute();
    expect(audit).toHaveLength(1);

    // The same file again: every valid number is now registered, so nothing more lands.
    const again = await upload(PHONES.cadre, `regionId=${village()}`, file);
    expect(again.body.importedHouseholds).toBe(0);
    expect(again.body.errors.some((e: any) => e.reason.includes('已在系统中登记'))).toBe(true);
  }, 60_000);
});

describe('who may import', () => {
  it('a grid worker imports into their own grid only', async () => {
    const nextId = await idMaker();
    const grid1 = env.seed.gridIds['孟家湾村/一组'];
    const daughter = nextId('female');
    const file = await xlsx([
      { householdKey: 'A', address: '网格员导入1号', name: '网格甲', relation: '户主', idNumber: nextId('male'), phone: 13912340000 },
      {
        householdKey: 'A',
        name: '网格丁',
        relation: '子女',
        idNumber: daughter,
        birthDate: new Date(`${daughter.slice(6, 10)}-${daughter.slice(10, 12)}-${daughter.slice(12, 14)}T00:00:00Z`),
      },
      { householdKey: 'B', grid: '一组网格', address: '网格员导入2号', name: '网格乙', relation: '户主', idNumber: nextId('female') },
    ]);
    const ok = await upload(PHONES.grid, `regionId=${grid1}`, file, '一组户籍.xlsx');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ importedHouseholds: 2, importedResidents: 3, errors: [] });
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'household.import')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail!)).toMatchObject({ file: '一组户籍.xlsx', households: 2, residents: 3 });
    expect((await upload(PHONES.grid, `regionId=${village()}`, file)).status).toBe(403);
    expect((await upload(PHONES.grid, `regionId=${env.seed.gridIds['孟家湾村/二组']}`, file)).status).toBe(404);
    const other = await upload(
      PHONES.grid,
      `regionId=${grid1}&dryRun=true`,
      await xlsx([{ householdKey: 1, grid: '二组网格', address: 'x', name: '丙', relation: '户主', idNumber: nextId('male') }]),
    );
    expect(other.body.errors[0]).toMatchObject({ row: 2, column: '所属网格' });
  });

  it('a villager gets 403, and bad files get 400 IMPORT_INVALID_FILE', async () => {
    const file = await xlsx([]);
    const v = await upload(PHONES.villager, `regionId=${env.seed.gridIds['孟家湾村/一组']}`, file);
    expect(v.status).toBe(403);
    expect(v.body.error.code).toBe('FORBIDDEN');
    for (const [data, name] of [
      [Buffer.from('姓名,身份证号\n'), 'a.csv'],
      [Buffer.from('not a zip'), 'a.xlsx'],
      [file, 'a.xls'],
    ] as const) {
      const r = await upload(PHONES.cadre, `regionId=${village()}`, data, name);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('IMPORT_INVALID_FILE');
    }
    const json = await env.call('POST', `/api/households/import?regionId=${village()}`, await env.login(PHONES.cadre), {});
    expect(json.body.error.code).toBe('IMPORT_INVALID_FILE');
  });
});

describe('template and export', () => {
  it('the template downloads, is styled, and re-parses with zero errors', async () => {
    const { res, wb } = await download(PHONES.cadre, '/api/households/import-template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('村情户情档案导入模板.xlsx')}`);
    expect(wb!.worksheets.map((w) => w.name)).toEqual(['户籍信息', '填写说明']);
    const ws = wb!.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(COLUMNS.map((c) => c.header));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((ws as any).dataValidations.model.H2).toMatchObject({ type: 'list', formulae: ['"男,女"'] });
    expect(wb!.worksheets[1].getColumn(2).values.join()).toContain('独居老人');
    const parsed = parseRegistrySheet(ws, { today: '2026-11-27', resolveGrid: () => ({ id: 'g' }) });
    expect('fatal' in parsed ? parsed.fatal : parsed.households.flatMap((h) => h.rows.flatMap((r) => r.errors))).toEqual([]);
    const dry = await upload(PHONES.cadre, `regionId=${village()}&dryRun=true`, Buffer.from(res.rawPayload));
    expect(dry.body).toMatchObject({ totalRows: 2, households: 1, importedHouseholds: 1, errors: [] });
  });

  it('exports the filtered list with masked ID numbers, audited', async () => {
    const token = await env.login(PHONES.cadre);
    const list = await env.call('GET', `/api/households?regionId=${village()}&tag=party_member&pageSize=200`, token);
    expect(list.body.total).toBeGreaterThan(0);
    const { res, wb } = await download(PHONES.cadre, `/api/households/export?regionId=${village()}&tag=party_member`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename\*=UTF-8''.*\.xlsx/);
    const ws = wb!.worksheets[0];
    expect(String(ws.getCell('A1').value)).toMatch(/孟家湾村.*2026-11-27 10:00.*脱敏/);
    const rows = ws.getSheetValues().slice(3).filter(Boolean) as unknown[][];
    const col = (k: string) => COLUMNS.findIndex((c) => c.key === k) + 1;
    expect(new Set(rows.map((r) => r[col('householdKey')])).size).toBe(list.body.total);
    const expected = (await Promise.all(list.body.items.map((h: any) => env.call('GET', `/api/households/${h.id}`, token))))
      .flatMap((d) => d.body.residents.map((r: any) => `${r.name}|${r.idNumber}`))
      .sort();
    expect(rows.map((r) => `${r[col('name')]}|${r[col('idNumber')]}`).sort()).toEqual(expected);
    for (const r of rows) expect(String(r[col('idNumber')])).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    const audit = await env.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'household.export').execute();
    expect(audit.at(-1)).toMatchObject({ user_id: env.seed.users[PHONES.cadre] });

    // Re-importing the export as it is: every row names a masked number.
    const again = await upload(PHONES.cadre, `regionId=${village()}&dryRun=true`, Buffer.from(res.rawPayload));
    expect(again.body.importedHouseholds).toBe(0);
    expect(again.body.errors.every((e: any) => e.reason.includes('脱敏'))).toBe(true);
  });

  it('a villager may not export', async () => {
    const { res } = await download(PHONES.villager, '/api/households/export');
    expect(res.statusCode).toBe(403);
  });
});
