// Excel shared by the modules: the looks of the documents (台账) they generate — a centred title row and a shaded
// header row — and reading an uploaded workbook safely, cell by cell.
import ExcelJS, { type CellValue } from 'exceljs';
import type { AppError } from './errors.js';
import { unzippedSize } from './zip-guard.js';

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Any exceljs cell value as trimmed text; `num` is set when Excel stored a number. */
export function cellText(v: CellValue | undefined): { text: string; num?: number; date?: string } {
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'string') return { text: v.replace(/[\u00a0\u3000\u200b\ufeff]/g, ' ').trim() };
  if (typeof v === 'number') return { text: String(v), num: v };
  if (typeof v === 'boolean') return { text: v ? '是' : '否' };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { text: '' } : { text: isoDate(v), date: isoDate(v) };
  if ('richText' in v) return cellText(v.richText.map((r) => r.text).join(''));
  if ('formula' in v || 'sharedFormula' in v) return cellText(v.result as CellValue);
  if ('hyperlink' in v) return cellText(v.text as CellValue);
  if ('error' in v) return { text: String(v.error) };
  return { text: String(v).trim() };
}

/**
 * Loads an uploaded .xlsx, refusing (with `invalid`'s IMPORT_INVALID_FILE error) what is not one, what is damaged,
 * and what would inflate beyond `maxUnzipped` bytes (a zip bomb) before exceljs ever sees it.
 */
export async function loadXlsx(data: Buffer, maxUnzipped: number, invalid: (zh: string) => AppError): Promise<ExcelJS.Workbook> {
  const size = unzippedSize(data, maxUnzipped);
  if (size === null) throw invalid('无法读取该文件：请上传 .xlsx 格式的 Excel 文件（.xls 或 WPS 格式请先另存为 .xlsx）');
  if (size > maxUnzipped) throw invalid('文件解压后过大，请删除多余的工作表、图片或空行后重试');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw invalid('无法读取该文件：文件已损坏或不是 .xlsx 格式的 Excel 文件');
  }
  return wb;
}

export function styleHeader(ws: ExcelJS.Worksheet, row: number) {
  const r = ws.getRow(row);
  r.font = { bold: true };
  r.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  r.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F2F5' } };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
}

export function title(ws: ExcelJS.Worksheet, text: string, cols: number) {
  ws.mergeCells(1, 1, 1, cols);
  const c = ws.getCell(1, 1);
  c.value = text;
  c.font = { bold: true, size: 16 };
  c.alignment = { horizontal: 'center' };
  ws.getRow(1).height = 28;
}
