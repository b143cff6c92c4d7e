// Pure: an exceljs worksheet → per-row records with Chinese problems, grouped into
// households. No I/O: grid names are resolved by a function the caller passes in.
import type { Worksheet } from 'exceljs';
import { normalizeIdNumber } from '../../shared/idnumber.js';
import { cellText } from '../../core/sheet.js';
import { COLUMN_HEADER, COLUMNS, REQUIRED_COLUMNS, columnForHeader, type ColumnKey } from './excel-layout.js';
import { phoneOk, residentProblems } from './rules.js';
import { RESIDENT_TAGS, TAG_BY_ZH, TAG_CODES } from '../../shared/tags.js';
import type { ResidentInput } from './service.js';

export interface RowError {
  row: number;
  column?: string;
  reason: string;
}
export interface ParsedRow {
  row: number;
  key: string;
  grid: string;
  address: string;
  householdPhone: string;
  resident: ResidentInput;
  errors: RowError[];
}
export interface ParsedHousehold {
  key: string;
  gridId: string | null;
  address: string;
  phone: string | null;
  rows: ParsedRow[];
}
export interface SheetParse {
  totalRows: number;
  households: ParsedHousehold[];
  orphans: ParsedRow[];
}
export type GridResolution = { id: string } | { error: string };

export const MAX_ROWS = 20_000;
const MAX_MEMBERS = 30;
const FIELD_COLUMN: Record<string, ColumnKey> = {
  name: 'name',
  idNumber: 'idNumber',
  gender: 'gender',
  birthDate: 'birthDate',
  phone: 'phone',
  relation: 'relation',
};

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** "1980-3-5", "1980/03/05", "1980.3.5", "1980年3月5日", "19800305", an Excel serial → YYYY-MM-DD. */
export function parseDate(c: { text: string; num?: number; date?: string }): string | null {
  if (c.date) return c.date;
  if (c.num !== undefined && Number.isInteger(c.num) && c.num > 0 && c.num < 2_958_466 && !/^\d{8}$/.test(c.text))
    return isoDate(new Date(Date.UTC(1899, 11, 30) + c.num * 86_400_000));
  const m = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))$/.exec(c.text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return isoDate(date);
}

/** The header row (within the first ten) and where each known column sits. */
export function findHeader(ws: Worksheet): { row: number; cols: Map<ColumnKey, number> } | { missing: string[] } {
  let best: Map<ColumnKey, number> = new Map();
  for (let r = 1; r <= Math.min(10, ws.rowCount); r++) {
    const cols = new Map<ColumnKey, number>();
    ws.getRow(r).eachCell((cell, col) => {
      const key = columnForHeader(cellText(cell.value).text);
      if (key && !cols.has(key)) cols.set(key, col);
    });
    if (REQUIRED_COLUMNS.every((k) => cols.has(k))) return { row: r, cols };
    if (cols.size > best.size) best = cols;
  }
  return { missing: REQUIRED_COLUMNS.filter((k) => !best.has(k)).map((k) => COLUMN_HEADER[k]) };
}

function parseTags(text: string): { codes: string[]; unknown: string[] } {
  const codes: string[] = [],
    unknown: string[] = [];
  for (const label of text.split(/[、,，;；\s]+/).filter(Boolean)) {
    const code = TAG_BY_ZH[label] ?? (TAG_CODES as readonly string[]).find((c) => c === label);
    if (code) codes.push(code);
    else unknown.push(label);
  }
  return { codes: [...new Set(codes)], unknown };
}

/** One data row: cell-level checks plus the registry's own rules (residentProblems). */
export function parseRow(get: (k: ColumnKey) => { text: string; num?: number; date?: string }, row: number, today: string): ParsedRow {
  const errors: RowError[] = [];
  const err = (k: ColumnKey, reason: string) => errors.push({ row, column: COLUMN_HEADER[k], reason });
  const id = get('idNumber');
  const idText = id.text.replace(/\s+/g, '');
  const gender = get('gender').text;
  const birth = get('birthDate');
  const tags = parseTags(get('tags').text);
  const resident: ResidentInput = {
    name: get('name').text,
    idNumber: idText,
    relation: get('relation').text,
    phone: get('phone').text.replace(/\s+/g, '') || null,
    tags: tags.codes,
    note: get('note').text || null,
  };
  let idFlagged = true;
  if (id.num !== undefined || /^\d+(\.\d+)?E\+?\d+$/i.test(idText))
    err('idNumber', '身份证号被 Excel 存成了数字，末几位已丢失（Excel 数字只保留15位有效数字）。请把“身份证号”列设为文本格式，重新输入完整的18位号码');
  else if (idText.includes('*')) err('idNumber', '身份证号是脱敏号码（含*），不能导入，请填写完整的18位号码');
  else idFlagged = false;
  if (/^(男|男性|male|m)$/i.test(gender)) resident.gender = 'male';
  else if (/^(女|女性|female|f)$/i.test(gender)) resident.gender = 'female';
  else if (gender) err('gender', `性别应填写“男”或“女”，不能为“${gender}”`);
  if (birth.text) {
    const d = parseDate(birth);
    if (d) resident.birthDate = d;
    else err('birthDate', `出生日期“${birth.text}”无法识别，请按 1980-03-15 的格式填写`);
  }
  if (tags.unknown.length) err('tags', `未知的人员标签“${tags.unknown.join('、')}”，可用标签：${RESIDENT_TAGS.map((t) => t.zh).join('、')}`);
  if ((resident.note ?? '').length > 500) err('note', '备注不能超过500个字');
  for (const p of residentProblems(resident, today)) if (!(idFlagged && p.field === 'idNumber')) err(FIELD_COLUMN[p.field] ?? 'name', p.zh);
  const key = get('householdKey').text;
  if (!key) err('householdKey', '请填写户编号（同一户的成员填写相同的户编号）');
  else if (key.length > 50) err('householdKey', '户编号不能超过50个字');
  const address = get('address').text,
    householdPhone = get('householdPhone').text.replace(/\s+/g, '');
  if (address.length > 100) err('address', '住址不能超过100个字');
  if (householdPhone && !phoneOk(householdPhone)) err('householdPhone', '户联系电话应为11位手机号或带区号的座机号');
  return { row, key, grid: get('grid').text, address, householdPhone, resident, errors };
}

/** Household-level checks: one 户主, one grid/address/phone per household, size. */
function checkHousehold(rows: ParsedRow[], resolveGrid: (text: string) => GridResolution): ParsedHousehold {
  const first = rows[0];
  const err = (r: ParsedRow, k: ColumnKey, reason: string) => r.errors.push({ row: r.row, column: COLUMN_HEADER[k], reason });
  let gridId: string | null = null,
    gridRow = 0,
    gridBroken = false;
  for (const r of rows.filter((x) => x.grid)) {
    const g = resolveGrid(r.grid);
    if ('error' in g) {
      err(r, 'grid', g.error);
      gridBroken = true;
    } else if (gridId === null) {
      gridId = g.id;
      gridRow = r.row;
    } else if (g.id !== gridId) err(r, 'grid', `同一户的所属网格不一致（与第${gridRow}行不同）`);
  }
  if (gridId === null && !gridBroken) {
    const g = resolveGrid('');
    if ('error' in g) err(first, 'grid', g.error);
    else gridId = g.id;
  }
  const single = (k: 'address' | 'householdPhone', label: string) => {
    const withValue = rows.filter((r) => r[k]);
    for (const r of withValue.slice(1)) if (r[k] !== withValue[0][k]) err(r, k, `同一户的${label}不一致（与第${withValue[0].row}行不同）`);
    return withValue[0]?.[k] ?? '';
  };
  const address = single('address', '住址');
  const phone = single('householdPhone', '户联系电话');
  if (!address) err(first, 'address', '请填写住址（同一户填写一次即可）');
  const heads = rows.filter((r) => r.resident.relation === '户主');
  if (!heads.length) err(first, 'relation', '本户没有户主：每户须有且仅有一人的“与户主关系”填写“户主”');
  if (heads.length > 1)
    for (const h of heads) err(h, 'relation', `本户有${heads.length}名户主（第${heads.map((x) => x.row).join('、')}行），每户只能有一名户主`);
  for (const r of rows.slice(MAX_MEMBERS)) err(r, 'householdKey', `一户最多${MAX_MEMBERS}人，本户超出`);
  return { key: first.key, gridId, address, phone: phone || null, rows };
}

/** Reads the registry sheet: every non-empty row below the header, grouped by 户编号. */
export function parseRegistrySheet(ws: Worksheet, opts: { today: string; resolveGrid: (text: string) => GridResolution }): SheetParse | { fatal: string } {
  const header = findHeader(ws);
  if ('missing' in header) return { fatal: `未找到表头或缺少必需的列：${header.missing.join('、')}。请使用系统提供的导入模板` };
  if (ws.rowCount - header.row > MAX_ROWS) return { fatal: `一次最多导入${MAX_ROWS}行，请分批导入` };
  const rows: ParsedRow[] = [];
  for (let r = header.row + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const get = (k: ColumnKey) => {
      const c = header.cols.get(k);
      return c ? cellText(row.getCell(c).value) : { text: '' };
    };
    if (COLUMNS.every((c) => !get(c.key).text)) continue;
    rows.push(parseRow(get, r, opts.today));
  }
  // Duplicates within the file: every later occurrence of a number points at the first.
  const firstRow = new Map<string, number>();
  for (const r of rows) {
    if (r.errors.some((e) => e.column === COLUMN_HEADER.idNumber)) continue;
    const id = normalizeIdNumber(r.resident.idNumber);
    const seen = firstRow.get(id);
    if (seen !== undefined) r.errors.push({ row: r.row, column: COLUMN_HEADER.idNumber, reason: `身份证号与第${seen}行重复` });
    else firstRow.set(id, r.row);
  }
  const byKey = new Map<string, ParsedRow[]>();
  for (const r of rows.filter((x) => x.key)) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
  const households = [...byKey.values()].map((group) => checkHousehold(group, opts.resolveGrid));
  return { totalRows: rows.length, households, orphans: rows.filter((x) => !x.key) };
}
