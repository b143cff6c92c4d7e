// 走访台账: the month's visits in the layout village offices keep, generated from the log.
import ExcelJS from 'exceljs';
import { shanghaiDateTime } from '../../core/clock.js';
import { styleHeader, title } from '../../core/sheet.js';
import type * as service from './service.js';

type Row = Awaited<ReturnType<typeof service.monthRows>>[number];
const METHOD_ZH: Record<string, string> = { home: '入户走访', phone: '电话走访', other: '其他' };

export async function visitLedger(rows: Row[], month: string, now: Date, placeName = '') {
  const wb = new ExcelJS.Workbook();
  wb.creator = '乡治';
  const ws = wb.addWorksheet('走访台账');
  const cols = [
    ['序号', 6],
    ['走访日期', 12],
    ['网格', 14],
    ['户址', 28],
    ['户主', 10],
    ['走访对象', 10],
    ['走访方式', 10],
    ['走访人', 10],
    ['走访情况', 40],
    ['群众诉求', 30],
    ['后续跟进', 30],
    ['发现问题', 8],
    ['转办事件', 10],
  ] as const;
  const [y, m] = month.split('-');
  title(ws, `${placeName}${y}年${Number(m)}月走访台账`, cols.length);
  ws.addRow([`共走访 ${rows.length} 次，发现问题 ${rows.filter((r) => r.problem).length} 次，转为事件 ${rows.filter((r) => r.caseId).length} 件`]);
  ws.mergeCells(2, 1, 2, cols.length);
  ws.addRow(cols.map(([h]) => h));
  cols.forEach(([, w], i) => {
    ws.getColumn(i + 1).width = w;
  });
  styleHeader(ws, 3);
  rows.forEach((v, i) => {
    const r = ws.addRow([
      i + 1,
      v.visitDate,
      v.regionName,
      v.address,
      v.headName ?? '',
      v.residentName ?? '全户',
      METHOD_ZH[v.method] ?? v.method,
      v.visitorName,
      v.situation,
      v.needs ?? '',
      v.followUp ?? '',
      v.problem ? '是' : '否',
      v.caseId ? '是' : '',
    ]);
    r.alignment = { vertical: 'top', wrapText: true };
  });
  ws.addRow([]);
  ws.addRow([`导出时间：${shanghaiDateTime(now)}`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
