import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { makeIdNumber } from '../../shared/idnumber.js';
import { type COLUMNS, columnForHeader, setColumns, writeHeader } from './excel-layout.js';
import { cellText } from '../../core/sheet.js';
import { parseDate, parseRegistrySheet, type GridResolution, type SheetParse } from './excel-parse.js';

const TODAY = '2026-11-27';
const GRIDS: Record<string, string> = { 一组网格: 'g1', '孟家湾村/一组网格': 'g1', 二组网格: 'g2' };
const resolveGrid = (t: string): GridResolution =>
  t ? (GRIDS[t] ? { id: GRIDS[t] } : { error: `所属网格“${t}”不在孟家湾村范围内` }) : { error: '请填写所属网格' };
const id = (birth: string, seq: number, g: 'male' | 'female' = 'male') => makeIdNumber('610802', birth, seq, g);

type Row = Partial<Record<(typeof COLUMNS)[number]['key'], unknown>>;
function sheet(rows: Row[], opts: { title?: string } = {}) {
  const ws = new ExcelJS.Workbook().addWorksheet('户籍信息');
  setColumns(ws);
  if (opts.title) ws.getRow(1).getCell(1).value = opts.title;
  writeHeader(ws, opts.title ? 2 : 1);
  for (const r of rows) ws.addRow(r as Record<string, ExcelJS.CellValue>);
  return ws;
}
function parse(rows: Row[], opts: { title?: string } = {}): SheetParse {
  const p = parseRegistrySheet(sheet(rows, opts), { today: TODAY, resolveGrid });
  if ('fatal' in p) throw new Error(p.fatal);
  return p;
}
const errorsOf = (p: SheetParse) => [...p.households.flatMap((h) => h.rows), ...p.orphans].flatMap((r) => r.errors);
const head = (over: Row = {}): Row => ({
  householdKey: '1',
  grid: '一组网格',
  address: '一组1号',
  name: '王建军',
  relation: '户主',
  idNumber: id('1970-01-02', 11),
  ...over,
});

describe('cell values', () => {
  it('normalises strings, numbers, rich text, formulas, hyperlinks and dates', () => {
    expect(cellText(' 王\u00a0 ')).toEqual({ text: '王' });
    expect(cellText(13800000001)).toEqual({ text: '13800000001', num: 13800000001 });
    expect(cellText({ richText: [{ text: '孟家' }, { text: '湾村' }] })).toEqual({ text: '孟家湾村' });
    expect(cellText({ formula: 'A1', result: '一组网格' } as ExcelJS.CellValue).text).toBe('一组网格');
    expect(cellText({ text: '链接', hyperlink: 'http://x' }).text).toBe('链接');
    expect(cellText(new Date(Date.UTC(1980, 2, 5)))).toEqual({ text: '1980-03-05', date: '1980-03-05' });
    expect(cellText(null).text).toBe('');
  });

  it('reads the birth dates cadres type', () => {
    for (const t of ['1980-3-5', '1980/03/05', '1980.3.5', '1980年3月5日', '19800305']) expect(parseDate({ text: t })).toBe('1980-03-05');
    expect(parseDate({ text: '29285', num: 29285 })).toBe('1980-03-05');
    expect(parseDate({ text: '1980-02-30' })).toBeNull();
    expect(parseDate({ text: '八零年' })).toBeNull();
  });

  it('maps headings with marks and aliases', () => {
    expect(columnForHeader('姓名*')).toBe('name');
    expect(columnForHeader(' 身份证号（必填）')).toBe('idNumber');
    expect(columnForHeader('公民身份号码')).toBe('idNumber');
    expect(columnForHeader('年龄')).toBeNull();
  });
});

describe('parseRegistrySheet', () => {
  it('groups rows into households and finds the header under a title row', () => {
    const p = parse(
      [
        head(),
        { householdKey: 1, name: '李秀英', relation: '配偶', idNumber: id('1972-05-06', 22, 'female'), gender: '女', tags: '党员、困难群众' },
        head({
          householdKey: '2',
          grid: '孟家湾村/一组网格',
          address: '一组2号',
          householdPhone: '13900000000',
          name: '张三',
          idNumber: id('1960-01-01', 33),
          birthDate: new Date(Date.UTC(1960, 0, 1)),
        }),
      ],
      { title: '村情户情档案汇总' },
    );
    expect(errorsOf(p)).toEqual([]);
    expect(p.totalRows).toBe(3);
    expect(p.households.map((h) => [h.key, h.gridId, h.address, h.rows.length])).toEqual([
      ['1', 'g1', '一组1号', 2],
      ['2', 'g1', '一组2号', 1],
    ]);
    expect(p.households[0].rows[1].resident).toMatchObject({ gender: 'female', tags: ['party_member', 'poor'] });
    expect(p.households[1].phone).toBe('13900000000');
  });

  it('says clearly that an ID number stored as a number lost its digits', () => {
    const p = parse([head({ idNumber: Number('610802197001021234') })]);
    const e = errorsOf(p);
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ row: 2, column: '身份证号' });
    expect(e[0].reason).toContain('存成了数字');
  });

  it('rejects masked numbers from an export', () => {
    expect(errorsOf(parse([head({ idNumber: '610802********1234' })]))[0].reason).toContain('脱敏');
  });

  it('reports each broken field with the Excel row and column', () => {
    const bad = id('1970-01-02', 11).slice(0, 17) + (id('1970-01-02', 11).endsWith('0') ? '1' : '0');
    const p = parse([
      head({ idNumber: bad }),
      head({ householdKey: '2', name: '', idNumber: id('1980-01-01', 1) }),
      head({ householdKey: '3', grid: '九组网格', idNumber: id('1980-01-01', 3) }),
      head({ householdKey: '4', gender: '男的', birthDate: '八零年', tags: '低保户', idNumber: id('1980-01-01', 5) }),
    ]);
    const e = errorsOf(p).map((x) => [x.row, x.column]);
    expect(e).toEqual([
      [2, '身份证号'],
      [3, '姓名'],
      [4, '所属网格'],
      [5, '性别'],
      [5, '出生日期'],
      [5, '人员标签'],
    ]);
    expect(errorsOf(p)[0].reason).toContain('校验位');
  });

  it('checks one head, consistent household facts and duplicates in the file', () => {
    const p = parse([
      head(),
      head({ name: '王二', idNumber: id('1971-01-01', 1) }),
      { householdKey: '2', grid: '一组网格', address: '一组5号', name: '赵一', relation: '子女', idNumber: id('1990-01-01', 1) },
      { householdKey: '3', grid: '一组网格', address: '一组6号', name: '钱一', relation: '户主', idNumber: id('1990-01-01', 1) },
      { householdKey: '3', grid: '二组网格', address: '一组7号', name: '钱二', relation: '子女', idNumber: id('1991-01-01', 1) },
      { householdKey: '', grid: '一组网格', address: 'x', name: '孙', relation: '户主', idNumber: id('1992-01-01', 1) },
    ]);
    const reasons = errorsOf(p).map((x) => `${x.row}:${x.column}:${x.reason}`);
    expect(reasons.filter((r) => r.includes('多名户主') || r.includes('2名户主'))).toHaveLength(2);
    expect(reasons.some((r) => r.startsWith('4:与户主关系:本户没有户主'))).toBe(true);
    expect(reasons.some((r) => r.startsWith('5:身份证号:身份证号与第4行重复'))).toBe(true);
    expect(reasons.some((r) => r.startsWith('6:所属网格:同一户的所属网格不一致'))).toBe(true);
    expect(reasons.some((r) => r.startsWith('6:住址:同一户的住址不一致'))).toBe(true);
    expect(reasons.some((r) => r.startsWith('7:户编号:请填写户编号'))).toBe(true);
    expect(p.orphans.map((r) => r.row)).toEqual([7]);
  });

  it('skips blank rows and refuses a sheet without the registry headings', () => {
    expect(parse([head(), {}, head({ householdKey: '2', idNumber: id('1980-01-01', 7) })]).totalRows).toBe(2);
    const ws = new ExcelJS.Workbook().addWorksheet('x');
    ws.addRow(['姓名', '年龄']);
    const p = parseRegistrySheet(ws, { today: TODAY, resolveGrid });
    expect('fatal' in p && p.fatal).toContain('户编号');
  });

  it('accepts any valid household written in any of the cell shapes (property)', () => {
    const member = fc.record({
      birth: fc.date({ min: new Date('1930-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      seq: fc.integer({ min: 0, max: 999 }),
      gender: fc.constantFrom('male' as const, 'female' as const),
      asDate: fc.boolean(),
      phone: fc.option(fc.integer({ min: 13000000000, max: 19999999999 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(member, { minLength: 1, maxLength: 6 }), (ms) => {
        const ids = ms.map((m) => id(m.birth, m.seq, m.gender));
        fc.pre(new Set(ids).size === ids.length);
        const p = parse(
          ms.map((m, i) => ({
            householdKey: 7,
            grid: i === 0 ? { richText: [{ text: '一组' }, { text: '网格' }] } : undefined,
            address: i === 0 ? '一组9号' : undefined,
            name: `居民${i}`,
            relation: i === 0 ? '户主' : '子女',
            idNumber: ids[i],
            gender: m.gender === 'male' ? '男' : '女',
            birthDate: m.asDate ? new Date(`${m.birth}T00:00:00Z`) : m.birth,
            phone: m.phone,
          })),
        );
        expect(errorsOf(p)).toEqual([]);
        expect(p.households).toHaveLength(1);
        expect(p.households[0].rows.map((r) => r.resident.idNumber)).toEqual(ids);
      }),
      { numRuns: 60 },
    );
  });
});
