// 村情户情档案 as cadres keep it in Excel: one row per resident, the household's
// facts repeated (or left blank) on each member's row. Shared by the import
// template, the export and the parser so a download can be filled and re-imported.
import type { Workbook, Worksheet } from 'exceljs';
import { RELATIONS } from './rules.js';
import { RESIDENT_TAGS } from '../../shared/tags.js';

export const COLUMNS = [
  { key: 'householdKey', header: '户编号', width: 10, required: true, text: true, hint: '同一户的成员填写相同的户编号（如 1、2、3…）' },
  { key: 'grid', header: '所属网格', width: 22, required: false, text: false, hint: '网格名称，如“一组网格”；在乡镇导入时写“村名/网格名”，也可填网格代码' },
  { key: 'address', header: '住址', width: 30, required: true, text: false, hint: '户的住址；同户只需在一行填写，填写多行时须一致' },
  { key: 'householdPhone', header: '户联系电话', width: 15, required: false, text: true, hint: '户的联系电话（手机号或带区号的座机号）' },
  { key: 'name', header: '姓名', width: 10, required: true, text: false, hint: '' },
  { key: 'relation', header: '与户主关系', width: 12, required: true, text: false, hint: '每户有且仅有一人填“户主”' },
  { key: 'idNumber', header: '身份证号', width: 22, required: true, text: true, hint: '18位公民身份号码，请以文本格式填写，勿存成数字' },
  { key: 'gender', header: '性别', width: 8, required: false, text: false, hint: '男/女，可不填（按身份证号判断）' },
  { key: 'birthDate', header: '出生日期', width: 12, required: false, text: true, hint: '如 1980-03-15，可不填（按身份证号判断）' },
  { key: 'phone', header: '手机号', width: 15, required: false, text: true, hint: '本人手机号，可不填' },
  { key: 'tags', header: '人员标签', width: 22, required: false, text: false, hint: '多个标签用“、”分隔' },
  { key: 'note', header: '备注', width: 24, required: false, text: false, hint: '' },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]['key'];
export const COLUMN_HEADER = Object.fromEntries(COLUMNS.map((c) => [c.key, c.header])) as Record<ColumnKey, string>;
/** Columns a file must have for the parser to make sense of it. */
export const REQUIRED_COLUMNS: ColumnKey[] = ['householdKey', 'address', 'name', 'relation', 'idNumber'];

/** Other headings seen in village ledgers, mapped to ours. */
const ALIASES: Record<string, ColumnKey> = {
  户号: 'householdKey',
  户序号: 'householdKey',
  网格: 'grid',
  所在网格: 'grid',
  家庭住址: 'address',
  地址: 'address',
  联系电话: 'householdPhone',
  户电话: 'householdPhone',
  关系: 'relation',
  与户主的关系: 'relation',
  身份证号码: 'idNumber',
  公民身份号码: 'idNumber',
  身份证: 'idNumber',
  电话: 'phone',
  本人手机号: 'phone',
  联系方式: 'phone',
  标签: 'tags',
  重点人群: 'tags',
  人员类别: 'tags',
};

/** "姓名*", " 身份证号（必填）" → a column key, or null. */
export function columnForHeader(text: string): ColumnKey | null {
  const t = text.replace(/[\s*＊]/g, '').replace(/[（(][^）)]*[）)]/g, '');
  const direct = COLUMNS.find((c) => c.header === t);
  return direct ? direct.key : (ALIASES[t] ?? null);
}

export const DATA_SHEET = '户籍信息';
export const TEMPLATE_FILE = '村情户情档案导入模板.xlsx';
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const;
const REQUIRED_FONT = { bold: true, color: { argb: 'FFC00000' } };
const THIN = { style: 'thin', color: { argb: 'FF9BA8B8' } } as const;

/** Column widths and text formats (so Excel keeps ID numbers whole); set before any row is written. */
export function setColumns(ws: Worksheet) {
  ws.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width, ...(c.text ? { style: { numFmt: '@' } } : {}) }));
}

/** Styled header row with a hint on each heading; the rows above it stay frozen. */
export function writeHeader(ws: Worksheet, rowNumber: number) {
  const row = ws.getRow(rowNumber);
  COLUMNS.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.value = c.header;
    cell.fill = HEADER_FILL;
    cell.font = c.required ? REQUIRED_FONT : { bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    if (c.hint) cell.note = `${c.required ? '必填。' : '选填。'}${c.hint}`;
  });
  row.height = 22;
  // In place: the streaming writer's `views` has no setter.
  ws.views.splice(0, ws.views.length, { state: 'frozen', ySplit: rowNumber, xSplit: 0, activeCell: `A${rowNumber + 1}` });
}

/** Drop-down lists for 性别 and 与户主关系 (a warning only: relation is free text). */
export function addValidations(ws: Worksheet, fromRow: number, toRow: number) {
  const col = (k: ColumnKey) => String.fromCharCode(65 + COLUMNS.findIndex((c) => c.key === k));
  const dv = (ws as unknown as { dataValidations: { add(range: string, v: object): void } }).dataValidations;
  dv.add(`${col('gender')}${fromRow}:${col('gender')}${toRow}`, {
    type: 'list',
    allowBlank: true,
    formulae: ['"男,女"'],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '性别',
    error: '请选择“男”或“女”',
  });
  dv.add(`${col('relation')}${fromRow}:${col('relation')}${toRow}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${RELATIONS.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: '与户主关系',
    error: '建议从列表中选择；每户须有且仅有一名“户主”',
  });
}

/** The second sheet: how to fill the registry, and the tag labels the importer knows. */
export function addInstructions(wb: Workbook, gridExamples: string[]) {
  const ws = wb.addWorksheet('填写说明');
  ws.columns = [{ width: 16 }, { width: 90 }];
  const lines: [string, string][] = [
    ['填写说明', '每行填写一名居民；同一户的成员填写相同的“户编号”，户编号只用于在本文件内分户，导入后由系统另行编号。'],
    [
      '必填列',
      `${COLUMNS.filter((c) => c.required)
        .map((c) => c.header)
        .join('、')}（表头红色）；所属网格在网格一级导入时可不填。`,
    ],
    ['户主', `每户有且仅有一人的“与户主关系”填“户主”；其他成员可填：${RELATIONS.filter((r) => r !== '户主').join('、')}。`],
    ['身份证号', '18位公民身份号码，最后一位可为X。请保持该列为“文本”格式：存成数字的号码末几位会丢失，无法导入。'],
    ['脱敏号码', '从系统导出的表格中身份证号已脱敏（中间以*代替），不能直接重新导入，须填写完整号码。'],
    ['住址与电话', '“住址”“户联系电话”“所属网格”是户的信息，同一户填一次即可；多行都填写时必须一致。'],
    [
      '所属网格',
      '填写网格名称' +
        (gridExamples.length ? `，如：${gridExamples.slice(0, 6).join('、')}` : '，如“一组网格”') +
        '；名称在多个村重复时写成“村名/网格名”，也可填写网格代码。',
    ],
    ['导入方式', '“部分导入”：无误的户全部导入，有错误的户整户跳过；“全部导入”：文件中有任何错误则全部不导入。可先“试导入”检查。'],
    ['示例', '“户籍信息”表中的两行示例（户编号 1）请在导入前删除或改为实际数据。'],
    ['', ''],
    ['人员标签', '可填写的标签（多个用“、”分隔）：'],
    ...RESIDENT_TAGS.map((t): [string, string] => ['', `${t.zh}（${t.en}）`]),
  ];
  lines.forEach(([a, b], i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = a;
    row.getCell(2).value = b;
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  });
  ws.getRow(1).getCell(1).font = { bold: true, size: 14 };
  return ws;
}
